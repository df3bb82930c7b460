//! Every rule judged strictly as of the day: extensions count from the day
//! they were granted, reporting windows from the later of the last report
//! and the start, paused children stay out of a parent's progress, and a
//! parent whose children are all closed is closed.

mod common;

use common::{approx, child_of, closed, d, defaults, plan_of, reported, span};
use luoshi::model::ledger::{ledger, LedgerLine};
use luoshi::model::rollup::assess_plan;
use luoshi::model::{assess, Level, Status, Task};

/// Due 06-20 at 35%, extended to 09-30 on `granted`.
fn extended_on(granted: &str) -> Task {
    let mut t = reported(span("x", "2026-03-01", "2026-06-20"), "2026-06-10", 35);
    t.extend(d(granted), d("2026-09-30"), "场地调整");
    t
}

#[test]
fn extension_does_not_count_before_the_day_it_was_granted() {
    // The first case: on 06-14, six days from the due date then in
    // force and far behind, the task is yellow, not green.
    let t = extended_on("2026-06-18");
    let a = assess(&t, d("2026-06-14"), &defaults());
    assert_eq!(a.due, Some(d("2026-06-20")));
    assert_eq!(a.days_left, Some(6));
    assert_eq!(a.level, Level::Yellow);
    assert!(a.due_soon && a.behind, "{}", a.label());
    // From the day it was granted, the new date counts.
    let after = assess(&t, d("2026-06-18"), &defaults());
    assert_eq!(after.due, Some(d("2026-09-30")));
}

#[test]
fn extension_granted_after_the_due_date_leaves_the_task_red_until_then() {
    // The second case: extended on 06-28, the task was overdue on 06-25.
    let t = extended_on("2026-06-28");
    assert_eq!(assess(&t, d("2026-06-25"), &defaults()).level, Level::Red);
    assert_ne!(assess(&t, d("2026-06-28"), &defaults()).level, Level::Red);
}

#[test]
fn due_as_of_walks_several_extensions_in_the_order_granted() {
    let mut t = span("x", "2026-01-01", "2026-03-31");
    t.extend(d("2026-03-20"), d("2026-05-31"), "一");
    t.extend(d("2026-05-25"), d("2026-08-31"), "二");
    assert_eq!(t.original_due(), Some(d("2026-03-31")));
    assert_eq!(t.due_as_of(d("2026-03-19")), Some(d("2026-03-31")));
    assert_eq!(t.due_as_of(d("2026-03-20")), Some(d("2026-05-31")));
    assert_eq!(t.due_as_of(d("2026-05-24")), Some(d("2026-05-31")));
    assert_eq!(t.due_as_of(d("2026-05-25")), Some(d("2026-08-31")));
    assert_eq!(t.extensions_as_of(d("2026-04-01")), 1);
    // Records listed out of order are still walked by date.
    t.extensions.reverse();
    assert_eq!(t.original_due(), Some(d("2026-03-31")));
    assert_eq!(t.due_as_of(d("2026-04-01")), Some(d("2026-05-31")));
}

