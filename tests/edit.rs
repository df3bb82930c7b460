//! Outline edits (`model::edit`), validation (`model::validate`) and the
//! copy to next year (`model::rollover`): each edit is one op that
//! renumbers what it touches, and each is undone in one step.

mod common;

use common::{area, child_of, d, in_area, plan_of, reported, span, task, unit};
use luoshi::model::edit::{
    add_task, delete_task, descendants, indent, move_task, outdent, Direction, Place,
};
use luoshi::model::hierarchy::{outline, OutlineEntry};
use luoshi::model::history::History;
use luoshi::model::ops::{apply, EditError, Op};
use luoshi::model::rollover::{copy_to_next_year, next_year};
use luoshi::model::validate::validate_task;
use luoshi::model::{Milestone, Plan, Status, TaskId};

const AT: &str = "2026-07-01T08:00:00Z";

/// The outline as "number id" lines, indented by depth.
fn lines(plan: &Plan) -> Vec<String> {
    outline(plan)
        .into_iter()
        .map(|e| match e {
            OutlineEntry::Area { name, number, .. } => format!("{number}{name}"),
            OutlineEntry::Task { id, depth, number } => {
                format!("{}{number} {id}", "  ".repeat(depth))
            }
        })
        .collect()
}

/// Two areas; 要点 p1 (children a, b, c) and p2 in 党建, q1 in 组织.
fn plan() -> Plan {
    let mut p = plan_of(vec![
        in_area(task("p1"), "dj"),
        child_of(task("a"), "p1"),
        child_of(task("b"), "p1"),
        child_of(task("c"), "p1"),
        in_area(task("p2"), "dj"),
        in_area(task("q1"), "zz"),
    ]);
    for (n, t) in p.tasks.iter_mut().enumerate() {
        t.order = n as u32;
    }
    p.areas = vec![area("dj", "党建", 1), area("zz", "组织", 2)];
    p
}

