//! The warning rules (红黄绿灯) of `model::schedule`: which light a single
//! task gets on a given day, why, and how the settings move the lines.

mod common;

use common::{approx, closed, d, defaults, reported, span, task};
use luoshi::model::schedule::{combine, expected_progress, judge, Basis};
use luoshi::model::{assess, Level, Settings, Status, Task};

/// A parent's own verdict on a rolled-up `progress`, reporting checked or not.
fn judged(t: &Task, progress: f64, reporting: bool, day: &str) -> luoshi::model::Assessment {
    let basis = Basis {
        progress,
        reporting,
        paused: false,
        closed: None,
    };
    judge(t, basis, d(day), &defaults())
}

// ---------------------------------------------------------------- due dates

#[test]
fn no_due_date_and_no_start_is_green_without_reasons() {
    let t = task("a");
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::Green);
    assert_eq!(a.days_left, None);
    assert_eq!(a.expected, None);
    assert!(!a.due_soon && !a.behind && !a.stale);
    assert_eq!(a.label(), "正常");
}

#[test]
fn no_due_date_is_never_red_or_due_soon_or_behind() {
    let mut t = task("a");
    t.start = Some(d("2022-01-01"));
    let t = reported(t, "2022-06-25", 0);
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::Green);
    assert_eq!(
        a.expected, None,
        "no pro-rata expectation without a due date"
    );
    assert!(!a.due_soon && !a.behind && !a.stale);
}

#[test]
fn no_due_date_still_goes_stale_without_reports() {
    let mut t = task("a");
    t.start = Some(d("2022-01-01"));
    let a = assess(&t, d("2022-03-01"), &defaults());
    assert_eq!(a.level, Level::Yellow);
    assert!(a.stale);
    assert!(!a.due_soon && !a.behind);
    assert_eq!(a.label(), "预警：未按期报送");
}

#[test]
fn due_today_is_yellow_not_red() {
    let t = reported(span("a", "2022-06-01", "2022-06-30"), "2022-06-29", 90);
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::Yellow);
    assert_eq!(a.days_left, Some(0));
    assert!(a.due_soon);
    assert!(!a.behind, "90% is above 70% of the expected 100%");
    assert!(!a.stale);
    assert_eq!(a.label(), "预警：临近时限");
}

#[test]
fn past_due_open_task_is_red_with_negative_days_left() {
    let t = reported(span("a", "2022-06-01", "2022-06-29"), "2022-06-29", 95);
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::Red);
    assert_eq!(a.days_left, Some(-1));
    assert!(
        !a.due_soon && !a.behind && !a.stale,
        "red carries no yellow reasons"
    );
    assert_eq!(a.label(), "逾期");
}

#[test]
fn long_overdue_task_stays_red() {
    let t = span("a", "2021-01-01", "2021-03-31");
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::Red);
    assert_eq!(a.days_left, Some(-456));
}

#[test]
fn leap_day_due_date_is_counted_exactly() {
    // Due 2024-02-29; reported recently and well ahead, so only the calendar
    // decides the light.
    let cases: &[(&str, Level, i64, bool)] = &[
        ("2024-02-21", Level::Green, 8, false),
        ("2024-02-22", Level::Yellow, 7, true),
        ("2024-02-28", Level::Yellow, 1, true),
        ("2024-02-29", Level::Yellow, 0, true),
        ("2024-03-01", Level::Red, -1, false),
    ];
    for &(today, level, days_left, due_soon) in cases {
        let t = reported(span("a", "2024-02-01", "2024-02-29"), "2024-02-20", 100);
        let a = assess(&t, d(today), &defaults());
        assert_eq!(a.level, level, "on {today}");
        assert_eq!(a.days_left, Some(days_left), "on {today}");
        assert_eq!(a.due_soon, due_soon, "on {today}");
    }
}

