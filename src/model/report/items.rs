//! How a work item appears in a report: named briefly in a sentence
//! (`ItemRef`), or as a full row of a list (`ItemRow`: 责任领导, 完成时限,
//! state, days overdue, latest progress), always as of the judged day.

use crate::model::index::PlanIndex;
use crate::model::report::text::{date_text, end_sentence, month_day};
use crate::model::schedule::{Assessment, Level};
use crate::model::summary::NO_LEAD_UNIT;
use crate::model::TaskId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A work item named in a sentence or a short list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    pub id: TaskId,
    pub title: String,
    /// The lead unit's name; `summary::NO_LEAD_UNIT` when it has none.
    pub lead_unit: String,
}

/// The latest progress report on or before the judged day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Latest {
    pub date: NaiveDate,
    pub percent: u8,
    /// 进展情况.
    pub progress: String,
    /// 存在问题 (may be empty).
    pub problems: String,
}

/// A work item as a row of a list: 存在问题, 附件2, the 领导版.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRow {
    pub id: TaskId,
    pub title: String,
    /// The lead unit's name; `summary::NO_LEAD_UNIT` when it has none.
    pub lead_unit: String,
    /// 责任领导 as recorded (trimmed); empty when not filled in.
    pub leader: String,
    /// 完成时限 in force on the day, as the ledger shows it.
    pub due: Option<NaiveDate>,
    /// The deadline first agreed, when an extension has moved it.
    pub original_due: Option<NaiveDate>,
    /// The light on the day.
    pub level: Level,
    /// The ledger's state text on the day, e.g. "预警：进度滞后".
    pub state: String,
    /// Days past the deadline lateness is judged against, for an overdue
    /// item (as the ledger and the supervision list count them).
    pub days_overdue: Option<i64>,
    /// Progress in percent on the day, rounded.
    pub progress: u8,
    pub closed_on: Option<NaiveDate>,
    pub latest: Option<Latest>,
}

impl ItemRow {
    /// "2026年9月30日（原定2026年6月30日）", or "未定".
    pub fn due_text(&self) -> String {
        let due = self.due.map(date_text).unwrap_or_else(|| "未定".into());
        match self.original_due {
            Some(o) => format!("{due}（原定{}）", date_text(o)),
            None => due,
        }
    }

    /// "12天" for an overdue item, "—" otherwise.
    pub fn days_overdue_text(&self) -> String {
        match self.days_overdue {
            Some(d) => format!("{d}天"),
            None => "—".into(),
        }
    }

    /// "（11月20日，60%）进展……存在问题：……", or "尚未报送进展".
    pub fn latest_text(&self) -> String {
        let Some(l) = &self.latest else {
            return "尚未报送进展".into();
        };
        let mut text = format!("（{}，{}%）{}", month_day(l.date), l.percent, l.progress);
        if !l.problems.is_empty() {
            end_sentence(&mut text);
            text.push_str("存在问题：");
            text.push_str(&l.problems);
        }
        text
    }

    /// The 责任领导 for print: "未明确" when not filled in.
    pub fn leader_text(&self) -> String {
        if self.leader.is_empty() {
            "未明确".into()
        } else {
            self.leader.clone()
        }
    }
}

/// The lead unit's id (trimmed; empty for none) and name of the work item
/// at `pos`, as `summary::unit_summary` keys its rows, so the report's
/// groups and its 附件1 name units alike.
pub fn lead_of(index: &PlanIndex, pos: usize) -> (String, String) {
    match index
        .at(pos)
        .lead_unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(u) => (u.to_string(), index.unit_name(u)),
        None => (String::new(), NO_LEAD_UNIT.to_string()),
    }
}

pub fn item_ref(index: &PlanIndex, pos: usize) -> ItemRef {
    let t = index.at(pos);
    ItemRef {
        id: t.id.clone(),
        title: t.title.clone(),
        lead_unit: lead_of(index, pos).1,
    }
}

pub fn item_row(index: &PlanIndex, pos: usize, a: &Assessment, as_of: NaiveDate) -> ItemRow {
    let t = index.at(pos);
    let original_due = t.original_due().filter(|&o| Some(o) != a.current_due);
    ItemRow {
        id: t.id.clone(),
        title: t.title.clone(),
        lead_unit: lead_of(index, pos).1,
        leader: t.leader.trim().to_string(),
        due: a.current_due,
        original_due,
        level: a.level,
        state: a.label(),
        days_overdue: a.days_left.filter(|_| a.level == Level::Red).map(|d| -d),
        progress: a.progress.round().clamp(0.0, 100.0) as u8,
        closed_on: a.closed_on,
        latest: t.update_as_of(as_of).map(|u| Latest {
            date: u.date,
            percent: u.percent,
            progress: u.progress.trim().to_string(),
            problems: u.problems.trim().to_string(),
        }),
    }
}
