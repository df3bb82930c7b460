//! A task (任务/措施) and the records that hang off it: progress updates,
//! extensions, milestones, supervision and closing.

pub use crate::model::activity::LogEntry;
use crate::model::date::opt_date;
use crate::model::id::{new_id, TaskId};

pub mod ids;
mod records;
pub use crate::model::recurrence::Recurrence;
use chrono::NaiveDate;
pub use records::{Closing, Extension, Milestone, ProgressUpdate, SuperviseKind, Supervision};
use serde::{Deserialize, Serialize};

/// Where a task stands, as the office records it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 未启动
    #[default]
    NotStarted,
    /// 推进中
    InProgress,
    /// 已办结
    Closed,
    /// 暂缓
    Paused,
    /// 中止: stopped for good (e.g. the work was cancelled); like 暂缓 it is
    /// left out of lateness counts but listed.
    Stopped,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Closed => "已办结",
            Status::Paused => "暂缓",
            Status::Stopped => "中止",
        }
    }

    /// 暂缓 or 中止: not expected to move or report.
    pub fn is_halted(self) -> bool {
        matches!(self, Status::Paused | Status::Stopped)
    }
}

/// One work item. The hierarchy (要点 → 任务 → 子任务) is expressed by
/// `parent`; the ledger derives numbering from it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Task {
    pub id: TaskId,
    #[serde(default)]
    pub parent: Option<TaskId>,
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub order: u32,
    pub title: String,
    /// 工作要求
    #[serde(default)]
    pub detail: String,
    /// 成果形式
    #[serde(default)]
    pub deliverable: String,
    /// 牵头单位 (unit id)
    #[serde(default)]
    pub lead_unit: Option<String>,
    /// 配合单位 (unit ids)
    #[serde(default)]
    pub support_units: Vec<String>,
    /// 责任领导
    #[serde(default)]
    pub leader: String,
    /// 责任人
    #[serde(default)]
    pub owner: String,
    #[serde(default, with = "opt_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::optional")
    )]
    pub start: Option<NaiveDate>,
    /// 完成时限: the due date in force now, after every extension. Rules
    /// that reason at a given day use `due_as_of`, since an extension does
    /// not count before the day it was granted.
    #[serde(default, with = "opt_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::optional")
    )]
    pub due: Option<NaiveDate>,
    /// 延期 records; the earliest granted keeps the original due.
    #[serde(default)]
    pub extensions: Vec<Extension>,
    /// 时序进度节点
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Standing work (常态化): 三会一课 monthly, 民主评议党员 yearly. Each
    /// occurrence is expected to be reported.
    #[serde(default)]
    pub recurrence: Option<Recurrence>,
    /// What older data said about recurrence in words, kept when it could
    /// not be read as a cycle (never dropped).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recurrence_note: String,
    /// 重点任务
    #[serde(default)]
    pub key_task: bool,
    /// 专项 tags, e.g. 疏解整治促提升.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub updates: Vec<ProgressUpdate>,
    /// 督办/催办 records.
    #[serde(default)]
    pub supervisions: Vec<Supervision>,
    /// 办结 record; present when the task is closed.
    #[serde(default)]
    pub closing: Option<Closing>,
    /// Why the task is in its state: the reason for 暂缓/中止, or for
    /// reopening a closed task. Recorded in the log with the change.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status_note: String,
    /// 留痕: every change to the task, oldest first.
    #[serde(default)]
    pub log: Vec<LogEntry>,
    /// When this task last changed (ISO 8601), for merging; set by
    /// `ops::apply` on every change.
    #[serde(default)]
    pub updated_at: String,
    /// How many changes this task has seen; set by `ops::apply`.
    #[serde(default)]
    pub revision: u32,
}

