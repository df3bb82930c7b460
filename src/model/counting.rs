//! One name and one number for one thing. A plan is counted two ways, and
//! every page says which: **工作事项** are the tasks with no subtasks — what
//! lights, charts, statistics and the supervision list count, so a 要点 and
//! its 任务 are not counted twice; **任务（含要点）** are all the rows of the
//! outline, parents included — what the Gantt draws and what a whole plan
//! holds. Every count shown to people is worded here, so the ledger, the
//! Gantt, the dashboard and the dialogs cannot drift apart again (the
//! ledger once said 任务总数 41 where the Gantt said 54 项任务, for one plan).

use crate::model::index::PlanIndex;
use crate::model::plan::Plan;
use crate::model::query::{select, Query, Selection};
use crate::model::schedule::Assessment;
use crate::model::search::{SearchIndex, SearchTerms};

/// What a count of work items is called.
pub const WORK_ITEMS: &str = "工作事项";
/// What a count of all tasks, parents and 要点 included, is called.
pub const ROWS: &str = "任务（含要点）";

/// "工作事项 41 项".
pub fn work_items_text(n: usize) -> String {
    format!("{WORK_ITEMS} {n} 项")
}

/// "任务（含要点）54 项" (no space after the closing bracket).
pub fn rows_text(n: usize) -> String {
    format!("{ROWS}{n} 项")
}

/// A plan, or the part of it a query selects, counted both ways.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counted {
    /// Tasks with no subtasks.
    pub work_items: usize,
    /// All tasks, 要点 and parents included.
    pub rows: usize,
}

impl Counted {
    /// The whole indexed plan.
    pub fn plan(index: &PlanIndex) -> Counted {
        Counted {
            work_items: index.work_items().count(),
            rows: index.len(),
        }
    }

    /// The whole plan, indexing it first (for dialogs, which count once).
    pub fn of_plan(plan: &Plan) -> Counted {
        Counted::plan(&PlanIndex::new(plan))
    }

    /// What a query selected: its matching work items and its matching
    /// rows. Ancestors shown only as context (greyed) are not counted.
    pub fn selection(selection: &Selection) -> Counted {
        Counted {
            work_items: selection.work_items.len(),
            rows: selection.matched_count(),
        }
    }

    /// "工作事项 41 项，任务（含要点）54 项": a whole plan in dialogs and
    /// on the Gantt.
    pub fn describe(&self) -> String {
        format!(
            "{}，{}",
            work_items_text(self.work_items),
            rows_text(self.rows)
        )
    }

    /// The ledger's and the Gantt's line under a filter or search:
    /// "符合条件的工作事项 6 项，任务（含要点）11 项". The first number is
    /// the one a chart mark or a count card that led here showed.
    pub fn matched(&self) -> String {
        format!(
            "符合条件的{}，{}",
            work_items_text(self.work_items),
            rows_text(self.rows)
        )
    }
}

/// The count line of a page that shows what `query` selects (the Gantt):
/// the whole plan described when nothing narrows it, else the matches.
/// `assessments` are by position for the same plan; `search` is needed
/// only when the query searches.
pub fn query_line(
    index: &PlanIndex,
    assessments: &[Assessment],
    search: Option<&SearchIndex>,
    query: &Query,
) -> String {
    if !query.filters() && SearchTerms::parse(&query.text).is_empty() {
        return Counted::plan(index).describe();
    }
    let fallback = SearchIndex::default();
    let selection = select(index, assessments, search.unwrap_or(&fallback), query);
    Counted::selection(&selection).matched()
}
