//! Generated merges (proptest): a plan edited on both sides — records and
//! tasks added and deleted, tasks moved, 督办 issued — merged with and
//! without a base, twice, and in either order. Asserts whole contents:
//! every task and record on either side is there unless deleted on a
//! side, none is there twice, 督办 numbers are unique, the outline has no
//! dangling parent or loop, and a second import changes nothing.

// Native only: the generator crate is not in the browser build.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::Datelike;
use luoshi::model::merge::{confirm, preview, ConfirmReply, MergePreview};
use luoshi::model::ops::{apply, Op};
use luoshi::model::package::PackageInfo;
use luoshi::model::supervision::{supervise, SuperviseForm};
use luoshi::model::task::SuperviseKind;
use luoshi::model::tombstone::record_ids;
use luoshi::model::{Plan, ProgressUpdate, Task, TaskId};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

const NOW: &str = "2026-07-25T09:00:00Z";

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("LUOSHI_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One edit, by positions that are taken modulo what is there.
#[derive(Debug, Clone)]
enum Edit {
    Report(usize),
    DeleteRecord(usize, usize),
    DeleteTask(usize),
    AddTask(usize),
    Move(usize, Option<usize>),
    Supervise(usize),
    Retitle(usize),
}

fn an_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (0usize..16).prop_map(Edit::Report),
        3 => (0usize..16, 0usize..8).prop_map(|(t, r)| Edit::DeleteRecord(t, r)),
        2 => (0usize..16).prop_map(Edit::DeleteTask),
        2 => (0usize..16).prop_map(Edit::AddTask),
        2 => (0usize..16, proptest::option::of(0usize..16)).prop_map(|(t, p)| Edit::Move(t, p)),
        2 => (0usize..16).prop_map(Edit::Supervise),
        1 => (0usize..16).prop_map(Edit::Retitle),
    ]
}

/// The base plan: a few tasks, some under others, with reports.
fn a_base() -> impl Strategy<Value = Plan> {
    (
        1usize..7,
        proptest::collection::vec((proptest::option::of(0usize..7), 0usize..3), 7),
    )
        .prop_map(|(n, shape)| {
            let tasks = (0..n)
                .map(|i| {
                    let (parent, reports) = shape[i];
                    let mut t = common::span(&format!("t{i}"), "2026-01-01", "2026-12-31");
                    t.parent = parent
                        .filter(|&p| p < i)
                        .map(|p| TaskId::from(format!("t{p}")));
                    for r in 0..reports {
                        t = with_report(t, &format!("b{i}-{r}"), r as u8 * 10);
                    }
                    t
                })
                .collect();
            let mut p = common::plan_of(tasks);
            p.id = "generated".into();
            p
        })
}

fn with_report(mut t: Task, id: &str, percent: u8) -> Task {
    t.updates.push(ProgressUpdate {
        id: id.into(),
        date: common::d("2026-07-01"),
        percent,
        progress: format!("进展{id}"),
        problems: String::new(),
        next_steps: String::new(),
        by: String::new(),
    });
    t
}

fn put(plan: &mut Plan, t: Task) {
    let _ = apply(
        plan,
        Op::PutTask {
            task: Box::new(t),
            at: None,
        },
        NOW,
    );
}

/// Applies `edits` on one side; ids made here start with `side`. Edits
/// the plan refuses (a task with children deleted) are skipped.
fn edited(plan: &Plan, edits: &[Edit], side: &str) -> Plan {
    let mut p = plan.clone();
    for (k, e) in edits.iter().enumerate() {
        let n = p.tasks.len();
        let at = |i: usize| (n > 0).then(|| p.tasks[i % n].clone());
        match e {
            Edit::Report(i) => {
                if let Some(t) = at(*i) {
                    put(&mut p, with_report(t, &format!("{side}r{k}"), 50));
                }
            }
            Edit::DeleteRecord(i, r) => {
                if let Some(mut t) = at(*i) {
                    let ids: Vec<String> = record_ids(&t).map(|(_, id)| id.to_string()).collect();
                    if let Some(gone) = (!ids.is_empty()).then(|| ids[r % ids.len()].clone()) {
                        t.updates.retain(|x| x.id != gone);
                        t.supervisions.retain(|x| x.id != gone);
                        put(&mut p, t);
                    }
                }
            }
            Edit::DeleteTask(i) => {
                if let Some(t) = at(*i) {
                    let _ = apply(&mut p, Op::RemoveTask(t.id), NOW);
                }
            }
            Edit::AddTask(i) => {
                let mut t = common::task(&format!("{side}t{k}"));
                t.parent = at(*i).map(|x| x.id);
                put(&mut p, t);
            }
            Edit::Move(i, to) => {
                if let Some(mut t) = at(*i) {
                    t.parent = to.and_then(at).map(|x| x.id);
                    put(&mut p, t);
                }
            }
            Edit::Supervise(i) => {
                if let Some(t) = at(*i) {
                    let form = SuperviseForm {
                        kind: SuperviseKind::Supervise,
                        date: common::d("2026-07-20"),
                        note: format!("{side}督办{k}"),
                        reply_due: Some(common::d("2026-08-20")),
                    };
                    if let Ok((op, _)) = supervise(&p, &[t.id], &form, common::d("2026-07-25")) {
                        let _ = apply(&mut p, op, NOW);
                    }
                }
            }
            Edit::Retitle(i) => {
                if let Some(mut t) = at(*i) {
                    t.title = format!("{side}改名{k}");
                    put(&mut p, t);
                }
            }
        }
    }
    p
}

