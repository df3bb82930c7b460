//! Statistics (`model::stats`): counts over work items only, grouped by lead
//! unit, area and leader, with the completion rate.

mod common;

use common::{
    approx, area, child_of, closed, d, in_area, led_by, plan_of, reported, span, task, unit,
};
use luoshi::model::rollup::{assess_plan, Assessments};
use luoshi::model::stats::{area_of, grouped_tally, plan_tally, work_items, GroupBy, Tally};
use luoshi::model::{Plan, Task};

const TODAY: &str = "2022-06-30";

fn green(id: &str) -> Task {
    reported(span(id, "2022-01-01", "2022-12-31"), "2022-06-25", 90)
}
fn red(id: &str) -> Task {
    reported(span(id, "2022-01-01", "2022-06-15"), "2022-06-25", 90)
}
fn due_soon(id: &str) -> Task {
    reported(span(id, "2022-01-01", "2022-07-03"), "2022-06-25", 90)
}
fn behind(id: &str) -> Task {
    reported(span(id, "2022-01-01", "2022-12-31"), "2022-06-25", 5)
}
fn stale(id: &str) -> Task {
    reported(span(id, "2022-01-01", "2022-12-31"), "2022-04-01", 90)
}
fn on_time(id: &str) -> Task {
    closed(span(id, "2022-01-01", "2022-05-31"), "2022-05-20")
}
fn late(id: &str) -> Task {
    closed(span(id, "2022-01-01", "2022-04-30"), "2022-05-20")
}

/// Two 要点 (p1 in 党的建设, p2 in 组织) over seven work items, one of each
/// kind, plus a top-level task with no children.
fn ledger() -> Plan {
    let mut p = plan_of(vec![
        led_by(in_area(red("p1"), "dj"), "u-qwb", "区委副书记"),
        led_by(child_of(green("g"), "p1"), "u-zzb", "组织部部长"),
        led_by(child_of(red("r"), "p1"), "u-zzb", "组织部部长"),
        led_by(child_of(due_soon("s"), "p1"), "u-xcb", " 宣传部部长 "),
        led_by(in_area(green("p2"), "zz"), "u-zzb", "组织部部长"),
        led_by(child_of(behind("b"), "p2"), "u-xcb", "宣传部部长"),
        led_by(child_of(stale("st"), "p2"), "u-ghost", ""),
        child_of(on_time("ot"), "p2"),
        led_by(in_area(late("lt"), "zz"), "u-zzb", "组织部部长"),
    ]);
    p.areas = vec![area("dj", "党的建设", 1), area("zz", "组织", 2)];
    p.units = vec![
        unit("u-qwb", "区委办"),
        unit("u-zzb", "区委组织部"),
        unit("u-xcb", "区委宣传部"),
    ];
    p
}

#[test]
fn work_items_are_the_tasks_without_children() {
    let ids: Vec<String> = work_items(&ledger())
        .into_iter()
        .map(|id| id.to_string())
        .collect();
    assert_eq!(ids, ["g", "r", "s", "b", "st", "ot", "lt"]);
}

#[test]
fn plan_tally_counts_work_items_only() {
    let plan = ledger();
    let a = assess_plan(&plan, d(TODAY));
    assert_eq!(
        plan_tally(&plan, &a),
        Tally {
            total: 7,
            closed_on_time: 1,
            closed_late: 1,
            in_progress: 4,
            overdue: 1,
            due_soon: 1,
            behind: 1,
            stale: 1,
            halted: 0,
            missed_occurrences: 0,
            unanswered: 0,
            extended: 0,
            unreported: 1,
        }
    );
}

#[test]
fn completion_rate_is_closed_share_of_work_items() {
    let plan = ledger();
    let t = plan_tally(&plan, &assess_plan(&plan, d(TODAY)));
    assert_eq!(t.closed(), 2);
    assert!(
        approx(t.completion_rate(), 200.0 / 7.0),
        "{}",
        t.completion_rate()
    );
}

#[test]
fn completion_rate_is_100_when_all_closed() {
    let plan = plan_of(vec![on_time("a"), late("b")]);
    let t = plan_tally(&plan, &assess_plan(&plan, d(TODAY)));
    assert!(approx(t.completion_rate(), 100.0));
}

#[test]
fn empty_plan_gives_zeros() {
    let plan = Plan::empty(2022);
    let t = plan_tally(&plan, &assess_plan(&plan, d(TODAY)));
    assert_eq!(t, Tally::default());
    assert_eq!(t.completion_rate(), 0.0);
    assert_eq!(t.closed(), 0);
    for by in [GroupBy::LeadUnit, GroupBy::Area, GroupBy::Leader] {
        assert!(grouped_tally(&plan, &Assessments::default(), by).is_empty());
    }
}

#[test]
fn overdue_task_is_not_also_counted_as_due_soon_behind_or_stale() {
    // Past due, never reported: only "overdue".
    let plan = plan_of(vec![span("a", "2022-01-01", "2022-06-01")]);
    let t = plan_tally(&plan, &assess_plan(&plan, d(TODAY)));
    assert_eq!((t.total, t.overdue, t.in_progress), (1, 1, 0));
    assert_eq!((t.due_soon, t.behind, t.stale), (0, 0, 0));
}