#[test]
fn due_soon_window_includes_its_edge_and_not_a_day_more() {
    // Default window is 7 days. Today 2022-06-30; progress is reported and
    // ahead of schedule so nothing else makes the task yellow.
    let cases: &[(&str, i64, Level)] = &[
        ("2022-07-06", 6, Level::Yellow),
        ("2022-07-07", 7, Level::Yellow),
        ("2022-07-08", 8, Level::Green),
        ("2022-07-31", 31, Level::Green),
    ];
    for &(due, days_left, level) in cases {
        let t = reported(span("a", "2022-06-01", due), "2022-06-29", 100);
        let a = assess(&t, d("2022-06-30"), &defaults());
        assert_eq!(a.days_left, Some(days_left), "due {due}");
        assert_eq!(a.level, level, "due {due}");
        assert_eq!(a.due_soon, level == Level::Yellow, "due {due}");
    }
}

#[test]
fn start_after_due_is_a_zero_length_task_expected_on_its_due_date() {
    // Start 07-01 is after due 06-15: a data-entry slip. The task must still
    // be judged by its due date and not divide by a negative span.
    let t = span("a", "2022-07-01", "2022-06-15");
    assert_eq!(t.duration_days_as_of(d("2022-06-30")), None);

    let early = assess(&t, d("2022-05-01"), &defaults());
    assert_eq!(early.level, Level::Green);
    assert_eq!(early.expected, Some(0.0));
    assert!(!early.behind && !early.stale);

    let near = assess(&t, d("2022-06-10"), &defaults());
    assert_eq!(near.level, Level::Yellow);
    assert!(near.due_soon);
    assert_eq!(near.expected, Some(0.0));

    let late = assess(&t, d("2022-06-16"), &defaults());
    assert_eq!(late.level, Level::Red);
    assert_eq!(late.expected, Some(100.0));
}

// ------------------------------------------------------------------ closing

#[test]
fn closed_after_due_is_done_late() {
    let t = closed(span("a", "2022-01-01", "2022-06-30"), "2022-07-01");
    let a = assess(&t, d("2022-07-15"), &defaults());
    assert_eq!(a.level, Level::DoneLate);
    assert_eq!(a.label(), "逾期办结");
    assert!(!a.level.is_open());
}

#[test]
fn closed_on_due_day_is_on_time() {
    let t = closed(span("a", "2022-01-01", "2022-06-30"), "2022-06-30");
    let a = assess(&t, d("2022-07-15"), &defaults());
    assert_eq!(a.level, Level::DoneOnTime);
    assert_eq!(a.label(), "按时办结");
}

#[test]
fn closed_before_due_is_on_time_even_when_judged_much_later() {
    let t = closed(span("a", "2022-01-01", "2022-06-30"), "2022-05-10");
    let a = assess(&t, d("2023-03-01"), &defaults());
    assert_eq!(a.level, Level::DoneOnTime);
}

#[test]
fn closed_without_closing_date_is_on_time_not_red() {
    let mut t = span("a", "2022-01-01", "2022-03-31");
    t.status = Status::Closed;
    assert_eq!(t.closed_on(), None);
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::DoneOnTime);
    assert!(approx(a.progress, 100.0));
}

#[test]
fn closed_without_due_date_is_on_time() {
    let t = closed(task("a"), "2022-06-30");
    assert_eq!(
        assess(&t, d("2022-06-30"), &defaults()).level,
        Level::DoneOnTime
    );
}

#[test]
fn closed_task_counts_as_full_progress_whatever_was_reported() {
    let t = closed(
        reported(span("a", "2022-01-01", "2022-12-31"), "2022-03-01", 40),
        "2022-06-01",
    );
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert!(approx(a.progress, 100.0));
    assert!(!a.behind && !a.stale && !a.due_soon);
}

#[test]
fn closing_record_without_closed_status_is_still_open() {
    // The status is what the office set; a stray closing record does not
    // quietly close a task that is past due.
    let mut t = closed(span("a", "2022-01-01", "2022-03-31"), "2022-03-01");
    t.status = Status::InProgress;
    assert_eq!(assess(&t, d("2022-06-30"), &defaults()).level, Level::Red);
}

// ---------------------------------------------------------------- progress

