//! Merges that never resurrect (`model::merge` with `model::tombstone`): a
//! task or record deleted on either side stays deleted, whether the file
//! carries a base or not, and the merged plan keeps both sides'
//! tombstones, so deletions travel on; undoing the merge gives back what
//! it removed.

mod common;

use common::{child_of, d, edit_task, merged, plan_of, reported, span, task};
use luoshi::model::merge::{merge_op, preview};
use luoshi::model::ops::{apply, Op};
use luoshi::model::package::package_for;
use luoshi::model::task::{Extension, Milestone, SuperviseKind, Supervision};
use luoshi::model::tombstone::DeletedKind;
use luoshi::model::{Plan, Task};

const NOW: &str = "2026-07-25T09:00:00Z";

/// A task with one record of every kind that can be deleted.
fn full_task(id: &str) -> Task {
    let mut t = reported(
        reported(span(id, "2026-01-01", "2026-12-31"), "2026-03-01", 20),
        "2026-05-01",
        40,
    );
    t.extensions.push(Extension {
        id: format!("{id}-x"),
        date: d("2026-04-01"),
        previous_due: d("2026-10-31"),
        new_due: d("2026-12-31"),
        reason: "上级要求调整".into(),
    });
    t.milestones.push(Milestone {
        id: format!("{id}-m"),
        title: "形成初稿".into(),
        due: d("2026-06-30"),
        done_on: None,
    });
    t.supervisions.push(Supervision {
        id: format!("{id}-s"),
        date: d("2026-06-01"),
        kind: SuperviseKind::Supervise,
        note: "加快进度".into(),
        reply_due: Some(d("2026-06-10")),
        number: Some(1),
    });
    t
}

/// Every record id of task `id`, by list.
fn records(plan: &Plan, id: &str) -> Vec<String> {
    let t = plan.task(id).expect("task");
    t.updates
        .iter()
        .map(|r| r.id.clone())
        .chain(t.extensions.iter().map(|r| r.id.clone()))
        .chain(t.milestones.iter().map(|r| r.id.clone()))
        .chain(t.supervisions.iter().map(|r| r.id.clone()))
        .collect()
}

fn deleted_ids(plan: &Plan) -> Vec<&str> {
    plan.deleted.iter().map(|t| t.id.as_str()).collect()
}

/// Deletes one record of each kind from task `a`.
fn delete_one_of_each(plan: &mut Plan) {
    edit_task(plan, "a", |t| {
        t.updates.retain(|u| u.id != "u1");
        t.extensions.clear();
        t.milestones.clear();
        t.supervisions.clear();
    });
}

#[test]
fn records_deleted_here_do_not_come_back_from_an_older_whole_plan_file() {
    let mut office = plan_of(vec![full_task("a")]);
    let older = office.clone();
    delete_one_of_each(&mut office);
    let after = merged(&office, &older);
    assert_eq!(records(&after, "a"), ["u2"]);
    assert_eq!(deleted_ids(&after), ["a-m", "a-s", "a-x", "u1"]);
    assert!(preview(&after, &older).is_empty(), "nothing left to import");
}

#[test]
fn records_deleted_here_do_not_come_back_from_a_package_sent_before() {
    let mut office = plan_of(vec![full_task("a"), full_task("b")]);
    office.units = vec![common::unit("u-x", "某单位")];
    for t in &mut office.tasks {
        t.lead_unit = Some("u-x".into());
    }
    let mut unit = package_for(&office, "u-x", NOW).expect("package");
    delete_one_of_each(&mut office);
    // The unit reports on the other task and sends everything back.
    let b = unit.tasks.iter_mut().find(|t| t.id == "b").expect("b");
    *b = reported(b.clone(), "2026-07-20", 60);
    let after = merged(&office, &unit);
    assert_eq!(
        records(&after, "a"),
        ["u2"],
        "the base does not revive them"
    );
    assert_eq!(records(&after, "b").len(), 6, "the unit's report came in");
}

#[test]
fn records_deleted_in_the_file_go_here_and_their_tombstones_stay() {
    let office = plan_of(vec![full_task("a")]);
    let mut copy = office.clone();
    delete_one_of_each(&mut copy);
    let pv = preview(&office, &copy);
    assert_eq!(pv.removed_records(), 4);
    assert_eq!(pv.incoming_deletions(), 4);
    let after = merged(&office, &copy);
    assert_eq!(records(&after, "a"), ["u2"]);
    assert_eq!(
        after.deleted, copy.deleted,
        "the file's tombstones, its days"
    );
    let again = merged(&after, &copy);
    assert_eq!(again.tasks, after.tasks, "a second import changes nothing");
    assert_eq!(again.deleted, after.deleted);
}

#[test]
fn a_task_deleted_here_does_not_come_back_from_an_older_whole_plan_file() {
    let mut office = plan_of(vec![task("a"), task("b")]);
    let older = office.clone();
    apply(&mut office, Op::RemoveTask("b".into()), NOW).unwrap();
    let pv = preview(&office, &older);
    assert!(pv.new_tasks.is_empty(), "{:?}", pv.new_tasks);
    let after = merged(&office, &older);
    let ids: Vec<&str> = after.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
    assert_eq!(after.deleted[0].kind, DeletedKind::Task);
}

#[test]
fn a_task_deleted_in_the_file_goes_here_too_children_first() {
    let office = plan_of(vec![task("a"), task("p"), child_of(task("c"), "p")]);
    let mut copy = office.clone();
    apply(&mut copy, Op::RemoveTask("c".into()), NOW).unwrap();
    apply(&mut copy, Op::RemoveTask("p".into()), NOW).unwrap();
    let pv = preview(&office, &copy);
    let removed: Vec<&str> = pv.removed.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(removed, ["p", "c"]);
    let after = merged(&office, &copy);
    let ids: Vec<&str> = after.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
    assert_eq!(deleted_ids(&after), ["c", "p"]);
}

#[test]
fn deletions_travel_on_through_a_plan_that_merged_them() {
    let first = plan_of(vec![full_task("a")]);
    let mut deleting = first.clone();
    let mut middle = first.clone();
    let oldest = first;
    delete_one_of_each(&mut deleting);
    middle = merged(&middle, &deleting);
    // The oldest copy learns the deletions from a plan that only merged them.
    let after = merged(&oldest, &middle);
    assert_eq!(records(&after, "a"), ["u2"]);
    // And the older copy does not bring them back to the middle one.
    assert_eq!(records(&merged(&middle, &oldest), "a"), ["u2"]);
}

#[test]
fn undoing_a_merge_gives_back_what_the_file_deleted() {
    let office = plan_of(vec![full_task("a"), task("b")]);
    let mut copy = office.clone();
    delete_one_of_each(&mut copy);
    apply(&mut copy, Op::RemoveTask("b".into()), NOW).unwrap();
    let pv = preview(&office, &copy);
    let op = merge_op(&office, &pv, |_, _| None, "测试", NOW).unwrap();
    let mut after = office.clone();
    let inverse = apply(&mut after, op, NOW).unwrap();
    assert_eq!(after.tasks.len(), 1);
    apply(&mut after, inverse, NOW).unwrap();
    assert_eq!(after.tasks.len(), 2);
    assert_eq!(records(&after, "a"), records(&office, "a"));
    assert!(after.deleted.is_empty(), "{:?}", after.deleted);
}
