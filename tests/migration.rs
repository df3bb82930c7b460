//! Migration from schema version 1 (records without ids) to 2: records get
//! ids derived from their content and position, so the same file read
//! twice gives the same ids, and stored version-1 data is written again in
//! version 2 by the first save.

mod common;

use common::fixture;
use luoshi::format::{restore_plan, write_plan, CURRENT_VERSION};
use luoshi::store::{interpret, Loaded};

#[test]
fn version_1_records_get_ids_the_same_each_time() {
    let first = restore_plan(&fixture("v1_valid.json")).unwrap_or_else(|e| panic!("{e}"));
    let second = restore_plan(&fixture("v1_valid.json")).unwrap_or_else(|e| panic!("{e}"));
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert_eq!(first.version, 1);
    assert_eq!(first.plan, second.plan, "ids are derived, not random");
    let mut ids = Vec::new();
    for t in &first.plan.tasks {
        ids.extend(t.updates.iter().map(|r| r.id.clone()));
        ids.extend(t.extensions.iter().map(|r| r.id.clone()));
        ids.extend(t.milestones.iter().map(|r| r.id.clone()));
        ids.extend(t.supervisions.iter().map(|r| r.id.clone()));
    }
    assert!(ids.len() >= 6, "the fixture has records of every kind");
    assert!(ids.iter().all(|id| id.len() == 22), "{ids:?}");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "no two records share an id");
}

#[test]
fn every_older_fixture_migrates_to_exactly_the_current_one() {
    let new = restore_plan(&fixture("v3_valid.json")).unwrap_or_else(|e| panic!("{e}"));
    assert!(new.problems.is_empty(), "{:?}", new.problems);
    assert_eq!(new.version, CURRENT_VERSION);
    for old in ["v1_valid.json", "v2_valid.json"] {
        let old = restore_plan(&fixture(old)).unwrap_or_else(|e| panic!("{e}"));
        assert!(old.problems.is_empty(), "{:?}", old.problems);
        assert_eq!(old.plan, new.plan);
    }
}

#[test]
fn free_text_recurrence_becomes_a_cycle_and_its_words_are_kept() {
    use luoshi::model::recurrence::Recurrence;
    let cases = [
        ("每月", Some(Recurrence::Monthly), ""),
        (
            "每季度召开一次",
            Some(Recurrence::Quarterly),
            "每季度召开一次",
        ),
        ("每年", Some(Recurrence::Yearly), ""),
        (
            "民主评议党员，年度",
            Some(Recurrence::Yearly),
            "民主评议党员，年度",
        ),
        ("根据上级要求", None, "根据上级要求"),
        ("每月或每季度", None, "每月或每季度"),
    ];
    for (text, cycle, note) in cases {
        let doc = format!(
            r#"{{"format":"luoshi/plan","version":2,"plan":{{"title":"t","year":2026,
            "tasks":[{{"id":"a","title":"三会一课","recurrence":"{text}"}}]}}}}"#
        );
        let r = restore_plan(&doc).unwrap_or_else(|e| panic!("{e}"));
        assert!(r.problems.is_empty(), "{text}: {:?}", r.problems);
        let t = &r.plan.tasks[0];
        assert_eq!(t.recurrence, cycle, "{text}");
        assert_eq!(t.recurrence_note, note, "{text}");
    }
}

#[test]
fn records_keep_the_ids_they_have() {
    let new = restore_plan(&fixture("v2_valid.json")).unwrap_or_else(|e| panic!("{e}"));
    let mut plan = new.plan;
    plan.tasks[1].updates[0].id = "my-own-id".into();
    let text = write_plan(&plan, "2026-01-01T00:00:00Z", "测试").unwrap_or_else(|e| panic!("{e}"));
    let again = restore_plan(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.plan.tasks[1].updates[0].id, "my-own-id");
}

#[test]
fn a_repeated_record_id_gets_a_fresh_one_and_is_reported() {
    let text = fixture("v2_valid.json");
    let r = restore_plan(&text).unwrap_or_else(|e| panic!("{e}"));
    let t = &r.plan.tasks[1];
    assert!(t.updates.len() >= 2);
    let (first, second) = (t.updates[0].id.clone(), t.updates[1].id.clone());
    let broken = text.replacen(&second, &first, 1);
    let r = restore_plan(&broken).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = r.plan.tasks[1]
        .updates
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    assert_ne!(ids[0], ids[1]);
    assert!(
        r.problems
            .iter()
            .any(|p| p.path == "plan.tasks[1].updates[1].id" && p.message.contains("重复")),
        "{:?}",
        r.problems
    );
}