#[test]
fn expected_progress_is_linear_between_start_and_due() {
    // 2022-01-01 → 2022-05-01 is 120 days.
    let cases: &[(&str, f64)] = &[
        ("2021-12-01", 0.0),
        ("2022-01-01", 0.0),
        ("2022-01-31", 25.0),
        ("2022-03-02", 50.0),
        ("2022-05-01", 100.0),
        ("2022-08-01", 100.0),
    ];
    for &(today, expected) in cases {
        let e = expected_progress(d("2022-01-01"), d("2022-05-01"), d(today));
        assert!(approx(e, expected), "on {today}: {e} != {expected}");
    }
}

#[test]
fn expected_progress_for_same_day_start_and_due_jumps_to_full_on_that_day() {
    let day = d("2022-06-30");
    assert_eq!(expected_progress(day, day, d("2022-06-29")), 0.0);
    assert_eq!(expected_progress(day, day, day), 100.0);
}

#[test]
fn progress_below_seventy_percent_of_pro_rata_is_behind_and_at_threshold_is_not() {
    // Halfway through 2022-01-01 → 2022-05-01 the expectation is 50%, so the
    // line is 35%. Reported the day before, so never stale; due in 60 days.
    let cases: &[(u8, bool)] = &[(0, true), (34, true), (35, false), (36, false), (50, false)];
    for &(percent, behind) in cases {
        let t = reported(span("a", "2022-01-01", "2022-05-01"), "2022-03-01", percent);
        let a = assess(&t, d("2022-03-02"), &defaults());
        assert_eq!(a.expected.map(|e| e.round()), Some(50.0));
        assert_eq!(a.behind, behind, "at {percent}%");
        assert_eq!(
            a.level,
            if behind { Level::Yellow } else { Level::Green },
            "at {percent}%"
        );
        assert!(!a.stale && !a.due_soon);
    }
}

#[test]
fn behind_label_names_the_reason() {
    let t = reported(span("a", "2022-01-01", "2022-05-01"), "2022-03-01", 10);
    let a = assess(&t, d("2022-03-02"), &defaults());
    assert_eq!(a.label(), "预警：进度滞后");
}

#[test]
fn latest_update_decides_progress_not_the_last_in_the_list() {
    // An older report entered after a newer one must not pull progress down.
    let t = reported(
        reported(span("a", "2022-01-01", "2022-05-01"), "2022-03-01", 60),
        "2022-02-01",
        10,
    );
    let a = assess(&t, d("2022-03-02"), &defaults());
    assert!(approx(a.progress, 60.0));
    assert!(!a.behind);
}

#[test]
fn task_not_yet_started_is_neither_behind_nor_stale() {
    let mut t = span("a", "2022-08-01", "2022-11-30");
    t.status = Status::NotStarted;
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::Green);
    assert_eq!(a.expected, Some(0.0));
    assert!(!a.behind && !a.stale && !a.due_soon);
}

// --------------------------------------------------------------- reporting

#[test]
fn no_update_for_more_than_the_thirty_day_period_is_stale() {
    // Last report 2022-05-01; 90% so never behind; due far away.
    let cases: &[(&str, bool)] = &[
        ("2022-05-01", false),
        ("2022-05-31", false), // exactly 30 days: still within the period
        ("2022-06-01", true),  // 31 days
        ("2022-06-30", true),
    ];
    for &(today, stale) in cases {
        let t = reported(span("a", "2022-01-01", "2022-12-31"), "2022-05-01", 90);
        let a = assess(&t, d(today), &defaults());
        assert_eq!(a.stale, stale, "on {today}");
        assert_eq!(
            a.level,
            if stale { Level::Yellow } else { Level::Green },
            "on {today}"
        );
    }
}

#[test]
fn stale_period_is_counted_from_start_when_nothing_was_reported() {
    let t = span("a", "2022-05-01", "2022-12-31");
    assert!(!assess(&t, d("2022-05-31"), &defaults()).stale);
    assert!(assess(&t, d("2022-06-01"), &defaults()).stale);
}

#[test]
fn started_yesterday_without_report_is_not_stale() {
    let t = span("a", "2022-06-29", "2022-12-31");
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert!(!a.stale);
    assert!(!a.label().contains("未按期报送"));
}

#[test]
fn starting_today_with_no_report_is_green() {
    let t = span("a", "2022-06-30", "2022-12-31");
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::Green);
    assert_eq!(a.expected, Some(0.0));
}