/// Merged as the page and the worker do it: the preview goes to the page
/// as JSON (what it shows must survive the trip), the worker confirms the
/// preview it kept, and the merged plan comes back as JSON to replace the
/// page's plan in one step.
fn merged(ours: &Plan, theirs: &Plan) -> Plan {
    let pv = preview(ours, theirs);
    let shown: MergePreview = through_json(&pv.for_page());
    assert_eq!(
        (
            shown.is_empty(),
            shown.conflicts(),
            shown.new_updates(),
            shown.new_task_count()
        ),
        (
            pv.is_empty(),
            pv.conflicts(),
            pv.new_updates(),
            pv.new_tasks.len()
        ),
        "what the page shows survives the trip"
    );
    assert!(shown.new_tasks.len() <= luoshi::model::merge::NEW_TASKS_NAMED);
    assert_eq!(shown.incoming_deletions(), pv.incoming_deletions());
    assert_eq!(shown.removed_records(), pv.removed_records());
    let done = confirm(ours, theirs, &pv, &ours.id, &[], "生成", NOW)
        .and_then(|c| c.reply(ours, NOW))
        .expect("merge op");
    let reply = through_lines(done.clone());
    assert_eq!(reply, done, "the reply survives the trip");
    let merged = reply
        .merged
        .unwrap_or_else(|| panic!("an unchanged plan applies the preview shown: {done:?}"));
    let mut out = ours.clone();
    apply(&mut out, Op::ReplacePlan(Box::new(merged)), NOW).expect("a merge is never refused");
    out
}

/// A confirmation written as the worker sends it and read back line by
/// line as the page reads it (`ui::worker::plans::merge_confirm`).
fn through_lines(reply: ConfirmReply) -> ConfirmReply {
    let text = reply.to_lines().expect("serialisable");
    let mut lines = text.split('\n');
    let (mut back, _): (ConfirmReply, bool) =
        luoshi::format::json::from_text(lines.next().unwrap_or_default()).expect("reads back");
    for line in lines {
        let (tasks, _) = luoshi::format::json::from_text(line).expect("a line of tasks");
        assert!(back.add_tasks(tasks), "tasks only with a merged plan");
    }
    back
}

/// `value` written as JSON and read back by the page's reader.
fn through_json<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    let text = serde_json::to_string(value).expect("serialisable");
    luoshi::format::json::from_text(&text)
        .expect("reads back")
        .0
}

/// The tasks `mask` picks (by a bit per id) with their ancestors, in order:
/// a 填报包 holds only its unit's part.
fn part(tasks: &[Task], mask: u8) -> Vec<Task> {
    let picked = |id: &str| mask & (1 << (id.bytes().map(u32::from).sum::<u32>() % 8)) != 0;
    let parent: HashMap<&str, Option<&str>> = tasks
        .iter()
        .map(|t| (t.id.as_str(), t.parent.as_deref()))
        .collect();
    let mut keep: HashSet<&str> = HashSet::new();
    for t in tasks.iter().filter(|t| picked(&t.id)) {
        let mut cur = Some(t.id.as_str());
        while let Some(c) = cur {
            if !keep.insert(c) {
                break;
            }
            cur = parent.get(c).copied().flatten();
        }
    }
    tasks
        .iter()
        .filter(|t| keep.contains(t.id.as_str()))
        .cloned()
        .collect()
}

/// `file` as a returned 填报包: the part `mask` picks (all when 255), with
/// that part of `base` as sent.
fn as_package(file: Plan, base: &Plan, mask: u8) -> Plan {
    let mut f = file;
    f.tasks = part(&f.tasks, mask);
    f.package = Some(PackageInfo {
        unit: "u".into(),
        unit_name: "单位".into(),
        plan_title: base.title.clone(),
        sent_at: NOW.into(),
        base: part(&base.tasks, mask),
    });
    f
}

