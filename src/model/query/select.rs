//! Which tasks a `Query` selects from a plan, and in what order: filters
//! combined, search through the `SearchIndex`, hierarchy or sort. Pure;
//! positions refer to the `PlanIndex` of the same plan.

use super::{given, Query, Sort, SortKey, UnitRole, NO_AREA_KEY};
use crate::model::index::PlanIndex;
use crate::model::schedule::{Assessment, Level};
use crate::model::search::{SearchIndex, SearchTerms};
use crate::model::task::{Status, Task};
use std::cmp::Ordering;

/// The tasks a query selects, as rows ready to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Rows to show, in order. With no sort: hierarchy (preorder) order,
    /// each matching task together with its ancestors (`matched: false`,
    /// shown as context so the tree stays readable). With a sort: only the
    /// matching tasks, sorted (stable; ties in hierarchy order).
    pub rows: Vec<SelectedRow>,
    /// Matching work items (tasks without children), in hierarchy order,
    /// for the header counts. A matching parent is not counted itself.
    pub work_items: Vec<usize>,
}

/// One row of a selection: a position in the plan's tasks (`PlanIndex`),
/// and whether it matched or is shown as an ancestor of one that did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SelectedRow {
    /// Position in `plan.tasks`; `PlanIndex::id` gives the task's id.
    pub pos: usize,
    /// False for an ancestor shown only so that a match below it keeps its
    /// place in the tree (the UI may dim it).
    pub matched: bool,
}

impl Selection {
    /// How many rows matched (context rows not counted).
    pub fn matched_count(&self) -> usize {
        self.rows.iter().filter(|r| r.matched).count()
    }

    /// The rows by position, for a view that walks the plan in its own
    /// order (the ledger's outline groups 要点 by area): `None` for a task
    /// not shown, `Some(matched)` for one shown. `len` is the plan's
    /// number of tasks; rows beyond it are left out.
    pub fn by_position(&self, len: usize) -> Vec<Option<bool>> {
        let mut out = vec![None; len];
        for r in &self.rows {
            if let Some(slot) = out.get_mut(r.pos) {
                *slot = Some(r.matched);
            }
        }
        out
    }
}

/// Selects the tasks of the indexed plan that `query` describes.
/// `assessments` are by position (`rollup::assess_positions` for the same
/// plan and day); `search` was built from the same plan. Each task is
/// judged on its own fields (and its own rolled-up light and due date);
/// filters combine with AND, the entries of one list with OR.
pub fn select(
    index: &PlanIndex,
    assessments: &[Assessment],
    search: &SearchIndex,
    query: &Query,
) -> Selection {
    let terms = SearchTerms::parse(&query.text);
    let filter = Filter::new(query);
    let n = index.len();
    let matched: Vec<bool> = (0..n)
        .map(|pos| filter.accepts(index, pos, assessments.get(pos)) && search.matches(pos, &terms))
        .collect();
    let work_items = index
        .preorder()
        .iter()
        .copied()
        .filter(|&p| matched[p] && !index.is_parent(p))
        .collect();
    let rows = match query.sort {
        None => hierarchy_rows(index, &matched),
        Some(sort) => {
            let hits: Vec<usize> = index
                .preorder()
                .iter()
                .copied()
                .filter(|&p| matched[p])
                .collect();
            sorted(index, assessments, hits, sort)
                .into_iter()
                .map(|pos| SelectedRow { pos, matched: true })
                .collect()
        }
    };
    Selection { rows, work_items }
}

/// The matching tasks and their ancestors, in preorder.
fn hierarchy_rows(index: &PlanIndex, matched: &[bool]) -> Vec<SelectedRow> {
    // Children come before their parents in reversed preorder, so one pass
    // tells each task whether anything at or below it matched.
    let mut shown = matched.to_vec();
    for &p in index.preorder().iter().rev() {
        if !shown[p] && index.children(p).iter().any(|&c| shown[c]) {
            shown[p] = true;
        }
    }
    index
        .preorder()
        .iter()
        .filter(|&&p| shown[p])
        .map(|&pos| SelectedRow {
            pos,
            matched: matched[pos],
        })
        .collect()
}

/// The query's filters, prepared once for a pass over every task.
struct Filter<'q> {
    query: &'q Query,
    areas: Vec<&'q str>,
    no_area: bool,
    unit: Option<&'q str>,
    leader: Option<&'q str>,
    tag: Option<&'q str>,
}

