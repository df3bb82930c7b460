//! The monthly cycle on one task: reporting, milestones, 延期, 办结 and
//! reopening, 暂缓/中止 and resuming — each refusal with its field and a
//! Chinese message; how milestones, lateness on the original or current
//! deadline and halting change the light; and the 留痕 `ops::apply` writes
//! for each change, which undo takes away again.

mod common;

use common::{closed, d, defaults, plan_of, reported, span};
use luoshi::model::lifecycle::{
    close, extend, halt, reach_milestone, remove_update, reopen, report, resume,
};
use luoshi::model::ops::{apply, Op};
use luoshi::model::schedule::{milestone_expectation, ExpectedFrom};
use luoshi::model::settings::Lateness;
use luoshi::model::validate::FieldError;
use luoshi::model::{assess, Level, Milestone, Plan, ProgressUpdate, Settings, Status, Task};

const NOW: &str = "2026-07-01T09:00:00Z";

fn today() -> chrono::NaiveDate {
    d("2026-07-01")
}

/// Due 06-30, in progress, one report at 40 %.
fn due_june() -> Task {
    reported(span("a", "2026-01-01", "2026-06-30"), "2026-05-20", 40)
}

fn update(id: &str, date: &str, percent: u8, progress: &str) -> ProgressUpdate {
    ProgressUpdate {
        id: id.into(),
        date: d(date),
        percent,
        progress: progress.into(),
        problems: String::new(),
        next_steps: String::new(),
        by: "联络员".into(),
    }
}

fn milestone(id: &str, due: &str) -> Milestone {
    Milestone {
        id: id.into(),
        title: format!("节点{id}"),
        due: d(due),
        done_on: None,
    }
}

/// The refusals as (field, message).
fn refused(result: Result<Task, Vec<FieldError>>) -> Vec<(String, String)> {
    match result {
        Ok(t) => panic!("expected a refusal, got {t:?}"),
        Err(errors) => errors.into_iter().map(|e| (e.field, e.message)).collect(),
    }
}

fn one(field: &str, message: &str) -> Vec<(String, String)> {
    vec![(field.to_string(), message.to_string())]
}

fn lateness(l: Lateness) -> Settings {
    Settings {
        lateness: l,
        ..defaults()
    }
}

// ---------------------------------------------------------------- report

#[test]
fn report_refusals_name_the_field() {
    let cases = [
        (
            update("", "2026-07-02", 50, "推进中"),
            "update_date",
            "日期 2026-07-02 晚于今天（2026-07-01），不能预先登记",
        ),
        (
            update("", "2026-07-01", 101, "推进中"),
            "update_percent",
            "进度应为 0 到 100 之间的整数",
        ),
        (
            update("", "2026-07-01", 50, "  "),
            "update_progress",
            "请填写进展情况",
        ),
    ];
    for (u, field, message) in cases {
        assert_eq!(
            refused(report(&due_june(), u, today())),
            one(field, message)
        );
    }
}

#[test]
fn a_first_report_starts_the_task_and_gets_an_id() {
    let mut t = span("a", "2026-01-01", "2026-12-31");
    t.status = Status::NotStarted;
    let t = report(&t, update("", "2026-07-01", 100, "已完成"), today()).unwrap();
    assert_eq!(t.status, Status::InProgress);
    assert_eq!(t.updates.len(), 1);
    assert!(!t.updates[0].id.is_empty());
    assert_eq!(t.updates[0].percent, 100, "100 is allowed");
    // Reporting does not change a paused task's state.
    let mut paused = t.clone();
    paused.status = Status::Paused;
    let paused = report(&paused, update("", "2026-07-01", 10, "恢复准备"), today()).unwrap();
    assert_eq!(paused.status, Status::Paused);
}

#[test]
fn a_report_with_a_known_id_corrects_that_report() {
    let t = due_june();
    let id = t.updates[0].id.clone();
    let t = report(&t, update(&id, "2026-05-21", 45, "更正"), today()).unwrap();
    assert_eq!(t.updates.len(), 1);
    assert_eq!(t.updates[0], update(&id, "2026-05-21", 45, "更正"));
}

