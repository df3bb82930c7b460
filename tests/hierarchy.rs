//! The outline (`model::hierarchy`): areas, then 要点, 任务 and 子任务, with
//! the office's numbering, and robust to broken parent references.

mod common;

use common::{area, child_of, in_area, ordered, plan_of, task};
use luoshi::model::hierarchy::{chinese_numeral, outline, task_number, OutlineEntry};
use luoshi::model::index::PlanIndex;
use luoshi::model::{Plan, TaskId};
use std::collections::HashMap;

/// The outline as readable lines: `"一、 党的建设"` or `"  1. b"` (indent by
/// depth, then the number and the task id).
fn lines(plan: &Plan) -> Vec<String> {
    outline(plan)
        .into_iter()
        .map(|e| match e {
            OutlineEntry::Area { name, number, .. } => format!("{number} {name}"),
            OutlineEntry::Task { id, depth, number } => {
                format!("{}{number} {id}", "  ".repeat(depth))
            }
        })
        .collect()
}

/// How many times each task id appears in the outline.
fn appearances(plan: &Plan) -> HashMap<TaskId, usize> {
    let mut seen = HashMap::new();
    for e in outline(plan) {
        if let OutlineEntry::Task { id, .. } = e {
            *seen.entry(id).or_insert(0) += 1;
        }
    }
    seen
}

