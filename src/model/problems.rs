//! 问题整改: problems found (in a review, an inspection, a 巡察), each fixed
//! by one or more rectification tasks. A problem's state follows its tasks:
//! open until all are closed, overdue if any is.

use crate::model::date::opt_date;
use crate::model::rollup::Assessments;
use crate::model::schedule::Level;
use crate::model::TaskId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One problem to fix.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Problem {
    pub id: String,
    /// 问题描述.
    pub description: String,
    /// 问题来源, e.g. 区委常委会民主生活会、巡察反馈.
    #[serde(default)]
    pub source: String,
    /// When it was found; a date a file got wrong is left empty rather
    /// than costing the problem its description and tasks.
    #[serde(default, with = "opt_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::optional")
    )]
    pub date: Option<NaiveDate>,
    /// The tasks that fix it.
    #[serde(default)]
    pub tasks: Vec<TaskId>,
}

/// Where a problem stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemState {
    /// No rectification task linked yet.
    Unassigned,
    /// Some task still open, none overdue.
    Open,
    /// Some rectification task is overdue.
    Overdue,
    /// Every task closed (or halted with the rest closed).
    Fixed,
}

impl ProblemState {
    pub fn label(self) -> &'static str {
        match self {
            ProblemState::Unassigned => "未明确整改任务",
            ProblemState::Open => "整改中",
            ProblemState::Overdue => "整改逾期",
            ProblemState::Fixed => "已整改",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ProblemState::Unassigned => "unassigned",
            ProblemState::Open => "open",
            ProblemState::Overdue => "overdue",
            ProblemState::Fixed => "fixed",
        }
    }
}

/// The state of `problem` from its tasks' lights. Links to tasks that no
/// longer exist are ignored (they are listed as missing by the UI).
pub fn state(problem: &Problem, assessments: &Assessments) -> ProblemState {
    state_with(problem, |id| assessments.get(id).map(|a| a.level))
}

/// `state`, given a way to find a task's light by id.
pub fn state_with(problem: &Problem, level: impl Fn(&str) -> Option<Level>) -> ProblemState {
    let levels: Vec<Level> = problem.tasks.iter().filter_map(|id| level(id)).collect();
    if levels.is_empty() {
        ProblemState::Unassigned
    } else if levels.contains(&Level::Red) {
        ProblemState::Overdue
    } else if levels.iter().any(|l| l.is_open()) || !levels.iter().any(|l| l.is_closed()) {
        ProblemState::Open
    } else {
        ProblemState::Fixed
    }
}
