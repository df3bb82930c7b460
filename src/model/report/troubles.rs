//! 三、存在问题: the overdue and lagging work items by lead unit (the same
//! rows as 附件2), the units that have not reported this period (黄榜 /
//! 催报, as the supervision page lists them), and the 督办/催办 past their
//! reply-by date unanswered. Every part says so in words when it is empty.

use crate::model::index::PlanIndex;
use crate::model::report::figures::{in_trouble, Figures};
use crate::model::report::items::{item_ref, item_row, lead_of, ItemRef, ItemRow};
use crate::model::report::text::{day_in, join};
use crate::model::report::Paragraph;
use crate::model::reporting::{coverage, period_of};
use crate::model::schedule::{Assessment, Level};
use crate::model::summary::NO_LEAD_UNIT;
use crate::model::supervision::number_text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One lead unit's overdue and lagging work items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TroubleGroup {
    /// The unit's id; empty for items with no lead unit.
    pub unit_id: String,
    pub unit: String,
    pub overdue: usize,
    pub lagging: usize,
    /// Overdue first, longest overdue first; then lagging, soonest due
    /// first (the supervision list's order).
    pub items: Vec<ItemRow>,
}

/// A unit that has not reported this period (黄榜 / 催报).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreported {
    pub unit_id: String,
    pub unit: String,
    /// Its work items that owe this period's report.
    pub expected: usize,
    /// Those with no report this period, in the ledger's order.
    pub missing: Vec<ItemRef>,
}

/// A 督办 or 催办 past its reply-by date with no progress report since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unanswered {
    pub item: ItemRef,
    /// 督办 or 催办.
    pub kind: String,
    /// 督字〔2026〕3号; empty for records made before numbering.
    pub number: String,
    pub date: NaiveDate,
    pub reply_due: NaiveDate,
    /// Days from the reply-by date to the judged day.
    pub days_late: i64,
}

/// 存在问题.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Troubles {
    /// Units with the most overdue items first, then the most lagging,
    /// then the plan's unit order.
    pub groups: Vec<TroubleGroup>,
    /// The 报送期 that 本期 means for reporting, e.g. "2026年11月": the
    /// reporting cycle's period containing the judged day.
    pub reporting_period: String,
    /// Units with the most missing reports first.
    pub unreported: Vec<Unreported>,
    /// In the ledger's order, then by date.
    pub unanswered: Vec<Unanswered>,
    pub paragraphs: Vec<Paragraph>,
}

