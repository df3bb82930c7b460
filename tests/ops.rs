//! Edits as operations (`model::ops`) and undo (`model::history`): each op
//! returns its inverse, stamps what changed, refuses what would break the
//! plan, and leaves the plan untouched when refused.

mod common;

use common::{child_of, plan_of, task};
use luoshi::model::history::History;
use luoshi::model::ops::{apply, EditError, Op};
use luoshi::model::sample::sample_plan;
use luoshi::model::{Plan, Task, TaskId};

const T1: &str = "2026-06-30T08:00:00Z";
const T2: &str = "2026-06-30T09:00:00Z";

fn put(t: Task) -> Op {
    Op::PutTask {
        task: Box::new(t),
        at: None,
    }
}

fn titled(id: &str, title: &str) -> Task {
    let mut t = task(id);
    t.title = title.into();
    t
}

#[test]
fn putting_a_task_stamps_it_and_the_plan_and_its_inverse_restores_it() {
    let mut plan = plan_of(vec![task("a"), task("b")]);
    let before = plan.clone();
    let inverse = apply(&mut plan, put(titled("a", "新标题")), T1).unwrap();
    let a = plan.task("a").unwrap();
    assert_eq!(a.title, "新标题");
    assert_eq!((a.updated_at.as_str(), a.revision), (T1, 1));
    assert_eq!((plan.updated_at.as_str(), plan.revision), (T1, 1));
    apply(&mut plan, inverse, T2).unwrap();
    let a = plan.task("a").unwrap();
    assert_eq!(a.title, before.task("a").unwrap().title);
    // Undoing is a change too: the revision keeps rising.
    assert_eq!((a.updated_at.as_str(), a.revision), (T2, 2));
    assert_eq!(plan.revision, 2);
    assert_eq!(plan.tasks.len(), 2);
}

#[test]
fn adding_and_removing_a_task_are_inverses_that_keep_its_place() {
    let mut plan = plan_of(vec![task("a"), task("b"), task("c")]);
    let inverse = apply(&mut plan, Op::RemoveTask("b".into()), T1).unwrap();
    assert_eq!(plan.tasks.len(), 2);
    apply(&mut plan, inverse, T2).unwrap();
    let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let inverse = apply(
        &mut plan,
        Op::PutTask {
            task: Box::new(task("new")),
            at: Some(1),
        },
        T2,
    )
    .unwrap();
    assert_eq!(plan.tasks[1].id, "new");
    // The inverse removes it, and leaves no tombstone: an undone addition
    // is not a deletion that should travel.
    assert_eq!(
        inverse,
        Op::SetDeleted {
            op: Box::new(Op::RemoveTask("new".into())),
            ids: vec!["new".into()],
            deleted: Vec::new(),
        }
    );
    apply(&mut plan, inverse, T2).unwrap();
    assert_eq!(plan.tasks.len(), 3);
    assert!(plan.deleted.is_empty());
}

#[test]
fn refused_ops_leave_the_plan_exactly_as_it_was() {
    let plan = plan_of(vec![task("p"), child_of(task("c"), "p")]);
    let cases: Vec<(Op, EditError)> = vec![
        (
            Op::RemoveTask("p".into()),
            EditError::HasChildren {
                id: "p".into(),
                children: 1,
            },
        ),
        (
            Op::RemoveTask("ghost".into()),
            EditError::NoSuchTask("ghost".into()),
        ),
        (
            put(child_of(task("p"), "c")),
            EditError::ParentCycle("c".into()),
        ),
        (
            put(child_of(task("x"), "nowhere")),
            EditError::UnknownParent("nowhere".into()),
        ),
        (put(task("")), EditError::EmptyId),
    ];
    for (op, expected) in cases {
        let mut p = plan.clone();
        assert_eq!(apply(&mut p, op, T1), Err(expected.clone()));
        assert_eq!(p, plan, "{expected}");
        assert!(!expected.to_string().is_empty());
    }
}

#[test]
fn a_batch_applies_wholly_or_not_at_all() {
    let plan = plan_of(vec![task("a"), task("b")]);
    let mut p = plan.clone();
    let bad = Op::Batch(vec![
        put(titled("a", "改了")),
        Op::RemoveTask("ghost".into()),
    ]);
    assert!(apply(&mut p, bad, T1).is_err());
    assert_eq!(p, plan, "the first op was rolled back, stamps included");
    let good = Op::Batch(vec![put(titled("a", "改了")), Op::RemoveTask("b".into())]);
    let inverse = apply(&mut p, good, T1).unwrap();
    assert_eq!(p.tasks.len(), 1);
    apply(&mut p, inverse, T2).unwrap();
    assert_eq!(p.tasks.len(), 2);
    assert_eq!(p.task("a").unwrap().title, plan.task("a").unwrap().title);
}

#[test]
fn the_first_real_edit_makes_the_sample_the_users_plan() {
    let mut plan = sample_plan(2026);
    assert!(plan.sample);
    let first = plan.tasks[0].clone();
    apply(&mut plan, put(first), T1).unwrap();
    assert!(!plan.sample);
}

#[test]
fn replacing_the_plan_can_be_undone_and_redone() {
    let sample = sample_plan(2026);
    let mut plan = sample.clone();
    let mut history = History::default();
    history
        .perform(
            &mut plan,
            Op::ReplacePlan(Box::new(Plan::empty(2026))),
            "新建空白计划",
            T1,
        )
        .unwrap();
    assert!(plan.tasks.is_empty() && !plan.sample);
    assert_eq!(history.undo_label(), Some("新建空白计划"));
    assert_eq!(
        history.undo(&mut plan, T2).unwrap().as_deref(),
        Some("新建空白计划")
    );
    assert_eq!(plan.tasks, sample.tasks);
    assert!(plan.sample, "the sample came back as it was");
    assert_eq!(history.redo_label(), Some("新建空白计划"));
    history.redo(&mut plan, T2).unwrap();
    assert!(plan.tasks.is_empty());
    assert!(plan.revision >= 3, "revisions rise through undo and redo");
    // A new step clears what could be redone.
    history.undo(&mut plan, T2).unwrap();
    history
        .perform(&mut plan, put(task("n")), "新增任务", T2)
        .unwrap();
    assert_eq!(history.redo_label(), None);
    // With nothing recorded, undo does nothing.
    let mut empty = Plan::empty(2026);
    let before = empty.clone();
    assert_eq!(History::default().undo(&mut empty, T2), Ok(None));
    assert_eq!(empty, before);
}

#[test]
fn new_ids_are_random_and_compact() {
    let a = TaskId::random();
    let b = TaskId::random();
    assert_ne!(a, b);
    assert_eq!(a.as_str().len(), 11);
    assert!(a.as_str().chars().all(|c| c.is_ascii_alphanumeric()));
    // Two samples share no plan or task ids.
    let (s1, s2) = (sample_plan(2026), sample_plan(2026));
    assert_ne!(s1.id, s2.id);
    assert!(s1.tasks.iter().all(|t| s2.task(&t.id).is_none()));
}
