//! One rule for records without ids (`model::task::ids`): ops, restore and
//! merge give the same record the same id, and 留痕 entries without ids
//! are matched by content, so a file imported twice adds nothing.

mod common;

use common::{d, merged, plan_of, span};
use luoshi::format::{restore_plan, write_plan};
use luoshi::model::ops::{apply, Op};
use luoshi::model::task::LogEntry;
use luoshi::model::{Plan, ProgressUpdate, Task};

const NOW: &str = "2026-07-25T09:00:00Z";

fn without_id_update() -> ProgressUpdate {
    ProgressUpdate {
        id: String::new(),
        date: d("2026-07-01"),
        percent: 40,
        progress: "已完成调研".into(),
        problems: String::new(),
        next_steps: String::new(),
        by: "联络员".into(),
    }
}

fn log(at: &str, what: &str) -> LogEntry {
    LogEntry {
        id: String::new(),
        at: at.into(),
        what: what.into(),
        from: "旧".into(),
        to: "新".into(),
        note: String::new(),
    }
}

fn reread(plan: &Plan) -> Plan {
    let text = write_plan(plan, NOW, "测试").expect("writes");
    restore_plan(&text).expect("reads").plan
}

#[test]
fn ops_restore_and_merge_give_a_record_without_an_id_the_same_id() {
    let mut task = span("a", "2026-01-01", "2026-12-31");
    task.updates.push(without_id_update());
    let file = plan_of(vec![task.clone()]);
    let restored = reread(&file);
    let mut by_op = plan_of(Vec::new());
    apply(
        &mut by_op,
        Op::PutTask {
            task: Box::new(task),
            at: None,
        },
        NOW,
    )
    .unwrap();
    let by_merge = merged(&plan_of(Vec::new()), &file);
    let id = |p: &Plan| p.tasks[0].updates[0].id.clone();
    assert!(!id(&restored).is_empty());
    assert_eq!(id(&by_op), id(&restored));
    assert_eq!(id(&by_merge), id(&restored));
}

#[test]
fn log_entries_without_ids_in_a_file_imported_twice_add_nothing() {
    let mut office = plan_of(vec![span("a", "2026-01-01", "2026-12-31")]);
    let mut theirs: Task = office.tasks[0].clone();
    theirs.log = vec![
        log("2026-07-01T08:00:00Z", "完成时限"),
        log("2026-07-02T08:00:00Z", "牵头单位"),
        // The same content twice is two entries, not one.
        log("2026-07-02T08:00:00Z", "牵头单位"),
    ];
    theirs.updated_at = "2026-07-03T00:00:00Z".into();
    let file = reread(&plan_of(vec![theirs]));
    office.id = file.id.clone();
    let once = merged(&office, &file);
    let entries = |p: &Plan| {
        p.tasks[0]
            .log
            .iter()
            .filter(|e| e.what != "导入合并")
            .count()
    };
    assert_eq!(entries(&once), 3);
    let twice = merged(&once, &file);
    assert_eq!(entries(&twice), 3, "nothing added the second time");
    assert_eq!(twice.tasks, once.tasks);
}
