//! The Gantt timeline (进度计划) laid out: one row per task in hierarchy
//! order (collapsed branches hidden), a bar from start to due filled to the
//! reported progress, the expected-progress marker, milestones as diamonds,
//! the original due date as a ghost when extended, a today line, and month
//! ticks — all in pixels at a scale. `lines` says which rows (and group
//! headings) are shown; `view` which of them, and which part of the time
//! span, a scrolled screen draws, so a 5,000-task plan draws only what is
//! in view. `axis` fits the scale to the width there is and thins the
//! tick labels.

pub mod axis;
pub mod lines;
pub mod view;

pub use axis::Tick;
pub use lines::{shown, Entry, Grouping};
pub use view::window;

use crate::model::index::PlanIndex;
use crate::model::schedule::{Assessment, Level};
use crate::model::TaskId;
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// How much time a screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    Month,
    Quarter,
    Year,
}

impl Zoom {
    /// In the order of the buttons.
    pub const ALL: [Zoom; 3] = [Zoom::Month, Zoom::Quarter, Zoom::Year];

    /// What the track shows at this zoom, for the button's tooltip.
    pub fn hint(self) -> &'static str {
        match self {
            Zoom::Month => "一屏约一个月，打开时显示今天",
            Zoom::Quarter => "一屏约一个季度，打开时显示今天",
            Zoom::Year => "全年铺满一屏",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Zoom::Month => "month",
            Zoom::Quarter => "quarter",
            Zoom::Year => "year",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Zoom::Month => "月",
            Zoom::Quarter => "季",
            Zoom::Year => "年",
        }
    }
}

/// A bar: from `x`, `width` long, filled `filled` of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub width: f64,
    pub filled: f64,
}

/// A milestone diamond.
#[derive(Debug, Clone, PartialEq)]
pub struct Diamond {
    pub x: f64,
    pub reached: bool,
    pub title: String,
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub pos: usize,
    pub id: TaskId,
    pub depth: usize,
    /// The outline number (一、 1. （1）…).
    pub number: String,
    pub title: String,
    pub has_children: bool,
    pub collapsed: bool,
    pub level: Level,
    /// The state in the ledger's words ("预警：进度滞后", "暂缓" …).
    pub state: String,
    /// None when start or due is unknown.
    pub bar: Option<Bar>,
    /// x of the expected progress on the day, inside the bar.
    pub expected_x: Option<f64>,
    /// The original due date's x, when an extension moved it.
    pub ghost_x: Option<f64>,
    pub milestones: Vec<Diamond>,
}

/// A group heading: its name, how many work items (tasks with no
/// subtasks, as every count of 工作事项 in the app) it holds and how many
/// of them are overdue, and a summary bar from the earliest start to the
/// latest due date filled to the tasks' mean progress.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub red: usize,
    pub closed: bool,
    pub bar: Option<Bar>,
}

/// A line of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Group(GroupRow),
    Task(Row),
}

impl Row {
    /// The state's first word ("预警", "暂缓"), without its reasons.
    pub fn state_word(&self) -> &str {
        self.state.split(['：', '（']).next().unwrap_or(&self.state)
    }
}

impl Line {
    pub fn task(&self) -> Option<&Row> {
        match self {
            Line::Task(r) => Some(r),
            Line::Group(_) => None,
        }
    }
}

/// The laid-out timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub width: f64,
    pub today_x: Option<f64>,
    /// Month starts and, when days are wide enough, days; labelled where
    /// the labels fit (see `axis::ticks`).
    pub ticks: Vec<Tick>,
    pub rows: Vec<Line>,
}

/// The span drawn: the plan's year, widened to the tasks' own dates but
/// never beyond a year either side (a hostile date cannot make it huge).
pub fn span(index: &PlanIndex, year: i32) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(first);
    let floor = NaiveDate::from_ymd_opt(year - 1, 1, 1).unwrap_or(first);
    let ceil = NaiveDate::from_ymd_opt(year + 1, 12, 31).unwrap_or(last);
    let dates = (0..index.len()).flat_map(|i| {
        let t = index.at(i);
        [t.start, t.due].into_iter().flatten()
    });
    let (mut lo, mut hi) = (first, last);
    for d in dates {
        lo = lo.min(d.max(floor));
        hi = hi.max(d.min(ceil));
    }
    // Whole months, so ticks fall on the edges.
    (
        NaiveDate::from_ymd_opt(lo.year(), lo.month(), 1).unwrap_or(lo),
        hi,
    )
}