#[test]
fn parent_assessed_without_reporting_check_is_never_stale() {
    let t = span("a", "2022-01-01", "2022-12-31");
    let with = judged(&t, 60.0, true, "2022-06-30");
    let without = judged(&t, 60.0, false, "2022-06-30");
    assert!(with.stale);
    assert!(!without.stale);
    assert_eq!(without.level, Level::Green);
    assert!(approx(without.progress, 60.0), "the given progress is used");
}

#[test]
fn several_reasons_are_all_named_in_order() {
    // Started 2022-01-01, never reported, due in 5 days: due soon, behind and
    // stale at once.
    let t = span("a", "2022-01-01", "2022-07-05");
    let a = assess(&t, d("2022-06-30"), &defaults());
    assert_eq!(a.level, Level::Yellow);
    assert!(a.due_soon && a.behind && a.stale);
    assert_eq!(a.label(), "预警：临近时限、进度滞后、未按期报送");
}

// ------------------------------------------------------------------- paused

/// 暂缓 and 中止 are their own state, whatever the dates say: left out of
/// lateness counts (issue 7), listed as halted.
#[test]
fn halted_tasks_are_their_own_state_whatever_the_dates() {
    let cases = [
        ("behind and stale", "2022-12-31", Status::Paused, false),
        ("past due", "2022-06-29", Status::Paused, false),
        ("due soon", "2022-07-05", Status::Paused, false),
        ("stopped past due", "2022-06-29", Status::Stopped, true),
    ];
    for (name, due, status, stopped) in cases {
        let mut t = span("a", "2022-01-01", due);
        t.status = status;
        let a = assess(&t, d("2022-06-30"), &defaults());
        assert_eq!(a.level, Level::Halted, "{name}");
        assert!(!a.due_soon && !a.behind && !a.stale, "{name}");
        assert_eq!(a.stopped, stopped, "{name}");
        assert_eq!(a.label(), if stopped { "中止" } else { "暂缓" }, "{name}");
    }
}

// ------------------------------------------------------------------ settings

#[test]
fn custom_due_soon_window_changes_the_light() {
    let t = reported(span("a", "2022-06-01", "2022-07-10"), "2022-06-29", 100);
    let today = d("2022-06-30");
    let cases: &[(u32, Level)] = &[
        (0, Level::Green),
        (7, Level::Green),
        (9, Level::Green),
        (10, Level::Yellow),
        (14, Level::Yellow),
    ];
    for &(days, level) in cases {
        let s = Settings {
            due_soon_days: days,
            ..defaults()
        };
        assert_eq!(assess(&t, today, &s).level, level, "window {days}");
    }
}

#[test]
fn zero_day_window_flags_only_the_due_day() {
    let s = Settings {
        due_soon_days: 0,
        ..defaults()
    };
    let t = reported(span("a", "2022-06-01", "2022-06-30"), "2022-06-29", 100);
    assert!(!assess(&t, d("2022-06-29"), &s).due_soon);
    assert!(assess(&t, d("2022-06-30"), &s).due_soon);
}

#[test]
fn custom_behind_share_changes_the_light() {
    // Expected 50% halfway; reported 40%.
    let t = reported(span("a", "2022-01-01", "2022-05-01"), "2022-03-01", 40);
    let today = d("2022-03-02");
    let cases: &[(u32, bool)] = &[
        (0, false),
        (70, false),
        (80, false),
        (81, true),
        (100, true),
    ];
    for &(share, behind) in cases {
        let s = Settings {
            behind_share_percent: share,
            ..defaults()
        };
        assert_eq!(assess(&t, today, &s).behind, behind, "share {share}%");
    }
}

#[test]
fn custom_report_period_changes_the_light() {
    let t = reported(span("a", "2022-01-01", "2022-12-31"), "2022-06-20", 90);
    let today = d("2022-06-30"); // 10 days after the report
    let cases: &[(u32, bool)] = &[(7, true), (9, true), (10, false), (30, false)];
    for &(period, stale) in cases {
        let s = Settings {
            report_period_days: period,
            ..defaults()
        };
        assert_eq!(assess(&t, today, &s).stale, stale, "period {period}");
    }
}

