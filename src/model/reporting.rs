//! Reporting periods (报送周期): which period a day falls in, whether a
//! task has reported in it, whether it is late to report, and which units
//! have not reported this period (本期未报送).

use crate::model::index::PlanIndex;
use crate::model::settings::{ReportCycle, Settings};
use crate::model::task::{Status, Task};
use crate::model::TaskId;
use chrono::{Datelike, Months, NaiveDate};

/// One reporting period and the day its report is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub deadline: NaiveDate,
    pub cycle: ReportCycle,
}

impl Period {
    /// 2026年7月, 2026年第三季度, or the rolling window's dates.
    pub fn label(&self) -> String {
        match self.cycle {
            ReportCycle::Monthly => format!("{}年{}月", self.start.year(), self.start.month()),
            ReportCycle::Quarterly => {
                let q = ["一", "二", "三", "四"][((self.start.month() - 1) / 3) as usize];
                format!("{}年第{q}季度", self.start.year())
            }
            ReportCycle::Rolling => format!(
                "{}月{}日至{}月{}日",
                self.start.month(),
                self.start.day(),
                self.end.month(),
                self.end.day()
            ),
        }
    }

    /// The period before this one (calendar cycles only).
    fn previous(&self, settings: &Settings) -> Option<Period> {
        period_of(settings, self.start.pred_opt()?)
    }
}

/// The calendar period containing `day`; for the rolling cycle, the window
/// ending on `day`.
pub fn period_of(settings: &Settings, day: NaiveDate) -> Option<Period> {
    let months = match settings.report_cycle {
        ReportCycle::Monthly => 1,
        ReportCycle::Quarterly => 3,
        ReportCycle::Rolling => {
            // The same window `is_stale` uses: a report `days` days ago
            // still counts.
            let days = u64::from(settings.report_period_days.max(1));
            let start = day.checked_sub_days(chrono::Days::new(days))?;
            return Some(Period {
                start,
                end: day,
                deadline: day,
                cycle: ReportCycle::Rolling,
            });
        }
    };
    let first_month = (day.month() - 1) / months * months + 1;
    let start = NaiveDate::from_ymd_opt(day.year(), first_month, 1)?;
    let end = start.checked_add_months(Months::new(months))?.pred_opt()?;
    let deadline = NaiveDate::from_ymd_opt(end.year(), end.month(), settings.due_day())?;
    Some(Period {
        start,
        end,
        deadline,
        cycle: settings.report_cycle,
    })
}

/// Whether `task` has a progress update dated from `since` to `today`.
pub fn reported_since(task: &Task, since: NaiveDate, today: NaiveDate) -> bool {
    task.updates
        .iter()
        .any(|u| u.date >= since && u.date <= today)
}

/// Whether the task has reported in the period containing `today`.
pub fn reported_this_period(task: &Task, settings: &Settings, today: NaiveDate) -> bool {
    period_of(settings, today).is_some_and(|p| reported_since(task, p.start, today))
}

/// The period whose report the task owes on `today`: this period once its
/// deadline has passed, the previous one before that. `None` when nothing
/// is owed yet (the task started after that period began).
pub fn owed_period(task: &Task, settings: &Settings, today: NaiveDate) -> Option<Period> {
    let current = period_of(settings, today)?;
    let owed = if today > current.deadline {
        current
    } else {
        current.previous(settings)?
    };
    task.start.is_none_or(|s| s <= owed.start).then_some(owed)
}

/// 未按期报送: a started task has no report for the period it owes.
/// Calendar cycles: no update from the owed period's start to today.
/// Rolling: no update in the last `report_period_days`, counting from the
/// later of the last update and the start, so a task that started
/// yesterday is not yet late.
pub fn is_stale(task: &Task, settings: &Settings, today: NaiveDate) -> bool {
    if task.start.is_some_and(|s| s > today) {
        return false;
    }
    if settings.report_cycle != ReportCycle::Rolling {
        return owed_period(task, settings, today)
            .is_some_and(|p| !reported_since(task, p.start, today));
    }
    let period = i64::from(settings.report_period_days.max(1));
    let last = task.update_as_of(today).map(|u| u.date);
    let reference = match (last, task.start) {
        (Some(l), Some(s)) => Some(l.max(s)),
        (l, s) => l.or(s),
    };
    reference.is_some_and(|r| (today - r).num_days() > period)
}

/// A task that is expected to report this period: a work item, open on
/// `today` (not closed, not 暂缓/中止) and started by then.
pub fn expected_to_report(task: &Task, today: NaiveDate) -> bool {
    !task.closed_as_of(today)
        && !task.status.is_halted()
        && task.status != Status::Closed
        && task.start.is_none_or(|s| s <= today)
}

/// Owes a report for the period containing `today` (本期应报送): expected
/// to report, and started by the period's first day. A task that starts
/// later in the period reports from the next period on, as the README's
/// 报送周期 rule says; for the rolling cycle, once it has run a whole window.
pub fn owes_this_period(task: &Task, settings: &Settings, today: NaiveDate) -> bool {
    expected_to_report(task, today)
        && period_of(settings, today).is_some_and(|p| task.start.is_none_or(|s| s <= p.start))
}

/// One unit's reporting this period.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitCoverage {
    /// The unit's id; empty for work items with no lead unit.
    pub unit: String,
    pub unit_name: String,
    /// Work items it leads that are expected to report.
    pub expected: usize,
    /// Of those, the ones with no report this period (本期未报送), in
    /// hierarchy order.
    pub missing: Vec<TaskId>,
}

/// Per lead unit, the work items expected to report this period and those
/// that have not: units with the most missing first, then by name order in
/// the registry. Units with nothing expected are left out.
pub fn coverage(index: &PlanIndex, settings: &Settings, today: NaiveDate) -> Vec<UnitCoverage> {
    let plan = index.plan();
    let Some(period) = period_of(settings, today) else {
        return Vec::new();
    };
    let mut by_unit: Vec<UnitCoverage> = Vec::new();
    for pos in index.work_items_in_order() {
        let task = &plan.tasks[pos];
        if !owes_this_period(task, settings, today) {
            continue;
        }
        let unit = task.lead_unit.clone().unwrap_or_default();
        let at = match by_unit.iter().position(|c| c.unit == unit) {
            Some(at) => at,
            None => {
                by_unit.push(UnitCoverage {
                    unit_name: if unit.is_empty() {
                        "（未指定牵头单位）".into()
                    } else {
                        plan.unit_name(&unit)
                    },
                    unit,
                    expected: 0,
                    missing: Vec::new(),
                });
                by_unit.len() - 1
            }
        };
        let c = &mut by_unit[at];
        c.expected += 1;
        if !reported_since(task, period.start, today) {
            c.missing.push(task.id.clone());
        }
    }
    let registry_order = |unit: &str| {
        plan.units
            .iter()
            .position(|u| u.id == unit)
            .unwrap_or(usize::MAX)
    };
    crate::model::sorting::sort_by(&mut by_unit, |a, b| {
        b.missing
            .len()
            .cmp(&a.missing.len())
            .then(registry_order(&a.unit).cmp(&registry_order(&b.unit)))
    });
    by_unit
}
