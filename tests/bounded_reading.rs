//! Reading untrusted files is bounded work: linear in the file's size, so
//! a hostile or damaged file costs seconds, not minutes, and a task with
//! many bad records keeps its good fields and good records.
//!
//! The sizes here are chosen so that work quadratic in them would take
//! minutes (the suite would hang visibly), while linear work takes well
//! under a second: the test is the size, not a clock.

use luoshi::format::restore_plan;
use serde_json::{json, Value};

fn envelope(plan: Value) -> String {
    json!({"format": "luoshi/plan", "version": 3, "plan": plan}).to_string()
}

fn good_update(n: usize) -> Value {
    json!({"id": format!("u{n}"), "date": "2026-03-31", "percent": n % 100, "progress": format!("第{n}次")})
}

fn bad_update(n: usize) -> Value {
    json!({"id": format!("b{n}"), "date": "不是日期", "percent": 1})
}

#[test]
fn fifty_thousand_tasks_sharing_one_id_each_get_their_own() {
    let tasks: Vec<Value> = (0..50_000)
        .map(|n| json!({"id": "同一编号", "title": format!("任务{n}")}))
        .collect();
    let r = restore_plan(&envelope(json!({"tasks": tasks}))).expect("a plan");
    assert_eq!(r.plan.tasks.len(), 50_000);
    let ids: std::collections::HashSet<&str> = r.plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), 50_000, "every task has its own id");
    assert_eq!(r.plan.tasks[0].id, "同一编号");
    assert_eq!(r.plan.tasks[1].id, "同一编号-2");
    assert_eq!(r.plan.tasks[49_999].id, "同一编号-50000");
    assert_eq!(r.problems.len(), 49_999);
    assert_eq!(r.problems[0].path, "plan.tasks[1].id");
}

#[test]
fn renamed_duplicates_skip_ids_the_file_already_uses() {
    let tasks = json!([
        {"id": "a", "title": "一"},
        {"id": "a", "title": "二"},
        {"id": "a-2", "title": "三"},
        {"id": "a", "title": "四"}
    ]);
    let r = restore_plan(&envelope(json!({"tasks": tasks}))).expect("a plan");
    let ids: Vec<&str> = r.plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-3", "a-2", "a-4"]);
}

#[test]
fn a_task_with_three_hundred_bad_records_keeps_its_fields_and_good_records() {
    let updates: Vec<Value> = (0..600)
        .map(|n| {
            if n % 2 == 0 {
                bad_update(n)
            } else {
                good_update(n)
            }
        })
        .collect();
    let plan = json!({"tasks": [{
        "id": "t1",
        "title": "长期任务",
        "detail": "工作要求原文",
        "due": "2026-12-31",
        "updates": updates
    }]});
    let r = restore_plan(&envelope(plan)).expect("a plan");
    let t = r.plan.task("t1").expect("the task is kept");
    assert_eq!(t.detail, "工作要求原文");
    assert_eq!(t.due, chrono::NaiveDate::from_ymd_opt(2026, 12, 31));
    assert_eq!(t.updates.len(), 300);
    assert_eq!(t.updates[0].id, "u1");
    assert_eq!(t.updates[299].id, "u599");
    assert_eq!(r.problems.len(), 300);
    assert!(r.problems[0]
        .path
        .starts_with("plan.tasks[0].updates[0].date"));
    assert_eq!(r.problems[299].path, "plan.tasks[0].updates[598].date");
    assert!(r
        .problems
        .iter()
        .all(|p| p.message.contains("已跳过这一条记录")));
}

