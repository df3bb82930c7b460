//! The Gantt's scale and axis (`model::charts::gantt::axis`): 年 fits the
//! whole span to the track, 季 and 月 show a quarter and a month but never
//! end short of the track, the name column's width, the scroll that opens
//! a zoom at today, and tick labels shortened or thinned so that none
//! overlaps another or runs past the track.

mod common;

use common::d;
use luoshi::model::charts::gantt::axis::{
    name_width, px_per_day, scroll_to, text_width, ticks, LABEL_FONT, LABEL_GAP, LABEL_OFFSET,
};
use luoshi::model::charts::gantt::{Tick, Zoom};

/// The labelled ticks as (from, to, text), by estimated width.
fn boxes(ticks: &[Tick]) -> Vec<(f64, f64, String)> {
    let mut b: Vec<_> = ticks
        .iter()
        .filter_map(|t| {
            let text = t.label.clone()?;
            let from = t.x + LABEL_OFFSET;
            Some((from, from + text_width(&text, LABEL_FONT), text))
        })
        .collect();
    b.sort_by(|a, b| a.0.total_cmp(&b.0));
    b
}

fn month_labels(ticks: &[Tick]) -> Vec<String> {
    ticks
        .iter()
        .filter(|t| t.major)
        .filter_map(|t| t.label.clone())
        .collect()
}

fn year(track: f64) -> Vec<Tick> {
    let px = px_per_day(Zoom::Year, 365, track);
    ticks(d("2026-01-01"), d("2026-12-31"), px, 365.0 * px)
}

#[test]
fn the_year_fills_the_track_and_a_quarter_or_month_shows_that_much() {
    assert!((px_per_day(Zoom::Year, 365, 1020.0) * 365.0 - 1020.0).abs() < 1e-9);
    assert!((px_per_day(Zoom::Quarter, 365, 920.0) - 10.0).abs() < 1e-9);
    assert!((px_per_day(Zoom::Month, 365, 930.0) - 30.0).abs() < 1e-9);
    // A span shorter than the zoom's still reaches the right edge.
    assert!((px_per_day(Zoom::Quarter, 40, 1000.0) * 40.0 - 1000.0).abs() < 1e-9);
    assert!((px_per_day(Zoom::Month, 10, 1000.0) * 10.0 - 1000.0).abs() < 1e-9);
    // A degenerate width or span still gives a positive scale.
    assert!(px_per_day(Zoom::Year, 0, 0.0) > 0.0);
}

#[test]
fn the_name_column_takes_a_quarter_within_bounds() {
    assert_eq!(name_width(1340.0), 321.0);
    assert_eq!(name_width(800.0), 240.0);
    assert_eq!(name_width(1894.0), 420.0);
}

#[test]
fn a_zoom_opens_with_today_a_third_across() {
    assert_eq!(scroll_to(Some(3000.0), 900.0, 10000.0), 2700.0);
    assert_eq!(
        scroll_to(Some(100.0), 900.0, 10000.0),
        0.0,
        "not before the start"
    );
    assert_eq!(
        scroll_to(Some(9900.0), 900.0, 10000.0),
        9100.0,
        "not past the end"
    );
    assert_eq!(
        scroll_to(None, 900.0, 10000.0),
        0.0,
        "today outside the span"
    );
    assert_eq!(scroll_to(Some(500.0), 900.0, 900.0), 0.0, "everything fits");
}

#[test]
fn wide_characters_are_counted_wider_than_digits() {
    assert!((text_width("12", 10.0) - 13.2).abs() < 1e-9);
    assert_eq!(text_width("月", 10.0), 10.0);
    assert!(text_width("2026年1月", LABEL_FONT) > text_width("1月", LABEL_FONT));
}

#[test]
fn month_labels_shorten_as_the_year_narrows() {
    let wide = year(1020.0);
    assert_eq!(
        wide.iter().filter(|t| t.major).count(),
        12,
        "a line for every month"
    );
    let labels = month_labels(&wide);
    assert_eq!(labels.len(), 12);
    assert_eq!(labels[0], "2026年1月");
    assert_eq!(labels[1], "2月");
    // On an A4 page the year's label does not fit beside February's.
    let a4 = month_labels(&year(709.0));
    assert_eq!(a4[0], "1月");
    assert_eq!(a4.len(), 12);
    let narrow = month_labels(&year(280.0));
    assert_eq!(narrow, (1..=12).map(|m| m.to_string()).collect::<Vec<_>>());
    // Narrower still, every other or third month keeps its 月.
    let tiny = year(120.0);
    assert_eq!(tiny.iter().filter(|t| t.major).count(), 12);
    let sparse = month_labels(&tiny);
    assert!(sparse.len() < 12 && !sparse.is_empty(), "{sparse:?}");
    assert!(sparse.iter().all(|l| l.ends_with('月')), "{sparse:?}");
}

#[test]
fn no_label_overlaps_another_or_runs_past_the_track_at_any_width() {
    for zoom in Zoom::ALL {
        for track in (60..2400).step_by(37) {
            let track = track as f64;
            let px = px_per_day(zoom, 365, track);
            let width = 365.0 * px;
            let all = ticks(d("2026-01-01"), d("2026-12-31"), px, width);
            let b = boxes(&all);
            for pair in b.windows(2) {
                assert!(
                    pair[1].0 >= pair[0].1 + LABEL_GAP,
                    "{zoom:?} at {track}: {:?} and {:?} overlap",
                    pair[0],
                    pair[1]
                );
            }
            assert!(b.last().is_none_or(|l| l.1 <= width), "{zoom:?} at {track}");
        }
    }
}

#[test]
fn days_appear_when_a_day_is_wide_enough() {
    // A month across about 1,000 pixels: every day is labelled, except
    // where a month's label stands.
    let month = ticks(d("2026-01-01"), d("2026-12-31"), 33.0, 365.0 * 33.0);
    let days: Vec<_> = month
        .iter()
        .filter(|t| !t.major && t.x < 31.0 * 33.0)
        .filter_map(|t| t.label.clone())
        .collect();
    assert_eq!(
        days.first().map(String::as_str),
        Some("3"),
        "2 stands too near 2026年1月"
    );
    assert!(days.contains(&"31".to_string()));
    // A quarter across about 1,000 pixels: every fifth day.
    let quarter = ticks(d("2026-01-01"), d("2026-12-31"), 11.0, 365.0 * 11.0);
    let march: Vec<_> = quarter
        .iter()
        .filter(|t| !t.major && t.label.is_some())
        .filter(|t| t.x >= 59.0 * 11.0 && t.x < 90.0 * 11.0)
        .filter_map(|t| t.label.clone())
        .collect();
    assert_eq!(march, ["6", "11", "16", "21", "26"]);
    // The whole year on a screen: months only.
    assert!(year(1600.0).iter().all(|t| t.major));
}