#[test]
fn remove_update_removes_it_or_says_it_is_gone() {
    let t = due_june();
    let id = t.updates[0].id.clone();
    let t = remove_update(&t, &id).unwrap();
    assert!(t.updates.is_empty());
    assert_eq!(
        refused(remove_update(&t, &id)),
        one("updates", "该条进展已不存在")
    );
}

// ---------------------------------------------------------------- milestones

#[test]
fn reach_milestone_marks_and_unmarks_and_refuses() {
    let mut t = due_june();
    t.milestones = vec![milestone("m1", "2026-03-31")];
    let reached = reach_milestone(&t, "m1", Some(d("2026-04-02")), today()).unwrap();
    assert_eq!(reached.milestones[0].done_on, Some(d("2026-04-02")));
    let unmarked = reach_milestone(&reached, "m1", None, today()).unwrap();
    assert_eq!(unmarked.milestones[0].done_on, None);
    assert_eq!(
        refused(reach_milestone(&t, "m1", Some(d("2026-07-02")), today())),
        one(
            "milestone_done",
            "日期 2026-07-02 晚于今天（2026-07-01），不能预先登记"
        )
    );
    assert_eq!(
        refused(reach_milestone(&t, "m9", Some(d("2026-06-01")), today())),
        one("milestones", "该节点已不存在")
    );
}

/// The nodes are the milestones and, when later than the last of them,
/// the due date; the expectation is the share of nodes due by the day.
#[test]
fn milestone_expectation_is_the_share_of_nodes_due() {
    let mut t = span("a", "2026-01-01", "2026-12-31");
    t.milestones = vec![milestone("m2", "2026-06-30"), milestone("m1", "2026-03-31")];
    let cases = [
        ("2026-03-30", 0.0, 0),
        ("2026-03-31", 100.0 / 3.0, 1),
        ("2026-07-01", 200.0 / 3.0, 2),
        ("2026-12-31", 100.0, 3),
    ];
    for (day, expected, due) in cases {
        let (e, reached, total) = milestone_expectation(&t, t.due, d(day)).unwrap();
        assert!(common::approx(e, expected), "{day}: {e}");
        assert_eq!((reached, total), (due, 3), "{day}");
    }
    // A due date not after the last milestone adds no node.
    let (e, reached, total) =
        milestone_expectation(&t, Some(d("2026-06-30")), d("2026-07-01")).unwrap();
    assert_eq!((e, reached, total), (100.0, 2, 2));
    assert_eq!(
        milestone_expectation(&span("b", "2026-01-01", "2026-12-31"), None, today()),
        None
    );
}

#[test]
fn milestones_replace_the_pro_rata_expectation() {
    // On 05-01 a third of the year has passed, but no node is due yet.
    let plain = reported(span("a", "2026-01-01", "2026-12-31"), "2026-04-25", 10);
    let by_time = assess(&plain, d("2026-05-01"), &defaults());
    assert_eq!(by_time.expected_from, ExpectedFrom::Time);
    assert!(common::approx(
        by_time.expected.unwrap(),
        120.0 / 364.0 * 100.0
    ));
    assert!(by_time.behind, "10% is below 70% of 33%");
    assert_eq!(by_time.label(), "预警：进度滞后");

    let mut staged = plain.clone();
    staged.milestones = vec![milestone("m1", "2026-06-30")];
    let by_nodes = assess(&staged, d("2026-05-01"), &defaults());
    assert_eq!(
        by_nodes.expected_from,
        ExpectedFrom::Milestones { due: 0, total: 2 }
    );
    assert_eq!(by_nodes.expected, Some(0.0));
    assert_eq!(by_nodes.level, Level::Green);
}

