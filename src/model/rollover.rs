//! Copying a plan to the next year (e.g. 2026 → 2027): the structure,
//! units, areas, owners and requirements carry over; what belongs to the
//! year just done (progress, updates, extensions, supervision, closings)
//! does not. Every date moves on a year; 2月29日 becomes 2月28日.
//!
//! 中止 work was stopped for good: it is left out of the copy, with all
//! that hangs below it, rather than coming back as open work; the copy
//! dialog says how many tasks that is (`stopped_left_out`). 暂缓 work was
//! only put off, and comes back as 未启动 like the rest.

use crate::model::id::{new_id, TaskId};
use crate::model::index::PlanIndex;
use crate::model::plan::Plan;
use crate::model::task::Status;
use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};

/// The same day a year later; 29 February becomes 28 February.
pub fn next_year(date: NaiveDate) -> NaiveDate {
    let year = date.year() + 1;
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

/// The tasks the copy leaves out: each 中止 task and everything below it.
fn left_out(plan: &Plan) -> HashSet<TaskId> {
    let index = PlanIndex::new(plan);
    let mut out = HashSet::new();
    // Parents come before their children in this order.
    for &pos in index.preorder() {
        let t = index.at(pos);
        let under_stopped = t.parent.as_ref().is_some_and(|p| out.contains(p));
        if t.status == Status::Stopped || under_stopped {
            out.insert(t.id.clone());
        }
    }
    out
}

/// What `copy_to_next_year` leaves out of the copy, for the copy dialog
/// to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftOut {
    /// Tasks that are 中止 themselves.
    pub stopped: usize,
    /// Those and every task below them.
    pub total: usize,
}

impl LeftOut {
    /// The sentence for the copy dialog; `None` when nothing is left out.
    pub fn note(&self) -> Option<String> {
        match (self.stopped, self.total) {
            (0, _) => None,
            (s, t) if s == t => Some(format!("已中止的 {s} 项任务不带入新计划。")),
            (s, t) => Some(format!(
                "已中止的 {s} 项任务及其下级任务（共 {t} 项）不带入新计划。"
            )),
        }
    }
}

/// What `copy_to_next_year` leaves out: 中止 tasks and all below them.
pub fn stopped_left_out(plan: &Plan) -> LeftOut {
    LeftOut {
        stopped: plan
            .tasks
            .iter()
            .filter(|t| t.status == Status::Stopped)
            .count(),
        total: left_out(plan).len(),
    }
}

/// A copy of `plan` for the following year, with fresh ids; 中止 tasks
/// and what hangs below them are left out.
pub fn copy_to_next_year(plan: &Plan) -> Plan {
    let year = plan.year + 1;
    let gone = left_out(plan);
    let ids: HashMap<TaskId, TaskId> = plan
        .tasks
        .iter()
        .map(|t| (t.id.clone(), TaskId::random()))
        .collect();
    let shift = |d: Option<NaiveDate>| d.map(next_year);
    let tasks = plan
        .tasks
        .iter()
        .filter(|t| !gone.contains(&t.id))
        .map(|t| {
            let mut c = t.clone();
            c.id = ids.get(&t.id).cloned().unwrap_or_else(TaskId::random);
            c.parent = t.parent.as_ref().and_then(|p| ids.get(p).cloned());
            c.start = shift(t.start);
            // The due date in force at the end of the year is next year's.
            c.due = shift(t.due);
            c.extensions.clear();
            c.updates.clear();
            c.supervisions.clear();
            c.closing = None;
            c.status_note.clear();
            c.log.clear();
            c.status = Status::NotStarted;
            for m in &mut c.milestones {
                m.id = new_id();
                m.due = next_year(m.due);
                m.done_on = None;
            }
            c.updated_at = String::new();
            c.revision = 0;
            c
        })
        .collect();
    let old_year = plan.year.to_string();
    let title = if plan.title.contains(&old_year) {
        plan.title.replacen(&old_year, &year.to_string(), 1)
    } else {
        format!("{year}年{}", plan.title)
    };
    Plan {
        id: new_id(),
        title,
        year,
        issuer: plan.issuer.clone(),
        sample: false,
        areas: plan.areas.clone(),
        units: plan.units.clone(),
        tasks,
        settings: plan.settings.clone(),
        // Problems belong to the year they were found in; notice numbers
        // start again each year.
        problems: Vec::new(),
        notice_counters: Vec::new(),
        package: None,
        // Every task has a fresh id: nothing deleted this year can come
        // back into next year's plan.
        deleted: Vec::new(),
        updated_at: String::new(),
        revision: 0,
    }
}
