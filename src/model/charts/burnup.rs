//! The burn-up over the plan's year: work items due by each date (planned)
//! against work items closed by that date, with a today line.

use crate::model::charts::ticks::{nice_ticks, scale};
use crate::model::index::PlanIndex;
use chrono::{Datelike, NaiveDate};

/// One point of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub date: NaiveDate,
    pub value: usize,
    pub x: f64,
    pub y: f64,
}

/// The laid-out burn-up.
#[derive(Debug, Clone, PartialEq)]
pub struct BurnUp {
    pub planned: Vec<Point>,
    pub closed: Vec<Point>,
    /// x of the day judged by, when it falls in the year.
    pub today_x: Option<f64>,
    /// Value ticks (y) with their positions.
    pub y_ticks: Vec<(usize, f64)>,
    /// Month labels (x): (x, "3月").
    pub months: Vec<(f64, String)>,
    pub width: f64,
    pub height: f64,
}

/// x of `date` across `year` in `width` (Jan 1 at 0, Dec 31 at `width`).
pub fn date_x(date: NaiveDate, year: i32, width: f64) -> f64 {
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(date);
    let days = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        365.0
    } else {
        364.0
    };
    scale((date - start).num_days() as f64, days, width).clamp(0.0, width)
}

/// The burn-up of `year` up to and including month ends, on `today`:
/// planned counts work items by their due date in force on that date;
/// closed counts those closed (with a date) by then, up to `today` only.
pub fn burn_up(index: &PlanIndex, year: i32, today: NaiveDate, width: f64, height: f64) -> BurnUp {
    let ends: Vec<NaiveDate> = (1..=12)
        .filter_map(|m| {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            next.and_then(|d| d.pred_opt())
        })
        .collect();
    let items: Vec<usize> = index.work_items().collect();
    let planned_counts: Vec<usize> = ends
        .iter()
        .map(|&d| {
            items
                .iter()
                .filter(|&&i| index.at(i).due_as_of(d).is_some_and(|due| due <= d))
                .count()
        })
        .collect();
    let closed_counts: Vec<(NaiveDate, usize)> = ends
        .iter()
        .map(|&d| d.min(today))
        .filter(|&d| d.year() == year && d >= NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(d))
        .map(|d| {
            let n = items
                .iter()
                .filter(|&&i| {
                    let t = index.at(i);
                    t.is_closed() && t.closed_on().is_some_and(|c| c <= d)
                })
                .count();
            (d, n)
        })
        .collect();
    let top = planned_counts
        .iter()
        .chain(closed_counts.iter().map(|(_, n)| n))
        .copied()
        .max()
        .unwrap_or(0);
    let ticks = nice_ticks(top as f64, 5);
    let max = ticks.last().copied().unwrap_or(1.0);
    let y = |v: usize| height - scale(v as f64, max, height);
    let mut closed: Vec<Point> = Vec::new();
    for (d, n) in closed_counts {
        if closed.last().is_some_and(|p| p.date == d) {
            continue;
        }
        closed.push(Point {
            date: d,
            value: n,
            x: date_x(d, year, width),
            y: y(n),
        });
    }
    BurnUp {
        planned: ends
            .iter()
            .zip(planned_counts)
            .map(|(&d, n)| Point {
                date: d,
                value: n,
                x: date_x(d, year, width),
                y: y(n),
            })
            .collect(),
        closed,
        today_x: (today.year() == year).then(|| date_x(today, year, width)),
        y_ticks: ticks.iter().map(|&t| (t as usize, y(t as usize))).collect(),
        months: (1..=12)
            .filter_map(|m| NaiveDate::from_ymd_opt(year, m, 1))
            .map(|d| (date_x(d, year, width), format!("{}月", d.month())))
            .collect(),
        width,
        height,
    }
}
