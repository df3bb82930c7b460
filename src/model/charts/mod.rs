//! Pure layouts of the dashboard's charts: every scale, tick, arc, bar and
//! point is computed here and tested natively; the components only turn
//! marks into SVG elements. Each mark carries the number of work items it
//! stands for and the `Query` that shows exactly those items in the ledger.

pub mod burnup;
pub mod donut;
pub mod gantt;
pub mod ranking;
pub mod ticks;

use crate::model::query::Query;
use crate::model::schedule::Level;

/// The state a work item is counted under, in the order charts stack them.
pub const STATES: [Level; 6] = [
    Level::DoneOnTime,
    Level::DoneLate,
    Level::Green,
    Level::Yellow,
    Level::Red,
    Level::Halted,
];

/// Something a chart draws that stands for some work items.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// How many work items it stands for.
    pub count: usize,
    /// Shows exactly those items in the ledger.
    pub query: Query,
    /// The tooltip: what it is and the exact numbers.
    pub tip: String,
}

/// The counts across the top of the dashboard, each a mark that leads to
/// exactly its work items: total, closed (on time / late), in progress,
/// overdue, due soon, behind, not reported this period.
pub fn headline(
    index: &crate::model::index::PlanIndex,
    assessments: &[crate::model::schedule::Assessment],
) -> Vec<(&'static str, Mark)> {
    use crate::model::query::Warning;
    let items: Vec<&crate::model::schedule::Assessment> = index
        .work_items()
        .filter_map(|i| assessments.get(i))
        .collect();
    let count = |f: &dyn Fn(&crate::model::schedule::Assessment) -> bool| {
        items.iter().filter(|a| f(a)).count()
    };
    let by_levels = |label: &'static str, levels: Vec<Level>| {
        let n = count(&|a| levels.contains(&a.level));
        (
            label,
            Mark {
                count: n,
                tip: format!("{label}：{n} 项"),
                query: Query {
                    levels,
                    ..Query::default()
                },
            },
        )
    };
    let by_warning = |label: &'static str, w: Warning| {
        let n = count(&|a| w.holds(a));
        (
            label,
            Mark {
                count: n,
                tip: format!("{label}：{n} 项"),
                query: Query {
                    warnings: vec![w],
                    ..Query::default()
                },
            },
        )
    };
    let total = items.len();
    vec![
        (
            "工作事项",
            Mark {
                count: total,
                tip: format!("工作事项：{total} 项"),
                query: Query::default(),
            },
        ),
        by_levels("已办结", vec![Level::DoneOnTime, Level::DoneLate]),
        by_levels("按时办结", vec![Level::DoneOnTime]),
        by_levels("逾期办结", vec![Level::DoneLate]),
        by_levels("办理中", vec![Level::Green, Level::Yellow]),
        by_levels("已逾期", vec![Level::Red]),
        by_warning("临近时限", Warning::DueSoon),
        by_warning("进度滞后", Warning::Behind),
        by_warning("本期未报送", Warning::Unreported),
    ]
}

/// Closed work items as a share of all, in percent (0 for none).
pub fn completion_rate(
    index: &crate::model::index::PlanIndex,
    assessments: &[crate::model::schedule::Assessment],
) -> f64 {
    let (mut total, mut closed) = (0, 0);
    for i in index.work_items() {
        if let Some(a) = assessments.get(i) {
            total += 1;
            closed += usize::from(a.level.is_closed());
        }
    }
    if total == 0 {
        0.0
    } else {
        closed as f64 * 100.0 / total as f64
    }
}

/// A work item in a dashboard list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedItem {
    pub id: crate::model::TaskId,
    pub title: String,
    pub unit: String,
    /// Days to the deadline judged by (negative: overdue).
    pub days: i64,
}

/// The due-soon list (即将到期: open work items due within the settings'
/// due-soon window, `Settings::due_soon_days`, soonest first — the items
/// the 临近时限 count counts, never a deadline months away) and the red
/// list (overdue items, most overdue first), `n` of each.
pub fn deadlines(
    index: &crate::model::index::PlanIndex,
    assessments: &[crate::model::schedule::Assessment],
    n: usize,
) -> (Vec<ListedItem>, Vec<ListedItem>) {
    let window = i64::from(index.plan().settings.due_soon_days);
    let mut next = Vec::new();
    let mut red = Vec::new();
    for pos in index.work_items_in_order() {
        let Some(a) = assessments.get(pos) else {
            continue;
        };
        let Some(days) = a.days_left else { continue };
        let t = index.at(pos);
        let item = ListedItem {
            id: t.id.clone(),
            title: t.title.clone(),
            unit: t
                .lead_unit
                .as_deref()
                .map(|u| index.unit_name(u))
                .unwrap_or_default(),
            days,
        };
        match a.level {
            Level::Red => red.push(item),
            Level::Green | Level::Yellow if (0..=window).contains(&days) => next.push(item),
            _ => {}
        }
    }
    // Stable sorts keep hierarchy order among equal days.
    crate::model::sorting::sort_by_key(&mut next, |i| i.days);
    crate::model::sorting::sort_by_key(&mut red, |i| i.days);
    next.truncate(n);
    red.truncate(n);
    (next, red)
}
