//! The period a 通报 covers: a calendar month or quarter. It is written
//! into the page's address and the period chooser as "2026-11" or
//! "2026-Q3", and on paper as "2026年11月" or "2026年第三季度".
//!
//! This is not `reporting::Period`: that one follows the office's 报送周期
//! (and can be a rolling window) to say who owes a report; this one is what
//! the committee asked to be told about, chosen on the report page.

use crate::model::settings::ReportCycle;
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Whether a report covers a month or a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// 月度通报.
    Month,
    /// 季度通报.
    Quarter,
}

impl PeriodKind {
    /// Months in one period.
    fn months(self) -> u32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
        }
    }

    /// The kind the office reports by: quarters when units report
    /// quarterly, months otherwise (monthly and rolling cycles).
    pub fn for_cycle(cycle: ReportCycle) -> PeriodKind {
        match cycle {
            ReportCycle::Quarterly => PeriodKind::Quarter,
            ReportCycle::Monthly | ReportCycle::Rolling => PeriodKind::Month,
        }
    }

    /// 月度 / 季度, for the chooser.
    pub fn label(self) -> &'static str {
        match self {
            PeriodKind::Month => "月度",
            PeriodKind::Quarter => "季度",
        }
    }
}

/// A month or a quarter of a year. Only years 1–9999 are made, so every
/// period's first and last days exist and its key has four digits; the
/// fields are private to keep it so. Travels as its key ("2026-11").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct ReportPeriod {
    kind: PeriodKind,
    year: i32,
    /// 1–12 for a month, 1–4 for a quarter.
    number: u32,
}

/// Why a period's key could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError {
    /// The text as given.
    pub text: String,
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "无法识别报告期“{}”：应为“2026-11”（月）或“2026-Q3”（季度）的形式",
            self.text
        )
    }
}

impl std::error::Error for PeriodError {}

const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;
const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];

impl ReportPeriod {
    /// Month `month` (1–12) of `year`; `None` out of range.
    pub fn month(year: i32, month: u32) -> Option<ReportPeriod> {
        (YEARS.contains(&year) && (1..=12).contains(&month)).then_some(ReportPeriod {
            kind: PeriodKind::Month,
            year,
            number: month,
        })
    }

    /// Quarter `quarter` (1–4) of `year`; `None` out of range.
    pub fn quarter(year: i32, quarter: u32) -> Option<ReportPeriod> {
        (YEARS.contains(&year) && (1..=4).contains(&quarter)).then_some(ReportPeriod {
            kind: PeriodKind::Quarter,
            year,
            number: quarter,
        })
    }

    /// The month or quarter `day` falls in (`None` outside years 1–9999).
    pub fn containing(kind: PeriodKind, day: NaiveDate) -> Option<ReportPeriod> {
        match kind {
            PeriodKind::Month => ReportPeriod::month(day.year(), day.month()),
            PeriodKind::Quarter => ReportPeriod::quarter(day.year(), (day.month() - 1) / 3 + 1),
        }
    }

    /// The last month that ended before `today` (the default of the report
    /// page): the month before today's, since today's own month has not
    /// ended yet even on its last day, when the day's reports may still
    /// come in.
    pub fn last_ended(today: NaiveDate) -> Option<ReportPeriod> {
        ReportPeriod::last_ended_of(PeriodKind::Month, today)
    }

    /// The last month or quarter that ended before `today`.
    pub fn last_ended_of(kind: PeriodKind, today: NaiveDate) -> Option<ReportPeriod> {
        ReportPeriod::containing(kind, today)?.previous()
    }

    pub fn kind(&self) -> PeriodKind {
        self.kind
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1–12) or quarter (1–4) within the year.
    pub fn number(&self) -> u32 {
        self.number
    }

    /// The first day.
    pub fn start(&self) -> NaiveDate {
        let month = (self.number - 1) * self.kind.months() + 1;
        // Exists for every period the constructors make.
        NaiveDate::from_ymd_opt(self.year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day.
    pub fn end(&self) -> NaiveDate {
        let start = self.start();
        start
            .checked_add_months(Months::new(self.kind.months()))
            .and_then(|next| next.pred_opt())
            .unwrap_or(start)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start() <= day && day <= self.end()
    }

    /// The month or quarter before; `None` before year 1.
    pub fn previous(&self) -> Option<ReportPeriod> {
        let per_year = 12 / self.kind.months();
        let (year, number) = if self.number == 1 {
            (self.year - 1, per_year)
        } else {
            (self.year, self.number - 1)
        };
        match self.kind {
            PeriodKind::Month => ReportPeriod::month(year, number),
            PeriodKind::Quarter => ReportPeriod::quarter(year, number),
        }
    }

    /// "2026年11月", "2026年第三季度".
    pub fn label(&self) -> String {
        format!("{}年{}", self.year, self.in_year())
    }

    /// Within its year: "11月", "第三季度".
    pub fn in_year(&self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{}月", self.number),
            PeriodKind::Quarter => format!("第{}季度", QUARTERS[(self.number - 1) as usize]),
        }
    }

    /// The key for an address or a select: "2026-11", "2026-Q3".
    pub fn key(&self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{:04}-{:02}", self.year, self.number),
            PeriodKind::Quarter => format!("{:04}-Q{}", self.year, self.number),
        }
    }

    /// Reads a key written by `key`. Lenient where a person typing an
    /// address would be: surrounding spaces, a one-digit month ("2026-3"),
    /// a lower-case q.
    pub fn parse(text: &str) -> Result<ReportPeriod, PeriodError> {
        let error = || PeriodError {
            text: text.to_string(),
        };
        let (year, rest) = text.trim().split_once('-').ok_or_else(error)?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error());
        }
        let year: i32 = year.parse().map_err(|_| error())?;
        let digits = |s: &str| {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        let period = match rest.strip_prefix(['Q', 'q']) {
            Some(q) => digits(q).and_then(|q| ReportPeriod::quarter(year, q)),
            None => digits(rest).and_then(|m| ReportPeriod::month(year, m)),
        };
        period.ok_or_else(error)
    }
}

impl fmt::Display for ReportPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl From<ReportPeriod> for String {
    fn from(p: ReportPeriod) -> String {
        p.key()
    }
}

impl TryFrom<String> for ReportPeriod {
    type Error = PeriodError;
    fn try_from(s: String) -> Result<ReportPeriod, PeriodError> {
        ReportPeriod::parse(&s)
    }
}

impl std::str::FromStr for ReportPeriod {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<ReportPeriod, PeriodError> {
        ReportPeriod::parse(s)
    }
}
