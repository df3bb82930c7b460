//! The Gantt's scale and time axis, fitted to the width there is: how many
//! pixels a day takes at each zoom (年 puts the whole span across the
//! track, 季 a quarter, 月 a month, never less than the whole span so the
//! timeline always reaches the right edge), how wide the name column is,
//! where a zoom opens (today in view), and the tick labels thinned or
//! shortened until no two overlap. Widths of text are estimated from the
//! characters, generously, so that the drawn labels keep apart.

use super::Zoom;
use chrono::{Datelike, NaiveDate};

/// Font size of the axis labels in pixels (`.axis` in style/main.css).
pub const LABEL_FONT: f64 = 11.0;
/// A label starts this far right of its tick line.
pub const LABEL_OFFSET: f64 = 3.0;
/// The least space between two labels.
pub const LABEL_GAP: f64 = 6.0;

/// Days a screen's track shows at `zoom`; `None` for the whole span.
pub fn days_shown(zoom: Zoom) -> Option<f64> {
    match zoom {
        Zoom::Year => None,
        Zoom::Quarter => Some(92.0),
        Zoom::Month => Some(31.0),
    }
}

/// Pixels per day for a span of `days` days on a track `track` pixels wide:
/// the zoom's share of the track, but never so few that the span ends short
/// of the track's right edge (a span shorter than a quarter still fills it).
pub fn px_per_day(zoom: Zoom, days: i64, track: f64) -> f64 {
    let track = track.max(1.0);
    let fit = track / days.max(1) as f64;
    match days_shown(zoom) {
        None => fit,
        Some(shown) => (track / shown).max(fit),
    }
}

/// Width of the name column for a scroll area `view` pixels wide: about a
/// quarter of it, between 240 and 420 pixels, so that wide screens show
/// more of each title and narrow ones keep room for the timeline.
pub fn name_width(view: f64) -> f64 {
    (view * 0.24).clamp(240.0, 420.0).floor()
}

/// The horizontal scroll that opens a zoom with today in view: today a
/// third of the way across a `track` pixels wide, within the timeline's
/// `width` (0 when today is outside the span or everything fits).
pub fn scroll_to(today_x: Option<f64>, track: f64, width: f64) -> f64 {
    let most = (width - track).max(0.0);
    today_x.map_or(0.0, |x| (x - track / 3.0).clamp(0.0, most))
}

/// Estimated width of `text` drawn at `font` pixels: CJK and other wide
/// characters a full em, digits and Latin letters two thirds of one (an
/// overestimate for the sans-serif fonts used, so labels never touch).
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.66 } else { 1.0 })
        .sum::<f64>()
        * font
}

/// A tick on the time axis: a line at `x`, with a label when there is room
/// for it. `major` ticks start a month; the others mark days.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: Option<String>,
    pub major: bool,
}

/// Whether labels at these x positions (in order) keep apart and end
/// within `width`.
fn fits(labels: &[(f64, String)], width: f64) -> bool {
    let mut end = f64::NEG_INFINITY;
    for (x, text) in labels {
        let from = x + LABEL_OFFSET;
        let to = from + text_width(text, LABEL_FONT);
        if from < end + LABEL_GAP || to > width {
            return false;
        }
        end = to;
    }
    true
}

/// Month labels in three lengths: "2026年1月" and "2月", then "1月" and
/// "2月", then "1" and "2".
fn month_label(m: NaiveDate, length: usize) -> String {
    match length {
        0 if m.month() == 1 => format!("{}年1月", m.year()),
        0 | 1 => format!("{}月", m.month()),
        _ => m.month().to_string(),
    }
}

/// The ticks from `start` to `end` at `px` pixels per day on a track
/// `width` wide. Every month start has a line; its label is the longest
/// form that fits for all months, and when even numbers do not fit, only
/// every 2nd, 3rd, 6th or 12th month is labelled. Day ticks come when a
/// day is wide enough: every day, every other day or every fifth, labelled
/// with the day of the month where they stay clear of the month labels.
pub fn ticks(start: NaiveDate, end: NaiveDate, px: f64, width: f64) -> Vec<Tick> {
    let x = |d: NaiveDate| (d - start).num_days() as f64 * px;
    let mut months = Vec::new();
    let mut m = start;
    while m <= end {
        months.push(m);
        match m.checked_add_months(chrono::Months::new(1)) {
            Some(next) => m = next.with_day(1).unwrap_or(next),
            None => break,
        }
    }
    // The labelled months: the longest labels, then sparser ones.
    let mut labelled: Vec<(usize, String)> = Vec::new();
    'search: for step in [1, 2, 3, 6, 12] {
        for length in 0..3 {
            // Sparser months keep their 月 (a lone number reads as a day).
            if step > 1 && length == 2 {
                continue;
            }
            let pick: Vec<(usize, String)> = months
                .iter()
                .enumerate()
                .filter(|(i, _)| i % step == 0)
                .map(|(i, m)| (i, month_label(*m, length)))
                .collect();
            let at: Vec<(f64, String)> = pick
                .iter()
                .map(|(i, t)| (x(months[*i]), t.clone()))
                .collect();
            if fits(&at, width) {
                labelled = pick;
                break 'search;
            }
        }
    }
    let mut out: Vec<Tick> = months
        .iter()
        .enumerate()
        .map(|(i, m)| Tick {
            x: x(*m),
            label: labelled
                .iter()
                .find(|(j, _)| *j == i)
                .map(|(_, t)| t.clone()),
            major: true,
        })
        .collect();
    // Day ticks, the densest whose labels keep a comfortable distance.
    let widest_day = text_width("31", LABEL_FONT) + LABEL_OFFSET + LABEL_GAP;
    let comfortable = widest_day.max(22.0);
    if let Some(step) = [1u32, 2, 5]
        .into_iter()
        .find(|s| *s as f64 * px >= comfortable)
    {
        let mut day = start;
        while day <= end {
            let n = day.day();
            if n != 1 && (n - 1).is_multiple_of(step) && n + step / 2 <= 31 {
                out.push(Tick {
                    x: x(day),
                    label: Some(n.to_string()),
                    major: false,
                });
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        crate::model::sorting::sort_by(&mut out, |a, b| a.x.total_cmp(&b.x));
        clear_day_labels(&mut out, width);
    }
    out
}

/// Drops the day labels that would touch a month label or run past
/// `width` (the month labels were placed first and stay).
fn clear_day_labels(ticks: &mut [Tick], width: f64) {
    let boxes: Vec<(f64, f64)> = ticks
        .iter()
        .filter(|t| t.major)
        .filter_map(|t| {
            let text = t.label.as_ref()?;
            let from = t.x + LABEL_OFFSET;
            Some((from, from + text_width(text, LABEL_FONT)))
        })
        .collect();
    for t in ticks.iter_mut().filter(|t| !t.major) {
        let Some(text) = &t.label else { continue };
        let from = t.x + LABEL_OFFSET;
        let to = from + text_width(text, LABEL_FONT);
        let clash = boxes
            .iter()
            .any(|(a, b)| from < b + LABEL_GAP && to + LABEL_GAP > *a);
        if clash || to > width {
            t.label = None;
        }
    }
}
