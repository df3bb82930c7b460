//! What the report is drafted for: the period, the judged day, and which
//! version (the 通报 or the 领导版). Owned by the page.

use crate::model::report::{PeriodKind, ReportPeriod};
use crate::model::settings::ReportCycle;
use chrono::NaiveDate;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Choice {
    pub period: RwSignal<ReportPeriod>,
    /// The day the plan is judged as; `None` follows the period's end
    /// (not later than today).
    pub as_of: RwSignal<Option<NaiveDate>>,
    /// True for the 领导版.
    pub leaders: RwSignal<bool>,
}

impl Choice {
    /// The last period ended before `today`, of the plan's reporting
    /// cycle (quarters when units report quarterly, else months).
    pub fn new(today: NaiveDate, cycle: ReportCycle) -> Choice {
        let kind = PeriodKind::for_cycle(cycle);
        let period = ReportPeriod::last_ended_of(kind, today)
            .or_else(|| ReportPeriod::containing(kind, today))
            .unwrap_or_else(|| fallback(today));
        Choice {
            period: RwSignal::new(period),
            as_of: RwSignal::new(None),
            leaders: RwSignal::new(false),
        }
    }

    /// The judged day: as chosen, else the period's end or today,
    /// whichever is earlier (what has not happened cannot be reported).
    pub fn judged(&self, today: NaiveDate) -> NaiveDate {
        self.as_of
            .get()
            .unwrap_or_else(|| self.period.with(|p| p.end().min(today)))
    }
}

/// A month that always exists (dates from a calendar the model covers).
fn fallback(today: NaiveDate) -> ReportPeriod {
    use chrono::Datelike;
    ReportPeriod::month(today.year().clamp(1, 9999), today.month())
        .or_else(|| ReportPeriod::month(2026, 1))
        .expect("January 2026 is a month")
}

/// The periods offered: every month and quarter of the plan's year and
/// of the year before, and the chosen one; latest first.
pub fn offered(plan_year: i32, chosen: ReportPeriod) -> Vec<ReportPeriod> {
    let mut out = Vec::new();
    for year in [plan_year, plan_year - 1] {
        for q in (1..=4).rev() {
            out.extend(ReportPeriod::quarter(year, q));
        }
        for m in (1..=12).rev() {
            out.extend(ReportPeriod::month(year, m));
        }
    }
    if !out.contains(&chosen) {
        out.insert(0, chosen);
    }
    out
}
