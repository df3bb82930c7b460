//! Counts for the ledger header and the per-unit, per-area and per-leader
//! statistics. Counts are over work items (tasks with no children), so a
//! 要点 and its 任务 are not counted twice.

use crate::model::hierarchy::{children_index, is_parent};
use crate::model::plan::Plan;
use crate::model::schedule::{Assessment, Level};
use std::collections::BTreeMap;

/// Totals over a set of work items.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub total: usize,
    pub closed_on_time: usize,
    pub closed_late: usize,
    /// Open and not past due.
    pub in_progress: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub behind: usize,
    pub stale: usize,
}

impl Tally {
    pub fn closed(&self) -> usize {
        self.closed_on_time + self.closed_late
    }

    /// Share of items closed, in percent; 0 for an empty set.
    pub fn completion_rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.closed() as f64 * 100.0 / self.total as f64
        }
    }

    fn add(&mut self, a: &Assessment) {
        self.total += 1;
        match a.level {
            Level::DoneOnTime => self.closed_on_time += 1,
            Level::DoneLate => self.closed_late += 1,
            Level::Red => self.overdue += 1,
            Level::Yellow | Level::Green => self.in_progress += 1,
        }
        if a.level.is_open() && a.level != Level::Red {
            self.due_soon += usize::from(a.due_soon);
            self.behind += usize::from(a.behind);
            self.stale += usize::from(a.stale);
        }
    }
}

/// Indexes of the work items: tasks that have no children.
pub fn work_items(plan: &Plan) -> Vec<usize> {
    let children = children_index(plan);
    (0..plan.tasks.len())
        .filter(|&i| !is_parent(&children, plan, i))
        .collect()
}

/// The header counts for the whole plan. `assessments` is indexed like
/// `plan.tasks` (see `rollup::assess_plan`).
pub fn plan_tally(plan: &Plan, assessments: &[Assessment]) -> Tally {
    let mut t = Tally::default();
    for i in work_items(plan) {
        if let Some(a) = assessments.get(i) {
            t.add(a);
        }
    }
    t
}

/// Which dimension to group statistics by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// 牵头单位
    LeadUnit,
    /// 领域, taken from the top-level ancestor.
    Area,
    /// 责任领导
    Leader,
}

/// Tallies per group, keyed by the group's display name, sorted by name.
/// Work items without a value for the dimension are grouped under "未指定".
pub fn grouped_tally(
    plan: &Plan,
    assessments: &[Assessment],
    by: GroupBy,
) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for i in work_items(plan) {
        let Some(a) = assessments.get(i) else {
            continue;
        };
        let task = &plan.tasks[i];
        let key = match by {
            GroupBy::LeadUnit => task.lead_unit.as_deref().map(|u| plan.unit_name(u)),
            GroupBy::Leader => Some(task.leader.trim().to_string()).filter(|s| !s.is_empty()),
            GroupBy::Area => {
                area_of(plan, i).map(|a| plan.area(&a).map(|x| x.name.clone()).unwrap_or(a))
            }
        };
        out.entry(key.unwrap_or_else(|| "未指定".to_string()))
            .or_default()
            .add(a);
    }
    out
}

/// The area of a task: its own, else its nearest ancestor's. Stops on cycles.
pub fn area_of(plan: &Plan, index: usize) -> Option<String> {
    let mut current = plan.tasks.get(index)?;
    for _ in 0..plan.tasks.len() {
        if let Some(a) = &current.area {
            return Some(a.clone());
        }
        current = plan.task(current.parent.as_deref()?)?;
    }
    None
}
