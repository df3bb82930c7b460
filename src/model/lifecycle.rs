//! The monthly cycle as pure changes to one task: reporting progress,
//! reaching milestones, 延期, 办结 and reopening, 暂缓/中止 and resuming.
//! Each checks what the office must give (a reason, a closing note) and
//! returns the task as it should be saved, or the problems field by field;
//! the UI saves the result as one `Op::PutTask`, so undo and 留痕 follow.

use crate::model::date::format_date;
use crate::model::id::new_id;
use crate::model::task::{Closing, ProgressUpdate, Status, Task};
use crate::model::validate::{error, FieldError};
use chrono::NaiveDate;

type Checked = Result<Task, Vec<FieldError>>;

fn fail(field: &str, message: impl Into<String>) -> Checked {
    Err(vec![error(field, message)])
}

fn not_after_today(field: &str, date: NaiveDate, today: NaiveDate) -> Result<(), Vec<FieldError>> {
    if date > today {
        Err(vec![error(
            field,
            format!(
                "日期 {} 晚于今天（{}），不能预先登记",
                format_date(date),
                format_date(today)
            ),
        )])
    } else {
        Ok(())
    }
}

/// Adds a progress update, or corrects the one with the same id. A task
/// not started yet is in progress once it reports.
pub fn report(task: &Task, update: ProgressUpdate, today: NaiveDate) -> Checked {
    not_after_today("update_date", update.date, today)?;
    if update.percent > 100 {
        return fail("update_percent", "进度应为 0 到 100 之间的整数");
    }
    if update.progress.trim().is_empty() {
        return fail("update_progress", "请填写进展情况");
    }
    let mut t = task.clone();
    let mut update = update;
    if update.id.is_empty() {
        update.id = new_id();
        t.updates.push(update);
    } else {
        match t.updates.iter_mut().find(|u| u.id == update.id) {
            Some(existing) => *existing = update,
            None => {
                return fail(
                    "update_progress",
                    "这条进展已被删除（可能已撤销），更正没有保存",
                )
            }
        }
    }
    if t.status == Status::NotStarted {
        t.status = Status::InProgress;
    }
    Ok(t)
}

/// Removes the update with `id`.
pub fn remove_update(task: &Task, id: &str) -> Checked {
    let mut t = task.clone();
    let before = t.updates.len();
    t.updates.retain(|u| u.id != id);
    if t.updates.len() == before {
        return fail("updates", "该条进展已不存在");
    }
    Ok(t)
}

/// Marks the milestone with `id` reached on `on`, or not reached (`None`).
pub fn reach_milestone(task: &Task, id: &str, on: Option<NaiveDate>, today: NaiveDate) -> Checked {
    if let Some(d) = on {
        not_after_today("milestone_done", d, today)?;
    }
    let mut t = task.clone();
    match t.milestones.iter_mut().find(|m| m.id == id) {
        Some(m) => m.done_on = on,
        None => return fail("milestones", "该节点已不存在"),
    }
    Ok(t)
}

