//! The Gantt timeline (进度计划) laid out: one row per task in hierarchy
//! order (collapsed branches hidden), a bar from start to due filled to the
//! reported progress, the expected-progress marker, milestones as diamonds,
//! the original due date as a ghost when extended, a today line, and month
//! ticks — all in pixels at a zoom. `window` says which rows to draw, so a
//! 5,000-task plan draws only what is in view.

use crate::model::index::PlanIndex;
use crate::model::schedule::{Assessment, Level};
use crate::model::TaskId;
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;
use std::ops::Range;

/// How much time a screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    Month,
    Quarter,
    Year,
}

impl Zoom {
    /// Pixels per day.
    pub fn px_per_day(self) -> f64 {
        match self {
            Zoom::Month => 6.0,
            Zoom::Quarter => 2.0,
            Zoom::Year => 0.8,
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
    pub title: String,
    pub has_children: bool,
    pub collapsed: bool,
    pub level: Level,
    /// None when start or due is unknown.
    pub bar: Option<Bar>,
    /// x of the expected progress on the day, inside the bar.
    pub expected_x: Option<f64>,
    /// The original due date's x, when an extension moved it.
    pub ghost_x: Option<f64>,
    pub milestones: Vec<Diamond>,
}

/// The laid-out timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub width: f64,
    pub today_x: Option<f64>,
    /// Month starts: (x, "3月" or "2026年1月").
    pub ticks: Vec<(f64, String)>,
    pub rows: Vec<Row>,
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

/// The positions shown, in the ledger's order (areas in order, each with
/// its tasks in hierarchy order), skipping the descendants of collapsed
/// tasks and keeping only `only` when given (a filter's rows).
pub fn shown(
    index: &PlanIndex,
    collapsed: &HashSet<TaskId>,
    only: Option<&HashSet<usize>>,
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut hidden_below: Option<usize> = None;
    let order = crate::model::hierarchy::outline_of(index)
        .into_iter()
        .filter_map(|e| match e {
            crate::model::hierarchy::OutlineEntry::Task { id, .. } => index.position(&id),
            _ => None,
        });
    for pos in order {
        let depth = index.depth(pos);
        if let Some(d) = hidden_below {
            if depth > d {
                continue;
            }
            hidden_below = None;
        }
        if only.is_some_and(|o| !o.contains(&pos)) {
            continue;
        }
        out.push(pos);
        if collapsed.contains(index.id(pos)) && index.is_parent(pos) {
            hidden_below = Some(depth);
        }
    }
    out
}

/// x of `date` from `start` at `zoom`.
pub fn x_of(date: NaiveDate, start: NaiveDate, zoom: Zoom) -> f64 {
    (date - start).num_days() as f64 * zoom.px_per_day()
}

/// Lays out `positions` (from `shown`) on the span of `index`'s plan.
pub fn layout(
    index: &PlanIndex,
    assessments: &[Assessment],
    positions: &[usize],
    collapsed: &HashSet<TaskId>,
    zoom: Zoom,
    today: NaiveDate,
) -> Timeline {
    let (start, end) = span(index, index.plan().year);
    let x = |d: NaiveDate| x_of(d, start, zoom);
    let mut ticks = Vec::new();
    let mut m = start;
    while m <= end {
        let label = if m.month() == 1 {
            format!("{}年1月", m.year())
        } else {
            format!("{}月", m.month())
        };
        ticks.push((x(m), label));
        match m.checked_add_months(chrono::Months::new(1)) {
            Some(next) => m = next,
            None => break,
        }
    }
    let rows = positions
        .iter()
        .filter_map(|&pos| {
            let t = index.at(pos);
            let a = assessments.get(pos)?;
            let due = a.current_due;
            let bar = match (t.start, due) {
                (Some(s), Some(d)) if d >= s => {
                    let width = x(d) - x(s) + zoom.px_per_day();
                    Some(Bar {
                        x: x(s),
                        width,
                        filled: width * (a.progress / 100.0).clamp(0.0, 1.0),
                    })
                }
                _ => None,
            };
            let expected_x = match (bar, a.expected) {
                (Some(b), Some(e)) if a.level.is_open() => {
                    Some(b.x + b.width * (e / 100.0).clamp(0.0, 1.0))
                }
                _ => None,
            };
            let ghost_x = t.original_due().filter(|o| Some(*o) != due).map(x);
            Some(Row {
                pos,
                id: t.id.clone(),
                depth: index.depth(pos),
                title: t.title.clone(),
                has_children: index.is_parent(pos),
                collapsed: collapsed.contains(&t.id),
                level: a.level,
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
            })
        })
        .collect();
    Timeline {
        start,
        end,
        width: x(end) + zoom.px_per_day(),
        today_x: (today >= start && today <= end).then(|| x(today)),
        ticks,
        rows,
    }
}

/// The rows to draw for a viewport `height` scrolled to `top`, `row` pixels
/// each, with `overscan` rows either side.
pub fn window(rows: usize, row: f64, top: f64, height: f64, overscan: usize) -> Range<usize> {
    if rows == 0 || row <= 0.0 {
        return 0..0;
    }
    let first = (top.max(0.0) / row).floor() as usize;
    let count = (height.max(0.0) / row).ceil() as usize + 1;
    let from = first.saturating_sub(overscan).min(rows);
    let to = (first + count + overscan).min(rows);
    from..to
}