/// Applies `op`, checks the outline, then undoes it and checks it is back.
fn check(plan: &Plan, op: Op, expected: &[&str]) -> Plan {
    let mut edited = plan.clone();
    let mut history = History::default();
    history
        .perform(&mut edited, op, "测试", AT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lines(&edited), expected);
    let mut undone = edited.clone();
    history
        .undo(&mut undone, AT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lines(&undone), lines(plan), "one undo reverts the edit");
    // Not only the outline: every task's place is back as it was.
    let places = |p: &Plan| {
        let mut v: Vec<_> = p
            .tasks
            .iter()
            .map(|t| (t.id.to_string(), t.parent.clone(), t.order, t.area.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(places(&undone), places(plan));
    edited
}

#[test]
fn adds_a_sibling_after_a_task_and_renumbers_the_rest() {
    let op = add_task(&plan(), task("new"), &Place::After("a".into())).unwrap();
    check(
        &plan(),
        op,
        &[
            "一、党建",
            "（一） p1",
            "  1. a",
            "  2. new",
            "  3. b",
            "  4. c",
            "（二） p2",
            "二、组织",
            "（一） q1",
        ],
    );
}

#[test]
fn adds_a_child_and_a_new_point_at_the_end_of_an_area() {
    let op = add_task(&plan(), task("kid"), &Place::LastChildOf("b".into())).unwrap();
    let edited = check(
        &plan(),
        op,
        &[
            "一、党建",
            "（一） p1",
            "  1. a",
            "  2. b",
            "    （1） kid",
            "  3. c",
            "（二） p2",
            "二、组织",
            "（一） q1",
        ],
    );
    assert_eq!(
        edited.task("kid").and_then(|t| t.parent.clone()),
        Some("b".into())
    );
    let op = add_task(&plan(), task("q2"), &Place::EndOfArea(Some("zz".into()))).unwrap();
    check(
        &plan(),
        op,
        &[
            "一、党建",
            "（一） p1",
            "  1. a",
            "  2. b",
            "  3. c",
            "（二） p2",
            "二、组织",
            "（一） q1",
            "（二） q2",
        ],
    );
}

#[test]
fn a_sibling_of_a_point_joins_its_area() {
    let op = add_task(&plan(), task("q0"), &Place::After("q1".into())).unwrap();
    let edited = check(
        &plan(),
        op,
        &[
            "一、党建",
            "（一） p1",
            "  1. a",
            "  2. b",
            "  3. c",
            "（二） p2",
            "二、组织",
            "（一） q1",
            "（二） q0",
        ],
    );
    assert_eq!(
        edited.task("q0").and_then(|t| t.area.clone()).as_deref(),
        Some("zz")
    );
}

#[test]
fn moves_up_and_down_within_siblings_only() {
    let op = move_task(&plan(), &"c".into(), Direction::Up).unwrap();
    check(
        &plan(),
        op,
        &[
            "一、党建",
            "（一） p1",
            "  1. a",
            "  2. c",
            "  3. b",
            "（二） p2",
            "二、组织",
            "（一） q1",
        ],
    );
    let op = move_task(&plan(), &"p1".into(), Direction::Down).unwrap();
    check(
        &plan(),
        op,
        &[
            "一、党建",
            "（一） p2",
            "（二） p1",
            "  1. a",
            "  2. b",
            "  3. c",
            "二、组织",
            "（一） q1",
        ],
    );
    assert!(matches!(
        move_task(&plan(), &"a".into(), Direction::Up),
        Err(EditError::CannotMove(_))
    ));
    assert!(
        matches!(
            move_task(&plan(), &"p2".into(), Direction::Down),
            Err(EditError::CannotMove(_)),
        ),
        "q1 is in another area"
    );
}

#[test]
fn indent_makes_a_task_the_last_child_of_the_one_above() {
    let op = indent(&plan(), &"c".into()).unwrap();
    check(
        &plan(),
        op,
        &[
            "一、党建",
            "（一） p1",
            "  1. a",
            "  2. b",
            "    （1） c",
            "（二） p2",
            "二、组织",
            "（一） q1",
        ],
    );
    let op = indent(&plan(), &"p2".into()).unwrap();
    check(
        &plan(),
        op,
        &[
            "一、党建",
            "（一） p1",
            "  1. a",
            "  2. b",
            "  3. c",
            "  4. p2",
            "二、组织",
            "（一） q1",
        ],
    );
    assert!(indent(&plan(), &"a".into()).is_err(), "nothing above a");
}

#[test]
fn outdent_makes_a_task_its_parents_next_sibling() {
    let op = outdent(&plan(), &"b".into()).unwrap();
    let edited = check(
        &plan(),
        op,
        &[
            "一、党建",
            "（一） p1",
            "  1. a",
            "  2. c",
            "（二） b",
            "（三） p2",
            "二、组织",
            "（一） q1",
        ],
    );
    assert_eq!(
        edited.task("b").and_then(|t| t.area.clone()).as_deref(),
        Some("dj")
    );
    assert!(outdent(&plan(), &"p1".into()).is_err());
}

#[test]
fn delete_removes_the_task_and_everything_below_in_one_undoable_step() {
    let mut p = plan();
    p.tasks.push(child_of(task("a1"), "a"));
    assert_eq!(
        descendants(&p, &"p1".into()),
        ["a".into(), "a1".into(), "b".into(), "c".into()] as [TaskId; 4]
    );
    let op = delete_task(&p, &"p1".into()).unwrap();
    let edited = check(&p, op, &["一、党建", "（一） p2", "二、组织", "（一） q1"]);
    assert_eq!(edited.tasks.len(), 2);
}

#[test]
fn a_unit_in_use_is_removed_only_after_its_tasks_are_reassigned() {
    let mut p = plan();
    p.units = vec![unit("u1", "区委办"), unit("u2", "组织部")];
    p.tasks[1].lead_unit = Some("u1".into());
    p.tasks[2].support_units = vec!["u1".into()];
    let mut q = p.clone();
    assert_eq!(
        apply(&mut q, Op::RemoveUnit("u1".into()), AT),
        Err(EditError::UnitInUse {
            id: "u1".into(),
            tasks: 2
        })
    );
    assert_eq!(q, p);
    let mut a = p.tasks[1].clone();
    a.lead_unit = Some("u2".into());
    let mut b = p.tasks[2].clone();
    b.support_units = vec!["u2".into()];
    let reassign = Op::Batch(vec![
        Op::PutTask {
            task: Box::new(a),
            at: None,
        },
        Op::PutTask {
            task: Box::new(b),
            at: None,
        },
        Op::RemoveUnit("u1".into()),
    ]);
    let inverse = apply(&mut q, reassign, AT).unwrap();
    assert_eq!(q.units.len(), 1);
    apply(&mut q, inverse, AT).unwrap();
    assert_eq!(q.units, p.units);
    assert_eq!(q.tasks[1].lead_unit.as_deref(), Some("u1"));
}

#[test]
fn units_are_renamed_and_reordered_in_place() {
    let mut p = plan();
    p.units = vec![
        unit("u1", "区委办"),
        unit("u2", "组织部"),
        unit("u3", "宣传部"),
    ];
    let mut renamed = p.units[1].clone();
    renamed.name = "区委组织部".into();
    let inverse = apply(
        &mut p,
        Op::PutUnit {
            unit: renamed,
            at: Some(0),
        },
        AT,
    )
    .unwrap();
    let names: Vec<&str> = p.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["区委组织部", "区委办", "宣传部"]);
    apply(&mut p, inverse, AT).unwrap();
    let names: Vec<&str> = p.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["区委办", "组织部", "宣传部"]);
}

#[test]
fn validation_names_each_field_in_chinese() {
    let mut p = plan();
    p.units = vec![unit("u1", "区委办")];
    let mut t = span("x", "2026-06-01", "2026-03-01");
    t.title = "  ".into();
    t.lead_unit = Some("ghost".into());
    t.support_units = vec!["u1".into(), "nobody".into()];
    t.area = Some("gone".into());
    t.milestones.push(Milestone {
        id: "m".into(),
        title: "".into(),
        due: d("2026-12-01"),
        done_on: None,
    });
    let fields: Vec<String> = validate_task(&p, &t).into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            "title",
            "due",
            "lead_unit",
            "support_units",
            "area",
            "milestones[0]",
            "milestones[0]"
        ]
    );
    let ok = span("y", "2026-01-01", "2026-06-30");
    let mut ok = ok;
    ok.title = "任务".into();
    assert!(validate_task(&p, &ok).is_empty());
}