#[test]
fn a_missed_milestone_makes_the_task_behind_whatever_its_progress() {
    let mut t = reported(span("a", "2026-01-01", "2026-12-31"), "2026-06-28", 90);
    t.milestones = vec![milestone("m1", "2026-06-30")];
    let cases = [
        // (done on, day, missed)
        (None, "2026-06-30", 0),
        (None, "2026-07-01", 1),
        (Some("2026-06-29"), "2026-07-01", 0),
        (Some("2026-07-01"), "2026-07-01", 0),
        // Reached later than the day: not yet, as of the day.
        (Some("2026-07-05"), "2026-07-01", 1),
    ];
    for (done, day, missed) in cases {
        let mut t = t.clone();
        t.milestones[0].done_on = done.map(d);
        let a = assess(&t, d(day), &defaults());
        assert_eq!(a.missed_milestones, missed, "done {done:?}, day {day}");
        assert_eq!(a.behind, missed > 0, "done {done:?}, day {day}");
        let level = if missed > 0 {
            Level::Yellow
        } else {
            Level::Green
        };
        assert_eq!(a.level, level, "done {done:?}, day {day}: {}", a.label());
    }
}

// ---------------------------------------------------------------- extend

#[test]
fn extend_moves_the_due_date_and_keeps_the_previous_one() {
    let t = extend(
        &due_june(),
        d("2026-06-20"),
        d("2026-09-30"),
        " 场地调整 ",
        today(),
    )
    .unwrap();
    assert_eq!(t.due, Some(d("2026-09-30")));
    assert_eq!(t.original_due(), Some(d("2026-06-30")));
    assert_eq!(t.extensions.len(), 1);
    let e = &t.extensions[0];
    assert_eq!(
        (e.date, e.previous_due, e.new_due, e.reason.as_str()),
        (
            d("2026-06-20"),
            d("2026-06-30"),
            d("2026-09-30"),
            "场地调整"
        )
    );
}

#[test]
fn extend_refusals_are_all_reported_at_once() {
    let no_due = {
        let mut t = due_june();
        t.due = None;
        t
    };
    let shut = closed(due_june(), "2026-06-28");
    /// (case, task, granted on, new due date, reason, refusals)
    type Case<'a> = (
        &'a str,
        &'a Task,
        &'a str,
        &'a str,
        &'a str,
        Vec<(&'a str, &'a str)>,
    );
    let cases: [Case; 5] = [
        (
            "granted in the future, no reason",
            &due_june(),
            "2026-07-02",
            "2026-09-30",
            " ",
            vec![
                ("extend_date", "批准延期的日期不能晚于今天"),
                ("extend_reason", "请填写延期理由"),
            ],
        ),
        (
            "no due date to move",
            &no_due,
            "2026-06-20",
            "2026-09-30",
            "理由",
            vec![(
                "extend_due",
                "该任务还没有完成时限，请先在“编辑”中填写完成时限",
            )],
        ),
        (
            "not later than the due date then",
            &due_june(),
            "2026-06-20",
            "2026-06-30",
            "理由",
            vec![(
                "extend_due",
                "延期后的完成时限应晚于当时的完成时限 2026-06-30",
            )],
        ),
        (
            "earlier than the due date then",
            &due_june(),
            "2026-06-20",
            "2026-06-01",
            "理由",
            vec![(
                "extend_due",
                "延期后的完成时限应晚于当时的完成时限 2026-06-30",
            )],
        ),
        (
            "closed",
            &shut,
            "2026-06-20",
            "2026-09-30",
            "理由",
            vec![(
                "extend_due",
                "任务已办结，不能延期；如需继续办理请先重新打开",
            )],
        ),
    ];
    for (case, t, on, new_due, reason, expected) in cases {
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(f, m)| (f.to_string(), m.to_string()))
            .collect();
        assert_eq!(
            refused(extend(t, d(on), d(new_due), reason, today())),
            expected,
            "{case}"
        );
    }
}

// ---------------------------------------------------------------- lateness

/// Due 06-30, extended on 06-20 to 09-30, last reported 06-25 at 60 %.
fn extended() -> Task {
    let t = reported(span("a", "2026-01-01", "2026-06-30"), "2026-06-25", 60);
    extend(
        &t,
        d("2026-06-20"),
        d("2026-09-30"),
        "场地调整",
        d("2026-06-20"),
    )
    .unwrap()
}

