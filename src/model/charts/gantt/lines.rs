//! Which lines the Gantt shows, in what order: the ledger's hierarchy
//! (areas in order, each with its tasks), or grouped under a heading per
//! area or per lead unit. Collapsed branches and closed groups hide their
//! tasks; a filter keeps only its own rows.

use crate::model::hierarchy::{outline_of, OutlineEntry};
use crate::model::index::PlanIndex;
use crate::model::TaskId;
use std::collections::{HashMap, HashSet};

/// How the rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// The ledger's outline, no headings.
    Hierarchy,
    /// A heading per area (领域), tasks in hierarchy order below it: the
    /// ledger's own layout, so the default.
    #[default]
    Area,
    /// A heading per lead unit (牵头单位), its tasks in outline order.
    LeadUnit,
}

impl Grouping {
    pub const ALL: [Grouping; 3] = [Grouping::Area, Grouping::LeadUnit, Grouping::Hierarchy];

    pub fn key(self) -> &'static str {
        match self {
            Grouping::Hierarchy => "outline",
            Grouping::Area => "area",
            Grouping::LeadUnit => "unit",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Grouping::Hierarchy => "不分组",
            Grouping::Area => "按领域分组",
            Grouping::LeadUnit => "按牵头单位分组",
        }
    }

    pub fn from_key(key: &str) -> Option<Grouping> {
        Grouping::ALL.into_iter().find(|g| g.key() == key)
    }
}

/// Name of the group for tasks with no lead unit.
pub const NO_LEAD_UNIT: &str = "未明确牵头单位";

/// One line to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A group heading with the positions of the tasks it holds (after the
    /// filter, before closing), so a closed group still says how many.
    Group {
        key: String,
        label: String,
        members: Vec<usize>,
        closed: bool,
    },
    /// A task at `depth` (0 under a lead-unit heading: that list is flat),
    /// with its outline number; `branch` when it can collapse here.
    Task {
        pos: usize,
        depth: usize,
        number: String,
        branch: bool,
    },
}

/// The lines shown for `grouping`, skipping the descendants of collapsed
/// tasks and the tasks of closed groups, keeping only `only` when given.
pub fn shown(
    index: &PlanIndex,
    grouping: Grouping,
    collapsed: &HashSet<TaskId>,
    closed: &HashSet<String>,
    only: Option<&HashSet<usize>>,
) -> Vec<Entry> {
    let outline = outline_of(index);
    match grouping {
        Grouping::Hierarchy => hierarchy(index, &outline, collapsed, only),
        Grouping::Area => by_area(index, &outline, collapsed, closed, only),
        Grouping::LeadUnit => by_lead_unit(index, &outline, closed, only),
    }
}

/// The tasks of `outline` in its order, with no headings.
fn hierarchy(
    index: &PlanIndex,
    outline: &[OutlineEntry],
    collapsed: &HashSet<TaskId>,
    only: Option<&HashSet<usize>>,
) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut hidden_below: Option<usize> = None;
    for e in outline {
        let OutlineEntry::Task { id, depth, number } = e else {
            hidden_below = None;
            continue;
        };
        let Some(pos) = index.position(id) else {
            continue;
        };
        if let Some(d) = hidden_below {
            if *depth > d {
                continue;
            }
            hidden_below = None;
        }
        if only.is_some_and(|o| !o.contains(&pos)) {
            continue;
        }
        let branch = index.is_parent(pos);
        out.push(Entry::Task {
            pos,
            depth: *depth,
            number: number.clone(),
            branch,
        });
        if branch && collapsed.contains(id) {
            hidden_below = Some(*depth);
        }
    }
    out
}

fn by_area(
    index: &PlanIndex,
    outline: &[OutlineEntry],
    collapsed: &HashSet<TaskId>,
    closed: &HashSet<String>,
    only: Option<&HashSet<usize>>,
) -> Vec<Entry> {
    let mut out = Vec::new();
    // Split the outline at its area headings; each part is laid out as the
    // hierarchy is, under its own heading.
    let mut start = 0;
    while start < outline.len() {
        let OutlineEntry::Area {
            area_id,
            name,
            number,
        } = &outline[start]
        else {
            start += 1;
            continue;
        };
        let end = outline[start + 1..]
            .iter()
            .position(|e| matches!(e, OutlineEntry::Area { .. }))
            .map_or(outline.len(), |n| start + 1 + n);
        let part = &outline[start + 1..end];
        let members: Vec<usize> = part
            .iter()
            .filter_map(|e| match e {
                OutlineEntry::Task { id, .. } => index.position(id),
                _ => None,
            })
            .filter(|p| only.is_none_or(|o| o.contains(p)))
            .collect();
        start = end;
        if members.is_empty() {
            continue;
        }
        let key = format!("area:{}", area_id.as_deref().unwrap_or(name));
        let is_closed = closed.contains(&key);
        out.push(Entry::Group {
            label: format!("{number}{name}"),
            closed: is_closed,
            key,
            members,
        });
        if !is_closed {
            out.extend(hierarchy(index, part, collapsed, only));
        }
    }
    out
}

fn by_lead_unit(
    index: &PlanIndex,
    outline: &[OutlineEntry],
    closed: &HashSet<String>,
    only: Option<&HashSet<usize>>,
) -> Vec<Entry> {
    let plan = index.plan();
    // Units in the order of the plan's unit list, then tasks with a lead
    // unit the list no longer has, then those with none.
    let mut place: HashMap<&str, usize> = HashMap::new();
    for (i, u) in plan.units.iter().enumerate() {
        place.entry(u.id.as_str()).or_insert(i);
    }
    // (rank, key, label, tasks with their outline numbers)
    type Group = (usize, String, String, Vec<(usize, String)>);
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for e in outline {
        let OutlineEntry::Task { id, number, .. } = e else {
            continue;
        };
        let Some(pos) = index.position(id) else {
            continue;
        };
        if only.is_some_and(|o| !o.contains(&pos)) {
            continue;
        }
        let lead = index
            .at(pos)
            .lead_unit
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty());
        let key = format!("unit:{}", lead.unwrap_or(""));
        let g = *group_of.entry(key.clone()).or_insert_with(|| {
            let (rank, label) = match lead {
                Some(u) => (
                    place.get(u).copied().unwrap_or(plan.units.len()),
                    index.unit_name(u),
                ),
                None => (usize::MAX, NO_LEAD_UNIT.to_string()),
            };
            groups.push((rank, key, label, Vec::new()));
            groups.len() - 1
        });
        groups[g].3.push((pos, number.clone()));
    }
    crate::model::sorting::sort_by(&mut groups, |a, b| (a.0, &a.2).cmp(&(b.0, &b.2)));
    let mut out = Vec::new();
    for (_, key, label, tasks) in groups {
        let is_closed = closed.contains(&key);
        out.push(Entry::Group {
            members: tasks.iter().map(|(p, _)| *p).collect(),
            closed: is_closed,
            key,
            label,
        });
        if !is_closed {
            out.extend(tasks.into_iter().map(|(pos, number)| Entry::Task {
                pos,
                depth: 0,
                number,
                branch: false,
            }));
        }
    }
    out
}