/// Record id → the task holding it, failing on a record held twice.
fn records(p: &Plan) -> Result<HashMap<String, String>, String> {
    let mut out = HashMap::new();
    for t in &p.tasks {
        for (_, id) in record_ids(t) {
            if out.insert(id.to_string(), t.id.to_string()).is_some() {
                return Err(format!("record {id} twice"));
            }
        }
    }
    Ok(out)
}

/// Whole contents of a merge of `theirs` into `ours`.
fn check(ours: &Plan, theirs: &Plan, after: &Plan) -> Result<(), TestCaseError> {
    let dead: HashSet<&str> = ours
        .deleted
        .iter()
        .chain(&theirs.deleted)
        .map(|t| t.id.as_str())
        .collect();
    let tasks: HashSet<&str> = after.tasks.iter().map(|t| t.id.as_str()).collect();
    prop_assert_eq!(tasks.len(), after.tasks.len(), "a task twice");
    let held = records(after).map_err(TestCaseError::fail)?;
    for side in [ours, theirs] {
        for t in &side.tasks {
            let id = t.id.as_str();
            // With every choice left at its default, a deletion on
            // either side wins; what was under it moves up.
            if dead.contains(id) {
                prop_assert!(!tasks.contains(id), "deleted task {} is there", id);
            } else {
                prop_assert!(tasks.contains(id), "task {} lost", id);
            }
            for (_, r) in record_ids(t) {
                if dead.contains(r) {
                    prop_assert!(!held.contains_key(r), "deleted record {} is back", r);
                } else if tasks.contains(id) {
                    prop_assert_eq!(
                        held.get(r).map(String::as_str),
                        Some(id),
                        "record {} lost",
                        r
                    );
                }
            }
        }
    }
    for t in &after.tasks {
        if let Some(p) = &t.parent {
            prop_assert!(tasks.contains(p.as_str()), "{} under missing {}", t.id, p);
        }
    }
    let mut numbers = HashSet::new();
    for s in after.tasks.iter().flat_map(|t| &t.supervisions) {
        if let Some(n) = s.number {
            prop_assert!(
                numbers.insert((s.kind, s.date.year(), n)),
                "督办 number {} twice",
                n
            );
        }
    }
    Ok(())
}

/// What two merge orders must agree on: which tasks, records and
/// tombstones there are.
fn ids(p: &Plan) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut tasks: Vec<String> = p.tasks.iter().map(|t| t.id.to_string()).collect();
    tasks.sort();
    let mut recs: Vec<String> = records(p).unwrap_or_default().into_keys().collect();
    recs.sort();
    let dead = p.deleted.iter().map(|t| t.id.clone()).collect();
    (tasks, recs, dead)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn merges_keep_everything_not_deleted_and_bring_back_nothing_deleted(
        base in a_base(),
        here in proptest::collection::vec(an_edit(), 0..12),
        there in proptest::collection::vec(an_edit(), 0..12),
        with_base in any::<bool>(),
        mask in prop_oneof![Just(255u8), any::<u8>()],
    ) {
        let ours = edited(&base, &here, "o");
        let mut theirs = edited(&base, &there, "f");
        if with_base {
            theirs = as_package(theirs, &base, mask);
        }
        let once = merged(&ours, &theirs);
        check(&ours, &theirs, &once)?;
        let twice = merged(&once, &theirs);
        prop_assert_eq!(&twice.tasks, &once.tasks, "the same file twice");
        prop_assert_eq!(&twice.deleted, &once.deleted);
    }

    #[test]
    fn files_merged_in_either_order_give_the_same_tasks_records_and_deletions(
        base in a_base(),
        a in proptest::collection::vec(an_edit(), 0..6),
        b in proptest::collection::vec(an_edit(), 0..6),
        with_base in any::<bool>(),
    ) {
        let (mut fa, mut fb) = (edited(&base, &a, "a"), edited(&base, &b, "b"));
        if with_base {
            (fa, fb) = (as_package(fa, &base, 255), as_package(fb, &base, 255));
        }
        let ab = merged(&merged(&base, &fa), &fb);
        let ba = merged(&merged(&base, &fb), &fa);
        check(&merged(&base, &fa), &fb, &ab)?;
        check(&merged(&base, &fb), &fa, &ba)?;
        prop_assert_eq!(ids(&ab), ids(&ba));
    }
}
