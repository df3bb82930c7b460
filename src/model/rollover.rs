//! Copying a plan to the next year (e.g. 2026 → 2027): the structure,
//! units, areas, owners and requirements carry over; what belongs to the
//! year just done (progress, updates, extensions, supervision, closings)
//! does not. Every date moves on a year; 2月29日 becomes 2月28日.

use crate::model::id::{new_id, TaskId};
use crate::model::plan::Plan;
use crate::model::task::Status;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// The same day a year later; 29 February becomes 28 February.
pub fn next_year(date: NaiveDate) -> NaiveDate {
    let year = date.year() + 1;
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

/// A copy of `plan` for the following year, with fresh ids.
pub fn copy_to_next_year(plan: &Plan) -> Plan {
    let year = plan.year + 1;
    let ids: HashMap<TaskId, TaskId> = plan
        .tasks
        .iter()
        .map(|t| (t.id.clone(), TaskId::random()))
        .collect();
    let shift = |d: Option<NaiveDate>| d.map(next_year);
    let tasks = plan
        .tasks
        .iter()
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