#[test]
fn on_the_original_deadline_an_extension_does_not_hide_lateness() {
    let t = extended();
    let original = assess(&t, d("2026-07-10"), &lateness(Lateness::Original));
    assert_eq!(original.level, Level::Red);
    assert_eq!(original.due, Some(d("2026-06-30")));
    assert_eq!(original.days_left, Some(-10));
    assert_eq!(original.extensions, 1);
    // The office defaults judge on the original deadline too.
    assert_eq!(
        assess(&t, d("2026-07-10"), &Settings::default()).level,
        Level::Red
    );

    let current = assess(&t, d("2026-07-10"), &lateness(Lateness::Current));
    assert_eq!(current.level, Level::Green, "{}", current.label());
    assert_eq!(current.due, Some(d("2026-09-30")));
    assert_eq!(current.days_left, Some(82));
}

#[test]
fn before_the_extension_is_granted_both_ways_agree() {
    let t = extended();
    for l in [Lateness::Original, Lateness::Current] {
        let a = assess(&t, d("2026-06-19"), &lateness(l));
        assert_eq!(
            (a.due, a.days_left, a.extensions),
            (Some(d("2026-06-30")), Some(11), 0),
            "{l:?}"
        );
    }
}

#[test]
fn closing_an_extended_task_is_late_or_on_time_as_the_setting_says() {
    let cases = [
        // (closed on, lateness, level)
        ("2026-06-28", Lateness::Original, Level::DoneOnTime),
        ("2026-06-28", Lateness::Current, Level::DoneOnTime),
        ("2026-08-15", Lateness::Original, Level::DoneLate),
        ("2026-08-15", Lateness::Current, Level::DoneOnTime),
        ("2026-10-05", Lateness::Original, Level::DoneLate),
        ("2026-10-05", Lateness::Current, Level::DoneLate),
    ];
    for (on, l, level) in cases {
        let t = close(&extended(), d(on), "已办结", d(on)).unwrap();
        let a = assess(&t, d("2026-12-31"), &lateness(l));
        assert_eq!(a.level, level, "closed {on}, {l:?}");
        assert_eq!(a.closed_on, Some(d(on)));
    }
}

// ---------------------------------------------------------------- close, reopen

#[test]
fn close_records_the_date_and_note_and_clears_the_status_note() {
    let mut t = due_june();
    t.status_note = "曾暂缓".into();
    let t = close(&t, d("2026-06-28"), "  形成调研报告  ", today()).unwrap();
    assert_eq!(t.status, Status::Closed);
    let c = t.closing.as_ref().unwrap();
    assert_eq!((c.date, c.note.as_str()), (d("2026-06-28"), "形成调研报告"));
    assert_eq!(t.status_note, "");
    assert_eq!(assess(&t, today(), &defaults()).level, Level::DoneOnTime);
}

#[test]
fn close_refusals() {
    let shut = closed(due_june(), "2026-06-28");
    assert_eq!(
        refused(close(&due_june(), d("2026-07-02"), "", today())),
        vec![
            ("close_date".to_string(), "办结日期不能晚于今天".to_string()),
            (
                "close_note".to_string(),
                "请填写办结说明（完成了什么、成果形式）".to_string()
            ),
        ]
    );
    assert_eq!(
        refused(close(&shut, d("2026-06-30"), "再次办结", today())),
        one("close_note", "任务已办结")
    );
}

#[test]
fn reopen_brings_a_closed_task_back_into_progress() {
    let shut = closed(due_june(), "2026-06-28");
    let t = reopen(&shut, " 成果需补充 ").unwrap();
    assert_eq!(t.status, Status::InProgress);
    assert_eq!(t.closing, None);
    assert_eq!(t.status_note, "成果需补充");
    assert_eq!(
        refused(reopen(&due_june(), "理由")),
        one("reopen_reason", "任务未办结，无需重新打开")
    );
    assert_eq!(
        refused(reopen(&shut, "  ")),
        one("reopen_reason", "请填写重新打开的原因")
    );
}