#[test]
fn a_plan_without_an_id_gets_a_derived_one() {
    let text = r#"{"format":"luoshi/plan","version":1,"plan":{"title":"无编号计划","year":2026}}"#;
    let a = restore_plan(text).unwrap_or_else(|e| panic!("{e}"));
    let b = restore_plan(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.plan.id.len(), 22);
    assert_eq!(a.plan.id, b.plan.id);
}

#[test]
fn stored_version_1_data_loads_and_asks_to_be_written_again() {
    match interpret(Some(fixture("v1_valid.json"))) {
        Loaded::Plan { plan, current } => {
            assert!(!current, "written by version 1: save it again in 2");
            assert_eq!(plan.tasks.len(), 4);
        }
        other => panic!("expected a plan, got {other:?}"),
    }
    match interpret(Some(fixture("v2_valid.json"))) {
        Loaded::Plan { current, .. } => assert!(!current, "version 2: save it again in 3"),
        other => panic!("expected a plan, got {other:?}"),
    }
    match interpret(Some(fixture("v3_valid.json"))) {
        Loaded::Plan { current, .. } => assert!(current),
        other => panic!("expected a plan, got {other:?}"),
    }
}

#[test]
fn version_1_generated_ids_become_distinct_per_office_and_stable_per_file() {
    // Two offices' copies of the version-1 sample differ only in when they
    // were saved; their plan and task ids were the same.
    let doc = |at: &str| {
        format!(
            r#"{{"format":"luoshi/plan","version":1,"exported_at":"{at}","plan":{{"id":"sample-2026","title":"示例","year":2026,"sample":true,"tasks":[{{"id":"t-dj-1","title":"要点"}},{{"id":"t-dj-1-1","title":"任务","parent":"t-dj-1"}},{{"id":"my-own","title":"自编任务"}}]}}}}"#
        )
    };
    let a = restore_plan(&doc("2026-03-01T08:00:00Z")).unwrap_or_else(|e| panic!("{e}"));
    let again = restore_plan(&doc("2026-03-01T08:00:00Z")).unwrap_or_else(|e| panic!("{e}"));
    let b = restore_plan(&doc("2026-03-02T09:30:00Z")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.plan, again.plan, "the same file gives the same ids");
    assert_ne!(a.plan.id, "sample-2026");
    assert_ne!(a.plan.id, b.plan.id);
    let (point, task) = (&a.plan.tasks[0], &a.plan.tasks[1]);
    assert_ne!(point.id, "t-dj-1");
    assert_ne!(point.id, b.plan.tasks[0].id);
    assert_eq!(task.parent.as_ref(), Some(&point.id), "parents follow");
    assert_eq!(a.plan.tasks[2].id, "my-own", "ids a person chose are kept");
}

#[test]
fn one_bad_setting_costs_only_itself() {
    let doc = r#"{"format":"luoshi/plan","version":3,"plan":{"title":"t","year":2026,
        "settings":{"office_name":"中共某区委办公室","report_cycle":"weekly","due_soon_days":10},
        "problems":[{"id":"p1","description":"问题","date":"2026/13/01","tasks":["a"]}]}}"#;
    let r = restore_plan(doc).unwrap_or_else(|e| panic!("{e}"));
    let s = &r.plan.settings;
    assert_eq!(s.office_name, "中共某区委办公室");
    assert_eq!(s.due_soon_days, 10);
    assert_eq!(
        s.report_cycle,
        luoshi::model::settings::ReportCycle::Monthly
    );
    assert!(
        r.problems
            .iter()
            .any(|p| p.path == "plan.settings.report_cycle"),
        "{:?}",
        r.problems
    );
    // A problem with a date a file got wrong keeps its description and tasks.
    let p = &r.plan.problems[0];
    assert_eq!(
        (p.description.as_str(), p.date, p.tasks.len()),
        ("问题", None, 1)
    );
    assert!(
        r.problems.iter().any(|p| p.path == "plan.problems[0].date"),
        "{:?}",
        r.problems
    );
}
