//! Roll-up (`model::rollup`): a parent's progress is the duration-weighted
//! mean of its children, and its light is the most urgent of its own and its
//! children's.

mod common;

use common::{approx, child_of, closed, d, plan_of, reported, span, task};
use luoshi::model::rollup::{assess_plan, weighted_mean};
use luoshi::model::{Level, Plan, Status};

// Durations used below, from 2022-01-01: 300 days to 2022-10-28, 100 days
// to 2022-04-11.
const START: &str = "2022-01-01";
const DUE_300: &str = "2022-10-28";
const DUE_100: &str = "2022-04-11";

#[test]
fn weighted_mean_weighs_by_duration() {
    // (child progress, child durations, weighted mean)
    type Case<'a> = (&'a [f64], &'a [Option<i64>], f64);
    let cases: &[Case] = &[
        (&[100.0, 0.0], &[Some(300), Some(100)], 75.0),
        (&[0.0, 100.0], &[Some(300), Some(100)], 25.0),
        (&[40.0, 40.0, 40.0], &[Some(1), Some(10), Some(100)], 40.0),
        (&[50.0], &[Some(30)], 50.0),
    ];
    for &(values, durations, expected) in cases {
        let m = weighted_mean(values, durations);
        assert!(approx(m, expected), "{values:?} {durations:?}: {m}");
    }
}

#[test]
fn undated_child_weighs_as_much_as_the_average_dated_child() {
    // Dated children 300 and 100 days average 200; the undated one gets 200.
    let m = weighted_mean(&[100.0, 0.0, 0.0], &[Some(300), Some(100), None]);
    assert!(approx(m, 100.0 * 300.0 / 600.0), "{m}");
    // One dated child and one undated: equal weights.
    let m = weighted_mean(&[100.0, 0.0], &[None, Some(100)]);
    assert!(approx(m, 50.0), "{m}");
}

#[test]
fn all_undated_children_give_the_plain_mean() {
    let m = weighted_mean(&[10.0, 20.0, 60.0], &[None, None, None]);
    assert!(approx(m, 30.0), "{m}");
}

#[test]
fn weighted_mean_of_nothing_is_zero() {
    assert_eq!(weighted_mean(&[], &[]), 0.0);
}

#[test]
fn parent_progress_is_duration_weighted_mean_of_children() {
    let plan = plan_of(vec![
        span("p", START, "2022-12-31"),
        child_of(reported(span("a", START, DUE_300), "2022-02-27", 80), "p"),
        child_of(reported(span("b", START, DUE_100), "2022-02-27", 40), "p"),
    ]);
    let a = assess_plan(&plan, d("2022-03-01"));
    assert_eq!(a.len(), 3);
    assert!(
        approx(a[0].progress, (80.0 * 300.0 + 40.0 * 100.0) / 400.0),
        "{}",
        a[0].progress
    );
    assert!(approx(a[1].progress, 80.0));
    assert!(approx(a[2].progress, 40.0));
}

#[test]
fn parent_with_closed_and_open_children_counts_closed_as_full_and_stays_open() {
    let plan = plan_of(vec![
        span("p", START, "2022-12-31"),
        child_of(closed(span("a", START, DUE_300), "2022-02-01"), "p"),
        child_of(reported(span("b", START, DUE_100), "2022-02-27", 0), "p"),
    ]);
    let a = assess_plan(&plan, d("2022-03-01"));
    assert_eq!(a[1].level, Level::DoneOnTime);
    assert_eq!(
        a[2].level,
        Level::Yellow,
        "b is behind: 0% of an expected 59%"
    );
    assert!(a[2].behind);
    assert!(approx(a[0].progress, 75.0), "{}", a[0].progress);
    assert_eq!(
        a[0].level,
        Level::Yellow,
        "an open child keeps the parent open"
    );
    assert!(a[0].behind, "the child's reason shows on the parent");
}

