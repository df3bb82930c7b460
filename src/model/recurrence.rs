//! Standing work (常态化): tasks that recur monthly (三会一课), quarterly
//! or yearly (民主评议党员). Each occurrence is expected to be reported;
//! an occurrence that ended without a report is missed.

use crate::model::task::Task;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How often a standing task recurs.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    Monthly,
    Quarterly,
    Yearly,
}

impl Recurrence {
    pub const ALL: [Recurrence; 3] = [
        Recurrence::Monthly,
        Recurrence::Quarterly,
        Recurrence::Yearly,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Recurrence::Monthly => "monthly",
            Recurrence::Quarterly => "quarterly",
            Recurrence::Yearly => "yearly",
        }
    }

    pub fn from_key(key: &str) -> Option<Recurrence> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Recurrence::Monthly => "每月",
            Recurrence::Quarterly => "每季度",
            Recurrence::Yearly => "每年",
        }
    }

    /// Reads the free text older data kept ("每月", "按季度", "每年一次"):
    /// the cycle it names, if it names exactly one.
    pub fn from_text(text: &str) -> Option<Recurrence> {
        let t = text.trim();
        if let Some(r) = Recurrence::from_key(t) {
            return Some(r);
        }
        let month = ["每月", "月度", "按月", "逐月"]
            .iter()
            .any(|k| t.contains(k));
        let quarter = ["季度", "每季", "按季"].iter().any(|k| t.contains(k));
        let year = ["每年", "年度", "按年", "一年一次"]
            .iter()
            .any(|k| t.contains(k));
        match (month, quarter, year) {
            (true, false, false) => Some(Recurrence::Monthly),
            (false, true, false) => Some(Recurrence::Quarterly),
            (false, false, true) => Some(Recurrence::Yearly),
            _ => None,
        }
    }

    /// The calendar period of this cycle that contains `day`.
    pub fn period_of(self, day: NaiveDate) -> (NaiveDate, NaiveDate) {
        let (y, m) = (day.year(), day.month());
        let (first, months) = match self {
            Recurrence::Monthly => (m, 1),
            Recurrence::Quarterly => ((m - 1) / 3 * 3 + 1, 3),
            Recurrence::Yearly => (1, 12),
        };
        let start = NaiveDate::from_ymd_opt(y, first, 1).unwrap_or(day);
        let end = start
            .checked_add_months(chrono::Months::new(months))
            .and_then(|d| d.pred_opt())
            .unwrap_or(day);
        (start, end)
    }

    /// A period's name: 2026年3月, 2026年第二季度, 2026年.
    pub fn period_label(self, start: NaiveDate) -> String {
        match self {
            Recurrence::Monthly => format!("{}年{}月", start.year(), start.month()),
            Recurrence::Quarterly => {
                let q = ["一", "二", "三", "四"][((start.month() - 1) / 3) as usize];
                format!("{}年第{q}季度", start.year())
            }
            Recurrence::Yearly => format!("{}年", start.year()),
        }
    }
}

/// One occurrence of a standing task, clipped to the task's own dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub label: String,
    /// A progress update is dated within the occurrence (up to `today`).
    pub reported: bool,
    /// Ended before `today` without a report.
    pub missed: bool,
}

/// No standing task is followed over more occurrences than this, so a
/// hostile span (year 1 to 9999) cannot make the page spin.
const MAX_OCCURRENCES: usize = 400;

/// The occurrences of a standing task that have begun by `today`, oldest
/// first. A task without a start begins with the year of its due date; one
/// without either has none to follow. The due date is the one in force on
/// `today`: an extension granted later does not yet add occurrences.
pub fn occurrences(task: &Task, today: NaiveDate) -> Vec<Occurrence> {
    let Some(rec) = task.recurrence else {
        return Vec::new();
    };
    let due = task.due_as_of(today);
    let Some(first) = task
        .start
        .or_else(|| due.and_then(|d| NaiveDate::from_ymd_opt(d.year(), 1, 1)))
    else {
        return Vec::new();
    };
    // Without a due date, standing work goes on until today.
    let last = due.unwrap_or(today);
    let closed = task.closed_on().filter(|_| task.is_closed());
    let mut out = Vec::new();
    let mut day = first;
    while day <= last && day <= today && out.len() < MAX_OCCURRENCES {
        let (p_start, p_end) = rec.period_of(day);
        let (start, end) = (p_start.max(first), p_end.min(last));
        let reported = task
            .updates
            .iter()
            .any(|u| u.date >= start && u.date <= end && u.date <= today);
        // Closed or halted work owes nothing after it stopped.
        let owed = closed.is_none_or(|c| start <= c) && !task.status.is_halted();
        out.push(Occurrence {
            start,
            end,
            label: rec.period_label(p_start),
            reported,
            missed: owed && !reported && end < today,
        });
        match p_end.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

/// How many occurrences were missed by `today`.
pub fn missed_count(task: &Task, today: NaiveDate) -> usize {
    occurrences(task, today).iter().filter(|o| o.missed).count()
}
