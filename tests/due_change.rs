//! Changing 完成时限 by hand never hides lateness (`model::due_change`):
//! on a started or overdue task a later date is a 延期 with its reason and
//! the original date kept; only a correction on the day the task was
//! created, a first date, or an earlier date is a plain edit.

mod common;

use common::{d, plan_of, reported, span, task};
use luoshi::model::due_change::{classify, created_on, due_edit, settle_due, DueChange};
use luoshi::model::ops::{apply, Op};
use luoshi::model::rollup::assess_plan;
use luoshi::model::settings::Lateness;
use luoshi::model::{Level, Task};

/// The moment the edits below are made (the stamps' clock).
const NOW: &str = "2026-06-30T10:00:00Z";

/// A task created through the editor on `day` (its 留痕 says so).
fn created(mut t: Task, day: &str) -> Task {
    t.log.push(luoshi::model::task::LogEntry {
        id: "log1".into(),
        at: format!("{day}T09:00:00Z"),
        what: "新建任务".into(),
        from: String::new(),
        to: t.title.clone(),
        note: String::new(),
    });
    t
}

#[test]
fn moving_a_red_task_to_year_end_records_an_extension_and_it_stays_red() {
    let t = span("a", "2026-01-01", "2026-03-31");
    let mut plan = plan_of(vec![t]);
    plan.settings.lateness = Lateness::Original;
    let today = d("2026-06-30");
    assert_eq!(assess_plan(&plan, today)["a"].level, Level::Red);
    let op = due_edit(
        &plan,
        &"a".into(),
        Some(d("2026-12-31")),
        "资金未到位",
        today,
        NOW,
    )
    .expect("an extension");
    apply(&mut plan, op, "2026-06-30T10:00:00Z").expect("applies");
    let t = plan.task("a").expect("task");
    assert_eq!(t.due, Some(d("2026-12-31")));
    assert_eq!(t.original_due(), Some(d("2026-03-31")));
    assert_eq!(t.extensions.len(), 1);
    assert_eq!(t.extensions[0].reason, "资金未到位");
    assert_eq!(t.extensions[0].date, today);
    assert_eq!(assess_plan(&plan, today)["a"].level, Level::Red);
    let logged: Vec<&str> = t.log.iter().map(|e| e.what.as_str()).collect();
    assert_eq!(logged, ["延期"]);
}

#[test]
fn a_later_date_on_a_started_task_without_a_reason_is_refused() {
    let plan = plan_of(vec![span("a", "2026-01-01", "2026-09-30")]);
    let errors = due_edit(
        &plan,
        &"a".into(),
        Some(d("2026-12-31")),
        "  ",
        d("2026-06-30"),
        NOW,
    )
    .expect_err("needs a reason");
    assert_eq!(errors[0].field, "extend_reason");
    assert!(errors[0].message.contains("延期理由"));
    assert!(errors[0].message.contains("2026-09-30"));
}

#[test]
fn a_task_with_a_report_has_started_even_before_its_start_date() {
    let t = reported(span("a", "2026-09-01", "2026-10-31"), "2026-06-01", 10);
    assert_eq!(
        classify(&t, Some(d("2026-12-31")), d("2026-06-30"), NOW),
        DueChange::Extension {
            from: d("2026-10-31"),
            to: d("2026-12-31")
        }
    );
}

#[test]
fn a_task_not_started_yet_has_its_date_edited_plainly() {
    let t = span("a", "2026-09-01", "2026-10-31");
    assert_eq!(
        classify(&t, Some(d("2026-12-31")), d("2026-06-30"), NOW),
        DueChange::Plain
    );
}

#[test]
fn a_correction_on_the_day_the_task_was_created_is_a_plain_edit() {
    let t = created(span("a", "2026-01-01", "2026-03-31"), "2026-06-30");
    assert_eq!(created_on(&t), Some(d("2026-06-30")));
    assert_eq!(
        classify(&t, Some(d("2026-12-31")), d("2026-06-30"), NOW),
        DueChange::Plain
    );
    // The next day the same change is a 延期.
    assert!(matches!(
        classify(
            &t,
            Some(d("2027-01-31")),
            d("2026-07-01"),
            "2026-07-01T09:00:00Z"
        ),
        DueChange::Extension { .. }
    ));
}