#[test]
fn next_year_keeps_the_day_and_turns_29_february_into_28() {
    assert_eq!(next_year(d("2026-06-30")), d("2027-06-30"));
    assert_eq!(next_year(d("2024-02-29")), d("2025-02-28"));
    assert_eq!(next_year(d("2026-12-31")), d("2027-12-31"));
}

#[test]
fn copy_to_next_year_keeps_structure_and_clears_the_years_records() {
    let mut p = plan();
    p.year = 2024;
    p.title = "2024年区委工作要点".into();
    p.units = vec![unit("u1", "区委办")];
    let mut t = reported(span("a", "2024-01-10", "2024-02-29"), "2024-02-01", 50);
    t.parent = Some("p1".into());
    t.owner = "张三".into();
    t.lead_unit = Some("u1".into());
    t.extend(d("2024-02-20"), d("2024-03-31"), "延期");
    t.status = Status::Closed;
    t.milestones.push(Milestone {
        id: "m".into(),
        title: "节点".into(),
        due: d("2024-02-29"),
        done_on: Some(d("2024-02-28")),
    });
    p.tasks[1] = t;
    let next = copy_to_next_year(&p);
    assert_eq!(
        (next.year, next.title.as_str()),
        (2025, "2025年区委工作要点")
    );
    assert_ne!(next.id, p.id);
    assert_eq!(next.units, p.units);
    assert_eq!(lines(&next).len(), lines(&p).len());
    let a = next.tasks.iter().find(|t| t.owner == "张三").unwrap();
    assert_ne!(a.id, "a");
    assert_eq!(
        next.task(a.parent.as_deref().unwrap())
            .map(|t| t.title.as_str()),
        Some("任务p1")
    );
    assert_eq!(
        (a.start, a.due),
        (Some(d("2025-01-10")), Some(d("2025-03-31")))
    );
    assert!(a.updates.is_empty() && a.extensions.is_empty() && a.closing.is_none());
    assert_eq!(a.status, Status::NotStarted);
    assert_eq!(a.lead_unit.as_deref(), Some("u1"));
    assert_eq!(
        (a.milestones[0].due, a.milestones[0].done_on),
        (d("2025-02-28"), None)
    );
}
