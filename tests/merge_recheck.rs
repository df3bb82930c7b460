//! A preview left open while the plan changes: confirming works the merge
//! out again against the plan as it is then, so it never puts back values
//! edited since, and never merges one plan's file into another plan.

mod common;

use luoshi::model::merge::{merge_op, preview, recheck, Recheck};
use luoshi::model::ops::{apply, Op};
use luoshi::model::package::package_for;
use luoshi::model::sample::sample_plan;
use luoshi::model::Plan;

const NOW: &str = "2026-07-25T09:00:00Z";
const LATER: &str = "2026-07-25T10:00:00Z";

/// The office's plan and the 组织部's package with a changed title.
fn office_and_returned() -> (Plan, Plan, String) {
    let plan = sample_plan(2026);
    let mut pkg = package_for(&plan, "u-zzb", NOW).expect("组织部 takes part");
    let parents: std::collections::HashSet<_> =
        pkg.tasks.iter().filter_map(|t| t.parent.clone()).collect();
    let i = pkg
        .tasks
        .iter()
        .position(|t| !parents.contains(&t.id))
        .expect("a work item");
    pkg.tasks[i].title = "单位改的名称".into();
    pkg.tasks[i].updated_at = NOW.into();
    let id = pkg.tasks[i].id.to_string();
    (plan, pkg, id)
}

#[test]
fn an_unchanged_plan_applies_the_preview_the_user_saw() {
    let (plan, pkg, _) = office_and_returned();
    let shown = preview(&plan, &pkg);
    assert_eq!(
        recheck(&shown, &plan.id, &plan, &pkg),
        Recheck::Apply(Box::new(shown.clone()))
    );
}

#[test]
fn an_edit_made_while_the_preview_was_open_is_never_put_back() {
    let (mut plan, pkg, id) = office_and_returned();
    let shown = preview(&plan, &pkg);
    // While the preview is open, the office renames the same task.
    let mut task = plan.task(&id).unwrap().clone();
    task.title = "区委办刚改的名称".into();
    apply(
        &mut plan,
        Op::PutTask {
            task: Box::new(task),
            at: None,
        },
        LATER,
    )
    .unwrap();
    let Recheck::Changed(fresh) = recheck(&shown, &plan.id, &plan, &pkg) else {
        panic!("the merge changed, so the user sees it again")
    };
    assert_ne!(*fresh, shown);
    // Before, the preview took the unit's title silently (changed only
    // there); now both sides changed it: a conflict, by default the edit
    // made last, here.
    assert!(shown.conflicts() == 0);
    assert_eq!(fresh.conflicts(), 1);
    // Applying the old preview over the edited plan would have put the
    // unit's title back over the office's newer one: the reason for the
    // recheck.
    let op = merge_op(&plan, &shown, |_, _| None, "测试", LATER).unwrap();
    let mut stale = plan.clone();
    apply(&mut stale, op, LATER).unwrap();
    assert_eq!(stale.task(&id).unwrap().title, "单位改的名称");
    let op = merge_op(&plan, &fresh, |_, _| None, "测试", LATER).unwrap();
    let mut merged = plan.clone();
    apply(&mut merged, op, LATER).unwrap();
    assert_eq!(merged.task(&id).unwrap().title, "区委办刚改的名称");
}

#[test]
fn a_preview_made_for_another_plan_merges_nothing() {
    let (plan, pkg, _) = office_and_returned();
    let shown = preview(&plan, &pkg);
    let other = sample_plan(2027);
    assert_eq!(recheck(&shown, &plan.id, &other, &pkg), Recheck::OtherPlan);
}