#[test]
fn one_task_with_several_reasons_counts_under_each() {
    let plan = plan_of(vec![span("a", "2022-01-01", "2022-07-03")]);
    let t = plan_tally(&plan, &assess_plan(&plan, d(TODAY)));
    assert_eq!((t.total, t.in_progress), (1, 1));
    assert_eq!((t.due_soon, t.behind, t.stale), (1, 1, 1));
}

#[test]
fn grouped_by_lead_unit_uses_unit_names_and_keeps_unknown_ids() {
    let plan = ledger();
    let g = grouped_tally(&plan, &assess_plan(&plan, d(TODAY)), GroupBy::LeadUnit);
    let keys: Vec<&str> = g.keys().map(String::as_str).collect();
    assert_eq!(keys, vec!["u-ghost", "区委宣传部", "区委组织部", "未指定"]);
    let zzb = &g["区委组织部"];
    assert_eq!(
        (zzb.total, zzb.overdue, zzb.in_progress, zzb.closed_late),
        (3, 1, 1, 1)
    );
    let xcb = &g["区委宣传部"];
    assert_eq!((xcb.total, xcb.due_soon, xcb.behind), (2, 1, 1));
    assert_eq!(g["u-ghost"].stale, 1);
    assert_eq!(g["未指定"].closed_on_time, 1);
    assert!(!g.contains_key("区委办"), "p1 is a 要点, not a work item");
    assert_eq!(g.values().map(|t| t.total).sum::<usize>(), 7);
}

#[test]
fn grouped_by_area_takes_the_area_from_the_top_level_ancestor() {
    let plan = ledger();
    let g = grouped_tally(&plan, &assess_plan(&plan, d(TODAY)), GroupBy::Area);
    let keys: Vec<&str> = g.keys().map(String::as_str).collect();
    assert_eq!(keys, vec!["党的建设", "组织"]);
    assert_eq!(g["党的建设"].total, 3);
    assert_eq!(g["组织"].total, 4);
    assert!(approx(g["组织"].completion_rate(), 50.0));
}

#[test]
fn grouped_by_area_files_unknown_and_missing_areas_under_no_area_like_the_ledger() {
    let mut plan = plan_of(vec![in_area(green("a"), "old-area"), green("b")]);
    plan.areas = vec![area("dj", "党的建设", 1)];
    let g = grouped_tally(&plan, &assess_plan(&plan, d(TODAY)), GroupBy::Area);
    let keys: Vec<&str> = g.keys().map(String::as_str).collect();
    assert_eq!(keys, vec!["未分领域"]);
    assert_eq!(g["未分领域"].total, 2);
    // The ledger files both under the same heading.
    let headings: Vec<String> = luoshi::model::hierarchy::outline(&plan)
        .into_iter()
        .filter_map(|e| match e {
            luoshi::model::hierarchy::OutlineEntry::Area { name, .. } => Some(name),
            _ => None,
        })
        .collect();
    assert_eq!(headings, ["未分领域"]);
}

#[test]
fn grouped_by_leader_trims_names_and_groups_blank_as_unspecified() {
    let plan = ledger();
    let g = grouped_tally(&plan, &assess_plan(&plan, d(TODAY)), GroupBy::Leader);
    let counts: Vec<(&str, usize)> = g.iter().map(|(k, t)| (k.as_str(), t.total)).collect();
    assert_eq!(
        counts,
        vec![("宣传部部长", 2), ("未指定", 2), ("组织部部长", 3)]
    );
}

#[test]
fn area_of_is_the_top_level_tasks_known_area() {
    let mut plan = plan_of(vec![
        in_area(task("root"), "dj"),
        child_of(task("mid"), "root"),
        child_of(task("leaf"), "mid"),
        // A child's own area does not move it: the ledger shows it under
        // its 要点, so the statistics count it there too.
        in_area(child_of(task("own"), "root"), "zz"),
        task("bare"),
        in_area(task("ghost"), "no-such-area"),
        in_area(child_of(task("under-ghost"), "ghost"), "dj"),
    ]);
    plan.areas = vec![area("dj", "党的建设", 1), area("zz", "组织", 2)];
    let cases: &[(&str, Option<&str>)] = &[
        ("root", Some("dj")),
        ("mid", Some("dj")),
        ("leaf", Some("dj")),
        ("own", Some("dj")),
        ("bare", None),
        ("ghost", None),
        ("under-ghost", None),
        ("missing", None),
    ];
    for &(id, expected) in cases {
        assert_eq!(area_of(&plan, id).as_deref(), expected, "task {id}");
    }
}

#[test]
fn area_of_stops_on_a_parent_cycle() {
    let mut plan = plan_of(vec![
        in_area(child_of(task("a"), "b"), "dj"),
        in_area(child_of(task("b"), "a"), "dj"),
    ]);
    plan.areas = vec![area("dj", "党的建设", 1)];
    assert_eq!(area_of(&plan, "a"), None);
    assert_eq!(area_of(&plan, "b"), None);
}

#[test]
fn assessments_of_other_tasks_are_skipped_not_a_panic() {
    let plan = ledger();
    let other = plan_of(vec![green("g"), red("r"), green("elsewhere")]);
    let a = assess_plan(&other, d(TODAY));
    let t = plan_tally(&plan, &a);
    assert_eq!(t.total, 2, "only work items g and r have assessments");
    let g = grouped_tally(&plan, &a, GroupBy::LeadUnit);
    assert_eq!(g.values().map(|t| t.total).sum::<usize>(), 2);
}
