//! Tombstones (`model::tombstone`): deleting a record or a task leaves its
//! id and the day in the plan; undo takes the tombstone away again, and
//! undoing an addition leaves none; files carry them, and a bad one costs
//! only itself.

mod common;

use common::{child_of, d, plan_of, reported, task};
use luoshi::format::{restore_plan, write_plan};
use luoshi::model::history::History;
use luoshi::model::lifecycle::remove_update;
use luoshi::model::ops::{apply, Op};
use luoshi::model::tombstone::{DeletedKind, Tombstone};
use luoshi::model::{Plan, Task};

const NOW: &str = "2026-07-25T09:00:00Z";
const LATER: &str = "2026-07-26T10:00:00Z";

fn put(t: Task) -> Op {
    Op::PutTask {
        task: Box::new(t),
        at: None,
    }
}

fn stone(id: &str, kind: DeletedKind, on: &str) -> Tombstone {
    Tombstone {
        id: id.into(),
        kind,
        on: Some(d(on)),
    }
}

/// A plan with task `a` holding reports `u1`, `u2`, and a task `b`.
fn reported_plan() -> Plan {
    let a = reported(reported(task("a"), "2026-07-01", 30), "2026-07-10", 50);
    plan_of(vec![a, task("b")])
}

/// What undo must give back: everything but the stamps of the edit.
fn content(p: &Plan) -> (Vec<Tombstone>, Vec<(String, Vec<String>)>) {
    (
        p.deleted.clone(),
        p.tasks
            .iter()
            .map(|t| {
                (
                    t.id.to_string(),
                    t.updates.iter().map(|u| u.id.clone()).collect(),
                )
            })
            .collect(),
    )
}

#[test]
fn deleting_a_progress_report_leaves_its_tombstone_with_the_day() {
    let mut plan = reported_plan();
    let without = remove_update(plan.task("a").unwrap(), "u1").unwrap();
    apply(&mut plan, put(without), NOW).unwrap();
    assert_eq!(
        plan.deleted,
        vec![stone("u1", DeletedKind::Update, "2026-07-25")]
    );
}

#[test]
fn undoing_a_deletion_takes_its_tombstone_away_and_redo_brings_it_back() {
    let mut plan = reported_plan();
    let before = content(&plan);
    let mut history = History::default();
    let without = remove_update(plan.task("a").unwrap(), "u2").unwrap();
    history
        .perform(&mut plan, put(without), "删除进展", NOW)
        .unwrap();
    let deleted = content(&plan);
    assert_eq!(
        deleted.0,
        vec![stone("u2", DeletedKind::Update, "2026-07-25")]
    );
    history.undo(&mut plan, LATER).unwrap();
    assert_eq!(content(&plan), before, "the report back, no tombstone");
    history.redo(&mut plan, LATER).unwrap();
    assert_eq!(content(&plan), deleted, "the same tombstone, same day");
}

#[test]
fn undoing_an_addition_leaves_no_tombstone() {
    let mut plan = reported_plan();
    let before = content(&plan);
    let mut history = History::default();
    let more = reported(plan.task("b").unwrap().clone(), "2026-07-20", 10);
    history
        .perform(&mut plan, put(more), "报送进展", NOW)
        .unwrap();
    history.undo(&mut plan, LATER).unwrap();
    assert_eq!(content(&plan), before);
    assert!(plan.deleted.is_empty());
}

#[test]
fn removing_a_task_buries_it_and_undo_digs_it_up() {
    let mut plan = plan_of(vec![task("p"), child_of(task("c"), "p")]);
    let mut history = History::default();
    let op = Op::Batch(vec![Op::RemoveTask("c".into()), Op::RemoveTask("p".into())]);
    history.perform(&mut plan, op, "删除任务", NOW).unwrap();
    assert_eq!(
        plan.deleted,
        vec![
            stone("c", DeletedKind::Task, "2026-07-25"),
            stone("p", DeletedKind::Task, "2026-07-25"),
        ]
    );
    history.undo(&mut plan, LATER).unwrap();
    assert_eq!(plan.tasks.len(), 2);
    assert!(plan.deleted.is_empty());
}

#[test]
fn a_refused_batch_leaves_the_tombstones_as_they_were() {
    let mut plan = reported_plan();
    let before = plan.clone();
    let without = remove_update(plan.task("a").unwrap(), "u1").unwrap();
    let op = Op::Batch(vec![put(without), Op::RemoveTask("missing".into())]);
    assert!(apply(&mut plan, op, NOW).is_err());
    assert_eq!(plan, before);
}

#[test]
fn tombstones_travel_in_files_and_files_without_deletions_have_no_list() {
    let mut plan = reported_plan();
    let clean = write_plan(&plan, NOW, "测试").unwrap();
    assert!(!clean.contains("\"deleted\""), "files as before");
    let without = remove_update(plan.task("a").unwrap(), "u1").unwrap();
    apply(&mut plan, put(without), NOW).unwrap();
    let text = write_plan(&plan, NOW, "测试").unwrap();
    let back = restore_plan(&text).unwrap();
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.plan.deleted, plan.deleted);
}

#[test]
fn a_bad_tombstone_is_a_problem_with_its_path_and_the_others_still_count() {
    let plan = reported_plan();
    let text = write_plan(&plan, NOW, "测试").unwrap().replacen(
        "\"tasks\":",
        r#""deleted":[{"id":"z9","kind":"update","on":"2026-07-01"},{"kind":"task"},{"id":"a1","kind":"新种类","on":"昨天"},{"id":"a1","on":"2026-06-01"}],"tasks":"#,
        1,
    );
    let back = restore_plan(&text).expect("read despite a bad tombstone");
    let paths: Vec<&str> = back.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"plan.deleted[1]"), "{paths:?}");
    assert!(paths.contains(&"plan.deleted[2].kind"), "{paths:?}");
    assert!(paths.contains(&"plan.deleted[2].on"), "{paths:?}");
    assert_eq!(
        back.plan.deleted,
        vec![
            stone("a1", DeletedKind::Record, "2026-06-01"),
            stone("z9", DeletedKind::Update, "2026-07-01"),
        ],
        "sorted, one per id, the known day kept"
    );
}
