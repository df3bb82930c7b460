//! Counts for the ledger header and the per-unit, per-area and per-leader
//! statistics. Counts are over work items (tasks with no children), so a
//! 要点 and its 任务 are not counted twice.

use crate::model::hierarchy::{NO_AREA, STRANDED};
use crate::model::id::TaskId;
use crate::model::index::PlanIndex;
use crate::model::plan::Plan;
use crate::model::rollup::Assessments;
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
    /// 暂缓/中止: left out of lateness counts, listed on their own.
    pub halted: usize,
    /// 常态化 work with a missed occurrence.
    pub missed_occurrences: usize,
    /// Work items with a 督办/催办 past its reply-by date unanswered.
    pub unanswered: usize,
    /// Work items whose deadline was extended (延期) by the day.
    pub extended: usize,
    /// Open work items that have not reported this period (本期未报送).
    pub unreported: usize,
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
            Level::Halted => self.halted += 1,
        }
        if a.level.is_open() && a.level != Level::Red {
            self.due_soon += usize::from(a.due_soon);
            self.behind += usize::from(a.behind);
            self.stale += usize::from(a.stale);
            self.missed_occurrences += usize::from(a.missed_occurrences > 0);
        }
        self.extended += usize::from(a.extensions > 0);
        if a.level.is_open() {
            self.unreported += usize::from(a.reported == Some(false));
            self.unanswered += usize::from(a.unanswered > 0);
        }
    }
}

/// The work items: tasks that have no children.
pub fn work_items(plan: &Plan) -> Vec<TaskId> {
    let index = PlanIndex::new(plan);
    index.work_items().map(|i| index.id(i).clone()).collect()
}

/// The header counts for the whole plan.
pub fn plan_tally(plan: &Plan, assessments: &Assessments) -> Tally {
    tally_indexed(&PlanIndex::new(plan), |i| {
        assessments.get(plan.tasks[i].id.as_str())
    })
}

/// The header counts, given the index and a way to find each assessment.
pub fn tally_indexed<'a>(
    index: &PlanIndex,
    assessment: impl Fn(usize) -> Option<&'a Assessment>,
) -> Tally {
    let mut t = Tally::default();
    for i in index.work_items() {
        if let Some(a) = assessment(i) {
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
    /// 领域, the area of the task's top-level ancestor (see `area_of`).
    Area,
    /// 责任领导
    Leader,
}

/// Tallies per group, keyed by the group's display name, sorted by name.
/// Work items without a lead unit or leader are grouped under "未指定";
/// those under no known area under "未分领域", as in the ledger.
pub fn grouped_tally(
    plan: &Plan,
    assessments: &Assessments,
    by: GroupBy,
) -> BTreeMap<String, Tally> {
    let index = PlanIndex::new(plan);
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for i in index.work_items() {
        let task = index.at(i);
        let Some(a) = assessments.get(task.id.as_str()) else {
            continue;
        };
        let key = match by {
            GroupBy::LeadUnit => task.lead_unit.as_deref().map(|u| index.unit_name(u)),
            GroupBy::Leader => Some(task.leader.trim().to_string()).filter(|s| !s.is_empty()),
            GroupBy::Area => Some(if index.is_stranded(index.root_of(i)) {
                STRANDED.to_string()
            } else {
                index
                    .area_of(i)
                    .map_or_else(|| NO_AREA.to_string(), |a| a.name.clone())
            }),
        };
        out.entry(key.unwrap_or_else(|| "未指定".to_string()))
            .or_default()
            .add(a);
    }
    out
}

/// The id of the area a task belongs to: its top-level ancestor's, when
/// that is a known area; `None` (未分领域) otherwise. The ledger's grouping
/// and the statistics both follow this rule (`PlanIndex::area_of`).
pub fn area_of(plan: &Plan, id: &str) -> Option<String> {
    let index = PlanIndex::new(plan);
    index
        .position(id)
        .and_then(|i| index.area_of(i))
        .map(|a| a.id.clone())
}
