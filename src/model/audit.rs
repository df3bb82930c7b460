//! The blind-spot audit (无盲区、无死角). The speech asks that pressure be
//! passed down "layer by layer, with no blind spots and no dead corners":
//! every task must have someone who leads it, a date it is due and a leader
//! who answers for it; every unit must carry some load; key tasks need
//! milestones to be followed; and work under way must be reported on. This
//! module finds where the plan falls short of that, so the office can fix
//! the record before the gap turns into an undone task.
//!
//! Like the warning rules, the audit is computed from the plan and a date
//! and never stored. It walks the plan once through `PlanIndex` and the
//! outline, so a plan of thousands of tasks is audited in linear time.

use crate::model::hierarchy::{outline_of, OutlineEntry};
use crate::model::id::TaskId;
use crate::model::index::PlanIndex;
use crate::model::plan::{Plan, Unit};
use crate::model::task::Task;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What kind of gap an entry is; the audit lists kinds in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BlindSpotKind {
    /// A task with no lead unit, or one whose lead unit is not in the
    /// registry (a unit since removed, or a typing error in an old file).
    NoLeadUnit,
    /// A task without a due date (完成时限).
    NoDueDate,
    /// A task without a responsible leader (责任领导).
    NoLeader,
    /// A unit in the registry that leads no task (supporting others does
    /// not count: nothing is its own to answer for).
    IdleUnit,
    /// A key task (重点任务) without milestones to follow it by.
    KeyTaskWithoutMilestones,
    /// An open work item that has started but has never been reported on.
    NeverReported,
}

impl BlindSpotKind {
    /// Every kind, in the order the audit lists them.
    pub const ALL: [BlindSpotKind; 6] = [
        BlindSpotKind::NoLeadUnit,
        BlindSpotKind::NoDueDate,
        BlindSpotKind::NoLeader,
        BlindSpotKind::IdleUnit,
        BlindSpotKind::KeyTaskWithoutMilestones,
        BlindSpotKind::NeverReported,
    ];

    /// The heading of the kind's section.
    pub fn label(self) -> &'static str {
        match self {
            BlindSpotKind::NoLeadUnit => "未明确牵头单位的任务",
            BlindSpotKind::NoDueDate => "未明确完成时限的任务",
            BlindSpotKind::NoLeader => "未明确责任领导的任务",
            BlindSpotKind::IdleUnit => "未牵头任何任务的单位",
            BlindSpotKind::KeyTaskWithoutMilestones => "未设时序进度节点的重点任务",
            BlindSpotKind::NeverReported => "已启动但从未报送进展的任务",
        }
    }

    /// One line on why the gap matters and how to close it.
    pub fn hint(self) -> &'static str {
        match self {
            BlindSpotKind::NoLeadUnit => {
                "没有牵头单位，任务就无人负总责。请在任务中指定单位名录里的一个牵头单位。"
            }
            BlindSpotKind::NoDueDate => {
                "没有完成时限，就无法判断是否逾期。请为任务填写完成时限。"
            }
            BlindSpotKind::NoLeader => {
                "责任领导是压力传导的第一环。请为任务填写分管的责任领导。"
            }
            BlindSpotKind::IdleUnit => {
                "单位不牵头任何任务，责任就没有落到它身上。请核实分工，为其分配牵头任务，或从单位名录中移除。"
            }
            BlindSpotKind::KeyTaskWithoutMilestones => {
                "重点任务要按节点跟踪。请为任务设置时序进度节点。"
            }
            BlindSpotKind::NeverReported => {
                "任务已启动却没有任何进展报送，实际情况无从掌握。请督促牵头单位报送进展。"
            }
        }
    }

    /// Stable machine name, for `data-kind` attributes and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            BlindSpotKind::NoLeadUnit => "no-lead-unit",
            BlindSpotKind::NoDueDate => "no-due-date",
            BlindSpotKind::NoLeader => "no-leader",
            BlindSpotKind::IdleUnit => "idle-unit",
            BlindSpotKind::KeyTaskWithoutMilestones => "key-task-without-milestones",
            BlindSpotKind::NeverReported => "never-reported",
        }
    }
}

/// One gap found by the audit: a task or a unit, and what to show for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlindSpot {
    pub kind: BlindSpotKind,
    /// The task concerned, for every kind except `IdleUnit`.
    pub task: Option<TaskId>,
    /// The unit concerned (its registry id), for `IdleUnit`.
    pub unit: Option<String>,
    /// What to show: the task's number and title, e.g. "（一） 2.
    /// 巩固深化党史学习教育成果", or the unit's name.
    pub name: String,
    /// More about this entry when there is something to add, e.g. that a
    /// lead unit id is not in the registry; empty otherwise.
    pub note: String,
}