/// 延期 granted on `on` to `new_due`, for `reason`. The due date before it
/// is kept on the record, so the original date stays visible.
pub fn extend(
    task: &Task,
    on: NaiveDate,
    new_due: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Checked {
    let mut errors = Vec::new();
    if on > today {
        errors.push(error("extend_date", "批准延期的日期不能晚于今天"));
    }
    if reason.trim().is_empty() {
        errors.push(error("extend_reason", "请填写延期理由"));
    }
    match task.due_as_of(on) {
        None => errors.push(error(
            "extend_due",
            "该任务还没有完成时限，请先在“编辑”中填写完成时限",
        )),
        Some(due) if new_due <= due => errors.push(error(
            "extend_due",
            format!("延期后的完成时限应晚于当时的完成时限 {}", format_date(due)),
        )),
        _ => {}
    }
    if task.is_closed() {
        errors.push(error(
            "extend_due",
            "任务已办结，不能延期；如需继续办理请先重新打开",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut t = task.clone();
    t.extend(on, new_due, reason.trim());
    Ok(t)
}

/// 办结 on `on` with a closing note (办结说明).
pub fn close(task: &Task, on: NaiveDate, note: &str, today: NaiveDate) -> Checked {
    let mut errors = Vec::new();
    if on > today {
        errors.push(error("close_date", "办结日期不能晚于今天"));
    }
    if note.trim().is_empty() {
        errors.push(error(
            "close_note",
            "请填写办结说明（完成了什么、成果形式）",
        ));
    }
    if task.is_closed() {
        errors.push(error("close_note", "任务已办结"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut t = task.clone();
    t.status = Status::Closed;
    t.closing = Some(Closing {
        date: on,
        note: note.trim().to_string(),
    });
    t.status_note.clear();
    Ok(t)
}

/// Reopens a closed task, for `reason`; the closing stays in the log.
pub fn reopen(task: &Task, reason: &str) -> Checked {
    if !task.is_closed() {
        return fail("reopen_reason", "任务未办结，无需重新打开");
    }
    if reason.trim().is_empty() {
        return fail("reopen_reason", "请填写重新打开的原因");
    }
    let mut t = task.clone();
    t.status = Status::InProgress;
    t.closing = None;
    t.status_note = reason.trim().to_string();
    Ok(t)
}

/// 暂缓 or 中止 (`to`), for `reason`.
pub fn halt(task: &Task, to: Status, reason: &str) -> Checked {
    if !to.is_halted() {
        return fail("halt_reason", "只能暂缓或中止");
    }
    if task.is_closed() {
        return fail("halt_reason", "任务已办结，不能暂缓或中止");
    }
    if reason.trim().is_empty() {
        return fail("halt_reason", format!("请填写{}的原因", to.label()));
    }
    let mut t = task.clone();
    t.status = to;
    t.status_note = reason.trim().to_string();
    Ok(t)
}

/// Resumes a paused or stopped task.
pub fn resume(task: &Task, note: &str) -> Checked {
    if !task.status.is_halted() {
        return fail("halt_reason", "任务没有暂缓或中止");
    }
    let mut t = task.clone();
    t.status = Status::InProgress;
    t.status_note = note.trim().to_string();
    Ok(t)
}

/// What a line of the handling record (办理记录) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandlingKind {
    /// 办结, with its 办结说明.
    Closing,
    /// One 延期, with its 延期理由.
    Extension,
    /// The reason given for 暂缓/中止, reopening or resuming.
    StatusNote,
}

impl HandlingKind {
    /// Stable key, for the page's test hooks.
    pub fn key(self) -> &'static str {
        match self {
            HandlingKind::Closing => "closing",
            HandlingKind::Extension => "extension",
            HandlingKind::StatusNote => "status-note",
        }
    }
}

/// One line of the handling record, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handling {
    pub kind: HandlingKind,
    pub text: String,
}

/// The handling record shown in the 进展与办理 tab: what the office wrote
/// when it acted — the 办结说明, every 延期理由 (oldest first) and the
/// reason for the present state — so what was typed into a form is seen
/// again after saving, not only in the 留痕.
pub fn handling(task: &Task) -> Vec<Handling> {
    let mut out = Vec::new();
    if let Some(c) = &task.closing {
        out.push(Handling {
            kind: HandlingKind::Closing,
            text: format!("{} 办结。办结说明：{}", format_date(c.date), c.note),
        });
    }
    let mut extensions: Vec<_> = task.extensions.iter().collect();
    crate::model::sorting::sort_by_key(&mut extensions, |e| e.date);
    for e in extensions {
        out.push(Handling {
            kind: HandlingKind::Extension,
            text: format!(
                "{} 批准延期，完成时限由 {} 延至 {}。延期理由：{}",
                format_date(e.date),
                format_date(e.previous_due),
                format_date(e.new_due),
                e.reason
            ),
        });
    }
    let note = task.status_note.trim();
    if !note.is_empty() {
        let label = match task.status {
            Status::Paused => "暂缓原因",
            Status::Stopped => "中止原因",
            _ => "办理情况说明",
        };
        out.push(Handling {
            kind: HandlingKind::StatusNote,
            text: format!("{label}：{note}"),
        });
    }
    out
}