#[test]
fn twenty_thousand_bad_records_among_as_many_good_ones_read_in_linear_time() {
    // Retrying the whole task after each bad record would read 40,000
    // records 20,000 times over.
    let updates: Vec<Value> = (0..40_000)
        .map(|n| {
            if n % 2 == 0 {
                bad_update(n)
            } else {
                good_update(n)
            }
        })
        .collect();
    let plan = json!({"tasks": [{"id": "t1", "title": "甲", "updates": updates}]});
    let r = restore_plan(&envelope(plan)).expect("a plan");
    let t = r.plan.task("t1").expect("the task is kept");
    assert_eq!(t.updates.len(), 20_000);
    assert_eq!(r.problems.len(), 20_000);
    assert_eq!(r.problems[19_999].path, "plan.tasks[0].updates[39998].date");
}

#[test]
fn bad_records_and_a_bad_field_are_reported_in_field_order() {
    let plan = json!({"tasks": [{
        "id": "t1",
        "title": "甲",
        "extensions": [{"date": "坏", "previous_due": "2026-01-01", "new_due": "2026-02-01"}],
        "status": "不存在的状态",
        "updates": [bad_update(0), good_update(1), {"date": "2026-04-01", "percent": 5, "心情": "好"}]
    }]});
    let r = restore_plan(&envelope(plan)).expect("a plan");
    let paths: Vec<&str> = r.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "plan.tasks[0].extensions[0].date",
            "plan.tasks[0].status",
            "plan.tasks[0].updates[0].date",
            "plan.tasks[0].updates[2].心情"
        ]
    );
    let t = &r.plan.tasks[0];
    assert_eq!(t.updates.len(), 2);
    assert!(t.extensions.is_empty());
}

#[test]
fn a_long_text_beside_many_bad_records_is_not_read_again_for_each_record() {
    // Each record is tried beside only the fields a task cannot do without
    // (id, title): trying it beside the 9 MB 工作要求 would copy 90 GB
    // (tens of seconds here, against well under one).
    let detail = "要".repeat(3_000_000);
    let updates: Vec<Value> = (0..10_000)
        .map(|n| {
            if n % 2 == 0 {
                bad_update(n)
            } else {
                good_update(n)
            }
        })
        .collect();
    let plan =
        json!({"tasks": [{"id": "t1", "title": "甲", "detail": detail, "updates": updates}]});
    let r = restore_plan(&envelope(plan)).expect("a plan");
    let t = r.plan.task("t1").expect("the task is kept");
    assert_eq!(t.detail.chars().count(), 3_000_000);
    assert_eq!(t.updates.len(), 5_000);
    assert_eq!(r.problems.len(), 5_000);
}

#[test]
fn a_list_this_version_does_not_know_is_reported_once() {
    let plan = json!({"tasks": [{
        "id": "t1",
        "title": "甲",
        "未来的列表": [1, 2, 3],
        "updates": [bad_update(0), good_update(1)]
    }]});
    let r = restore_plan(&envelope(plan)).expect("a plan");
    let paths: Vec<&str> = r.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["plan.tasks[0].updates[0].date", "plan.tasks[0].未来的列表"]
    );
    assert_eq!(r.plan.tasks[0].updates.len(), 1);
}

#[test]
fn a_hundred_thousand_unknown_fields_beside_a_bad_record_read_in_linear_time() {
    // Problems are put back in field order: looking each one's field up by
    // scanning the fields would cost 100,000² steps.
    let mut fields = serde_json::Map::new();
    fields.insert("id".into(), json!("t1"));
    fields.insert("title".into(), json!("甲"));
    for n in 0..100_000 {
        fields.insert(format!("x{n:06}"), json!(n));
    }
    fields.insert("updates".into(), json!([bad_update(0), good_update(1)]));
    let plan = json!({"tasks": [Value::Object(fields)]});
    let r = restore_plan(&envelope(plan)).expect("a plan");
    assert_eq!(r.plan.tasks[0].updates.len(), 1);
    assert_eq!(r.problems.len(), 100_001);
    assert_eq!(r.problems[0].path, "plan.tasks[0].updates[0].date");
    assert_eq!(r.problems[1].path, "plan.tasks[0].x000000");
}