impl BlindSpot {
    /// The app address that opens the editor where the gap can be fixed:
    /// `#/ledger?edit=<task id>` for a task, `#/units?edit=<unit id>` for a
    /// unit. Ids are percent-encoded, since ids from older files may hold
    /// any text.
    pub fn href(&self) -> String {
        match (&self.task, &self.unit) {
            (Some(task), _) => format!("#/ledger?edit={}", encode(task.as_str())),
            (None, Some(unit)) => format!("#/units?edit={}", encode(unit)),
            (None, None) => "#/ledger".to_string(),
        }
    }
}

/// How many entries of one kind the audit found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindCount {
    pub kind: BlindSpotKind,
    /// Entries of that kind; 0 when none.
    pub count: usize,
}

/// Every blind spot of `plan` as of `today`: grouped by kind in the order of
/// `BlindSpotKind::ALL`; within a kind, tasks in outline order (areas, then
/// each 要点 followed by its 任务, as the ledger shows them) and units in
/// registry order.
pub fn audit(plan: &Plan, today: NaiveDate) -> Vec<BlindSpot> {
    let index = PlanIndex::new(plan);
    let order = outline_order(&index);
    let numbers = Numbers::new(&index, &order);
    let mut groups: Vec<Vec<BlindSpot>> = vec![Vec::new(); BlindSpotKind::ALL.len()];

    for &(pos, _) in &order {
        let gaps = task_gaps(&index, pos, today);
        if gaps.is_empty() {
            continue;
        }
        let name = numbers.name(pos);
        for (kind, note) in gaps {
            // `ALL` lists the kinds in declaration order, so a kind's
            // discriminant is its group.
            groups[kind as usize].push(BlindSpot {
                kind,
                task: Some(index.id(pos).clone()),
                unit: None,
                name: name.clone(),
                note,
            });
        }
    }
    groups[BlindSpotKind::IdleUnit as usize] = idle_units(plan);
    groups.into_iter().flatten().collect()
}

/// The number of entries of each kind, every kind listed (zero included),
/// in the audit's order.
pub fn summary(spots: &[BlindSpot]) -> Vec<KindCount> {
    let mut counts = [0usize; BlindSpotKind::ALL.len()];
    for s in spots {
        counts[s.kind as usize] += 1;
    }
    BlindSpotKind::ALL
        .iter()
        .map(|&kind| KindCount {
            kind,
            count: counts[kind as usize],
        })
        .collect()
}

/// How many blind spots `plan` has as of `today`: the number the
/// navigation shows beside the audit page.
pub fn blind_spot_count(plan: &Plan, today: NaiveDate) -> usize {
    blind_spot_count_in(&PlanIndex::new(plan), today)
}

/// `blind_spot_count` for code that already holds the index: the gaps are
/// counted, not listed (no outline, numbers or names), so the count beside
/// 盲区排查 costs little at start (issue 19). Every task is in the outline
/// once (stranded ones in their own group), so counting task by task
/// gives the audit's length.
pub fn blind_spot_count_in(index: &PlanIndex, today: NaiveDate) -> usize {
    let tasks: usize = (0..index.len())
        .map(|pos| task_gaps(index, pos, today).len())
        .sum();
    tasks + idle_units(index.plan).len()
}

/// The task-level gaps of the task at `pos`, each with its note.
fn task_gaps(index: &PlanIndex, pos: usize, today: NaiveDate) -> Vec<(BlindSpotKind, String)> {
    let task = index.at(pos);
    let mut gaps = Vec::new();
    match task.lead_unit.as_deref() {
        Some(id) if id.trim().is_empty() => gaps.push((BlindSpotKind::NoLeadUnit, String::new())),
        Some(id) if index.unit(id).is_none() => gaps.push((
            BlindSpotKind::NoLeadUnit,
            format!("牵头单位“{id}”不在单位名录中，视同未明确"),
        )),
        Some(_) => {}
        None => gaps.push((BlindSpotKind::NoLeadUnit, String::new())),
    }
    if task.due.is_none() {
        gaps.push((BlindSpotKind::NoDueDate, String::new()));
    }
    if task.leader.trim().is_empty() {
        gaps.push((BlindSpotKind::NoLeader, String::new()));
    }
    if lacks_milestones(task, today) {
        gaps.push((BlindSpotKind::KeyTaskWithoutMilestones, String::new()));
    }
    if !index.is_parent(pos) && never_reported(task, today) {
        let note = match task.start {
            Some(start) => format!("{start} 启动以来尚无进展报送"),
            None => "未填写开始日期，尚无进展报送".to_string(),
        };
        gaps.push((BlindSpotKind::NeverReported, note));
    }
    gaps
}