// ---------------------------------------------------------------- halt, resume

#[test]
fn halt_pauses_or_stops_with_a_reason_and_the_light_says_which() {
    for (to, label) in [(Status::Paused, "暂缓"), (Status::Stopped, "中止")] {
        let t = halt(&due_june(), to, " 上级政策调整 ").unwrap();
        assert_eq!(t.status, to);
        assert_eq!(t.status_note, "上级政策调整");
        // Past due, yet halted rather than red.
        let a = assess(&t, d("2026-07-10"), &defaults());
        assert_eq!(a.level, Level::Halted);
        assert!(a.paused);
        assert_eq!(a.stopped, to == Status::Stopped);
        assert_eq!(a.label(), label);
        assert!(!a.level.is_open() && !a.level.is_closed());
    }
}

#[test]
fn halt_refusals() {
    let shut = closed(due_june(), "2026-06-28");
    let cases = [
        (&due_june(), Status::InProgress, "理由", "只能暂缓或中止"),
        (&due_june(), Status::Closed, "理由", "只能暂缓或中止"),
        (&shut, Status::Paused, "理由", "任务已办结，不能暂缓或中止"),
        (&due_june(), Status::Paused, " ", "请填写暂缓的原因"),
        (&due_june(), Status::Stopped, "", "请填写中止的原因"),
    ];
    for (t, to, reason, message) in cases {
        assert_eq!(
            refused(halt(t, to, reason)),
            one("halt_reason", message),
            "{to:?}"
        );
    }
}

#[test]
fn resume_brings_a_halted_task_back_and_is_judged_again() {
    let paused = halt(&due_june(), Status::Paused, "等待批复").unwrap();
    let t = resume(&paused, " 已批复 ").unwrap();
    assert_eq!(t.status, Status::InProgress);
    assert_eq!(t.status_note, "已批复");
    assert_eq!(assess(&t, d("2026-07-10"), &defaults()).level, Level::Red);
    assert_eq!(
        refused(resume(&due_june(), "")),
        one("halt_reason", "任务没有暂缓或中止")
    );
}

// ---------------------------------------------------------------- 留痕

/// A plan holding `task`, put in through `ops::apply` (so it is logged as new).
fn plan_with(task: Task) -> Plan {
    let mut plan = plan_of(Vec::new());
    apply(
        &mut plan,
        Op::PutTask {
            task: Box::new(task),
            at: None,
        },
        "2026-06-01T08:00:00Z",
    )
    .unwrap();
    plan
}

/// Saves `task` as the UI does and returns the inverse.
fn save(plan: &mut Plan, task: Task) -> Op {
    apply(
        plan,
        Op::PutTask {
            task: Box::new(task),
            at: None,
        },
        NOW,
    )
    .unwrap()
}

/// A log entry as (what, from, to, note).
type Entry = (String, String, String, String);

/// The log entries added after the first `before`.
fn added(plan: &Plan, before: usize) -> Vec<Entry> {
    plan.tasks[0].log[before..]
        .iter()
        .map(|e| (e.what.clone(), e.from.clone(), e.to.clone(), e.note.clone()))
        .collect()
}

fn entry(what: &str, from: &str, to: &str, note: &str) -> Entry {
    (what.into(), from.into(), to.into(), note.into())
}

#[test]
fn a_new_task_is_logged_as_new_and_undo_removes_it() {
    let mut plan = plan_of(Vec::new());
    let inverse = save(&mut plan, span("a", "2026-01-01", "2026-06-30"));
    assert_eq!(added(&plan, 0), vec![entry("新建任务", "", "任务a", "")]);
    assert_eq!(plan.tasks[0].log[0].at, NOW);
    assert!(!plan.tasks[0].log[0].id.is_empty());
    apply(&mut plan, inverse, NOW).unwrap();
    assert!(plan.tasks.is_empty());
    assert!(plan.deleted.is_empty(), "an undone addition is no deletion");
}

