//! The donut of work items by light and state.

use crate::model::charts::{Mark, STATES};
use crate::model::query::Query;
use crate::model::schedule::Level;
use std::f64::consts::TAU;

/// One segment: from `start` to `end` (radians, clockwise from 12 o'clock).
#[derive(Debug, Clone, PartialEq)]
pub struct Arc {
    pub level: Level,
    pub start: f64,
    pub end: f64,
    /// SVG path of the ring segment, centred on (0, 0).
    pub path: String,
    pub mark: Mark,
}

fn point(r: f64, angle: f64) -> (f64, f64) {
    (r * angle.sin(), -r * angle.cos())
}

/// A ring segment's path between radii `inner` and `outer`. A full circle
/// is drawn as two halves (an SVG arc cannot start and end on one point).
fn ring(start: f64, end: f64, inner: f64, outer: f64) -> String {
    if end - start >= TAU - 1e-9 {
        let mid = start + TAU / 2.0;
        return format!(
            "{} {}",
            ring(start, mid, inner, outer),
            ring(mid, end, inner, outer)
        );
    }
    let large = if end - start > TAU / 2.0 { 1 } else { 0 };
    let (a, b) = (point(outer, start), point(outer, end));
    let (c, d) = (point(inner, end), point(inner, start));
    format!(
        "M{:.2},{:.2}A{outer},{outer} 0 {large} 1 {:.2},{:.2}L{:.2},{:.2}A{inner},{inner} 0 {large} 0 {:.2},{:.2}Z",
        a.0, a.1, b.0, b.1, c.0, c.1, d.0, d.1
    )
}

/// The arcs for `counts` (work items per state, as `STATES` orders them);
/// states with none are left out. The arcs together make the whole ring.
pub fn donut(counts: &[(Level, usize)], inner: f64, outer: f64) -> Vec<Arc> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return Vec::new();
    }
    let mut at = 0.0;
    STATES
        .iter()
        .filter_map(|level| counts.iter().find(|(l, _)| l == level))
        .filter(|(_, n)| *n > 0)
        .map(|&(level, n)| {
            let start = at;
            let end = at + TAU * n as f64 / total as f64;
            at = end;
            Arc {
                level,
                start,
                end,
                path: ring(start, end, inner, outer),
                mark: Mark {
                    count: n,
                    query: Query {
                        levels: vec![level],
                        ..Query::default()
                    },
                    tip: format!(
                        "{}：{n} 项，占 {:.1}%",
                        level.label(),
                        n as f64 * 100.0 / total as f64
                    ),
                },
            }
        })
        .collect()
}
