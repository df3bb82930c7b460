//! The reporting cycle: the office's settings and their checks, calendar
//! and rolling reporting periods, which period a task owes, 未按期报送,
//! per-unit coverage (本期未报送), and standing work (常态化) with its
//! missed occurrences.

mod common;

use common::{child_of, closed, d, defaults, plan_of, reported, span, unit};
use luoshi::model::index::PlanIndex;
use luoshi::model::recurrence::{missed_count, occurrences, Occurrence, Recurrence};
use luoshi::model::reporting::{coverage, is_stale, owed_period, period_of, reported_this_period};
use luoshi::model::settings::{Lateness, ReportCycle};
use luoshi::model::{assess, Level, Settings, Status, Task};

/// (case, start, cycle, today, owed period's start and end)
type OwedCase = (
    &'static str,
    Option<&'static str>,
    ReportCycle,
    &'static str,
    Option<(&'static str, &'static str)>,
);
/// (case, cycle, start, report dates, today, stale)
type StaleCase = (
    &'static str,
    ReportCycle,
    &'static str,
    &'static [&'static str],
    &'static str,
    bool,
);
/// (case, cycle, start, due, report dates, today, occurrences, missed)
type MissedCase = (
    &'static str,
    Recurrence,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
    usize,
    usize,
);

fn cycle(report_cycle: ReportCycle) -> Settings {
    Settings {
        report_cycle,
        ..Settings::default()
    }
}

/// A task started at the beginning of 2026 and due at its end.
fn yearlong(id: &str) -> Task {
    span(id, "2026-01-01", "2026-12-31")
}

fn led(mut t: Task, unit: &str) -> Task {
    t.lead_unit = Some(unit.into());
    t
}

// ---------------------------------------------------------------- settings

#[test]
fn office_defaults_are_monthly_due_on_the_25th_judged_on_the_original_deadline() {
    let s = Settings::default();
    assert_eq!(s.report_cycle, ReportCycle::Monthly);
    assert_eq!(s.report_due_day, 25);
    assert_eq!(s.lateness, Lateness::Original);
    assert_eq!(s.supervise_prefix, "督字");
    assert_eq!(s.chase_prefix, "催字");
    assert!(s.problems().is_empty());
}

#[test]
fn settings_problems_name_the_field_out_of_range() {
    type Edit = fn(&mut Settings);
    let cases: [(&str, Edit, &[&str]); 12] = [
        ("due day 0", |s| s.report_due_day = 0, &["report_due_day"]),
        ("due day 29", |s| s.report_due_day = 29, &["report_due_day"]),
        ("due day 1", |s| s.report_due_day = 1, &[]),
        ("due day 28", |s| s.report_due_day = 28, &[]),
        (
            "share 101",
            |s| s.behind_share_percent = 101,
            &["behind_share_percent"],
        ),
        ("share 100", |s| s.behind_share_percent = 100, &[]),
        (
            "window 0",
            |s| s.report_period_days = 0,
            &["report_period_days"],
        ),
        (
            "window 367",
            |s| s.report_period_days = 367,
            &["report_period_days"],
        ),
        ("window 366", |s| s.report_period_days = 366, &[]),
        (
            "due soon 367",
            |s| s.due_soon_days = 367,
            &["due_soon_days"],
        ),
        (
            "grace 367",
            |s| s.behind_grace_days = 367,
            &["behind_grace_days"],
        ),
        (
            "several at once, in field order",
            |s| {
                s.report_due_day = 31;
                s.report_period_days = 0;
                s.behind_grace_days = 400;
            },
            &["report_due_day", "report_period_days", "behind_grace_days"],
        ),
    ];
    for (name, edit, fields) in cases {
        let mut s = Settings::default();
        edit(&mut s);
        let problems = s.problems();
        let got: Vec<&str> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(got, fields, "{name}");
        for (f, message) in &problems {
            assert!(common::is_chinese(message), "{name}: {f}: {message}");
        }
    }
}

