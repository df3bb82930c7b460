//! Registry rules (`model::registry`), natively: reassigning a unit or an
//! area in one undoable step, reordering, and the name checks.

mod common;

use common::{area, child_of, in_area, plan_of, task, unit};
use luoshi::model::history::History;
use luoshi::model::registry::{
    check_unit_name, move_area, move_unit, reassign_area, reassign_unit, sorted_areas, unit_use,
};
use luoshi::model::Plan;

const AT: &str = "2026-07-01T08:00:00Z";

fn plan() -> Plan {
    let mut p = plan_of(vec![
        in_area(task("p"), "a1"),
        child_of(task("t1"), "p"),
        child_of(task("t2"), "p"),
        in_area(task("q"), "a2"),
    ]);
    p.units = vec![
        unit("u1", "区委办"),
        unit("u2", "组织部"),
        unit("u3", "宣传部"),
    ];
    p.areas = vec![
        area("a1", "党建", 1),
        area("a2", "组织", 2),
        area("a3", "宣传", 3),
    ];
    p.tasks[1].lead_unit = Some("u1".into());
    p.tasks[1].support_units = vec!["u3".into()];
    p.tasks[2].lead_unit = Some("u2".into());
    p.tasks[2].support_units = vec!["u1".into(), "u3".into()];
    p
}

#[test]
fn reassigning_a_unit_hands_over_every_task_in_one_undoable_step() {
    let before = plan();
    assert_eq!(unit_use(&before, "u1").tasks(), 2);
    let mut p = before.clone();
    let mut history = History::default();
    history
        .perform(&mut p, reassign_unit(&before, "u1", "u3"), "删除单位", AT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(p.unit("u1").is_none());
    // t1: u3 was a support unit and becomes the lead, named once.
    assert_eq!(p.tasks[1].lead_unit.as_deref(), Some("u3"));
    assert!(p.tasks[1].support_units.is_empty());
    // t2: u1 supported; u3 already did: no duplicate.
    assert_eq!(p.tasks[2].support_units, ["u3"]);
    history.undo(&mut p, AT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.units, before.units);
    assert_eq!(p.tasks[1].lead_unit, before.tasks[1].lead_unit);
    assert_eq!(p.tasks[2].support_units, before.tasks[2].support_units);
}

#[test]
fn reassigning_an_area_moves_its_points_or_leaves_them_under_none() {
    let before = plan();
    let mut p = before.clone();
    luoshi::model::ops::apply(&mut p, reassign_area(&before, "a1", Some("a2")), AT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(p.area("a1").is_none());
    assert_eq!(p.tasks[0].area.as_deref(), Some("a2"));
    let mut p = before.clone();
    luoshi::model::ops::apply(&mut p, reassign_area(&before, "a1", None), AT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.tasks[0].area, None);
}

#[test]
fn units_and_areas_move_one_place_and_not_past_the_ends() {
    let mut p = plan();
    let op = move_unit(&p, "u3", true).unwrap_or_else(|| panic!("u3 can move up"));
    luoshi::model::ops::apply(&mut p, op, AT).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = p.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["u1", "u3", "u2"]);
    assert!(move_unit(&p, "u1", true).is_none());
    let op = move_area(&p, "a3", true).unwrap_or_else(|| panic!("a3 can move up"));
    luoshi::model::ops::apply(&mut p, op, AT).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<String> = sorted_areas(&p).into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["a1", "a3", "a2"]);
}

#[test]
fn a_unit_name_is_required_and_unique() {
    let p = plan();
    assert!(check_unit_name(&p, "  ", None).is_err());
    assert!(check_unit_name(&p, "组织部", None).is_err());
    assert!(
        check_unit_name(&p, "组织部", Some("u2")).is_ok(),
        "its own name"
    );
    assert_eq!(
        check_unit_name(&p, " 新单位 ", None).as_deref(),
        Ok("新单位")
    );
}
