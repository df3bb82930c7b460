//! Clashes in the outline (`model::merge`): moves on both sides that make a
//! loop, a parent deleted here while the file puts tasks under it, a task
//! deleted in the file while tasks here stay under it. Each is a choice in
//! the preview, both choices merge, and none refuses the import.

mod common;

use common::{child_of, plan_of, task};
use luoshi::model::merge::{merge_op, preview, Side, STRUCTURE};
use luoshi::model::ops::{apply, Op};
use luoshi::model::package::PackageInfo;
use luoshi::model::{Plan, TaskId};

const NOW: &str = "2026-07-25T09:00:00Z";

/// Merges with every clash decided `side` (fields by default).
/// Merges with every clash in the outline decided `side`.
fn merged(plan: &Plan, file: &Plan, side: Option<Side>) -> Plan {
    common::merged_by(
        plan,
        file,
        |_, key| if key == STRUCTURE { side } else { None },
    )
}

fn parent(plan: &Plan, id: &str) -> Option<String> {
    plan.task(id)
        .unwrap_or_else(|| panic!("{id} is there"))
        .parent
        .as_ref()
        .map(|p| p.to_string())
}

fn move_under(plan: &mut Plan, id: &str, under: Option<&str>) {
    common::edit_task(plan, id, |t| t.parent = under.map(TaskId::from));
}

/// The office's plan and a 填报包-like copy of it with a base.
fn with_base(plan: &Plan) -> Plan {
    let mut file = plan.clone();
    file.package = Some(PackageInfo {
        unit: "u-x".into(),
        unit_name: "某单位".into(),
        plan_title: plan.title.clone(),
        sent_at: NOW.into(),
        base: plan.tasks.clone(),
    });
    file
}

#[test]
fn moves_that_make_a_loop_are_a_choice_not_a_refusal() {
    let mut office = plan_of(vec![task("a"), task("b")]);
    let mut unit = with_base(&office);
    move_under(&mut office, "a", Some("b"));
    move_under(&mut unit, "b", Some("a"));
    let pv = preview(&office, &unit);
    assert_eq!(pv.clashes.len(), 1);
    assert_eq!(pv.conflicts(), 1, "the loop is the one question");
    assert_eq!(pv.clashes[0].default, Side::Ours);
    let ours = merged(&office, &unit, None);
    assert_eq!(
        (parent(&ours, "a"), parent(&ours, "b")),
        (Some("b".into()), None)
    );
    let theirs = merged(&office, &unit, Some(Side::Theirs));
    assert_eq!(
        (parent(&theirs, "a"), parent(&theirs, "b")),
        (None, Some("a".into()))
    );
}

#[test]
fn a_loop_from_a_whole_plan_file_is_a_choice_too() {
    let mut office = plan_of(vec![task("a"), task("b")]);
    let mut other = office.clone();
    move_under(&mut office, "a", Some("b"));
    move_under(&mut other, "b", Some("a"));
    // The file changed b last, the office a: each field's default alone
    // would make the loop.
    other.tasks[1].updated_at = "2026-07-26T00:00:00Z".into();
    let pv = preview(&office, &other);
    assert_eq!(pv.clashes.len(), 1);
    let after = merged(&office, &other, None);
    assert_eq!(
        (parent(&after, "a"), parent(&after, "b")),
        (Some("b".into()), None)
    );
}

#[test]
fn field_choices_that_make_a_loop_still_merge() {
    // Without a base every parent difference is a conflict; choosing the
    // file's for one and ours for the other is a loop no preview showed.
    let mut office = plan_of(vec![task("a"), task("b")]);
    let mut other = office.clone();
    move_under(&mut office, "a", Some("b"));
    move_under(&mut other, "b", Some("a"));
    // Changed last here: every default is ours, and no loop is previewed.
    office.tasks[1].updated_at = "2026-07-26T00:00:00Z".into();
    let pv = preview(&office, &other);
    assert!(pv.clashes.is_empty());
    assert_eq!(pv.conflicts(), 2);
    let op = merge_op(
        &office,
        &pv,
        |id, key| match (id.as_str(), key) {
            ("a", "parent") => Some(Side::Ours),
            ("b", "parent") => Some(Side::Theirs),
            _ => None,
        },
        "测试",
        NOW,
    )
    .expect("merges");
    let mut after = office.clone();
    apply(&mut after, op, NOW).expect("no loop reaches the plan");
    // The loop is broken at its first task, which goes to the top.
    assert_eq!(
        (parent(&after, "a"), parent(&after, "b")),
        (None, Some("a".into()))
    );
}

#[test]
fn a_new_task_under_a_task_deleted_here_is_a_choice() {
    let mut office = plan_of(vec![
        task("g"),
        child_of(task("p"), "g"),
        child_of(task("c1"), "p"),
    ]);
    let mut unit = office.clone();
    apply(&mut office, Op::RemoveTask("c1".into()), NOW).unwrap();
    apply(&mut office, Op::RemoveTask("p".into()), NOW).unwrap();
    unit.tasks.push(child_of(task("c2"), "p"));
    let pv = preview(&office, &unit);
    assert_eq!(pv.clashes.len(), 1);
    assert_eq!(pv.clashes[0].id, "p");
    let kept_deleted = merged(&office, &unit, None);
    assert!(kept_deleted.task("p").is_none(), "the deletion stands");
    assert!(kept_deleted.task("c1").is_none());
    assert_eq!(parent(&kept_deleted, "c2"), Some("g".into()), "moved up");
    let restored = merged(&office, &unit, Some(Side::Theirs));
    assert_eq!(parent(&restored, "p"), Some("g".into()));
    assert_eq!(parent(&restored, "c2"), Some("p".into()));
    assert!(restored.task("c1").is_none(), "only the parent comes back");
    let dead: Vec<&str> = restored.deleted.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(dead, ["c1"], "p's tombstone went with its return");
}

