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
        approx(a["p"].progress, (80.0 * 300.0 + 40.0 * 100.0) / 400.0),
        "{}",
        a["p"].progress
    );
    assert!(approx(a["a"].progress, 80.0));
    assert!(approx(a["b"].progress, 40.0));
}

#[test]
fn parent_with_closed_and_open_children_counts_closed_as_full_and_stays_open() {
    let plan = plan_of(vec![
        span("p", START, "2022-12-31"),
        child_of(closed(span("a", START, DUE_300), "2022-02-01"), "p"),
        child_of(reported(span("b", START, DUE_100), "2022-02-27", 0), "p"),
    ]);
    let a = assess_plan(&plan, d("2022-03-01"));
    assert_eq!(a["a"].level, Level::DoneOnTime);
    assert_eq!(
        a["b"].level,
        Level::Yellow,
        "b is behind: 0% of an expected 59%"
    );
    assert!(a["b"].behind);
    assert!(approx(a["p"].progress, 75.0), "{}", a["p"].progress);
    assert_eq!(
        a["p"].level,
        Level::Yellow,
        "an open child keeps the parent open"
    );
    assert!(a["p"].behind, "the child's reason shows on the parent");
}

#[test]
fn parent_of_only_closed_children_is_closed_on_the_last_childs_day() {
    let plan = plan_of(vec![
        span("p", START, "2022-12-31"),
        child_of(closed(span("a", START, DUE_300), "2022-02-01"), "p"),
        child_of(closed(span("b", START, DUE_100), "2022-04-20"), "p"),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert!(approx(a["p"].progress, 100.0));
    assert_eq!(a["b"].level, Level::DoneLate);
    assert_eq!(
        a["p"].level,
        Level::DoneOnTime,
        "closed on 04-20, before its own due date 12-31"
    );
    assert_eq!(a["p"].closed_on, Some(d("2022-04-20")));
    // The same parent due in March was closed late.
    let mut late = plan.clone();
    late.tasks[0].due = Some(d("2022-03-31"));
    assert_eq!(
        assess_plan(&late, d("2022-06-30"))["p"].level,
        Level::DoneLate
    );
    // Before the last child closed, the parent was still open.
    assert!(assess_plan(&plan, d("2022-04-19"))["p"].level.is_open());
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
        approx(a["p"].progress, expected),
        "{} != {expected}",
        a["p"].progress
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
    assert_eq!(a["a"].level, Level::Green);
    assert_eq!(a["b"].level, Level::Red);
    assert_eq!(a["p"].level, Level::Red);
    assert_eq!(
        a["p"].days_left,
        Some(184),
        "the parent keeps its own dates"
    );
}

#[test]
fn red_grandchild_makes_every_ancestor_red() {
    let plan = plan_of(vec![
        span("root", START, "2022-12-31"),
        child_of(span("mid", START, "2022-12-31"), "root"),
        child_of(span("leaf", START, "2022-06-15"), "mid"),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    for id in ["root", "mid", "leaf"] {
        assert_eq!(a[id].level, Level::Red, "{id}");
    }
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
    assert_eq!(a["a"].level, Level::Green);
    assert_eq!(a["p"].level, Level::Red);
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
    assert!(!a["p"].stale);
    assert_eq!(a["p"].level, Level::Green);
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
    assert!(approx(a["p"].progress, 10.0));
    assert!(a["p"].behind);
    assert_eq!(a["p"].level, Level::Yellow);
}

#[test]
fn closed_parent_over_closed_children_keeps_its_closing_light() {
    let plan = plan_of(vec![
        closed(span("p", START, "2022-12-31"), "2022-06-01"),
        child_of(closed(span("a", START, "2022-12-31"), "2022-05-20"), "p"),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert!(approx(a["p"].progress, 100.0));
    assert_eq!(a["p"].level, Level::DoneOnTime);
    assert!(!a["p"].open_children);
}

#[test]
fn parent_closed_by_hand_over_open_children_shows_their_most_urgent_light() {
    let plan = plan_of(vec![
        closed(span("p", START, "2022-12-31"), "2022-06-01"),
        child_of(
            reported(span("a", START, "2022-12-31"), "2022-06-25", 90),
            "p",
        ),
        child_of(
            reported(span("r", START, "2022-06-15"), "2022-06-25", 90),
            "p",
        ),
    ]);
    let a = assess_plan(&plan, d("2022-06-30"));
    assert_eq!(a["r"].level, Level::Red);
    assert_eq!(a["p"].level, Level::Red, "the red child is not hidden");
    assert!(a["p"].open_children);
    assert_eq!(a["p"].label(), "逾期（已标记办结，但有子任务未办结）");
    // With only a green child left open, the parent says so in green.
    let mut green_only = plan.clone();
    green_only.tasks.pop();
    let a = assess_plan(&green_only, d("2022-06-30"));
    assert_eq!(a["p"].level, Level::Green);
    assert!(a["p"].label().contains("有子任务未办结"));
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
    assert!(approx(a["b"].progress, 40.0));
    assert!(approx(a["a"].progress, 80.0));
    assert!(approx(a["p"].progress, 70.0));
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
    assert_eq!(a["b"].level, Level::Red);
    assert_eq!(a["a"].level, Level::Red, "a is b's child and b is red");
    assert!(a["s"].stale, "a self-parented task is judged as a leaf");
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
    assert_eq!(assess_plan(&plan, d("2022-06-30"))["a"].level, Level::Green);
    plan.settings.due_soon_days = 10;
    assert_eq!(
        assess_plan(&plan, d("2022-06-30"))["a"].level,
        Level::Yellow
    );
}