/// Ids of the children of `id`, in display order.
fn children_of(plan: &Plan, id: &str) -> Vec<String> {
    let index = PlanIndex::new(plan);
    index
        .position(id)
        .map(|i| {
            index
                .children(i)
                .iter()
                .map(|&c| index.id(c).to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn two_area_plan(tasks: Vec<luoshi::model::Task>) -> Plan {
    let mut p = plan_of(tasks);
    p.areas = vec![area("dj", "党的建设", 1), area("zz", "组织", 2)];
    p
}

#[test]
fn numbering_follows_office_style_at_each_depth() {
    let plan = two_area_plan(vec![
        in_area(task("p1"), "dj"),
        child_of(task("c1"), "p1"),
        child_of(task("g1"), "c1"),
        child_of(task("h1"), "g1"),
        child_of(task("h2"), "g1"),
        child_of(task("c2"), "p1"),
        in_area(task("p2"), "dj"),
        in_area(task("p3"), "zz"),
        child_of(task("c3"), "p3"),
    ]);
    assert_eq!(
        lines(&plan),
        vec![
            "一、 党的建设",
            "（一） p1",
            "  1. c1",
            "    （1） g1",
            "      ① h1",
            "      ② h2",
            "  2. c2",
            "（二） p2",
            "二、 组织",
            "（一） p3",
            "  1. c3",
        ]
    );
}

#[test]
fn outline_entries_carry_area_ids_and_task_ids() {
    let plan = two_area_plan(vec![in_area(task("p1"), "zz"), child_of(task("c1"), "p1")]);
    assert_eq!(
        outline(&plan),
        vec![
            OutlineEntry::Area {
                area_id: Some("zz".into()),
                name: "组织".into(),
                number: "一、".into(),
            },
            OutlineEntry::Task {
                id: "p1".into(),
                depth: 0,
                number: "（一）".into(),
            },
            OutlineEntry::Task {
                id: "c1".into(),
                depth: 1,
                number: "1.".into(),
            },
        ]
    );
}

#[test]
fn chinese_numerals_at_the_edges() {
    let cases: &[(usize, &str)] = &[
        (0, "零"),
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (30, "三十"),
        (55, "五十五"),
        (90, "九十"),
        (99, "九十九"),
        (100, "100"),
        (123, "123"),
    ];
    for &(n, text) in cases {
        assert_eq!(chinese_numeral(n), text, "{n}");
    }
}

#[test]
fn task_numbers_by_depth_and_position() {
    let cases: &[(usize, usize, &str)] = &[
        (0, 1, "（一）"),
        (0, 10, "（十）"),
        (0, 21, "（二十一）"),
        (1, 1, "1."),
        (1, 12, "12."),
        (2, 3, "（3）"),
        (3, 1, "①"),
        (3, 20, "⑳"),
        (3, 21, "21)"),
        (7, 2, "②"),
        (1, 0, "0."),
        (2, 1_234_567, "（1234567）"),
        (3, 0, "0)"),
        (4, usize::MAX, "18446744073709551615)"),
    ];
    for &(depth, position, text) in cases {
        assert_eq!(
            task_number(depth, position),
            text,
            "depth {depth} position {position}"
        );
    }
}

#[test]
fn eleventh_point_in_an_area_is_numbered_shi_yi() {
    let tasks = (1..=11)
        .map(|i| in_area(task(&format!("p{i}")), "dj"))
        .collect();
    let plan = two_area_plan(tasks);
    let l = lines(&plan);
    assert_eq!(l[10], "（十） p10");
    assert_eq!(l[11], "（十一） p11");
}

#[test]
fn unknown_parent_becomes_top_level_in_its_area() {
    let plan = two_area_plan(vec![
        in_area(task("p1"), "dj"),
        in_area(child_of(task("orphan"), "nowhere"), "dj"),
    ]);
    assert_eq!(
        lines(&plan),
        vec!["一、 党的建设", "（一） p1", "（二） orphan"]
    );
}

#[test]
fn self_parent_is_treated_as_top_level() {
    let plan = two_area_plan(vec![in_area(child_of(task("me"), "me"), "dj")]);
    assert_eq!(lines(&plan), vec!["一、 党的建设", "（一） me"]);
    assert!(children_of(&plan, "me").is_empty());
}

#[test]
fn cycle_does_not_loop_and_every_task_appears_exactly_once() {
    let plan = two_area_plan(vec![
        in_area(task("p1"), "dj"),
        child_of(task("a"), "b"),
        child_of(task("b"), "c"),
        child_of(task("c"), "a"),
        child_of(task("under_a"), "a"),
    ]);
    let counts = appearances(&plan);
    assert_eq!(counts.len(), plan.tasks.len());
    assert!(counts.values().all(|&n| n == 1), "{counts:?}");
    let l = lines(&plan);
    assert_eq!(l[0], "一、 党的建设");
    assert_eq!(l[2], "二、 上级关系有误的任务");
    assert_eq!(
        &l[3..],
        &["（一） a", "  1. c", "    （1） b", "  2. under_a"],
        "a cycle is listed from its first task"
    );
}

#[test]
fn two_separate_cycles_are_both_listed_once() {
    let plan = plan_of(vec![
        child_of(task("a"), "b"),
        child_of(task("b"), "a"),
        child_of(task("x"), "y"),
        child_of(task("y"), "x"),
    ]);
    let counts = appearances(&plan);
    assert_eq!(counts.len(), 4);
    assert!(counts.values().all(|&n| n == 1));
    let l = lines(&plan);
    assert_eq!(
        l,
        vec![
            "一、 上级关系有误的任务",
            "（一） a",
            "  1. b",
            "（二） x",
            "  1. y"
        ]
    );
}

#[test]
fn tasks_with_unknown_or_no_area_go_under_unfiled_last() {
    let plan = two_area_plan(vec![
        in_area(task("lost"), "gone"),
        task("none"),
        in_area(task("p1"), "zz"),
    ]);
    assert_eq!(
        lines(&plan),
        vec![
            "一、 组织",
            "（一） p1",
            "二、 未分领域",
            "（一） lost",
            "（二） none"
        ]
    );
    let unfiled = outline(&plan)
        .into_iter()
        .find(|e| matches!(e, OutlineEntry::Area { name, .. } if name == "未分领域"));
    assert!(matches!(
        unfiled,
        Some(OutlineEntry::Area { area_id: None, .. })
    ));
}

#[test]
fn children_stay_under_their_parent_whatever_their_own_area() {
    let plan = two_area_plan(vec![
        in_area(task("p1"), "dj"),
        in_area(child_of(task("c1"), "p1"), "zz"),
    ]);
    assert_eq!(lines(&plan), vec!["一、 党的建设", "（一） p1", "  1. c1"]);
}

#[test]
fn empty_areas_get_no_heading_and_numbering_stays_continuous() {
    let mut plan = plan_of(vec![in_area(task("p1"), "a1"), in_area(task("p3"), "a3")]);
    plan.areas = vec![
        area("a1", "党的建设", 1),
        area("a2", "组织", 2),
        area("a3", "宣传", 3),
    ];
    assert_eq!(
        lines(&plan),
        vec!["一、 党的建设", "（一） p1", "二、 宣传", "（一） p3"]
    );
}

#[test]
fn areas_follow_their_order_field_then_list_position() {
    let mut plan = plan_of(vec![
        in_area(task("x"), "a1"),
        in_area(task("y"), "a2"),
        in_area(task("z"), "a3"),
    ]);
    plan.areas = vec![
        area("a1", "甲", 5),
        area("a2", "乙", 1),
        area("a3", "丙", 1),
    ];
    assert_eq!(
        lines(&plan),
        vec![
            "一、 乙",
            "（一） y",
            "二、 丙",
            "（一） z",
            "三、 甲",
            "（一） x"
        ]
    );
}

#[test]
fn tasks_follow_their_order_field_then_list_position() {
    let plan = two_area_plan(vec![
        ordered(in_area(task("third"), "dj"), 3),
        ordered(in_area(task("first"), "dj"), 1),
        ordered(in_area(task("first_too"), "dj"), 1),
        ordered(child_of(task("c2"), "first"), 2),
        ordered(child_of(task("c1"), "first"), 1),
    ]);
    assert_eq!(
        lines(&plan),
        vec![
            "一、 党的建设",
            "（一） first",
            "  1. c1",
            "  2. c2",
            "（二） first_too",
            "（三） third"
        ]
    );
    assert_eq!(children_of(&plan, "first"), ["c1", "c2"]);
}

#[test]
fn is_parent_is_true_only_for_tasks_with_children() {
    let plan = plan_of(vec![
        task("p"),
        child_of(task("c"), "p"),
        child_of(task("x"), "missing"),
    ]);
    let index = PlanIndex::new(&plan);
    assert!(index.is_parent(0));
    assert!(!index.is_parent(1));
    assert!(!index.is_parent(2));
}

#[test]
fn empty_plan_has_an_empty_outline() {
    assert!(outline(&Plan::empty(2022)).is_empty());
}

#[test]
fn large_flat_plan_lists_every_task_once() {
    let tasks = (0..250)
        .map(|i| in_area(task(&format!("t{i}")), if i % 2 == 0 { "dj" } else { "zz" }))
        .collect();
    let plan = two_area_plan(tasks);
    let counts = appearances(&plan);
    assert_eq!(counts.len(), 250);
    assert!(counts.values().all(|&n| n == 1));
    // Past 九十九 the numeral falls back to digits.
    assert_eq!(
        lines(&plan).last().map(String::as_str),
        Some("（125） t249")
    );
}