#[test]
fn settings_problem_messages_say_the_allowed_range() {
    let s = Settings {
        report_due_day: 0,
        behind_share_percent: 150,
        ..Settings::default()
    };
    assert_eq!(
        s.problems(),
        vec![
            (
                "report_due_day",
                "报送截止日应为每月 1 日到 28 日之间".to_string()
            ),
            (
                "behind_share_percent",
                "进度滞后比例应在 0 到 100 之间".to_string()
            ),
        ]
    );
}

#[test]
fn due_day_is_kept_to_a_day_every_month_has() {
    for (given, used) in [(0, 1), (1, 1), (25, 25), (28, 28), (29, 28), (31, 28)] {
        let s = Settings {
            report_due_day: given,
            ..Settings::default()
        };
        assert_eq!(s.due_day(), used, "report_due_day {given}");
    }
}

#[test]
fn cycle_and_lateness_keys_round_trip_and_unknown_keys_are_refused() {
    for c in ReportCycle::ALL {
        assert_eq!(ReportCycle::from_key(c.key()), Some(c));
    }
    assert_eq!(ReportCycle::from_key("weekly"), None);
    for l in [Lateness::Original, Lateness::Current] {
        assert_eq!(Lateness::from_key(l.key()), Some(l));
    }
    assert_eq!(Lateness::from_key("Original"), None);
}