/// The overdue and lagging work items grouped by lead unit.
pub fn groups(index: &PlanIndex, now: &[Assessment], as_of: NaiveDate) -> Vec<TroubleGroup> {
    let mut groups: Vec<TroubleGroup> = Vec::new();
    for pos in index.work_items_in_order() {
        let Some(a) = now.get(pos).filter(|a| in_trouble(a)) else {
            continue;
        };
        let (unit_id, unit) = lead_of(index, pos);
        let at = match groups.iter().position(|g| g.unit_id == unit_id) {
            Some(at) => at,
            None => {
                groups.push(TroubleGroup {
                    unit_id,
                    unit,
                    overdue: 0,
                    lagging: 0,
                    items: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[at];
        if a.level == Level::Red {
            g.overdue += 1;
        } else {
            g.lagging += 1;
        }
        g.items.push(item_row(index, pos, a, as_of));
    }
    for g in &mut groups {
        crate::model::sorting::sort_by_key(&mut g.items, |r| {
            (
                r.level != Level::Red,
                r.days_overdue.map_or(0, |d| -d),
                r.due.unwrap_or(NaiveDate::MAX),
            )
        });
    }
    let plan = index.plan();
    let rank = |id: &str| {
        plan.units
            .iter()
            .position(|u| u.id == id)
            .unwrap_or(usize::MAX)
    };
    crate::model::sorting::sort_by(&mut groups, |a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(b.lagging.cmp(&a.lagging))
            .then(rank(&a.unit_id).cmp(&rank(&b.unit_id)))
            .then(a.unit.cmp(&b.unit))
    });
    groups
}

/// The units with work items that owe this period's report and have not
/// made it, as `reporting::coverage` finds them (the supervision page's
/// 本期未报送 list and the ledger's 本期未报 marks).
pub fn unreported(index: &PlanIndex, as_of: NaiveDate) -> Vec<Unreported> {
    let settings = &index.plan().settings;
    coverage(index, settings, as_of)
        .into_iter()
        .filter(|c| !c.missing.is_empty())
        .map(|c| Unreported {
            unit: if c.unit.trim().is_empty() {
                NO_LEAD_UNIT.to_string()
            } else {
                c.unit_name
            },
            unit_id: c.unit,
            expected: c.expected,
            missing: c
                .missing
                .iter()
                .filter_map(|id| index.position(id.as_str()))
                .map(|pos| item_ref(index, pos))
                .collect(),
        })
        .collect()
}

/// 督办/催办 records past their reply-by date unanswered on `as_of`, on
/// tasks still open then (a closed or paused task owes no reply). Parents
/// count too: a notice sent about a whole 要点 is still a notice.
pub fn unanswered(index: &PlanIndex, now: &[Assessment], as_of: NaiveDate) -> Vec<Unanswered> {
    let plan = index.plan();
    let mut out = Vec::new();
    for &pos in index.preorder() {
        let task = index.at(pos);
        if !now.get(pos).is_some_and(|a| a.level.is_open()) {
            continue;
        }
        let mut late: Vec<_> = task
            .supervisions
            .iter()
            .filter(|s| s.unanswered_late(task, as_of))
            .collect();
        crate::model::sorting::sort_by_key(&mut late, |s| s.date);
        for s in late {
            let Some(reply_due) = s.reply_due else {
                continue;
            };
            out.push(Unanswered {
                item: item_ref(index, pos),
                kind: s.kind.label().to_string(),
                number: number_text(plan, s),
                date: s.date,
                reply_due,
                days_late: (as_of - reply_due).num_days(),
            });
        }
    }
    out
}

fn groups_text(groups: &[TroubleGroup], f: &Figures, as_of: NaiveDate, year: i32) -> String {
    let day = day_in(as_of, year);
    if groups.is_empty() {
        return format!("截至{day}，没有逾期或进度滞后的工作事项。");
    }
    let mut counts = Vec::new();
    if f.overdue > 0 {
        counts.push(format!("已逾期工作事项{}项", f.overdue));
    }
    if f.lagging > 0 {
        counts.push(format!("进度滞后{}项", f.lagging));
    }
    let per_unit: Vec<String> = groups
        .iter()
        .map(|g| {
            let mut parts = Vec::new();
            if g.overdue > 0 {
                parts.push(format!("逾期{}项", g.overdue));
            }
            if g.lagging > 0 {
                parts.push(format!("滞后{}项", g.lagging));
            }
            format!("{}{}", g.unit, parts.join("、"))
        })
        .collect();
    format!(
        "截至{day}，{}，涉及{}个牵头单位：{}。具体事项见附件2。",
        counts.join("、"),
        groups.len(),
        per_unit.join("，")
    )
}

fn unreported_text(list: &[Unreported], period: &str) -> String {
    if list.is_empty() {
        return format!("{period}各牵头单位均已报送进展。");
    }
    let items: usize = list.iter().map(|u| u.missing.len()).sum();
    let names: Vec<String> = list
        .iter()
        .map(|u| format!("{}（{}项）", u.unit, u.missing.len()))
        .collect();
    format!(
        "{}共{}个单位的{items}项工作事项{period}未报送进展，请抓紧补报。",
        join(&names),
        list.len()
    )
}

fn unanswered_text(list: &[Unanswered], year: i32) -> String {
    if list.is_empty() {
        return "没有过了反馈时限仍未反馈的督办、催办事项。".into();
    }
    let named: Vec<String> = list
        .iter()
        .take(10)
        .map(|u| {
            let what = if u.number.is_empty() {
                u.kind.clone()
            } else {
                u.number.clone()
            };
            format!(
                "{what}（“{}”，{}，反馈时限{}）",
                u.item.title,
                u.item.lead_unit,
                day_in(u.reply_due, year)
            )
        })
        .collect();
    let more = if list.len() > named.len() { "等" } else { "" };
    format!(
        "{}{more}共{}件督办、催办过了反馈时限仍未反馈。",
        join(&named),
        list.len()
    )
}

/// 存在问题 on the judged day.
pub fn troubles(index: &PlanIndex, now: &[Assessment], f: &Figures, as_of: NaiveDate) -> Troubles {
    let year = index.plan().year;
    let groups = groups(index, now, as_of);
    let reporting_period = period_of(&index.plan().settings, as_of)
        .map(|p| p.label())
        .unwrap_or_default();
    let unreported = unreported(index, as_of);
    let unanswered = unanswered(index, now, as_of);
    let period_words = if reporting_period.is_empty() {
        "本期".to_string()
    } else {
        format!("本期（{reporting_period}）")
    };
    let paragraphs = vec![
        Paragraph::led(
            "（一）逾期和进度滞后事项。",
            groups_text(&groups, f, as_of, year),
        ),
        Paragraph::led(
            "（二）未按期报送进展的单位。",
            unreported_text(&unreported, &period_words),
        ),
        Paragraph::led(
            "（三）督办催办未反馈事项。",
            unanswered_text(&unanswered, year),
        ),
    ];
    Troubles {
        groups,
        reporting_period,
        unreported,
        unanswered,
        paragraphs,
    }
}