#[test]
fn zero_report_period_is_treated_as_one_day() {
    let s = Settings {
        report_period_days: 0,
        ..defaults()
    };
    let t = reported(span("a", "2022-01-01", "2022-12-31"), "2022-06-29", 90);
    assert!(!assess(&t, d("2022-06-30"), &s).stale);
    assert!(assess(&t, d("2022-07-01"), &s).stale);
}

// ----------------------------------------------------------------- combining

#[test]
fn red_child_makes_a_green_parent_red() {
    let parent = span("p", "2022-01-01", "2022-12-31");
    let own = judged(&parent, 60.0, false, "2022-06-30");
    assert_eq!(own.level, Level::Green);
    let child = assess(
        &span("c", "2022-01-01", "2022-06-01"),
        d("2022-06-30"),
        &defaults(),
    );
    assert_eq!(child.level, Level::Red);
    assert_eq!(combine(own, &[&child]).level, Level::Red);
}

#[test]
fn yellow_child_passes_its_reasons_to_the_parent() {
    let parent = span("p", "2022-01-01", "2022-12-31");
    let own = judged(&parent, 60.0, false, "2022-06-30");
    let stale_child = assess(
        &reported(span("c", "2022-01-01", "2022-12-31"), "2022-05-01", 90),
        d("2022-06-30"),
        &defaults(),
    );
    assert!(stale_child.stale);
    let combined = combine(own, &[&stale_child]);
    assert_eq!(combined.level, Level::Yellow);
    assert!(combined.stale);
    assert_eq!(combined.label(), "预警：未按期报送");
}

#[test]
fn closed_children_do_not_change_an_open_parent() {
    let parent = span("p", "2022-01-01", "2022-12-31");
    let own = judged(&parent, 60.0, false, "2022-06-30");
    let late = assess(
        &closed(span("c", "2022-01-01", "2022-03-01"), "2022-04-01"),
        d("2022-06-30"),
        &defaults(),
    );
    assert_eq!(late.level, Level::DoneLate);
    assert_eq!(combine(own, &[&late]).level, Level::Green);
}

#[test]
fn level_keys_are_stable_machine_names() {
    let cases = [
        (Level::Red, "red", "逾期"),
        (Level::Yellow, "yellow", "预警"),
        (Level::Green, "green", "正常"),
        (Level::DoneOnTime, "done-on-time", "按时办结"),
        (Level::DoneLate, "done-late", "逾期办结"),
    ];
    for (level, key, label) in cases {
        assert_eq!(level.key(), key);
        assert_eq!(level.label(), label);
    }
}

#[test]
fn task_is_not_judged_behind_in_its_grace_days() {
    // A year-long task at 0%: not judged in its first 15 days, behind after.
    let t = span("t", "2022-01-01", "2022-12-31");
    let s = defaults();
    assert!(!assess(&t, d("2022-01-15"), &s).behind);
    assert!(assess(&t, d("2022-01-16"), &s).behind);
}

#[test]
fn custom_grace_days_change_when_behind_starts() {
    let t = span("t", "2022-01-01", "2022-12-31");
    let s = Settings {
        behind_grace_days: 0,
        ..defaults()
    };
    assert!(assess(&t, d("2022-01-03"), &s).behind);
}

#[test]
fn reports_dated_after_today_are_not_counted_yet() {
    // At 03-01 the June report has not happened: progress is March's.
    let t = reported(
        reported(span("t", "2022-01-01", "2022-12-31"), "2022-02-20", 20),
        "2022-06-25",
        55,
    );
    let a = assess(&t, d("2022-03-01"), &defaults());
    assert!(approx(a.progress, 20.0));
    assert!(!a.stale, "reported 9 days before");
}

#[test]
fn closing_dated_after_today_leaves_the_task_open() {
    let t = closed(span("t", "2022-01-01", "2022-04-30"), "2022-06-12");
    let before = assess(&t, d("2022-03-01"), &defaults());
    assert!(
        before.level.is_open(),
        "not closed yet on 03-01: {:?}",
        before.level
    );
    assert_eq!(
        assess(&t, d("2022-06-30"), &defaults()).level,
        Level::DoneLate
    );
}
