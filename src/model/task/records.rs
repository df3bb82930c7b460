//! The records that hang off a task: progress updates, extensions,
//! milestones, 督办/催办 and the closing.

use crate::model::date::{opt_date, req_date};
use crate::model::task::Task;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A progress report from the lead unit.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct ProgressUpdate {
    /// Stable id, so a merge can tell the same record from a new one.
    #[serde(default)]
    pub id: String,
    #[serde(with = "req_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::required")
    )]
    pub date: NaiveDate,
    #[serde(deserialize_with = "percent")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 0, max = 100)))]
    pub percent: u8,
    /// 进展情况
    #[serde(default)]
    pub progress: String,
    /// 存在问题
    #[serde(default)]
    pub problems: String,
    /// 下步打算
    #[serde(default)]
    pub next_steps: String,
    #[serde(default)]
    pub by: String,
}

/// A 延期: the due date moved on `date` from `previous_due` to `new_due`.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Extension {
    /// Stable id, so a merge can tell the same record from a new one.
    #[serde(default)]
    pub id: String,
    #[serde(with = "req_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::required")
    )]
    pub date: NaiveDate,
    #[serde(with = "req_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::required")
    )]
    pub previous_due: NaiveDate,
    #[serde(with = "req_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::required")
    )]
    pub new_due: NaiveDate,
    #[serde(default)]
    pub reason: String,
}

/// A 时序进度节点.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Milestone {
    /// Stable id, so a merge can tell the same record from a new one.
    #[serde(default)]
    pub id: String,
    pub title: String,
    #[serde(with = "req_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::required")
    )]
    pub due: NaiveDate,
    #[serde(default, with = "opt_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::optional")
    )]
    pub done_on: Option<NaiveDate>,
}

/// Whether a supervision record is a 督办 or a 催办.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SuperviseKind {
    /// 督办: the formal notice.
    #[default]
    Supervise,
    /// 催办: a reminder.
    Chase,
}

impl SuperviseKind {
    pub fn label(self) -> &'static str {
        match self {
            SuperviseKind::Supervise => "督办",
            SuperviseKind::Chase => "催办",
        }
    }

    /// The printed notice's title.
    pub fn notice_title(self) -> &'static str {
        match self {
            SuperviseKind::Supervise => "督办通知单",
            SuperviseKind::Chase => "催办单",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SuperviseKind::Supervise => "supervise",
            SuperviseKind::Chase => "chase",
        }
    }
}

/// A 督办/催办 record.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Supervision {
    /// Stable id, so a merge can tell the same record from a new one.
    #[serde(default)]
    pub id: String,
    #[serde(with = "req_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::required")
    )]
    pub date: NaiveDate,
    #[serde(default)]
    pub kind: SuperviseKind,
    /// 督办要求.
    #[serde(default)]
    pub note: String,
    /// 反馈时限.
    #[serde(default, with = "opt_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::optional")
    )]
    pub reply_due: Option<NaiveDate>,
    /// The notice's number within its year and kind (督字〔2026〕3号 → 3);
    /// none for records made before numbering.
    #[serde(default)]
    pub number: Option<u32>,
}

impl Supervision {
    /// Answered by `today`: a progress update dated on or after the day of
    /// the supervision (a reply the same day counts).
    pub fn answered_by(&self, task: &Task, today: NaiveDate) -> bool {
        task.updates
            .iter()
            .any(|u| u.date >= self.date && u.date <= today)
    }

    /// Past its reply-by date on `today` with no reply.
    pub fn unanswered_late(&self, task: &Task, today: NaiveDate) -> bool {
        self.date <= today
            && self.reply_due.is_some_and(|r| r < today)
            && !self.answered_by(task, today)
    }
}

/// A 办结 record.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Closing {
    #[serde(with = "req_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::required")
    )]
    pub date: NaiveDate,
    #[serde(default)]
    pub note: String,
}

/// Reads a progress percentage: a number from 0 to 100 (fractions are
/// rounded); anything else is refused with a message naming the value.
fn percent<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    use serde::de::Error;
    let v = serde_json::Value::deserialize(d)?;
    match v.as_f64() {
        Some(x) if (0.0..=100.0).contains(&x) => Ok(x.round() as u8),
        _ => Err(D::Error::custom(format!(
            "进度应为 0 到 100 之间的数字，实际为 {v}"
        ))),
    }
}