/// A key task with no milestones. Once it is closed there is nothing left
/// to follow, so a closed key task is not listed.
fn lacks_milestones(task: &Task, today: NaiveDate) -> bool {
    task.key_task && task.milestones.is_empty() && !task.closed_as_of(today)
}

/// An open work item that has started (or has no start date, so may have)
/// and has no update dated on or before `today`. Paused work counts too: a
/// task put on hold without a word on record is still a blind spot.
fn never_reported(task: &Task, today: NaiveDate) -> bool {
    !task.closed_as_of(today)
        && task.start.is_none_or(|s| s <= today)
        && task.update_as_of(today).is_none()
}

/// Units in registry order that lead no task; those that only support
/// others are said to.
fn idle_units(plan: &Plan) -> Vec<BlindSpot> {
    let leading: HashSet<&str> = plan
        .tasks
        .iter()
        .filter_map(|t| t.lead_unit.as_deref())
        .collect();
    let mut supporting: HashMap<&str, usize> = HashMap::new();
    for t in &plan.tasks {
        // A unit listed twice on one task supports it once.
        let mut seen: Vec<&str> = Vec::with_capacity(t.support_units.len());
        for u in &t.support_units {
            if !seen.contains(&u.as_str()) {
                seen.push(u);
                *supporting.entry(u).or_default() += 1;
            }
        }
    }
    plan.units
        .iter()
        .filter(|u| !leading.contains(u.id.as_str()))
        .map(|u| BlindSpot {
            kind: BlindSpotKind::IdleUnit,
            task: None,
            unit: Some(u.id.clone()),
            name: unit_name(u),
            note: match supporting.get(u.id.as_str()) {
                Some(n) => format!("不牵头任何任务，仅配合 {n} 项"),
                None => "不牵头任何任务，也未配合任何任务".to_string(),
            },
        })
        .collect()
}

fn unit_name(unit: &Unit) -> String {
    [&unit.name, &unit.short_name, &unit.id]
        .into_iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or("（未命名单位）")
        .to_string()
}

/// Task positions in outline order, each with its own number there.
fn outline_order(index: &PlanIndex) -> Vec<(usize, String)> {
    outline_of(index)
        .into_iter()
        .filter_map(|entry| match entry {
            OutlineEntry::Task { id, number, .. } => {
                index.position(id.as_str()).map(|pos| (pos, number))
            }
            OutlineEntry::Area { .. } => None,
        })
        .collect()
}

/// The numbers shown in the outline, with each task's parent, so an entry
/// can be named by the numbers from its 要点 down ("（一） 2.").
struct Numbers<'a> {
    index: &'a PlanIndex<'a>,
    number: Vec<&'a str>,
    parent: Vec<Option<usize>>,
}

/// How many numbers a name carries at most. A chain thousands deep (broken
/// or hostile data) would otherwise make names, and the audit, quadratic.
const MAX_NUMBERS: usize = 4;

impl<'a> Numbers<'a> {
    fn new(index: &'a PlanIndex<'a>, order: &'a [(usize, String)]) -> Numbers<'a> {
        let n = index.len();
        let mut number = vec![""; n];
        for (pos, num) in order {
            number[*pos] = num.as_str();
        }
        let mut parent = vec![None; n];
        for pos in 0..n {
            for &c in index.children(pos) {
                parent[c] = Some(pos);
            }
        }
        Numbers {
            index,
            number,
            parent,
        }
    }

    /// "（一） 2. 标题": the numbers from the 要点 down to the task, then its
    /// title; "…" stands for levels above the last `MAX_NUMBERS`.
    fn name(&self, pos: usize) -> String {
        let mut chain = vec![self.number[pos]];
        let mut up = self.parent[pos];
        while let Some(p) = up {
            if chain.len() == MAX_NUMBERS {
                chain.push("…");
                break;
            }
            chain.push(self.number[p]);
            up = self.parent[p];
        }
        chain.reverse();
        let title = self.index.at(pos).title.trim();
        let title = if title.is_empty() {
            "（未命名任务）"
        } else {
            title
        };
        format!("{} {title}", chain.join(" "))
    }
}

/// Percent-encodes everything but the unreserved characters of RFC 3986,
/// so an id can sit in an address's query and be read back exactly.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
