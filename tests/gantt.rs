//! The Gantt layout (`model::charts::gantt`): rows in hierarchy order with
//! collapsed branches hidden, bars from start to due filled to progress,
//! the expected marker, milestones, the ghost of an extended due date, the
//! today line, month ticks, and the rows a window of the screen draws.

mod common;

use common::{area, child_of, d, in_area, led_by, plan_of, reported, span, unit};
use luoshi::model::charts::gantt::view::{line_in_view, span_in_view, ticks_in_view};
use luoshi::model::charts::gantt::{
    fit, layout, shown, span as gantt_span, window, x_of, Entry, Grouping, Line, Row, Tick,
};
use luoshi::model::index::PlanIndex;
use luoshi::model::rollup::assess_positions;
use luoshi::model::TaskId;
use std::collections::HashSet;

/// Task ids, and group headings as `[label n]`.
fn names(index: &PlanIndex, entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| match e {
            Entry::Task { pos, .. } => index.id(*pos).to_string(),
            Entry::Group { label, members, .. } => format!("[{label} {}]", members.len()),
        })
        .collect()
}

/// Scales as a screen might have them (the page fits them to its width).
const MONTH_PX: f64 = 6.0;
const QUARTER_PX: f64 = 2.0;
const YEAR_PX: f64 = 0.8;

/// The month ticks.
fn months(t: &luoshi::model::charts::gantt::Timeline) -> Vec<&Tick> {
    t.ticks.iter().filter(|k| k.major).collect()
}

fn tasks(t: &luoshi::model::charts::gantt::Timeline) -> Vec<&Row> {
    t.rows.iter().filter_map(Line::task).collect()
}

fn all(index: &PlanIndex) -> Vec<Entry> {
    shown(
        index,
        Grouping::Hierarchy,
        &HashSet::new(),
        &HashSet::new(),
        None,
    )
}

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
    let ids = |entries: Vec<Entry>| names(&index, &entries);
    let none = HashSet::new();
    assert_eq!(
        ids(shown(
            &index,
            Grouping::Hierarchy,
            &HashSet::new(),
            &none,
            None
        )),
        ["p", "m", "e", "q"]
    );
    let collapsed: HashSet<TaskId> = [TaskId::from("p")].into();
    assert_eq!(
        ids(shown(&index, Grouping::Hierarchy, &collapsed, &none, None)),
        ["p", "q"]
    );
    let only: HashSet<usize> = [index.position("e").unwrap(), index.position("q").unwrap()].into();
    assert_eq!(
        ids(shown(
            &index,
            Grouping::Hierarchy,
            &HashSet::new(),
            &none,
            Some(&only)
        )),
        ["e", "q"]
    );
}

