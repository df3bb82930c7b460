//! The Gantt layout (`model::charts::gantt`): rows in hierarchy order with
//! collapsed branches hidden, bars from start to due filled to progress,
//! the expected marker, milestones, the ghost of an extended due date, the
//! today line, month ticks, and the rows a window of the screen draws.

mod common;

use common::{child_of, d, plan_of, reported, span};
use luoshi::model::charts::gantt::{layout, shown, span as gantt_span, window, x_of, Zoom};
use luoshi::model::index::PlanIndex;
use luoshi::model::rollup::assess_positions;
use luoshi::model::TaskId;
use std::collections::HashSet;

fn plan() -> luoshi::model::Plan {
    let mut extended = span("e", "2026-03-01", "2026-06-30");
    extended.extend(d("2026-06-01"), d("2026-09-30"), "延期");
    let mut with_milestone = reported(span("m", "2026-01-01", "2026-12-31"), "2026-06-01", 40);
    with_milestone.milestones.push(luoshi::model::Milestone {
        id: "ms".into(),
        title: "方案".into(),
        due: d("2026-03-31"),
        done_on: Some(d("2026-03-20")),
    });
    let mut p = plan_of(vec![
        span("p", "2026-01-01", "2026-12-31"),
        child_of(with_milestone, "p"),
        child_of(extended, "p"),
        span("q", "2026-02-01", "2026-02-28"),
    ]);
    p.year = 2026;
    p
}

#[test]
fn rows_follow_the_hierarchy_and_collapse_hides_a_branch() {
    let p = plan();
    let index = PlanIndex::new(&p);
    let ids = |positions: Vec<usize>| {
        positions
            .iter()
            .map(|&i| index.id(i).to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(shown(&index, &HashSet::new(), None)),
        ["p", "m", "e", "q"]
    );
    let collapsed: HashSet<TaskId> = [TaskId::from("p")].into();
    assert_eq!(ids(shown(&index, &collapsed, None)), ["p", "q"]);
    let only: HashSet<usize> = [index.position("e").unwrap(), index.position("q").unwrap()].into();
    assert_eq!(ids(shown(&index, &HashSet::new(), Some(&only))), ["e", "q"]);
}

#[test]
fn bars_markers_milestones_and_the_ghost_of_an_extension() {
    let p = plan();
    let index = PlanIndex::new(&p);
    let today = d("2026-07-01");
    let a = assess_positions(&index, today);
    let rows = shown(&index, &HashSet::new(), None);
    let t = layout(&index, &a, &rows, &HashSet::new(), Zoom::Month, today);
    let px = Zoom::Month.px_per_day();
    assert_eq!(t.start, d("2026-01-01"));
    assert_eq!(t.end, d("2026-12-31"));
    assert_eq!(t.width, 365.0 * px);
    assert_eq!(t.ticks.len(), 12);
    assert_eq!(t.ticks[0].1, "2026年1月");
    assert_eq!(
        t.ticks[2],
        (x_of(d("2026-03-01"), t.start, Zoom::Month), "3月".into())
    );
    assert_eq!(t.today_x, Some(181.0 * px));
    let row = |id: &str| t.rows.iter().find(|r| r.id == id).unwrap();
    let m = row("m");
    let bar = m.bar.unwrap();
    assert_eq!((bar.x, bar.width), (0.0, 365.0 * px));
    assert!((bar.filled - bar.width * 0.4).abs() < 1e-9, "filled to 40%");
    assert_eq!(m.milestones.len(), 1);
    assert!(m.milestones[0].reached);
    assert_eq!(
        m.milestones[0].x,
        x_of(d("2026-03-31"), t.start, Zoom::Month)
    );
    assert!(m
        .expected_x
        .is_some_and(|x| x > bar.x && x < bar.x + bar.width));
    let e = row("e");
    assert_eq!(
        e.ghost_x,
        Some(x_of(d("2026-06-30"), t.start, Zoom::Month)),
        "the original due as a ghost"
    );
    assert_eq!(
        e.bar.unwrap().x + e.bar.unwrap().width,
        x_of(d("2026-09-30"), t.start, Zoom::Month) + px
    );
    assert_eq!(row("q").ghost_x, None);
    assert!(row("p").has_children);
}

#[test]
fn the_span_widens_to_the_tasks_but_not_past_a_year_either_side() {
    let mut p = plan();
    p.tasks.push(span("early", "2025-11-15", "2026-01-31"));
    p.tasks.push(span("hostile", "2026-01-01", "9999-12-31"));
    let index = PlanIndex::new(&p);
    let (s, e) = gantt_span(&index, 2026);
    assert_eq!(s, d("2025-11-01"), "from the month start");
    assert_eq!(e, d("2027-12-31"), "never past a year after");
    // Leap years: Feb 29 takes a day.
    assert_eq!(
        x_of(d("2024-03-01"), d("2024-02-28"), Zoom::Year),
        2.0 * Zoom::Year.px_per_day()
    );
}

#[test]
fn a_window_draws_only_the_rows_in_view() {
    assert_eq!(window(5000, 30.0, 0.0, 600.0, 5), 0..26);
    assert_eq!(window(5000, 30.0, 3000.0, 600.0, 5), 95..126);
    assert_eq!(window(5000, 30.0, 1e9, 600.0, 5), 5000..5000);
    assert_eq!(window(10, 30.0, 0.0, 600.0, 5), 0..10);
    assert_eq!(window(0, 30.0, 0.0, 600.0, 5), 0..0);
}

#[test]
fn an_empty_plan_and_a_single_task_lay_out() {
    let empty = plan_of(Vec::new());
    let index = PlanIndex::new(&empty);
    let t = layout(
        &index,
        &[],
        &[],
        &HashSet::new(),
        Zoom::Year,
        d("2026-06-30"),
    );
    assert!(t.rows.is_empty());
    assert_eq!(t.ticks.len(), 12);
    let one = plan_of(vec![luoshi::model::Task::new("only", "唯一的任务")]);
    let index = PlanIndex::new(&one);
    let a = assess_positions(&index, d("2026-06-30"));
    let t = layout(
        &index,
        &a,
        &[0],
        &HashSet::new(),
        Zoom::Quarter,
        d("2026-06-30"),
    );
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].bar, None, "no dates, no bar");
}