impl<'q> Filter<'q> {
    fn new(query: &'q Query) -> Filter<'q> {
        let areas: Vec<&str> = query
            .areas
            .iter()
            .map(String::as_str)
            .filter(|a| !a.trim().is_empty())
            .collect();
        Filter {
            no_area: areas.contains(&NO_AREA_KEY),
            areas,
            unit: query.unit.as_deref().filter(|u| !u.trim().is_empty()),
            leader: given(&query.leader),
            tag: given(&query.tag),
            query,
        }
    }

    fn accepts(&self, index: &PlanIndex, pos: usize, a: Option<&Assessment>) -> bool {
        let q = self.query;
        let task = index.at(pos);
        (!q.key_only || task.key_task)
            && (q.statuses.is_empty() || q.statuses.contains(&task.status))
            && (q.levels.is_empty() || a.is_some_and(|a| q.levels.contains(&a.level)))
            && self.leader.is_none_or(|l| task.leader.trim() == l)
            && self
                .tag
                .is_none_or(|tag| task.tags.iter().any(|t| t.trim() == tag))
            && self.unit.is_none_or(|u| takes_part(task, u, q.unit_role))
            && self.due_ok(a)
            && (q.warnings.is_empty() || a.is_some_and(|a| q.warnings.iter().any(|w| w.holds(a))))
            && self.area_ok(index, pos)
    }

    fn due_ok(&self, a: Option<&Assessment>) -> bool {
        let (from, to) = (self.query.due_from, self.query.due_to);
        if from.is_none() && to.is_none() {
            return true;
        }
        match a.and_then(|a| a.current_due) {
            Some(due) => from.is_none_or(|f| due >= f) && to.is_none_or(|t| due <= t),
            None => false,
        }
    }

    fn area_ok(&self, index: &PlanIndex, pos: usize) -> bool {
        if self.areas.is_empty() {
            return true;
        }
        match index.area_of(pos) {
            Some(area) => self.areas.contains(&area.id.as_str()),
            None => self.no_area,
        }
    }
}

/// True when `unit` takes part in `task` in `role`.
fn takes_part(task: &Task, unit: &str, role: UnitRole) -> bool {
    let lead = || task.lead_unit.as_deref() == Some(unit);
    let support = || task.support_units.iter().any(|u| u == unit);
    match role {
        UnitRole::Lead => lead(),
        UnitRole::Support => support(),
        UnitRole::Either => lead() || support(),
    }
}

/// `hits` (in hierarchy order) sorted by `sort`; ties keep their order.
fn sorted(
    index: &PlanIndex,
    assessments: &[Assessment],
    hits: Vec<usize>,
    sort: Sort,
) -> Vec<usize> {
    let desc = sort.descending;
    let assessment = |p: usize| assessments.get(p);
    match sort.key {
        SortKey::Title => by_key(hits, desc, |p| non_blank(&index.at(p).title)),
        SortKey::LeadUnit => by_key(hits, desc, |p| {
            index
                .at(p)
                .lead_unit
                .as_deref()
                .map(|u| unit_name(index, u))
        }),
        SortKey::SupportUnits => by_key(hits, desc, |p| {
            let names: Vec<&str> = index
                .at(p)
                .support_units
                .iter()
                .map(|u| unit_name(index, u))
                .collect();
            Some(names.join("、")).filter(|s| !s.is_empty())
        }),
        SortKey::Leader => by_key(hits, desc, |p| non_blank(&index.at(p).leader)),
        SortKey::Due => by_key(hits, desc, |p| assessment(p).and_then(|a| a.current_due)),
        SortKey::Progress => by_key(hits, desc, |p| {
            // Hundredths of a percent: finer differences are not shown.
            assessment(p).map(|a| (a.progress * 100.0).round() as i64)
        }),
        SortKey::Level => by_key(hits, desc, |p| assessment(p).map(|a| urgency_rank(a.level))),
        SortKey::Status => by_key(hits, desc, |p| Some(status_rank(index.at(p).status))),
    }
}

/// `text` trimmed, or `None` when blank.
fn non_blank(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// A unit's name; an unknown id as itself, as the ledger shows it.
fn unit_name<'a>(index: &PlanIndex<'a>, id: &'a str) -> &'a str {
    index.unit(id).map_or(id, |u| u.name.as_str())
}

/// Stable sort by a key computed once per row; rows without a key last.
fn by_key<K: Ord>(
    hits: Vec<usize>,
    descending: bool,
    key: impl Fn(usize) -> Option<K>,
) -> Vec<usize> {
    let mut keyed: Vec<(Option<K>, usize)> = hits.into_iter().map(|p| (key(p), p)).collect();
    crate::model::sorting::sort_by(&mut keyed, |(a, _), (b, _)| match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(a),
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    keyed.into_iter().map(|(_, p)| p).collect()
}

/// 0 for the most urgent light.
fn urgency_rank(level: Level) -> u8 {
    match level {
        Level::Red => 0,
        Level::Yellow => 1,
        Level::Green => 2,
        Level::Halted => 3,
        Level::DoneLate => 4,
        Level::DoneOnTime => 5,
    }
}

/// The order work goes through.
fn status_rank(status: Status) -> u8 {
    match status {
        Status::NotStarted => 0,
        Status::InProgress => 1,
        Status::Paused => 2,
        Status::Stopped => 3,
        Status::Closed => 4,
    }
}
