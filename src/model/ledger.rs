//! The ledger (台账) as rows ready to show: the outline in order, each task
//! with its names resolved, its roll-up progress and its light. The ledger
//! component only renders these rows.

use crate::model::date::format_date;
use crate::model::hierarchy::{children_index, is_parent, outline, OutlineEntry};
use crate::model::plan::Plan;
use crate::model::rollup::assess_plan;
use crate::model::schedule::{Assessment, Level};
use crate::model::stats::{plan_tally, Tally};
use chrono::NaiveDate;

/// One row of the ledger table.
#[derive(Debug, Clone, PartialEq)]
pub enum LedgerLine {
    Area { number: String, name: String },
    Task(Box<TaskLine>),
}

/// A task row with everything the table shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskLine {
    pub id: String,
    pub number: String,
    /// 0 for a 要点, 1 for its 任务, …
    pub depth: usize,
    pub has_children: bool,
    pub title: String,
    pub key_task: bool,
    pub lead_unit: String,
    /// Cooperating units joined with "、".
    pub support_units: String,
    pub leader: String,
    /// The due date in force, or "未定".
    pub due: String,
    /// The first agreed due date when it was extended.
    pub original_due: Option<String>,
    /// Whole percent, 0–100.
    pub progress: u8,
    pub level: Level,
    /// Colour words for the light, e.g. "预警：进度滞后".
    pub label: String,
    pub status: String,
}

/// The ledger rows and header counts for `plan` as of `today`.
pub fn ledger(plan: &Plan, today: NaiveDate) -> (Vec<LedgerLine>, Tally) {
    let assessments = assess_plan(plan, today);
    let children = children_index(plan);
    let lines = outline(plan)
        .into_iter()
        .map(|entry| match entry {
            OutlineEntry::Area { name, number, .. } => LedgerLine::Area { number, name },
            OutlineEntry::Task {
                index,
                depth,
                number,
            } => LedgerLine::Task(Box::new(task_line(
                plan,
                index,
                depth,
                number,
                is_parent(&children, plan, index),
                &assessments[index],
            ))),
        })
        .collect();
    (lines, plan_tally(plan, &assessments))
}

fn task_line(
    plan: &Plan,
    index: usize,
    depth: usize,
    number: String,
    has_children: bool,
    a: &Assessment,
) -> TaskLine {
    let t = &plan.tasks[index];
    let original_due = match (t.original_due(), t.due) {
        (Some(o), Some(d)) if o != d => Some(format_date(o)),
        _ => None,
    };
    TaskLine {
        id: t.id.clone(),
        number,
        depth,
        has_children,
        title: t.title.clone(),
        key_task: t.key_task,
        lead_unit: t
            .lead_unit
            .as_deref()
            .map(|u| plan.unit_name(u))
            .unwrap_or_default(),
        support_units: t
            .support_units
            .iter()
            .map(|u| plan.unit_name(u))
            .collect::<Vec<_>>()
            .join("、"),
        leader: t.leader.clone(),
        due: t.due.map(format_date).unwrap_or_else(|| "未定".into()),
        original_due,
        progress: a.progress.round().clamp(0.0, 100.0) as u8,
        level: a.level,
        label: a.label(),
        status: t.status.label().to_string(),
    }
}
