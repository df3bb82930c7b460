//! Sharing work through files (`model::package`, `model::merge`): a unit's
//! 填报包 goes out and comes back; the merge takes what only one side
//! changed, asks about what both changed, unions records, and gives the
//! same result however often and in whatever order files come in.

mod common;

use common::{d, span};
use luoshi::model::merge::{
    confirm, merge_op, preview, ConfirmReply, MergePreview, Side, NEW_TASKS_NAMED, TASKS_PER_LINE,
};
use luoshi::model::ops::apply;
use luoshi::model::package::{package_file_name, package_for};
use luoshi::model::sample::sample_plan;
use luoshi::model::task::ProgressUpdate;
use luoshi::model::{Plan, Task};

const NOW: &str = "2026-07-25T09:00:00Z";

fn update(id: &str, day: &str, percent: u8) -> ProgressUpdate {
    ProgressUpdate {
        id: id.into(),
        date: d(day),
        percent,
        progress: format!("进展{id}"),
        problems: String::new(),
        next_steps: String::new(),
        by: "联络员".into(),
    }
}

/// The office's plan, and the 组织部's package of it.
fn office_and_package() -> (Plan, Plan) {
    let plan = sample_plan(2026);
    let pkg = package_for(&plan, "u-zzb", NOW).expect("组织部 takes part");
    (plan, pkg)
}

fn work_items_of(p: &Plan) -> Vec<&Task> {
    p.tasks
        .iter()
        .filter(|t| !p.tasks.iter().any(|c| c.parent.as_ref() == Some(&t.id)))
        .collect()
}

/// Merges `file` into `plan` with every conflict decided `side`.
fn merged(plan: &Plan, file: &Plan, side: Option<Side>) -> Plan {
    common::merged_by(plan, file, |_, _| side)
}

#[test]
fn a_package_holds_the_units_items_their_ancestors_and_what_they_name() {
    let (plan, pkg) = office_and_package();
    assert_eq!(pkg.id, plan.id, "same plan, so it merges back");
    let info = pkg.package.as_ref().expect("marked as a package");
    assert_eq!(
        (info.unit.as_str(), info.unit_name.as_str()),
        ("u-zzb", "区委组织部")
    );
    assert_eq!(info.base, pkg.tasks, "the base is every task as sent");
    for t in work_items_of(&pkg) {
        assert!(
            t.lead_unit.as_deref() == Some("u-zzb") || t.support_units.iter().any(|u| u == "u-zzb"),
            "{}",
            t.title
        );
    }
    for t in &pkg.tasks {
        if let Some(p) = &t.parent {
            assert!(
                pkg.tasks.iter().any(|x| &x.id == p),
                "ancestor of {} kept",
                t.title
            );
        }
        for u in t.lead_unit.iter().chain(&t.support_units) {
            assert!(pkg.units.iter().any(|x| &x.id == u), "unit {u} kept");
        }
    }
    assert!(pkg.tasks.len() < plan.tasks.len());
    assert!(package_for(&plan, "u-nobody", NOW).is_none());
    assert_eq!(
        package_file_name("2026年区委工作要点", "区委组织部", "2026-07-25"),
        "2026年区委工作要点-区委组织部-填报包-2026-07-25.json"
    );
    assert_eq!(
        package_file_name("a/b:c", "d*e", "x"),
        "a_b_c-d_e-填报包-x.json"
    );
}