/// Settings saved before the cycle existed read as the office defaults.
#[test]
fn settings_saved_without_the_new_fields_read_as_the_defaults() {
    let s: Settings = serde_json::from_str(r#"{"due_soon_days": 5}"#).unwrap();
    assert_eq!(s.due_soon_days, 5);
    assert_eq!(s.report_cycle, ReportCycle::Monthly);
    assert_eq!(s.report_due_day, 25);
    assert_eq!(s.lateness, Lateness::Original);
    let json = serde_json::to_value(Settings::default()).unwrap();
    assert_eq!(json["report_cycle"], "monthly");
    assert_eq!(json["lateness"], "original");
}

// ---------------------------------------------------------------- periods

#[test]
fn period_of_a_day_for_each_cycle() {
    let cases = [
        // (cycle, day, start, end, deadline, label)
        (
            ReportCycle::Monthly,
            "2026-07-10",
            "2026-07-01",
            "2026-07-31",
            "2026-07-25",
            "2026年7月",
        ),
        (
            ReportCycle::Monthly,
            "2026-02-27",
            "2026-02-01",
            "2026-02-28",
            "2026-02-25",
            "2026年2月",
        ),
        (
            ReportCycle::Monthly,
            "2026-12-31",
            "2026-12-01",
            "2026-12-31",
            "2026-12-25",
            "2026年12月",
        ),
        (
            ReportCycle::Quarterly,
            "2026-01-01",
            "2026-01-01",
            "2026-03-31",
            "2026-03-25",
            "2026年第一季度",
        ),
        (
            ReportCycle::Quarterly,
            "2026-08-10",
            "2026-07-01",
            "2026-09-30",
            "2026-09-25",
            "2026年第三季度",
        ),
        (
            ReportCycle::Quarterly,
            "2026-12-31",
            "2026-10-01",
            "2026-12-31",
            "2026-12-25",
            "2026年第四季度",
        ),
        // The window ending on the day: a report 30 days ago still counts.
        (
            ReportCycle::Rolling,
            "2026-07-10",
            "2026-06-10",
            "2026-07-10",
            "2026-07-10",
            "6月10日至7月10日",
        ),
    ];
    for (c, day, start, end, deadline, label) in cases {
        let p = period_of(&cycle(c), d(day)).unwrap();
        assert_eq!(
            (p.start, p.end, p.deadline, p.cycle),
            (d(start), d(end), d(deadline), c),
            "{c:?} {day}"
        );
        assert_eq!(p.label(), label, "{c:?} {day}");
    }
}

#[test]
fn the_deadline_follows_the_due_day_setting() {
    for (due_day, day, deadline) in [
        (10, "2026-07-03", "2026-07-10"),
        (1, "2026-07-03", "2026-07-01"),
        // Out of range: kept to the 28th, which February has.
        (31, "2026-02-03", "2026-02-28"),
    ] {
        let s = Settings {
            report_due_day: due_day,
            ..Settings::default()
        };
        assert_eq!(
            period_of(&s, d(day)).unwrap().deadline,
            d(deadline),
            "due day {due_day}"
        );
    }
}

/// Before this period's deadline a task owes the previous period's report;
/// from the day after, this one's. A task started after the owed period
/// began owes nothing yet.
#[test]
fn owed_period_moves_on_the_day_after_the_deadline() {
    let cases: [OwedCase; 10] = [
        // (case, start, cycle, today, owed period start and end)
        (
            "before the deadline",
            Some("2026-01-01"),
            ReportCycle::Monthly,
            "2026-07-10",
            Some(("2026-06-01", "2026-06-30")),
        ),
        (
            "on the deadline",
            Some("2026-01-01"),
            ReportCycle::Monthly,
            "2026-07-25",
            Some(("2026-06-01", "2026-06-30")),
        ),
        (
            "after the deadline",
            Some("2026-01-01"),
            ReportCycle::Monthly,
            "2026-07-26",
            Some(("2026-07-01", "2026-07-31")),
        ),
        (
            "across the year",
            Some("2025-11-01"),
            ReportCycle::Monthly,
            "2026-01-10",
            Some(("2025-12-01", "2025-12-31")),
        ),
        (
            "no start",
            None,
            ReportCycle::Monthly,
            "2026-07-10",
            Some(("2026-06-01", "2026-06-30")),
        ),
        (
            "started inside the owed month",
            Some("2026-06-15"),
            ReportCycle::Monthly,
            "2026-07-10",
            None,
        ),
        (
            "started inside, next deadline passed",
            Some("2026-06-15"),
            ReportCycle::Monthly,
            "2026-07-26",
            Some(("2026-07-01", "2026-07-31")),
        ),
        (
            "started on the owed period's first day",
            Some("2026-06-01"),
            ReportCycle::Monthly,
            "2026-07-10",
            Some(("2026-06-01", "2026-06-30")),
        ),
        (
            "quarter, before its deadline",
            Some("2026-01-01"),
            ReportCycle::Quarterly,
            "2026-07-10",
            Some(("2026-04-01", "2026-06-30")),
        ),
        (
            "quarter, after its deadline",
            Some("2026-01-01"),
            ReportCycle::Quarterly,
            "2026-09-26",
            Some(("2026-07-01", "2026-09-30")),
        ),
    ];
    for (case, start, c, today, owed) in cases {
        let mut t = Task::new("a", "任务a");
        t.start = start.map(d);
        let got = owed_period(&t, &cycle(c), d(today)).map(|p| (p.start, p.end));
        assert_eq!(got, owed.map(|(s, e)| (d(s), d(e))), "{case}");
    }
}

#[test]
fn stale_on_calendar_cycles_means_no_report_for_the_owed_period() {
    let cases: [StaleCase; 13] = [
        // (case, cycle, start, report dates, today, stale)
        (
            "June reported, June owed",
            ReportCycle::Monthly,
            "2026-01-01",
            &["2026-06-20"],
            "2026-07-10",
            false,
        ),
        (
            "June reported, July owed",
            ReportCycle::Monthly,
            "2026-01-01",
            &["2026-06-20"],
            "2026-07-26",
            true,
        ),
        (
            "last report in May",
            ReportCycle::Monthly,
            "2026-01-01",
            &["2026-05-30"],
            "2026-07-10",
            true,
        ),
        (
            "June's report made late, in July",
            ReportCycle::Monthly,
            "2026-01-01",
            &["2026-07-05"],
            "2026-07-10",
            false,
        ),
        (
            "July reported",
            ReportCycle::Monthly,
            "2026-01-01",
            &["2026-07-20"],
            "2026-07-26",
            false,
        ),
        (
            "report dated after today",
            ReportCycle::Monthly,
            "2026-01-01",
            &["2026-07-30"],
            "2026-07-26",
            true,
        ),
        (
            "started mid-June, nothing owed yet",
            ReportCycle::Monthly,
            "2026-06-15",
            &[],
            "2026-07-10",
            false,
        ),
        (
            "started mid-June, July owed",
            ReportCycle::Monthly,
            "2026-06-15",
            &[],
            "2026-07-26",
            true,
        ),
        (
            "not started yet",
            ReportCycle::Monthly,
            "2026-08-01",
            &[],
            "2026-07-26",
            false,
        ),
        (
            "Q2 reported",
            ReportCycle::Quarterly,
            "2026-01-01",
            &["2026-05-10"],
            "2026-07-10",
            false,
        ),
        (
            "only Q1 reported",
            ReportCycle::Quarterly,
            "2026-01-01",
            &["2026-03-20"],
            "2026-07-10",
            true,
        ),
        (
            "Q1 owed until Q2's deadline",
            ReportCycle::Quarterly,
            "2026-01-01",
            &["2026-03-20"],
            "2026-06-25",
            false,
        ),
        (
            "Q2 owed after its deadline",
            ReportCycle::Quarterly,
            "2026-01-01",
            &["2026-03-20"],
            "2026-06-26",
            true,
        ),
    ];
    for (case, c, start, reports, today, stale) in cases {
        let mut t = span("a", start, "2026-12-31");
        for r in reports {
            t = reported(t, r, 50);
        }
        assert_eq!(is_stale(&t, &cycle(c), d(today)), stale, "{case}");
    }
}

#[test]
fn reported_this_period_counts_reports_from_the_period_start_to_today() {
    let cases = [
        // (cycle, report date, today, reported)
        (ReportCycle::Monthly, "2026-06-30", "2026-07-01", false),
        (ReportCycle::Monthly, "2026-07-01", "2026-07-01", true),
        (ReportCycle::Monthly, "2026-07-15", "2026-07-10", false),
        (ReportCycle::Quarterly, "2026-07-02", "2026-09-30", true),
        (ReportCycle::Quarterly, "2026-06-30", "2026-07-02", false),
        (ReportCycle::Rolling, "2026-06-10", "2026-07-10", true),
        (ReportCycle::Rolling, "2026-06-09", "2026-07-10", false),
    ];
    for (c, report, today, expected) in cases {
        let t = reported(yearlong("a"), report, 40);
        assert_eq!(
            reported_this_period(&t, &cycle(c), d(today)),
            expected,
            "{c:?}: reported {report}, today {today}"
        );
    }
}

/// Under the office defaults a task with no report for the month it owes
/// turns yellow for 未按期报送 the day after the 25th.
#[test]
fn office_defaults_turn_a_task_yellow_the_day_after_the_monthly_deadline() {
    let t = reported(yearlong("a"), "2026-06-20", 50);
    let s = Settings::default();
    let on_deadline = assess(&t, d("2026-07-25"), &s);
    assert_eq!(on_deadline.level, Level::Green, "{}", on_deadline.label());
    let after = assess(&t, d("2026-07-26"), &s);
    assert_eq!(after.level, Level::Yellow);
    assert!(after.stale && !after.behind && !after.due_soon);
    assert_eq!(after.label(), "预警：未按期报送");
    // The rolling window counts days instead: 30 days after the report is
    // still inside it, 36 are not.
    assert!(!assess(&t, d("2026-07-20"), &defaults()).stale);
    assert!(assess(&t, d("2026-07-26"), &defaults()).stale);
}

// ---------------------------------------------------------------- coverage

#[test]
fn coverage_lists_each_units_missing_work_items_most_missing_first() {
    let mut plan = plan_of(vec![
        // Met first, but listed after the registered units it ties with.
        yearlong("h"),
        led(reported(yearlong("a"), "2026-07-05", 50), "u2"),
        led(reported(yearlong("b"), "2026-06-20", 50), "u2"),
        led(yearlong("b2"), "u2"),
        led(reported(yearlong("c"), "2026-07-03", 50), "u1"),
        led(closed(yearlong("d"), "2026-06-30"), "u1"),
        {
            let mut t = led(yearlong("e"), "u1");
            t.status = Status::Paused;
            t
        },
        led(span("f", "2026-08-01", "2026-12-31"), "u1"),
        led(Task::new("p", "要点p"), "u3"),
        led(child_of(yearlong("g"), "p"), "u3"),
        led(yearlong("i"), "x-unknown"),
    ]);
    plan.settings = Settings::default();
    plan.units = vec![
        unit("u1", "区委组织部"),
        unit("u2", "区委宣传部"),
        unit("u3", "区发改委"),
    ];
    let index = PlanIndex::new(&plan);
    let got: Vec<(String, String, usize, Vec<String>)> =
        coverage(&index, &plan.settings, d("2026-07-10"))
            .into_iter()
            .map(|c| {
                let missing = c.missing.iter().map(|id| id.as_str().to_string()).collect();
                (c.unit, c.unit_name, c.expected, missing)
            })
            .collect();
    let row = |u: &str, name: &str, expected: usize, missing: &[&str]| {
        (
            u.to_string(),
            name.to_string(),
            expected,
            missing.iter().map(|m| m.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        got,
        vec![
            row("u2", "区委宣传部", 3, &["b", "b2"]),
            // One missing each: registry order, then units not in the
            // registry in the order first met.
            row("u3", "区发改委", 1, &["g"]),
            row("", "（未指定牵头单位）", 1, &["h"]),
            row("x-unknown", "x-unknown", 1, &["i"]),
            // Closed, paused and not yet started work is not expected.
            row("u1", "区委组织部", 1, &[]),
        ]
    );
}

#[test]
fn coverage_uses_the_current_period_of_the_cycle() {
    let mut plan = plan_of(vec![led(reported(yearlong("a"), "2026-06-20", 50), "u1")]);
    plan.units = vec![unit("u1", "区委组织部")];
    let missing = |plan: &luoshi::model::Plan| {
        let index = PlanIndex::new(plan);
        coverage(&index, &plan.settings, d("2026-07-10"))[0]
            .missing
            .len()
    };
    // Rolling (the test defaults): 06-20 is inside the last 30 days.
    assert_eq!(missing(&plan), 0);
    plan.settings = Settings::default();
    assert_eq!(missing(&plan), 1, "monthly: no report in July yet");
    plan.settings.report_cycle = ReportCycle::Quarterly;
    assert_eq!(missing(&plan), 1, "quarterly: no report in Q3 yet");
}

#[test]
fn coverage_leaves_out_units_with_nothing_expected() {
    let mut plan = plan_of(vec![led(closed(yearlong("a"), "2026-06-30"), "u1")]);
    plan.units = vec![unit("u1", "区委组织部")];
    let index = PlanIndex::new(&plan);
    assert!(coverage(&index, &plan.settings, d("2026-07-10")).is_empty());
}

// ---------------------------------------------------------------- standing work

#[test]
fn recurrence_is_read_from_the_free_text_of_older_data() {
    let cases = [
        ("monthly", Some(Recurrence::Monthly)),
        ("  quarterly ", Some(Recurrence::Quarterly)),
        ("yearly", Some(Recurrence::Yearly)),
        ("每月", Some(Recurrence::Monthly)),
        ("按月报送", Some(Recurrence::Monthly)),
        ("月度", Some(Recurrence::Monthly)),
        ("按季度", Some(Recurrence::Quarterly)),
        ("每季一次", Some(Recurrence::Quarterly)),
        ("每年一次", Some(Recurrence::Yearly)),
        ("年度", Some(Recurrence::Yearly)),
        ("一年一次", Some(Recurrence::Yearly)),
        // Two cycles named, or none: left as words.
        ("每月、每季度", None),
        ("月度及年度", None),
        ("每半年", None),
        ("不定期", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(Recurrence::from_text(text), expected, "{text:?}");
    }
}

#[test]
fn recurrence_periods_and_their_names() {
    let cases = [
        (
            Recurrence::Monthly,
            "2026-02-10",
            "2026-02-01",
            "2026-02-28",
            "2026年2月",
        ),
        (
            Recurrence::Quarterly,
            "2026-05-10",
            "2026-04-01",
            "2026-06-30",
            "2026年第二季度",
        ),
        (
            Recurrence::Quarterly,
            "2026-11-30",
            "2026-10-01",
            "2026-12-31",
            "2026年第四季度",
        ),
        (
            Recurrence::Yearly,
            "2026-05-10",
            "2026-01-01",
            "2026-12-31",
            "2026年",
        ),
    ];
    for (r, day, start, end, label) in cases {
        assert_eq!(r.period_of(d(day)), (d(start), d(end)), "{r:?} {day}");
        assert_eq!(r.period_label(d(start)), label);
    }
}

fn standing(id: &str, r: Recurrence, start: &str, due: &str) -> Task {
    let mut t = span(id, start, due);
    t.recurrence = Some(r);
    t
}

fn occ(start: &str, end: &str, label: &str, reported: bool, missed: bool) -> Occurrence {
    Occurrence {
        start: d(start),
        end: d(end),
        label: label.into(),
        reported,
        missed,
    }
}

#[test]
fn monthly_occurrences_are_clipped_to_the_start_and_a_month_without_a_report_is_missed() {
    let mut t = standing("s", Recurrence::Monthly, "2026-01-15", "2026-12-31");
    for r in ["2026-01-20", "2026-02-27", "2026-04-05"] {
        t = reported(t, r, 10);
    }
    assert_eq!(
        occurrences(&t, d("2026-04-10")),
        vec![
            occ("2026-01-15", "2026-01-31", "2026年1月", true, false),
            occ("2026-02-01", "2026-02-28", "2026年2月", true, false),
            occ("2026-03-01", "2026-03-31", "2026年3月", false, true),
            occ("2026-04-01", "2026-04-30", "2026年4月", true, false),
        ]
    );
    assert_eq!(missed_count(&t, d("2026-04-10")), 1);
}

#[test]
fn an_occurrence_is_missed_only_once_it_has_ended() {
    let t = reported(
        standing("s", Recurrence::Monthly, "2026-02-01", "2026-12-31"),
        "2026-02-10",
        10,
    );
    for (today, missed) in [("2026-03-31", 0), ("2026-04-01", 1), ("2026-05-01", 2)] {
        assert_eq!(missed_count(&t, d(today)), missed, "{today}");
    }
}

#[test]
fn missed_occurrences_per_cycle() {
    let cases: [MissedCase; 7] = [
        // (case, cycle, start, due, reports, today, occurrences, missed)
        (
            "quarterly, Q2 missed",
            Recurrence::Quarterly,
            "2026-01-01",
            "2026-12-31",
            &["2026-02-10"],
            "2026-07-01",
            3,
            1,
        ),
        (
            "quarterly, all reported",
            Recurrence::Quarterly,
            "2026-01-01",
            "2026-12-31",
            &["2026-02-10", "2026-06-30"],
            "2026-07-01",
            3,
            0,
        ),
        (
            "yearly, year not over",
            Recurrence::Yearly,
            "2026-03-01",
            "2026-12-31",
            &[],
            "2026-12-31",
            1,
            0,
        ),
        (
            "yearly, year over",
            Recurrence::Yearly,
            "2026-03-01",
            "2026-12-31",
            &[],
            "2027-01-05",
            1,
            1,
        ),
        (
            "yearly, reported",
            Recurrence::Yearly,
            "2026-03-01",
            "2026-12-31",
            &["2026-11-30"],
            "2027-01-05",
            1,
            0,
        ),
        // Nothing is owed past the due date.
        (
            "monthly, due mid-June",
            Recurrence::Monthly,
            "2026-01-15",
            "2026-06-15",
            &[],
            "2026-09-10",
            6,
            6,
        ),
        // A report before the start does not count for the first month.
        (
            "report before the start",
            Recurrence::Monthly,
            "2026-01-15",
            "2026-12-31",
            &["2026-01-10"],
            "2026-02-01",
            2,
            1,
        ),
    ];
    for (case, r, start, due, reports, today, n, missed) in cases {
        let mut t = standing("s", r, start, due);
        for rep in reports {
            t = reported(t, rep, 10);
        }
        let list = occurrences(&t, d(today));
        assert_eq!(list.len(), n, "{case}: {list:?}");
        assert_eq!(missed_count(&t, d(today)), missed, "{case}");
    }
}

#[test]
fn the_last_occurrence_ends_on_the_due_date() {
    let t = standing("s", Recurrence::Monthly, "2026-01-15", "2026-06-15");
    let list = occurrences(&t, d("2026-09-10"));
    let last = list.last().unwrap();
    assert_eq!((last.start, last.end), (d("2026-06-01"), d("2026-06-15")));
}

#[test]
fn occurrences_without_a_start_begin_with_the_due_dates_year() {
    let mut t = standing("s", Recurrence::Monthly, "2026-01-01", "2026-03-31");
    t.start = None;
    let labels: Vec<String> = occurrences(&t, d("2026-12-31"))
        .into_iter()
        .map(|o| o.label)
        .collect();
    assert_eq!(labels, ["2026年1月", "2026年2月", "2026年3月"]);
    t.due = None;
    assert!(
        occurrences(&t, d("2026-12-31")).is_empty(),
        "neither start nor due"
    );
    let plain = span("p", "2026-01-01", "2026-12-31");
    assert!(
        occurrences(&plain, d("2026-12-31")).is_empty(),
        "not standing work"
    );
}

#[test]
fn a_report_dated_after_today_has_not_happened_yet() {
    let t = reported(
        standing("s", Recurrence::Monthly, "2026-01-01", "2026-12-31"),
        "2026-02-10",
        10,
    );
    let feb = &occurrences(&t, d("2026-02-05"))[1];
    assert_eq!(feb.label, "2026年2月");
    assert!(!feb.reported);
    assert!(occurrences(&t, d("2026-02-10"))[1].reported);
}

/// A closed task owes the occurrence it was closed in and those before,
/// nothing after; a halted one owes nothing after it stopped.
#[test]
fn closed_or_halted_standing_work_owes_nothing_after() {
    let open = standing("s", Recurrence::Monthly, "2026-01-01", "2026-12-31");
    assert_eq!(missed_count(&open, d("2026-06-10")), 5, "Jan to May");
    let shut = closed(open.clone(), "2026-03-10");
    let missed: Vec<String> = occurrences(&shut, d("2026-06-10"))
        .into_iter()
        .filter(|o| o.missed)
        .map(|o| o.label)
        .collect();
    assert_eq!(missed, ["2026年1月", "2026年2月", "2026年3月"]);
    for status in [Status::Paused, Status::Stopped] {
        let mut halted = reported(open.clone(), "2026-03-15", 30);
        halted.status = status;
        assert_eq!(missed_count(&halted, d("2026-06-10")), 0, "{status:?}");
    }
}

#[test]
fn a_hostile_span_is_followed_over_at_most_400_occurrences() {
    let t = standing("s", Recurrence::Monthly, "0001-01-01", "9999-12-31");
    assert_eq!(occurrences(&t, d("9999-12-31")).len(), 400);
}

#[test]
fn a_missed_occurrence_makes_standing_work_yellow() {
    let mut t = standing("s", Recurrence::Monthly, "2026-01-01", "2026-12-31");
    for r in ["2026-01-20", "2026-02-20", "2026-04-05"] {
        t = reported(t, r, 30);
    }
    let a = assess(&t, d("2026-04-10"), &defaults());
    assert_eq!(a.level, Level::Yellow);
    assert_eq!(a.missed_occurrences, 1);
    assert!(!a.stale && !a.behind && !a.due_soon);
    assert_eq!(a.label(), "预警：常态化工作漏报");
    // Reported for March too: green.
    let t = reported(t, "2026-03-25", 30);
    let a = assess(&t, d("2026-04-10"), &defaults());
    assert_eq!((a.level, a.missed_occurrences), (Level::Green, 0));
}