/// x of `date` from `start` at `px` pixels per day.
pub fn x_of(date: NaiveDate, start: NaiveDate, px: f64) -> f64 {
    (date - start).num_days() as f64 * px
}

/// Pixels per day for `index`'s plan at `zoom` on a track `width` pixels
/// wide (see `axis::px_per_day`).
pub fn scale(index: &PlanIndex, zoom: Zoom, width: f64) -> f64 {
    let (start, end) = span(index, index.plan().year);
    axis::px_per_day(zoom, (end - start).num_days() + 1, width)
}

/// The scale that fits the plan's whole span into `width` pixels (for
/// printing on a page of that width, and the 年 view).
pub fn fit(index: &PlanIndex, width: f64) -> f64 {
    scale(index, Zoom::Year, width).max(0.01)
}

/// The bar of a task from `start` to `due`, filled to `progress` percent.
fn bar(
    start: Option<NaiveDate>,
    due: Option<NaiveDate>,
    progress: f64,
    x: impl Fn(NaiveDate) -> f64,
    px_per_day: f64,
) -> Option<Bar> {
    match (start, due) {
        (Some(s), Some(d)) if d >= s => {
            let width = x(d) - x(s) + px_per_day;
            Some(Bar {
                x: x(s),
                width,
                filled: width * (progress / 100.0).clamp(0.0, 1.0),
            })
        }
        _ => None,
    }
}

/// Lays out `entries` (from `shown`) on the span of `index`'s plan at
/// `px_per_day` (a zoom's, or `fit` for a page).
pub fn layout(
    index: &PlanIndex,
    assessments: &[Assessment],
    entries: &[Entry],
    collapsed: &HashSet<TaskId>,
    px_per_day: f64,
    today: NaiveDate,
) -> Timeline {
    let (start, end) = span(index, index.plan().year);
    let x = |d: NaiveDate| (d - start).num_days() as f64 * px_per_day;
    let width = x(end) + px_per_day;
    let rows = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Group {
                key,
                label,
                members,
                closed,
            } => {
                let dated: Vec<_> = members
                    .iter()
                    .filter_map(|&p| {
                        let a = assessments.get(p)?;
                        Some((index.at(p).start?, a.current_due?, a.progress))
                    })
                    .collect();
                let from = dated.iter().map(|d| d.0).min();
                let to = dated.iter().map(|d| d.1).max();
                let mean = dated.iter().map(|d| d.2).sum::<f64>() / dated.len().max(1) as f64;
                Some(Line::Group(GroupRow {
                    key: key.clone(),
                    label: label.clone(),
                    count: members
                        .iter()
                        .filter(|&&p| index.children(p).is_empty())
                        .count(),
                    red: members
                        .iter()
                        .filter(|&&p| index.children(p).is_empty())
                        .filter(|&&p| assessments.get(p).is_some_and(|a| a.level == Level::Red))
                        .count(),
                    closed: *closed,
                    bar: bar(from, to, mean, x, px_per_day),
                }))
            }
            Entry::Task {
                pos,
                depth,
                number,
                branch,
            } => {
                let pos = *pos;
                let t = index.at(pos);
                let a = assessments.get(pos)?;
                let due = a.current_due;
                let bar = bar(t.start, due, a.progress, x, px_per_day);
                let expected_x = match (bar, a.expected) {
                    (Some(b), Some(e)) if a.level.is_open() => {
                        Some(b.x + b.width * (e / 100.0).clamp(0.0, 1.0))
                    }
                    _ => None,
                };
                let ghost_x = t.original_due().filter(|o| Some(*o) != due).map(x);
                Some(Line::Task(Row {
                    pos,
                    id: t.id.clone(),
                    depth: *depth,
                    number: number.clone(),
                    title: t.title.clone(),
                    has_children: *branch,
                    collapsed: *branch && collapsed.contains(&t.id),
                    level: a.level,
                    state: a.label(),
                    bar,
                    expected_x,
                    ghost_x,
                    milestones: t
                        .milestones
                        .iter()
                        .map(|m| Diamond {
                            x: x(m.due),
                            reached: m.done_on.is_some_and(|d| d <= today),
                            title: m.title.clone(),
                        })
                        .collect(),
                }))
            }
        })
        .collect();
    Timeline {
        start,
        end,
        width,
        today_x: (today >= start && today <= end).then(|| x(today)),
        ticks: axis::ticks(start, end, px_per_day, width),
        rows,
    }
}