#[test]
fn bars_markers_milestones_and_the_ghost_of_an_extension() {
    let p = plan();
    let index = PlanIndex::new(&p);
    let today = d("2026-07-01");
    let a = assess_positions(&index, today);
    let rows = all(&index);
    let t = layout(&index, &a, &rows, &HashSet::new(), MONTH_PX, today);
    let px = MONTH_PX;
    assert_eq!(t.start, d("2026-01-01"));
    assert_eq!(t.end, d("2026-12-31"));
    assert_eq!(t.width, 365.0 * px);
    assert_eq!(months(&t).len(), 12);
    assert_eq!(months(&t)[0].label.as_deref(), Some("2026年1月"));
    assert_eq!(months(&t)[2].x, x_of(d("2026-03-01"), t.start, MONTH_PX));
    assert_eq!(months(&t)[2].label.as_deref(), Some("3月"));
    assert_eq!(t.today_x, Some(181.0 * px));
    let rows = tasks(&t);
    let row = |id: &str| *rows.iter().find(|r| r.id == id).unwrap();
    let m = row("m");
    let bar = m.bar.unwrap();
    assert_eq!((bar.x, bar.width), (0.0, 365.0 * px));
    assert!((bar.filled - bar.width * 0.4).abs() < 1e-9, "filled to 40%");
    assert_eq!(m.milestones.len(), 1);
    assert!(m.milestones[0].reached);
    assert_eq!(m.milestones[0].x, x_of(d("2026-03-31"), t.start, MONTH_PX));
    assert!(m
        .expected_x
        .is_some_and(|x| x > bar.x && x < bar.x + bar.width));
    let e = row("e");
    assert_eq!(
        e.ghost_x,
        Some(x_of(d("2026-06-30"), t.start, MONTH_PX)),
        "the original due as a ghost"
    );
    assert_eq!(
        e.bar.unwrap().x + e.bar.unwrap().width,
        x_of(d("2026-09-30"), t.start, MONTH_PX) + px
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
        x_of(d("2024-03-01"), d("2024-02-28"), YEAR_PX),
        2.0 * YEAR_PX
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
    let t = layout(&index, &[], &[], &HashSet::new(), YEAR_PX, d("2026-06-30"));
    assert!(t.rows.is_empty());
    assert_eq!(months(&t).len(), 12);
    let one = plan_of(vec![luoshi::model::Task::new("only", "唯一的任务")]);
    let index = PlanIndex::new(&one);
    let a = assess_positions(&index, d("2026-06-30"));
    let t = layout(
        &index,
        &a,
        &all(&index),
        &HashSet::new(),
        QUARTER_PX,
        d("2026-06-30"),
    );
    assert_eq!(t.rows.len(), 1);
    assert_eq!(tasks(&t)[0].bar, None, "no dates, no bar");
}

/// Two areas, three units (one unknown), one task with no lead unit.
fn grouped_plan() -> luoshi::model::Plan {
    let mut p = plan_of(vec![
        led_by(
            in_area(span("a1", "2026-01-01", "2026-03-31"), "econ"),
            "u2",
            "甲",
        ),
        child_of(
            led_by(span("a1x", "2026-02-01", "2026-02-28"), "u1", "甲"),
            "a1",
        ),
        led_by(
            in_area(span("b1", "2026-04-01", "2026-05-31"), "people"),
            "u1",
            "乙",
        ),
        in_area(span("b2", "2026-06-01", "2026-12-31"), "people"),
        led_by(
            in_area(span("b3", "2026-06-01", "2026-12-31"), "people"),
            "gone",
            "乙",
        ),
    ]);
    p.year = 2026;
    p.areas = vec![area("people", "民生保障", 2), area("econ", "经济发展", 1)];
    p.units = vec![unit("u1", "区发改委"), unit("u2", "区财政局")];
    p
}

#[test]
fn grouping_by_area_heads_each_area_and_a_closed_group_keeps_its_count() {
    let p = grouped_plan();
    let index = PlanIndex::new(&p);
    let none = HashSet::new();
    let by_area = shown(&index, Grouping::Area, &HashSet::new(), &none, None);
    assert_eq!(
        names(&index, &by_area),
        [
            "[一、经济发展 2]",
            "a1",
            "a1x",
            "[二、民生保障 3]",
            "b1",
            "b2",
            "b3"
        ]
    );
    // A branch collapses inside its group; the group still counts it.
    let collapsed: HashSet<TaskId> = [TaskId::from("a1")].into();
    assert_eq!(
        names(
            &index,
            &shown(&index, Grouping::Area, &collapsed, &none, None)
        )[..3],
        ["[一、经济发展 2]", "a1", "[二、民生保障 3]"]
    );
    let closed: HashSet<String> = [String::from("area:people")].into();
    assert_eq!(
        names(
            &index,
            &shown(&index, Grouping::Area, &HashSet::new(), &closed, None)
        ),
        ["[一、经济发展 2]", "a1", "a1x", "[二、民生保障 3]"]
    );
    // A filter leaves out a group with none of its rows.
    let only: HashSet<usize> = [index.position("b2").unwrap()].into();
    assert_eq!(
        names(
            &index,
            &shown(&index, Grouping::Area, &HashSet::new(), &none, Some(&only))
        ),
        ["[二、民生保障 1]", "b2"]
    );
}

#[test]
fn grouping_by_lead_unit_follows_the_unit_list_then_unknown_then_none() {
    let p = grouped_plan();
    let index = PlanIndex::new(&p);
    let entries = shown(
        &index,
        Grouping::LeadUnit,
        &HashSet::new(),
        &HashSet::new(),
        None,
    );
    let got = names(&index, &entries);
    assert_eq!(got[..3], ["[区发改委 2]", "a1x", "b1"], "in outline order");
    assert_eq!(got[3..5], ["[区财政局 1]", "a1"]);
    assert_eq!(
        got[5], "[gone 1]",
        "a unit no longer listed keeps its id as a name"
    );
    assert_eq!(got[7..], ["[未明确牵头单位 1]", "b2"]);
    // The list is flat: no branch toggles there.
    assert!(entries.iter().all(|e| match e {
        Entry::Task { depth, branch, .. } => *depth == 0 && !branch,
        _ => true,
    }));
}

#[test]
fn a_group_heading_sums_up_its_tasks() {
    let p = grouped_plan();
    let index = PlanIndex::new(&p);
    let today = d("2026-07-01");
    let a = assess_positions(&index, today);
    let entries = shown(
        &index,
        Grouping::Area,
        &HashSet::new(),
        &HashSet::new(),
        None,
    );
    let px = MONTH_PX;
    let t = layout(&index, &a, &entries, &HashSet::new(), px, today);
    let Line::Group(econ) = &t.rows[0] else {
        panic!("a heading first")
    };
    assert_eq!(
        (econ.count, econ.red),
        (1, 1),
        "one work item (a1x; its 要点 a1 is not counted beside it), past due unreported"
    );
    let bar = econ.bar.unwrap();
    assert_eq!(bar.x, 0.0);
    assert_eq!(bar.width, x_of(d("2026-03-31"), t.start, MONTH_PX) + px);
    let Line::Task(a1) = &t.rows[1] else {
        panic!("then its tasks")
    };
    assert_eq!((a1.number.as_str(), a1.has_children), ("（一）", true));
}

#[test]
fn a_screen_draws_only_the_marks_in_its_time_span() {
    // Whole screens: the one in view and one either side.
    assert_eq!(span_in_view(0.0, 800.0), -800.0..1600.0);
    assert_eq!(span_in_view(799.0, 800.0), -800.0..1600.0);
    assert_eq!(span_in_view(2500.0, 800.0), 1600.0..4000.0);
    let p = plan();
    let index = PlanIndex::new(&p);
    let today = d("2026-07-01");
    let a = assess_positions(&index, today);
    let t = layout(&index, &a, &all(&index), &HashSet::new(), MONTH_PX, today);
    let q = t
        .rows
        .iter()
        .find(|l| l.task().is_some_and(|r| r.id == "q"))
        .unwrap();
    // q runs in February: x 186..354 at 6 px a day.
    let late = 1200.0..2000.0;
    assert_eq!(line_in_view(q, &late).task().unwrap().bar, None);
    assert!(line_in_view(q, &(0.0..800.0)).task().unwrap().bar.is_some());
    let m = t
        .rows
        .iter()
        .find(|l| l.task().is_some_and(|r| r.id == "m"))
        .unwrap();
    let m_late = line_in_view(m, &late);
    assert!(
        m_late.task().unwrap().bar.is_some(),
        "a year-long bar crosses every span"
    );
    assert!(
        m_late.task().unwrap().milestones.is_empty(),
        "its March diamond is out of view"
    );
    let ticks = ticks_in_view(&t, &late);
    assert!(ticks.len() < t.ticks.len() && !ticks.is_empty());
    assert!(ticks
        .iter()
        .all(|k| k.x + 80.0 >= late.start && k.x <= late.end));
}

#[test]
fn printing_fits_the_whole_span_in_a_page_width() {
    let p = plan();
    let index = PlanIndex::new(&p);
    let today = d("2026-07-01");
    let a = assess_positions(&index, today);
    let px = fit(&index, 800.0);
    let t = layout(&index, &a, &all(&index), &HashSet::new(), px, today);
    assert!((t.width - 800.0).abs() < 1e-6, "{}", t.width);
    // An empty plan still has a year to draw.
    let empty = plan_of(Vec::new());
    assert!(fit(&PlanIndex::new(&empty), 800.0) > 0.0);
}

#[test]
fn group_headings_count_work_items_and_add_up_to_the_plans() {
    // The ledger's 工作事项 and the Gantt's group headings count the same
    // thing: on the sample, the headings add up to the plan's work items,
    // and a 要点 with tasks under it is not counted beside them.
    let p = luoshi::model::sample::sample_plan(2026);
    let index = PlanIndex::new(&p);
    let today = d("2026-06-30");
    let a = assess_positions(&index, today);
    let entries = shown(
        &index,
        Grouping::Area,
        &HashSet::new(),
        &HashSet::new(),
        None,
    );
    let t = layout(&index, &a, &entries, &HashSet::new(), 2.0, today);
    let (count, red): (usize, usize) = t
        .rows
        .iter()
        .filter_map(|l| match l {
            Line::Group(g) => Some((g.count, g.red)),
            Line::Task(_) => None,
        })
        .fold((0, 0), |(c, r), (gc, gr)| (c + gc, r + gr));
    let counted = luoshi::model::counting::Counted::plan(&index);
    assert_eq!(count, counted.work_items);
    assert!(count < counted.rows, "要点 are not counted");
    let red_items = index
        .work_items()
        .filter(|&p| a[p].level == luoshi::model::Level::Red)
        .count();
    assert_eq!(red, red_items);
}