/// The round trip: the unit reports on two items and edits one
/// title; meanwhile the office edits the same title. The office sees one
/// conflict, chooses, and ends with both updates and the chosen title; a
/// second import changes nothing.
#[test]
fn a_returned_package_merges_three_ways() {
    let (mut office, mut unit) = office_and_package();
    let items: Vec<String> = work_items_of(&unit)
        .iter()
        .map(|t| t.id.to_string())
        .collect();
    let (a, b) = (items[0].clone(), items[1].clone());
    let find = |p: &mut Plan, id: &str| p.tasks.iter().position(|t| t.id == id).unwrap();
    let (ia, ib) = (find(&mut unit, &a), find(&mut unit, &b));
    unit.tasks[ia].updates.push(update("u1", "2026-07-20", 60));
    unit.tasks[ib].updates.push(update("u2", "2026-07-21", 40));
    unit.tasks[ia].title = "单位改的名称".into();
    unit.tasks[ib].leader = "单位改的领导".into();
    let oa = find(&mut office, &a);
    office.tasks[oa].title = "区委办改的名称".into();

    let pv = preview(&office, &unit);
    assert_eq!(pv.from_unit.as_deref(), Some("区委组织部"));
    assert!(pv.new_tasks.is_empty());
    assert_eq!(pv.conflicts(), 1);
    assert_eq!(pv.new_updates(), 2);
    let c = &pv
        .changed
        .iter()
        .find(|c| c.id == a.as_str())
        .unwrap()
        .conflicts[0];
    assert_eq!(
        (c.label.as_str(), c.ours.as_str(), c.theirs.as_str()),
        ("任务名称", "区委办改的名称", "单位改的名称")
    );
    assert_eq!(c.default, Side::Ours);
    let taken = &pv
        .changed
        .iter()
        .find(|c| c.id == b.as_str())
        .unwrap()
        .taken;
    assert_eq!(
        taken[0].label, "责任领导",
        "changed by the unit only: taken"
    );

    for (side, title) in [
        (Side::Theirs, "单位改的名称"),
        (Side::Ours, "区委办改的名称"),
    ] {
        let after = merged(&office, &unit, Some(side));
        let ta = after.task(&a).unwrap();
        assert_eq!(ta.title, title);
        assert!(ta.updates.iter().any(|u| u.id == "u1"));
        assert!(after.task(&b).unwrap().updates.iter().any(|u| u.id == "u2"));
        assert_eq!(after.task(&b).unwrap().leader, "单位改的领导");
        assert!(ta.log.iter().any(|e| e.what == "导入合并"));
        // Again: nothing more.
        let again = merged(&after, &unit, None);
        assert_eq!(again.tasks, after.tasks, "a second import changes nothing");
        let pv2 = preview(&after, &unit);
        assert_eq!(pv2.new_updates(), 0);
    }
}

#[test]
fn merging_a_then_b_equals_b_then_a_where_they_do_not_conflict() {
    let (office, base_pkg) = office_and_package();
    let items: Vec<String> = work_items_of(&base_pkg)
        .iter()
        .map(|t| t.id.to_string())
        .collect();
    let mut a = base_pkg.clone();
    let mut b = base_pkg.clone();
    let at = |p: &Plan, id: &str| p.tasks.iter().position(|t| t.id == id).unwrap();
    let i0 = at(&a, &items[0]);
    a.tasks[i0].updates.push(update("ua", "2026-07-20", 50));
    a.tasks[i0].owner = "甲".into();
    let i1 = at(&b, &items[1]);
    b.tasks[i1].updates.push(update("ub", "2026-07-22", 30));
    let j0 = at(&b, &items[0]);
    b.tasks[j0].updates.push(update("ub2", "2026-07-23", 55));
    let ab = merged(&merged(&office, &a, None), &b, None);
    let ba = merged(&merged(&office, &b, None), &a, None);
    let strip = |p: &Plan| -> Vec<Task> {
        p.tasks
            .iter()
            .cloned()
            .map(|mut t| {
                // When and in what order each import was logged differs.
                t.log.retain(|e| e.what != "导入合并");
                t.updates.sort_by(|x, y| x.id.cmp(&y.id));
                t.updated_at.clear();
                t.revision = 0;
                t
            })
            .collect()
    };
    assert_eq!(strip(&ab), strip(&ba));
    let t0 = ab.task(&items[0]).unwrap();
    assert_eq!(t0.owner, "甲");
    assert!(["ua", "ub2"]
        .iter()
        .all(|id| t0.updates.iter().any(|u| u.id == *id)));
}

#[test]
fn a_whole_plan_file_brings_new_tasks_parents_first_and_asks_about_every_difference() {
    let mut ours = common::plan_of(vec![span("p", "2026-01-01", "2026-12-31")]);
    let mut theirs = ours.clone();
    let mut child = span("c", "2026-02-01", "2026-06-30");
    child.parent = Some("n".into());
    theirs.tasks.push(child);
    theirs.tasks.push(span("n", "2026-01-01", "2026-12-31"));
    theirs.tasks[0].title = "他们的".into();
    theirs.tasks[0].updated_at = "2026-07-02T00:00:00Z".into();
    ours.tasks[0].title = "我们的".into();
    ours.tasks[0].updated_at = "2026-07-01T00:00:00Z".into();
    let pv = preview(&ours, &theirs);
    assert_eq!(pv.new_tasks.len(), 2);
    assert_eq!(pv.conflicts(), 1, "no base: a difference is a question");
    assert_eq!(
        pv.changed[0].conflicts[0].default,
        Side::Theirs,
        "changed last"
    );
    let after = merged(&ours, &theirs, None);
    assert_eq!(after.task("p").unwrap().title, "他们的");
    assert_eq!(after.task("c").unwrap().parent.as_deref(), Some("n"));
    assert!(after
        .task("c")
        .unwrap()
        .log
        .iter()
        .any(|e| e.what == "导入新增"));
}