#[test]
fn the_creation_day_is_read_on_the_stamps_clock_not_the_simulated_day() {
    // Created and corrected on 7 December (the stamps' clock) while the
    // rules reason at a simulated 30 June: still a same-day correction.
    let t = created(span("a", "2026-01-01", "2026-03-31"), "2026-12-07");
    assert_eq!(
        classify(
            &t,
            Some(d("2026-12-31")),
            d("2026-06-30"),
            "2026-12-07T15:00:00Z"
        ),
        DueChange::Plain
    );
    assert!(matches!(
        classify(
            &t,
            Some(d("2026-12-31")),
            d("2026-06-30"),
            "2026-12-08T01:00:00Z"
        ),
        DueChange::Extension { .. }
    ));
}

#[test]
fn without_a_creation_entry_the_first_log_entry_gives_the_creation_day() {
    let mut t = task("a");
    assert_eq!(created_on(&t), None);
    t.log.push(luoshi::model::task::LogEntry {
        id: "x".into(),
        at: "2026-05-04T08:00:00Z".into(),
        what: "任务名称".into(),
        from: "旧".into(),
        to: "新".into(),
        note: String::new(),
    });
    assert_eq!(created_on(&t), Some(d("2026-05-04")));
}

#[test]
fn an_earlier_date_or_a_first_date_is_a_plain_edit() {
    let t = span("a", "2026-01-01", "2026-09-30");
    assert_eq!(
        classify(&t, Some(d("2026-08-31")), d("2026-06-30"), NOW),
        DueChange::Plain
    );
    let mut undated = span("b", "2026-01-01", "2026-09-30");
    undated.due = None;
    assert_eq!(
        classify(&undated, Some(d("2026-08-31")), d("2026-06-30"), NOW),
        DueChange::Plain
    );
}

#[test]
fn clearing_the_date_of_a_started_task_is_refused() {
    let t = span("a", "2026-01-01", "2026-03-31");
    assert!(matches!(
        classify(&t, None, d("2026-06-30"), NOW),
        DueChange::Refused(m) if m.contains("不能清除完成时限")
    ));
}

#[test]
fn a_closed_task_cannot_have_its_date_moved_later() {
    let t = common::closed(span("a", "2026-01-01", "2026-03-31"), "2026-05-01");
    let old = t.clone();
    let mut edited = t;
    edited.due = Some(d("2026-12-31"));
    let errors = settle_due(&old, edited, "补录", d("2026-06-30"), NOW).expect_err("refused");
    assert_eq!(errors[0].field, "due");
    assert!(errors[0].message.contains("已办结"));
}

#[test]
fn the_editor_keeps_its_other_fields_when_the_date_becomes_an_extension() {
    let old = span("a", "2026-01-01", "2026-03-31");
    let mut edited = old.clone();
    edited.title = "改过的名称".into();
    edited.due = Some(d("2026-12-31"));
    let saved = settle_due(&old, edited, "上级调整部署", d("2026-06-30"), NOW).expect("saved");
    assert_eq!(saved.title, "改过的名称");
    assert_eq!(saved.due, Some(d("2026-12-31")));
    assert_eq!(saved.original_due(), Some(d("2026-03-31")));
    assert_eq!(saved.extensions.len(), 1);
}

#[test]
fn an_unchanged_date_needs_no_reason() {
    let plan = plan_of(vec![span("a", "2026-01-01", "2026-03-31")]);
    let op = due_edit(
        &plan,
        &"a".into(),
        Some(d("2026-03-31")),
        "",
        d("2026-06-30"),
        NOW,
    )
    .expect("nothing to record");
    let Op::PutTask { task, .. } = op else {
        panic!("a task edit")
    };
    assert!(task.extensions.is_empty());
}