#[test]
fn parent_of_only_closed_children_is_full_but_still_open_until_closed() {
    let plan = plan_of(vec![
        span("p", START, "2022-12-31"),
        child_of(closed(span("a", START, DUE_300), "2022-02-01"), "p"),
        child_of(closed(span("b", START, DUE_100), "2022-04-20"), "p"),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert!(approx(a[0].progress, 100.0));
    assert_eq!(a[2].level, Level::DoneLate);
    assert_eq!(a[0].level, Level::Green);
}

#[test]
fn undated_child_takes_the_average_weight_in_a_plan() {
    let mut undated = child_of(task("c"), "p");
    undated.status = Status::InProgress;
    let plan = plan_of(vec![
        span("p", START, "2022-12-31"),
        child_of(reported(span("a", START, DUE_300), "2022-06-20", 100), "p"),
        child_of(reported(span("b", START, DUE_100), "2022-06-20", 100), "p"),
        reported(undated, "2022-06-20", 40),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    // Weights 300, 100 and (300+100)/2 = 200.
    let expected = (100.0 * 300.0 + 100.0 * 100.0 + 40.0 * 200.0) / 600.0;
    assert!(
        approx(a[0].progress, expected),
        "{} != {expected}",
        a[0].progress
    );
}

#[test]
fn red_child_makes_parent_red() {
    let plan = plan_of(vec![
        reported(span("p", START, "2022-12-31"), "2022-06-25", 90),
        child_of(
            reported(span("a", START, "2022-12-31"), "2022-06-25", 90),
            "p",
        ),
        child_of(
            reported(span("b", START, "2022-06-15"), "2022-06-25", 90),
            "p",
        ),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert_eq!(a[1].level, Level::Green);
    assert_eq!(a[2].level, Level::Red);
    assert_eq!(a[0].level, Level::Red);
    assert_eq!(a[0].days_left, Some(184), "the parent keeps its own dates");
}

#[test]
fn red_grandchild_makes_every_ancestor_red() {
    let plan = plan_of(vec![
        span("root", START, "2022-12-31"),
        child_of(span("mid", START, "2022-12-31"), "root"),
        child_of(span("leaf", START, "2022-06-15"), "mid"),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert_eq!(
        a.iter().map(|x| x.level).collect::<Vec<_>>(),
        vec![Level::Red, Level::Red, Level::Red]
    );
}

#[test]
fn parent_own_past_due_is_red_even_with_green_children() {
    let plan = plan_of(vec![
        span("p", START, "2022-06-01"),
        child_of(
            reported(span("a", START, "2022-12-31"), "2022-06-25", 90),
            "p",
        ),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert_eq!(a[1].level, Level::Green);
    assert_eq!(a[0].level, Level::Red);
}

#[test]
fn parent_is_not_stale_for_lack_of_its_own_reports() {
    let plan = plan_of(vec![
        span("p", START, "2022-12-31"),
        child_of(
            reported(span("a", START, "2022-12-31"), "2022-06-25", 90),
            "p",
        ),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert!(!a[0].stale);
    assert_eq!(a[0].level, Level::Green);
}

#[test]
fn parent_is_behind_on_rolled_up_progress_not_its_own() {
    // The parent itself reported 100%, but its only child is at 10%.
    let plan = plan_of(vec![
        reported(span("p", START, "2022-12-31"), "2022-06-25", 100),
        child_of(
            reported(span("a", START, "2022-12-31"), "2022-06-25", 10),
            "p",
        ),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert!(approx(a[0].progress, 10.0));
    assert!(a[0].behind);
    assert_eq!(a[0].level, Level::Yellow);
}

#[test]
fn closed_parent_is_complete_and_keeps_its_closing_light() {
    let plan = plan_of(vec![
        closed(span("p", START, "2022-12-31"), "2022-06-01"),
        child_of(
            reported(span("a", START, "2022-12-31"), "2022-06-25", 10),
            "p",
        ),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert!(approx(a[0].progress, 100.0));
    assert_eq!(a[0].level, Level::DoneOnTime);
}

#[test]
fn assessments_follow_task_order_whatever_the_tree_order() {
    // Children listed before their parent.
    let plan = plan_of(vec![
        child_of(reported(span("b", START, DUE_100), "2022-02-27", 40), "p"),
        child_of(reported(span("a", START, DUE_300), "2022-02-27", 80), "p"),
        span("p", START, "2022-12-31"),
    ]);
    let a = assess_plan(&plan, d("2022-03-01"));
    assert!(approx(a[0].progress, 40.0));
    assert!(approx(a[1].progress, 80.0));
    assert!(approx(a[2].progress, 70.0));
}

#[test]
fn parent_cycle_does_not_loop_and_assesses_every_task() {
    let plan = plan_of(vec![
        child_of(
            reported(span("a", START, "2022-12-31"), "2022-06-25", 90),
            "b",
        ),
        child_of(
            reported(span("b", START, "2022-06-01"), "2022-06-25", 90),
            "a",
        ),
        child_of(span("s", START, "2022-12-31"), "s"),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert_eq!(a.len(), 3);
    assert_eq!(a[1].level, Level::Red);
    assert_eq!(a[0].level, Level::Red, "a is b's child and b is red");
    assert!(a[2].stale, "a self-parented task is judged as a leaf");
}

#[test]
fn empty_plan_has_no_assessments() {
    assert!(assess_plan(&Plan::empty(2022), d("2022-06-30")).is_empty());
}

#[test]
fn plan_settings_are_used_in_roll_up() {
    let mut plan = plan_of(vec![reported(
        span("a", START, "2022-07-10"),
        "2022-06-25",
        100,
    )]);
    assert_eq!(assess_plan(&plan, d("2022-06-30"))[0].level, Level::Green);
    plan.settings.due_soon_days = 10;
    assert_eq!(assess_plan(&plan, d("2022-06-30"))[0].level, Level::Yellow);
}
