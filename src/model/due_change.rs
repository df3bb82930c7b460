//! Changing 完成时限 by hand (the editor, the ledger's inline cell) without
//! hiding lateness. A task that has started or is overdue cannot simply
//! have its date moved later: that is a 延期, recorded with its reason and
//! the original date kept, so it counts as an extension and a red task
//! stays judged by the date first agreed. Only a correction on the day the
//! task was created, a date set for the first time, or a date brought
//! forward is a plain edit.

use crate::model::date::format_date;
use crate::model::id::TaskId;
use crate::model::lifecycle;
use crate::model::ops::Op;
use crate::model::plan::Plan;
use crate::model::task::Task;
use crate::model::validate::{error, FieldError};
use chrono::NaiveDate;

/// How a new 完成时限 for a task must be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueChange {
    /// The date is what it was.
    Unchanged,
    /// An ordinary edit of the field.
    Plain,
    /// Must be recorded as 延期 from `from` to `to`, with a reason.
    Extension { from: NaiveDate, to: NaiveDate },
    /// Cannot be made this way; the message says why and what to do.
    Refused(String),
}

/// Started, as the rest of the rules use the word (reporting, 盲区排查):
/// the start date has come (or there is none, so it may have), or a
/// progress report is on record by `today`.
pub fn is_started(task: &Task, today: NaiveDate) -> bool {
    task.start.is_none_or(|s| s <= today) || task.update_as_of(today).is_some()
}

/// Overdue on `today`: open and past the due date in force then.
pub fn is_overdue(task: &Task, today: NaiveDate) -> bool {
    !task.closed_as_of(today) && task.due_as_of(today).is_some_and(|d| d < today)
}

/// The calendar day of an ISO 8601 stamp (`2026-06-30T09:00:00Z`).
fn day_of(stamp: &str) -> Option<NaiveDate> {
    crate::model::tombstone::day_of(stamp)
}

/// The day the task was created, from its 留痕: the day of its
/// "新建任务" entry, or else of its first entry (tasks from older files or
/// the sample have no creation entry). `None` without a log: no day is a
/// creation day then, so no date change is a mere correction.
pub fn created_on(task: &Task) -> Option<NaiveDate> {
    let entry = task
        .log
        .iter()
        .find(|e| e.what == "新建任务")
        .or_else(|| task.log.first())?;
    day_of(&entry.at)
}

/// How changing `task`'s 完成时限 to `new_due` must be recorded, judged on
/// `today` (the day the rules reason at, which `?today=` may set) at the
/// moment `now` (ISO 8601, the clock that stamps 留痕). Whether this is
/// the day the task was created is read on `now`'s clock, the one its
/// creation was stamped with, so a simulated `today` or a time zone does
/// not turn a same-day correction into a 延期 or the other way round.
pub fn classify(task: &Task, new_due: Option<NaiveDate>, today: NaiveDate, now: &str) -> DueChange {
    if new_due == task.due {
        return DueChange::Unchanged;
    }
    let guarded = is_started(task, today) || is_overdue(task, today) || task.is_closed();
    let creation_day = created_on(task).is_some_and(|c| Some(c) == day_of(now));
    if !guarded || creation_day {
        return DueChange::Plain;
    }
    let (Some(from), Some(to)) = (task.due, new_due) else {
        return match task.due {
            // Set for the first time: there was nothing to be late against.
            None => DueChange::Plain,
            Some(_) => DueChange::Refused(
                "已开始或已逾期的任务不能清除完成时限（否则无从判断是否逾期）".into(),
            ),
        };
    };
    if to < from {
        // Brought forward: nothing is hidden by an earlier date.
        return DueChange::Plain;
    }
    if task.is_closed() {
        return DueChange::Refused(
            "任务已办结，不能推迟完成时限；如需继续办理请先重新打开，再申请延期".into(),
        );
    }
    DueChange::Extension { from, to }
}

/// `edited` (the task with its new fields) as it must be saved given the
/// task as it was (`old`): a later date on a started or overdue task
/// becomes a 延期 granted `today` for `reason`, the date before it kept on
/// record; a plain change is saved as typed. Errors name the field `due`
/// or `extend_reason`, as the forms show them.
pub fn settle_due(
    old: &Task,
    mut edited: Task,
    reason: &str,
    today: NaiveDate,
    now: &str,
) -> Result<Task, Vec<FieldError>> {
    match classify(old, edited.due, today, now) {
        DueChange::Unchanged | DueChange::Plain => Ok(edited),
        DueChange::Refused(message) => Err(vec![error("due", message)]),
        DueChange::Extension { from, to } => {
            if reason.trim().is_empty() {
                return Err(vec![error(
                    "extend_reason",
                    format!(
                        "修改完成时限将记为延期（{} 改为 {}），请填写延期理由",
                        format_date(from),
                        format_date(to)
                    ),
                )]);
            }
            edited.due = old.due;
            edited.extensions.clone_from(&old.extensions);
            lifecycle::extend(&edited, today, to, reason, today)
        }
    }
}

/// The edit that sets task `id`'s 完成时限 to `new_due` on `today` (at
/// `now`): a plain `PutTask`, or one recording a 延期 for `reason`.
pub fn due_edit(
    plan: &Plan,
    id: &TaskId,
    new_due: Option<NaiveDate>,
    reason: &str,
    today: NaiveDate,
    now: &str,
) -> Result<Op, Vec<FieldError>> {
    let Some(old) = plan.task(id) else {
        return Err(vec![error("due", "该任务已不存在（可能已被删除或撤销）")]);
    };
    let mut edited = old.clone();
    edited.due = new_due;
    let task = settle_due(old, edited, reason, today, now)?;
    Ok(Op::PutTask {
        task: Box::new(task),
        at: None,
    })
}
