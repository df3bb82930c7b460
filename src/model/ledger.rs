//! The ledger (台账) as rows ready to show: the outline in order, each task
//! with its names resolved, its roll-up progress and its light. The ledger
//! component only renders these rows.

use crate::model::date::format_date;
use crate::model::hierarchy::{outline_of, OutlineEntry};
use crate::model::id::TaskId;
use crate::model::index::PlanIndex;
use crate::model::plan::Plan;
use crate::model::query::{select, Query};
use crate::model::rollup::assess_positions;
use crate::model::schedule::{Assessment, Level};
use crate::model::search::SearchIndex;
use crate::model::stats::{tally_indexed, Tally};
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
    pub id: TaskId,
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
    /// The due date in force on the day, or "未定".
    pub due: String,
    /// The first agreed due date, when an extension was in force on the day.
    pub original_due: Option<String>,
    /// Whole percent, 0–100.
    pub progress: u8,
    pub level: Level,
    /// Colour words for the light, e.g. "预警：进度滞后".
    pub label: String,
    pub status: String,
    /// False for a row shown only as the context of a match below it.
    pub matched: bool,
    /// An open work item with no report this period (本期未报送).
    pub unreported: bool,
}

/// The ledger rows and header counts for `plan` as of `today`.
pub fn ledger(plan: &Plan, today: NaiveDate) -> (Vec<LedgerLine>, Tally) {
    let index = PlanIndex::new(plan);
    let assessments = assess_positions(&index, today);
    ledger_view(&index, &assessments, &Query::default(), None)
}

/// The rows `query` selects, with their numbers from the whole outline (a
/// task keeps its number when others are hidden), and the counts over the
/// matching work items. With no sort, rows keep the hierarchy, a match
/// shown under its ancestors (`matched: false`) and area headings only
/// where rows remain; with a sort, the matches alone in that order.
/// `assessments` are `assess_positions` of the same plan; `search` is
/// needed only when the query searches.
pub fn ledger_view(
    index: &PlanIndex,
    assessments: &[Assessment],
    query: &Query,
    search: Option<&SearchIndex>,
) -> (Vec<LedgerLine>, Tally) {
    let fallback = SearchIndex::default();
    let selection = select(index, assessments, search.unwrap_or(&fallback), query);
    let shown = selection.by_position(index.len());
    let outline = outline_of(index);
    let mut numbers: Vec<(String, usize)> = vec![(String::new(), 0); index.len()];
    for entry in &outline {
        if let OutlineEntry::Task { id, depth, number } = entry {
            if let Some(i) = index.position(id.as_str()) {
                numbers[i] = (number.clone(), *depth);
            }
        }
    }
    let line = |i: usize, matched: bool| {
        let (number, depth) = numbers[i].clone();
        let mut t = task_line(index, i, depth, number, &assessments[i]);
        t.matched = matched;
        LedgerLine::Task(Box::new(t))
    };
    let mut lines = Vec::new();
    if query.sort.is_some() {
        lines.extend(selection.rows.iter().map(|r| line(r.pos, r.matched)));
    } else {
        let mut heading: Option<LedgerLine> = None;
        for entry in outline {
            match entry {
                OutlineEntry::Area { name, number, .. } => {
                    heading = Some(LedgerLine::Area { number, name })
                }
                OutlineEntry::Task { id, .. } => {
                    let Some(i) = index.position(id.as_str()) else {
                        continue;
                    };
                    if let Some(matched) = shown[i] {
                        lines.extend(heading.take());
                        lines.push(line(i, matched));
                    }
                }
            }
        }
    }
    let mut counted = vec![false; index.len()];
    for &w in &selection.work_items {
        counted[w] = true;
    }
    let tally = tally_indexed(index, |i| counted[i].then(|| &assessments[i]));
    (lines, tally)
}

fn task_line(
    index: &PlanIndex,
    i: usize,
    depth: usize,
    number: String,
    a: &Assessment,
) -> TaskLine {
    let t = index.at(i);
    let original_due = match (t.original_due(), a.current_due) {
        (Some(o), Some(d)) if o != d => Some(format_date(o)),
        _ => None,
    };
    TaskLine {
        id: t.id.clone(),
        number,
        depth,
        has_children: index.is_parent(i),
        title: t.title.clone(),
        key_task: t.key_task,
        lead_unit: index.lead_unit_name(t),
        support_units: index.support_unit_names(t),
        leader: t.leader.clone(),
        due: a
            .current_due
            .map(format_date)
            .unwrap_or_else(|| "未定".into()),
        original_due,
        progress: a.progress.round().clamp(0.0, 100.0) as u8,
        level: a.level,
        label: a.label(),
        status: t.status.label().to_string(),
        matched: true,
        unreported: a.reported == Some(false),
    }
}