/// The page is sent the first new tasks by title and the count of all: a
/// workbook of 5,000 rows made a preview of 4.6 MB of new tasks alone.
#[test]
fn the_preview_for_the_page_names_the_first_new_tasks_and_counts_them_all() {
    let ours = common::plan_of(vec![span("p", "2026-01-01", "2026-12-31")]);
    let mut theirs = ours.clone();
    for i in 0..120 {
        let mut t = span(&format!("n{i}"), "2026-02-01", "2026-06-30");
        t.updates.push(update(&format!("u{i}"), "2026-03-01", 10));
        theirs.tasks.push(t);
    }
    let pv = preview(&ours, &theirs);
    let text = serde_json::to_string(&pv.for_page()).expect("serialisable");
    let (shown, _): (MergePreview, bool) =
        luoshi::format::json::from_text(&text).expect("the page reads it");
    assert_eq!(shown.new_tasks.len(), NEW_TASKS_NAMED);
    assert_eq!(
        shown.new_tasks.iter().map(|t| &t.title).collect::<Vec<_>>(),
        pv.new_tasks
            .iter()
            .take(NEW_TASKS_NAMED)
            .map(|t| &t.title)
            .collect::<Vec<_>>()
    );
    assert_eq!((shown.new_task_count(), pv.new_task_count()), (120, 120));
    assert_eq!(shown.new_updates(), 120);
    assert!(!shown.is_empty());
    assert!(preview(&ours, &ours).for_page().is_empty());
}

/// The merged plan goes to the page a few hundred tasks to a line, read
/// a line at a time: what arrives is the plan merged, whole and in order.
#[test]
fn a_merged_plan_of_many_tasks_arrives_whole_a_line_at_a_time() {
    let ours = common::plan_of(vec![span("p", "2026-01-01", "2026-12-31")]);
    let mut theirs = ours.clone();
    for i in 0..600 {
        let mut t = span(&format!("n{i}"), "2026-02-01", "2026-06-30");
        t.title = format!("第{i}项\n“引号”\\");
        t.updates.push(update(&format!("u{i}"), "2026-03-01", 10));
        theirs.tasks.push(t);
    }
    let pv = preview(&ours, &theirs);
    let reply = confirm(&ours, &theirs, &pv, &ours.id, &[], "文件", NOW)
        .and_then(|c| c.reply(&ours, NOW))
        .expect("a merge");
    let text = reply.clone().to_lines().expect("serialisable");
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines.len(), 1 + 601usize.div_ceil(TASKS_PER_LINE));
    let mut back: ConfirmReply = luoshi::format::json::from_text(lines[0]).expect("reads").0;
    assert_eq!(back.merged.as_ref().map(|p| p.tasks.len()), Some(0));
    for line in &lines[1..] {
        let tasks: Vec<Task> = luoshi::format::json::from_text(line).expect("reads").0;
        assert!(tasks.len() <= TASKS_PER_LINE);
        assert!(back.add_tasks(tasks));
    }
    assert_eq!(back, reply);
    assert_eq!(back.merged.map(|p| p.tasks.len()), Some(601));
    // A reply without a merged plan is one line, and takes no tasks.
    let mut changed = ConfirmReply {
        changed: Some(pv.for_page()),
        ..ConfirmReply::default()
    };
    assert!(!changed
        .clone()
        .to_lines()
        .expect("serialisable")
        .contains('\n'));
    assert!(!changed.add_tasks(Vec::new()));
}

#[test]
fn the_same_plan_merges_to_nothing() {
    let plan = sample_plan(2026);
    let pv = preview(&plan, &plan);
    assert!(pv.is_empty(), "{pv:?}");
    assert_eq!(merged(&plan, &plan, None), {
        let mut p = plan.clone();
        let op = merge_op(&plan, &pv, |_, _| None, "x", NOW).unwrap();
        apply(&mut p, op, NOW).unwrap();
        p
    });
}