#[test]
fn a_task_deleted_in_the_file_with_tasks_added_under_it_here_is_a_choice() {
    let mut office = plan_of(vec![
        task("g"),
        child_of(common::reported(task("p"), "2026-07-01", 10), "g"),
    ]);
    let mut unit = office.clone();
    // The unit deletes p's report, then p.
    let mut p = unit.task("p").unwrap().clone();
    p.updates.clear();
    apply(
        &mut unit,
        Op::PutTask {
            task: Box::new(p),
            at: None,
        },
        NOW,
    )
    .unwrap();
    apply(&mut unit, Op::RemoveTask("p".into()), NOW).unwrap();
    apply(
        &mut office,
        Op::PutTask {
            task: Box::new(child_of(task("c"), "p")),
            at: None,
        },
        NOW,
    )
    .unwrap();
    let pv = preview(&office, &unit);
    assert_eq!(pv.clashes.len(), 1);
    assert!(pv.removed.is_empty(), "a clash, not a plain removal");
    assert_eq!(
        pv.clashes[0].default,
        Side::Theirs,
        "the deletion wins, as it would had it been made here"
    );
    let taken = merged(&office, &unit, None);
    assert!(taken.task("p").is_none());
    assert_eq!(parent(&taken, "c"), Some("g".into()), "moved up, not lost");
    let mut dead: Vec<&str> = taken.deleted.iter().map(|t| t.id.as_str()).collect();
    dead.sort();
    assert_eq!(dead, ["p", "u1"]);
    let kept = merged(&office, &unit, Some(Side::Ours));
    assert_eq!(parent(&kept, "c"), Some("p".into()));
    assert!(
        kept.task("p").unwrap().updates.is_empty(),
        "its deleted report still goes"
    );
    let dead: Vec<&str> = kept.deleted.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(dead, ["u1"], "a kept task has no tombstone");
}

#[test]
fn a_report_on_a_task_deleted_here_after_sending_can_bring_it_back() {
    let mut office = plan_of(vec![task("g"), child_of(task("t"), "g")]);
    let mut unit = with_base(&office);
    apply(&mut office, Op::RemoveTask("t".into()), NOW).unwrap();
    let t = unit.tasks.iter_mut().find(|t| t.id == "t").unwrap();
    *t = common::reported(t.clone(), "2026-07-20", 30);
    let pv = preview(&office, &unit);
    assert_eq!(pv.clashes.len(), 1, "{:?}", pv.notes);
    assert_eq!(
        pv.clashes[0].default,
        Side::Ours,
        "the deletion stands by default"
    );
    assert!(merged(&office, &unit, None).task("t").is_none());
    let back = merged(&office, &unit, Some(Side::Theirs));
    assert_eq!(
        back.task("t").unwrap().updates.len(),
        1,
        "with the unit's report"
    );
    assert_eq!(parent(&back, "t"), Some("g".into()));
    assert!(back.deleted.is_empty());
}

#[test]
fn a_task_changed_here_after_the_file_deleted_it_is_a_choice() {
    let mut office = plan_of(vec![task("a"), task("t")]);
    let mut other = office.clone();
    apply(
        &mut other,
        Op::RemoveTask("t".into()),
        "2026-07-20T09:00:00Z",
    )
    .unwrap();
    let mut t = office.task("t").unwrap().clone();
    t.title = "区委办后来改的名称".into();
    apply(
        &mut office,
        Op::PutTask {
            task: Box::new(t),
            at: None,
        },
        NOW,
    )
    .unwrap();
    let pv = preview(&office, &other);
    assert_eq!(pv.clashes.len(), 1);
    assert!(pv.removed.is_empty());
    assert!(
        merged(&office, &other, None).task("t").is_none(),
        "the deletion wins by default"
    );
    let kept = merged(&office, &other, Some(Side::Ours));
    assert_eq!(kept.task("t").unwrap().title, "区委办后来改的名称");
    assert!(kept.deleted.is_empty());
    // Changed before the deletion: it simply goes.
    let mut earlier = office.clone();
    earlier.tasks[1].updated_at = "2026-07-19T09:00:00Z".into();
    let pv = preview(&earlier, &other);
    assert!(pv.clashes.is_empty());
    assert_eq!(pv.removed.len(), 1);
}

#[test]
fn a_task_moved_here_under_one_the_file_deleted_goes_where_the_file_put_it() {
    // Found by tests/generated_merge.rs: walking up from the deleted parent
    // put the task back where the base had it, so the same file imported
    // again moved it once more.
    let office_base = plan_of(vec![task("a"), task("b"), task("t")]);
    let mut office = office_base.clone();
    let mut unit = with_base(&office_base);
    move_under(&mut office, "t", Some("b"));
    move_under(&mut unit, "t", Some("a"));
    apply(&mut unit, Op::RemoveTask("b".into()), NOW).unwrap();
    let once = merged(&office, &unit, None);
    assert!(once.task("b").is_none());
    assert_eq!(parent(&once, "t"), Some("a".into()));
    let twice = merged(&once, &unit, None);
    assert_eq!(twice.tasks, once.tasks, "the same file twice");
}
