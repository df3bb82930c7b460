//! The per-unit summary (汇总表) the committee receives: for each lead
//! unit, its work items closed (on time, late) and open (before their
//! deadline, overdue, with no fixed deadline), and the paused ones, with a
//! total row. Counted from the same assessments as the dashboard, so the
//! numbers agree for the same day.

use crate::model::index::PlanIndex;
use crate::model::schedule::{Assessment, Level};

/// One unit's counts (serde: they travel in a report's draft).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnitCounts {
    pub unit: String,
    pub closed_on_time: usize,
    pub closed_late: usize,
    /// Open, with a deadline not yet passed (未到完成时限).
    pub open_in_time: usize,
    /// Open and past the deadline (逾期未办结).
    pub open_overdue: usize,
    /// Open with no fixed deadline (无明确完成时限).
    pub open_undated: usize,
    /// 暂缓/中止.
    pub halted: usize,
}

impl UnitCounts {
    pub fn closed(&self) -> usize {
        self.closed_on_time + self.closed_late
    }

    pub fn open(&self) -> usize {
        self.open_in_time + self.open_overdue + self.open_undated
    }

    pub fn total(&self) -> usize {
        self.closed() + self.open() + self.halted
    }

    /// The nine counts of a row of the 汇总表, in its column order after
    /// 序号 and 牵头单位: 按时办结, 逾期办结, 小计, 未到完成时限,
    /// 逾期未办结, 无明确完成时限, 小计, 暂缓/中止, 合计 (the Excel sheet
    /// and the 通报's 附件1 both print these).
    pub fn columns(&self) -> [usize; 9] {
        [
            self.closed_on_time,
            self.closed_late,
            self.closed(),
            self.open_in_time,
            self.open_overdue,
            self.open_undated,
            self.open(),
            self.halted,
            self.total(),
        ]
    }

    fn add(&mut self, a: &Assessment) {
        match a.level {
            Level::DoneOnTime => self.closed_on_time += 1,
            Level::DoneLate => self.closed_late += 1,
            Level::Halted => self.halted += 1,
            Level::Red => self.open_overdue += 1,
            Level::Green | Level::Yellow if a.current_due.is_none() => self.open_undated += 1,
            Level::Green | Level::Yellow => self.open_in_time += 1,
        }
    }

    fn sum(&mut self, o: &UnitCounts) {
        self.closed_on_time += o.closed_on_time;
        self.closed_late += o.closed_late;
        self.open_in_time += o.open_in_time;
        self.open_overdue += o.open_overdue;
        self.open_undated += o.open_undated;
        self.halted += o.halted;
    }
}

/// Name of the row for work items with no lead unit.
pub const NO_LEAD_UNIT: &str = "未明确牵头单位";

/// The counts per lead unit, in the order of the plan's unit list (units
/// with no work item left out; work items with no lead unit last), and
/// the total.
pub fn unit_summary(
    index: &PlanIndex,
    assessments: &[Assessment],
) -> (Vec<UnitCounts>, UnitCounts) {
    let plan = index.plan();
    let mut rows: Vec<(usize, UnitCounts)> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let place = |id: &str| plan.units.iter().position(|u| u.id == id);
    for pos in index.work_items() {
        let Some(a) = assessments.get(pos) else {
            continue;
        };
        let lead = index
            .at(pos)
            .lead_unit
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty());
        let key = lead.unwrap_or("").to_string();
        let i = *at.entry(key).or_insert_with(|| {
            let (rank, name) = match lead {
                Some(u) => (place(u).unwrap_or(plan.units.len()), index.unit_name(u)),
                None => (usize::MAX, NO_LEAD_UNIT.to_string()),
            };
            rows.push((
                rank,
                UnitCounts {
                    unit: name,
                    ..UnitCounts::default()
                },
            ));
            rows.len() - 1
        });
        rows[i].1.add(a);
    }
    crate::model::sorting::sort_by(&mut rows, |a, b| (a.0, &a.1.unit).cmp(&(b.0, &b.1.unit)));
    let mut total = UnitCounts {
        unit: "合计".into(),
        ..UnitCounts::default()
    };
    for (_, r) in &rows {
        total.sum(r);
    }
    (rows.into_iter().map(|(_, r)| r).collect(), total)
}