impl Task {
    /// A task with only the required fields; the rest are empty.
    pub fn new(id: impl Into<TaskId>, title: impl Into<String>) -> Task {
        Task {
            id: id.into(),
            parent: None,
            area: None,
            order: 0,
            title: title.into(),
            detail: String::new(),
            deliverable: String::new(),
            lead_unit: None,
            support_units: Vec::new(),
            leader: String::new(),
            owner: String::new(),
            start: None,
            due: None,
            extensions: Vec::new(),
            milestones: Vec::new(),
            recurrence: None,
            recurrence_note: String::new(),
            key_task: false,
            tags: Vec::new(),
            status: Status::NotStarted,
            updates: Vec::new(),
            supervisions: Vec::new(),
            closing: None,
            status_note: String::new(),
            log: Vec::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }

    pub fn is_closed(&self) -> bool {
        self.status == Status::Closed
    }

    /// The day the task was closed, if recorded.
    pub fn closed_on(&self) -> Option<NaiveDate> {
        self.closing.as_ref().map(|c| c.date)
    }

    /// Extensions in the order they were granted: by date, and among those
    /// of the same day in the order recorded.
    fn extensions_granted(&self) -> Vec<&Extension> {
        let mut list: Vec<&Extension> = self.extensions.iter().collect();
        crate::model::sorting::sort_by_key(&mut list, |e| e.date);
        list
    }

    /// The due date first agreed, before any extension.
    pub fn original_due(&self) -> Option<NaiveDate> {
        self.extensions_granted()
            .first()
            .map(|e| e.previous_due)
            .or(self.due)
    }

    /// The due date in force on `day`: the original one, moved by each
    /// extension granted on or before `day`. From the last extension on it
    /// is `due` itself, so a due date edited since then is respected.
    pub fn due_as_of(&self, day: NaiveDate) -> Option<NaiveDate> {
        if self.extensions.iter().all(|e| e.date <= day) {
            return self.due;
        }
        let mut due = self.original_due();
        for e in self.extensions_granted() {
            if e.date <= day {
                due = Some(e.new_due);
            }
        }
        due
    }

    /// How many extensions had been granted by `day`.
    pub fn extensions_as_of(&self, day: NaiveDate) -> usize {
        self.extensions.iter().filter(|e| e.date <= day).count()
    }

    /// Moves the due date, keeping the previous one on record.
    /// An extension granted on `date` moves the due date in force on that
    /// day; one recorded late but dated before others takes its place in
    /// date order, and `due` changes only if it is the latest granted.
    pub fn extend(&mut self, date: NaiveDate, new_due: NaiveDate, reason: impl Into<String>) {
        let latest = self.extensions.iter().all(|e| e.date <= date);
        if let Some(previous_due) = self.due_as_of(date) {
            let at = self.extensions.partition_point(|e| e.date <= date);
            self.extensions.insert(
                at.min(self.extensions.len()),
                Extension {
                    id: new_id(),
                    date,
                    previous_due,
                    new_due,
                    reason: reason.into(),
                },
            );
        }
        if latest {
            self.due = Some(new_due);
        }
    }

    /// The most recent progress update on record: latest date wins, and
    /// among updates of the same day the one recorded last.
    pub fn latest_update(&self) -> Option<&ProgressUpdate> {
        self.update_as_of(NaiveDate::MAX)
    }

    /// The latest update dated on or before `today`. The app can reason at
    /// a simulated date (`?today=`), and a report from after that date has
    /// not happened yet as far as the rules are concerned.
    pub fn update_as_of(&self, today: NaiveDate) -> Option<&ProgressUpdate> {
        self.updates
            .iter()
            .enumerate()
            .filter(|(_, u)| u.date <= today)
            .max_by_key(|(i, u)| (u.date, *i))
            .map(|(_, u)| u)
    }

    /// Closed by `today`: marked closed, with a closing date (if recorded)
    /// not after `today`.
    pub fn closed_as_of(&self, today: NaiveDate) -> bool {
        self.is_closed() && self.closed_on().is_none_or(|c| c <= today)
    }

    /// Progress in percent as of `today`: 100 when closed by then, else the
    /// latest report up to then (clamped), else 0.
    pub fn progress_as_of(&self, today: NaiveDate) -> f64 {
        if self.closed_as_of(today) {
            return 100.0;
        }
        self.update_as_of(today)
            .map(|u| f64::from(u.percent.min(100)))
            .unwrap_or(0.0)
    }

    /// Planned length in days as of `day` (with the due date in force
    /// then), when both ends are known and in order.
    pub fn duration_days_as_of(&self, day: NaiveDate) -> Option<i64> {
        match (self.start, self.due_as_of(day)) {
            (Some(s), Some(d)) if d >= s => Some((d - s).num_days().max(1)),
            _ => None,
        }
    }
}
