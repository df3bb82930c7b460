//! A task's own records (`model::task`) and the date rules behind them
//! (`model::date`): extensions keep the original due date, the latest report
//! decides progress, and dates are read strictly as `YYYY-MM-DD`.

mod common;

use common::{approx, closed, d, defaults, reported, span, task};
use luoshi::model::date::{format_date, parse_date};
use luoshi::model::{assess, Level, Status};

#[test]
fn extension_keeps_original_due() {
    let mut t = span("a", "2022-03-01", "2022-06-20");
    t.extend(d("2022-06-18"), d("2022-09-30"), "场地调整");
    assert_eq!(t.due, Some(d("2022-09-30")));
    assert_eq!(t.original_due(), Some(d("2022-06-20")));
    assert_eq!(t.extensions.len(), 1);
    let e = &t.extensions[0];
    assert_eq!(
        (e.date, e.previous_due, e.new_due),
        (d("2022-06-18"), d("2022-06-20"), d("2022-09-30"))
    );
    assert_eq!(e.reason, "场地调整");
}

#[test]
fn second_extension_still_reports_the_first_agreed_due() {
    let mut t = span("a", "2022-03-01", "2022-06-20");
    t.extend(d("2022-06-18"), d("2022-09-30"), "第一次");
    t.extend(d("2022-09-28"), d("2022-11-30"), "第二次");
    assert_eq!(t.due, Some(d("2022-11-30")));
    assert_eq!(t.original_due(), Some(d("2022-06-20")));
    assert_eq!(t.extensions[1].previous_due, d("2022-09-30"));
}

#[test]
fn extending_a_task_without_due_sets_one_and_records_nothing() {
    let mut t = task("a");
    t.extend(d("2022-06-18"), d("2022-09-30"), "补充时限");
    assert_eq!(t.due, Some(d("2022-09-30")));
    assert!(t.extensions.is_empty());
    assert_eq!(t.original_due(), Some(d("2022-09-30")));
}

#[test]
fn unextended_task_original_due_is_its_due() {
    let t = span("a", "2022-03-01", "2022-06-20");
    assert_eq!(t.original_due(), Some(d("2022-06-20")));
    assert_eq!(task("b").original_due(), None);
}

#[test]
fn extended_task_is_judged_by_the_new_due_date() {
    let mut t = reported(span("a", "2022-03-01", "2022-06-20"), "2022-06-18", 60);
    assert_eq!(assess(&t, d("2022-06-30"), &defaults()).level, Level::Red);
    t.extend(d("2022-06-18"), d("2022-09-30"), "场地调整");
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::Green);
    assert_eq!(a.days_left, Some(92));
}

#[test]
fn closing_after_the_new_due_is_late_and_before_it_on_time() {
    let mut t = span("a", "2022-03-01", "2022-06-20");
    t.extend(d("2022-06-18"), d("2022-09-30"), "场地调整");
    let on_time = closed(t.clone(), "2022-09-01");
    let late = closed(t, "2022-10-01");
    let today = d("2022-12-01");
    assert_eq!(
        assess(&on_time, today, &defaults()).level,
        Level::DoneOnTime
    );
    assert_eq!(assess(&late, today, &defaults()).level, Level::DoneLate);
}

#[test]
fn latest_update_is_by_date_and_last_recorded_on_a_tie() {
    let t = reported(
        reported(reported(task("a"), "2022-05-01", 50), "2022-03-01", 90),
        "2022-05-01",
        55,
    );
    let latest = t.latest_update().map(|u| u.percent);
    assert_eq!(latest, Some(55));
    assert!(approx(t.progress_as_of(d("2022-12-31")), 55.0));
}

#[test]
fn progress_is_zero_without_reports_clamped_at_100_and_full_when_closed() {
    let end = d("2022-12-31");
    assert!(approx(task("a").progress_as_of(end), 0.0));
    assert!(approx(
        reported(task("a"), "2022-05-01", 150).progress_as_of(end),
        100.0
    ));
    assert!(approx(
        closed(task("a"), "2022-05-01").progress_as_of(end),
        100.0
    ));
}

#[test]
fn duration_is_in_days_at_least_one_and_absent_when_reversed_or_open_ended() {
    assert_eq!(
        span("a", "2022-01-01", "2022-05-01").duration_days_as_of(d("2022-12-31")),
        Some(120)
    );
    assert_eq!(
        span("a", "2022-06-30", "2022-06-30").duration_days_as_of(d("2022-12-31")),
        Some(1)
    );
    assert_eq!(
        span("a", "2022-07-01", "2022-06-30").duration_days_as_of(d("2022-12-31")),
        None
    );
    let mut open_ended = task("a");
    open_ended.start = Some(d("2022-01-01"));
    assert_eq!(open_ended.duration_days_as_of(d("2022-12-31")), None);
}

#[test]
fn status_labels_are_the_office_words() {
    let cases = [
        (Status::NotStarted, "未启动"),
        (Status::InProgress, "推进中"),
        (Status::Closed, "已办结"),
        (Status::Paused, "暂缓"),
    ];
    for (status, label) in cases {
        assert_eq!(status.label(), label);
    }
    assert_eq!(task("a").status, Status::NotStarted);
}

#[test]
fn dates_parse_only_as_year_month_day() {
    let good: &[(&str, (i32, u32, u32))] = &[
        ("2022-06-30", (2022, 6, 30)),
        ("2024-02-29", (2024, 2, 29)),
        (" 2022-01-01 ", (2022, 1, 1)),
    ];
    for &(text, (y, m, day)) in good {
        let parsed = parse_date(text).ok();
        assert_eq!(
            parsed,
            chrono::NaiveDate::from_ymd_opt(y, m, day),
            "{text:?}"
        );
    }
    let bad = [
        "",
        "2022/06/30",
        "2022-6-30",
        "20220630",
        "2022-06-31",
        "2023-02-29",
        "2022-13-01",
        "30-06-2022",
        "２０２２-06-30",
        "2022-06-30T00:00",
        "+2022-6-30",
    ];
    for text in bad {
        let err = parse_date(text).err();
        assert!(err.is_some(), "{text:?} should be rejected");
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("年-月-日"), "{message}");
        assert!(message.contains(text), "message names the text: {message}");
    }
}

#[test]
fn formatted_dates_parse_back() {
    for text in ["2022-01-01", "2024-02-29", "2026-12-31", "0999-01-01"] {
        let date = d(text);
        assert_eq!(format_date(date), text);
        assert_eq!(parse_date(&format_date(date)).ok(), Some(date));
    }
}