/// Each step of the cycle, saved as one `PutTask`, adds exactly the
/// entries listed; undoing it takes them away again.
#[test]
fn each_step_of_the_cycle_is_logged_and_undone() {
    type Step = fn(&Task) -> Task;
    let cases: [(&str, Step, Vec<Entry>); 8] = [
        (
            "progress report",
            |t| report(t, update("", "2026-07-01", 60, "完成方案"), today()).unwrap(),
            vec![entry("进展报送", "", "2026-07-01 60% 完成方案", "")],
        ),
        (
            "correction",
            |t| {
                let id = t.updates[0].id.clone();
                report(t, update(&id, "2026-05-20", 45, "更正"), today()).unwrap()
            },
            vec![entry(
                "更正进展",
                "2026-05-20 40% 完成40%",
                "2026-05-20 45% 更正",
                "",
            )],
        ),
        (
            "removal of a report",
            |t| remove_update(t, &t.updates[0].id.clone()).unwrap(),
            vec![entry("删除进展", "2026-05-20 40% 完成40%", "", "")],
        ),
        (
            "extension",
            |t| extend(t, d("2026-06-20"), d("2026-09-30"), "场地调整", today()).unwrap(),
            vec![entry("延期", "2026-06-30", "2026-09-30", "场地调整")],
        ),
        (
            "milestone reached",
            |t| reach_milestone(t, "m1", Some(d("2026-04-02")), today()).unwrap(),
            vec![entry("节点完成", "", "2026-04-02", "节点m1")],
        ),
        (
            "pause",
            |t| halt(t, Status::Paused, "等待批复").unwrap(),
            vec![entry("状态", "推进中", "暂缓", "等待批复")],
        ),
        (
            "close",
            |t| close(t, d("2026-06-28"), "形成报告", today()).unwrap(),
            vec![entry(
                "状态",
                "推进中",
                "已办结",
                "办结日期 2026-06-28；形成报告",
            )],
        ),
        (
            "due date edited by hand",
            |t| {
                let mut t = t.clone();
                t.due = Some(d("2026-07-31"));
                t
            },
            vec![entry("完成时限", "2026-06-30", "2026-07-31", "")],
        ),
    ];
    let mut start = due_june();
    start.milestones = vec![milestone("m1", "2026-03-31")];
    for (case, step, expected) in cases {
        let mut plan = plan_with(start.clone());
        let before = plan.tasks[0].log.len();
        assert_eq!(before, 1, "新建任务");
        let old = plan.tasks[0].clone();
        let inverse = save(&mut plan, step(&old));
        assert_eq!(added(&plan, before), expected, "{case}");
        assert!(
            plan.tasks[0].log[before..].iter().all(|e| e.at == NOW),
            "{case}"
        );
        apply(&mut plan, inverse, NOW).unwrap();
        let back = &plan.tasks[0];
        assert_eq!(back.log, old.log, "{case}: undo takes the entries away");
        assert_eq!(
            (
                &back.updates,
                &back.extensions,
                &back.milestones,
                back.status,
                back.due
            ),
            (
                &old.updates,
                &old.extensions,
                &old.milestones,
                old.status,
                old.due
            ),
            "{case}: undo restores the records"
        );
    }
}

#[test]
fn reopening_is_logged_with_its_reason() {
    let mut plan = plan_with(closed(due_june(), "2026-06-28"));
    let t = reopen(&plan.tasks[0], "成果需补充").unwrap();
    save(&mut plan, t);
    assert_eq!(
        added(&plan, 1),
        vec![entry("状态", "已办结", "推进中", "成果需补充")]
    );
}

#[test]
fn a_save_that_changes_nothing_logged_adds_no_entry() {
    let mut plan = plan_with(due_june());
    let same = plan.tasks[0].clone();
    save(&mut plan, same);
    assert_eq!(plan.tasks[0].log.len(), 1);
}
