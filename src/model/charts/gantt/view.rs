//! What a scrolled screen of the Gantt draws: the rows in view (with a few
//! either side, so a small scroll draws nothing new) and, of those rows,
//! only the marks in the time span in view.

use super::{Bar, Line, Tick, Timeline};
use std::ops::Range;

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

/// The time span to draw for a viewport `width` scrolled to `left`: whole
/// screens, from the one before the screen in view to the one after, so
/// the drawing changes only when scrolling crosses a screen's edge.
pub fn span_in_view(left: f64, width: f64) -> Range<f64> {
    let width = width.max(1.0);
    let screen = (left.max(0.0) / width).floor();
    (screen - 1.0) * width..(screen + 2.0) * width
}

fn bar_in(b: Option<Bar>, span: &Range<f64>) -> Option<Bar> {
    b.filter(|b| b.x <= span.end && b.x + b.width >= span.start)
}

/// `line` with only the marks that fall in `span` (x from..to).
pub fn line_in_view(line: &Line, span: &Range<f64>) -> Line {
    let within = |x: &f64| span.contains(x);
    match line {
        Line::Group(g) => {
            let mut g = g.clone();
            g.bar = bar_in(g.bar, span);
            Line::Group(g)
        }
        Line::Task(r) => {
            let mut r = r.clone();
            r.bar = bar_in(r.bar, span);
            r.expected_x = r.expected_x.filter(within);
            r.ghost_x = r.ghost_x.filter(within);
            // A diamond is 12 px wide: keep those that reach into the span.
            r.milestones
                .retain(|m| m.x + 6.0 >= span.start && m.x - 6.0 <= span.end);
            Line::Task(r)
        }
    }
}

/// The ticks in `span`.
pub fn ticks_in_view(t: &Timeline, span: &Range<f64>) -> Vec<Tick> {
    // A tick's label runs right of its line: keep one starting a little
    // before, whose label may reach into view.
    t.ticks
        .iter()
        .filter(|k| k.x + 80.0 >= span.start && k.x <= span.end)
        .cloned()
        .collect()
}
