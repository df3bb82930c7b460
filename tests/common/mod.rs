//! Small builders shared by the integration tests: dates from literals,
//! tasks built up step by step, plans from a list of tasks, and fixture
//! files read from `tests/fixtures/`.
//!
//! Each test file uses only some of these, so unused ones are expected.
#![allow(dead_code)]

use chrono::NaiveDate;
use luoshi::model::date::parse_date;
use luoshi::model::{Area, Closing, Plan, ProgressUpdate, Settings, Status, Task, Unit, UnitKind};

/// A date from a `YYYY-MM-DD` literal written in a test.
pub fn d(text: &str) -> NaiveDate {
    parse_date(text).unwrap_or_else(|e| panic!("bad date literal in test: {e}"))
}

/// A bare task titled after its id.
pub fn task(id: &str) -> Task {
    Task::new(id, format!("任务{id}"))
}

/// A task in progress from `start` to `due`.
pub fn span(id: &str, start: &str, due: &str) -> Task {
    let mut t = task(id);
    t.start = Some(d(start));
    t.due = Some(d(due));
    t.status = Status::InProgress;
    t
}

/// Adds a progress update.
pub fn reported(mut t: Task, date: &str, percent: u8) -> Task {
    t.updates.push(ProgressUpdate {
        id: format!("u{}", t.updates.len() + 1),
        date: d(date),
        percent,
        progress: format!("完成{percent}%"),
        problems: String::new(),
        next_steps: String::new(),
        by: "联络员".into(),
    });
    t
}

/// Closes a task on `date`.
pub fn closed(mut t: Task, date: &str) -> Task {
    t.status = Status::Closed;
    t.closing = Some(Closing {
        date: d(date),
        note: "已办结".into(),
    });
    t
}

/// Puts a task under `parent`.
pub fn child_of(mut t: Task, parent: &str) -> Task {
    t.parent = Some(parent.into());
    t
}

/// Files a task under `area`.
pub fn in_area(mut t: Task, area: &str) -> Task {
    t.area = Some(area.into());
    t
}

/// Sets a task's display order.
pub fn ordered(mut t: Task, order: u32) -> Task {
    t.order = order;
    t
}

/// Sets lead unit and leader.
pub fn led_by(mut t: Task, unit: &str, leader: &str) -> Task {
    t.lead_unit = Some(unit.into());
    t.leader = leader.into();
    t
}

/// A 2022 plan with the given tasks and default settings.
pub fn plan_of(tasks: Vec<Task>) -> Plan {
    let mut p = Plan::empty(2022);
    p.tasks = tasks;
    p.settings = defaults();
    p
}

pub fn area(id: &str, name: &str, order: u32) -> Area {
    Area {
        id: id.into(),
        name: name.into(),
        order,
    }
}

pub fn unit(id: &str, name: &str) -> Unit {
    Unit {
        id: id.into(),
        name: name.into(),
        short_name: String::new(),
        kind: UnitKind::PartyDepartment,
        leader: String::new(),
    }
}

/// Default thresholds (7 days, 70 %, 30 days).
/// The settings most rule tests are written against: a rolling reporting
/// window and lateness judged on the deadline in force. The office's own
/// defaults (calendar months due on the 25th, lateness on the original
/// deadline) are tested on their own in `reporting.rs` and `lifecycle.rs`.
pub fn defaults() -> Settings {
    Settings {
        report_cycle: luoshi::model::settings::ReportCycle::Rolling,
        lateness: luoshi::model::settings::Lateness::Current,
        ..Settings::default()
    }
}

/// The text of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read fixture {path}: {e}"))
}

/// True when the text contains at least one CJK ideograph, i.e. the message
/// is written for the office rather than left in serde's English.
pub fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Floats computed from day counts: equal to within a millionth.
pub fn approx(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-6
}

/// When the merge helpers below stamp what they change.
pub const MERGED_AT: &str = "2026-07-25T09:00:00Z";

/// Merges `file` into `plan` as the import does: the preview, every choice
/// made by `choose` (`None`: that conflict's default), the op applied.
pub fn merged_by(
    plan: &Plan,
    file: &Plan,
    choose: impl Fn(&luoshi::model::TaskId, &str) -> Option<luoshi::model::merge::Side>,
) -> Plan {
    let pv = luoshi::model::merge::preview(plan, file);
    let op = luoshi::model::merge::merge_op(plan, &pv, choose, "测试", MERGED_AT)
        .unwrap_or_else(|e| panic!("import refused: {e}"));
    let mut out = plan.clone();
    luoshi::model::ops::apply(&mut out, op, MERGED_AT).unwrap_or_else(|e| panic!("{e}"));
    out
}

/// `merged_by` with every conflict at its default.
pub fn merged(plan: &Plan, file: &Plan) -> Plan {
    merged_by(plan, file, |_, _| None)
}

/// Changes task `id` through the ops, as an edit in the app does (stamped
/// `MERGED_AT`, logged, tombstones kept).
pub fn edit_task(plan: &mut Plan, id: &str, change: impl FnOnce(&mut Task)) {
    let mut t = plan.task(id).expect("task").clone();
    change(&mut t);
    let op = luoshi::model::ops::Op::PutTask {
        task: Box::new(t),
        at: None,
    };
    luoshi::model::ops::apply(plan, op, MERGED_AT).unwrap_or_else(|e| panic!("{e}"));
}