#[test]
fn ledger_shows_the_due_date_in_force_and_the_original_only_once_extended() {
    let plan = plan_of(vec![extended_on("2026-06-18")]);
    let row = |day: &str| {
        ledger(&plan, d(day))
            .0
            .into_iter()
            .find_map(|l| match l {
                LedgerLine::Task(t) => Some(*t),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no task row"))
    };
    let before = row("2026-06-14");
    assert_eq!(
        (before.due.as_str(), before.original_due.as_deref()),
        ("2026-06-20", None)
    );
    let after = row("2026-06-30");
    assert_eq!(
        (after.due.as_str(), after.original_due.as_deref()),
        ("2026-09-30", Some("2026-06-20"))
    );
}

#[test]
fn closing_is_judged_against_the_due_date_in_force_when_closed() {
    // Closed 07-10: late against 06-20, on time once the extension to 09-30
    // granted on 06-18 counts.
    let t = closed(extended_on("2026-06-18"), "2026-07-10");
    assert_eq!(
        assess(&t, d("2026-07-31"), &defaults()).level,
        Level::DoneOnTime
    );
    // Granted after the closing, the extension cannot make it on time.
    let t = closed(extended_on("2026-07-20"), "2026-07-10");
    assert_eq!(
        assess(&t, d("2026-07-31"), &defaults()).level,
        Level::DoneLate
    );
}

#[test]
fn durations_for_roll_up_weights_use_the_due_date_in_force() {
    let mut a = reported(span("a", "2026-01-01", "2026-02-01"), "2026-01-20", 100);
    a.extend(d("2026-01-25"), d("2026-12-01"), "延期");
    let t = child_of(a, "p");
    assert_eq!(t.duration_days_as_of(d("2026-01-24")), Some(31));
    assert_eq!(t.duration_days_as_of(d("2026-01-25")), Some(334));
}

#[test]
fn a_report_from_before_the_start_does_not_make_the_task_late_to_report() {
    // Reported 03-01 (a planning note) for a task starting 04-01: on 04-02
    // the task is one day into its first period, not 32 days since a report.
    let t = reported(span("a", "2026-04-01", "2026-12-31"), "2026-03-01", 5);
    let a = assess(&t, d("2026-04-02"), &defaults());
    assert!(!a.stale, "{}", a.label());
    // A full period after the start with no report since, it is.
    assert!(assess(&t, d("2026-05-02"), &defaults()).stale);
}

#[test]
fn a_paused_child_does_not_pull_its_parent_behind() {
    let mut paused = reported(span("z", "2026-01-01", "2026-12-31"), "2026-06-20", 0);
    paused.status = Status::Paused;
    let plan = plan_of(vec![
        span("p", "2026-01-01", "2026-12-31"),
        child_of(
            reported(span("a", "2026-01-01", "2026-12-31"), "2026-06-20", 50),
            "p",
        ),
        child_of(paused, "p"),
    ]);
    let a = assess_plan(&plan, d("2026-06-30"));
    assert_eq!(a["z"].level, Level::Halted, "paused: its own state");
    assert!(approx(a["p"].progress, 50.0), "{}", a["p"].progress);
    assert!(!a["p"].behind);
    assert_eq!(a["p"].level, Level::Green);
}

#[test]
fn a_parent_whose_children_are_all_paused_is_halted_too() {
    let mut z = reported(span("z", "2026-01-01", "2026-12-31"), "2026-06-20", 0);
    z.status = Status::Paused;
    let plan = plan_of(vec![
        span("p", "2026-01-01", "2026-12-31"),
        child_of(z, "p"),
    ]);
    let a = assess_plan(&plan, d("2026-06-30"));
    assert!(a["p"].paused);
    assert_eq!(a["p"].level, Level::Halted);
}

#[test]
fn a_parent_closes_when_its_last_child_closes_and_not_before() {
    let plan = plan_of(vec![
        span("p", "2026-01-01", "2026-06-30"),
        child_of(
            closed(span("a", "2026-01-01", "2026-03-31"), "2026-03-20"),
            "p",
        ),
        child_of(
            closed(span("b", "2026-01-01", "2026-06-30"), "2026-07-05"),
            "p",
        ),
    ]);
    // On 07-01 the parent is past due with b still open (b closes 07-05).
    assert_eq!(assess_plan(&plan, d("2026-07-01"))["p"].level, Level::Red);
    let a = assess_plan(&plan, d("2026-07-10"));
    assert_eq!(a["p"].level, Level::DoneLate);
    assert_eq!(a["p"].closed_on, Some(d("2026-07-05")));
    assert!(approx(a["p"].progress, 100.0));
}

#[test]
fn roll_up_weights_follow_extensions_as_they_are_granted() {
    // a: 31 days at 100%, extended on 06-10 to 300 days; b: 100 days at 0%.
    let mut a = reported(span("a", "2026-01-01", "2026-02-01"), "2026-01-20", 100);
    a.extend(d("2026-06-10"), d("2026-10-28"), "延期");
    let plan = plan_of(vec![
        span("p", "2026-01-01", "2026-12-31"),
        child_of(a, "p"),
        child_of(
            reported(span("b", "2026-01-01", "2026-04-11"), "2026-01-20", 0),
            "p",
        ),
    ]);
    let before = assess_plan(&plan, d("2026-06-01"))["p"].progress;
    let after = assess_plan(&plan, d("2026-06-30"))["p"].progress;
    assert!(approx(before, 100.0 * 31.0 / 131.0), "{before}");
    assert!(approx(after, 100.0 * 300.0 / 400.0), "{after}");
}

#[test]
fn a_parent_paused_by_hand_is_judged_on_deadlines_only() {
    // The child (June to December, 10%) is not behind; measured over the
    // parent's whole year, 10% would be.
    let child = reported(span("c", "2026-06-01", "2026-12-31"), "2026-06-25", 10);
    let mut plan = plan_of(vec![
        span("p", "2026-01-01", "2026-12-31"),
        child_of(child, "p"),
    ]);
    let a = assess_plan(&plan, d("2026-06-30"));
    assert_eq!(a["c"].level, Level::Green);
    assert!(a["p"].behind, "open, the parent is behind");
    plan.tasks[0].status = Status::Paused;
    let a = assess_plan(&plan, d("2026-06-30"));
    assert!(!a["p"].behind);
    assert_eq!(a["p"].level, Level::Green);
}

#[test]
fn a_due_date_edited_after_the_last_extension_is_the_one_in_force() {
    let mut t = span("x", "2026-01-01", "2026-03-31");
    t.extend(d("2026-03-20"), d("2026-05-31"), "延期");
    // Later someone corrects the due date directly, without a new record.
    t.due = Some(d("2026-06-30"));
    assert_eq!(t.due_as_of(d("2026-04-01")), Some(d("2026-06-30")));
    assert_eq!(t.due_as_of(d("2026-03-19")), Some(d("2026-03-31")));
}

#[test]
fn an_extension_recorded_late_but_granted_earlier_takes_its_place() {
    // Due 06-20. Recorded first: granted 07-01 to 09-30; recorded second,
    // but granted 06-18: to 06-30.
    let mut t = reported(span("x", "2026-03-01", "2026-06-20"), "2026-06-10", 90);
    t.extend(d("2026-07-01"), d("2026-09-30"), "第二次延期");
    t.extend(d("2026-06-18"), d("2026-06-30"), "第一次延期（补录）");
    assert_eq!(t.original_due(), Some(d("2026-06-20")));
    assert_eq!(t.due_as_of(d("2026-06-17")), Some(d("2026-06-20")));
    assert_eq!(t.due_as_of(d("2026-06-25")), Some(d("2026-06-30")));
    assert_eq!(t.due_as_of(d("2026-07-05")), Some(d("2026-09-30")));
    assert_eq!(t.due, Some(d("2026-09-30")));
    assert_eq!(
        assess(&t, d("2026-06-17"), &defaults()).level,
        Level::Yellow
    );
    assert_ne!(assess(&t, d("2026-07-05"), &defaults()).level, Level::Red);
}
