//! 二、主要成效: the 红榜 (units whose every work item is on schedule and
//! that missed no report this period) and the items closed this period.

use crate::model::index::PlanIndex;
use crate::model::report::figures::ClosedItem;
use crate::model::report::items::lead_of;
use crate::model::report::text::{join, named_items};
use crate::model::report::Paragraph;
use crate::model::schedule::{Assessment, Level};
use serde::{Deserialize, Serialize};

/// How many closed items a sentence names before "等".
const NAMED: usize = 10;

/// A unit on the 红榜.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commended {
    /// The unit's id.
    pub unit_id: String,
    pub unit: String,
    /// Its work items, 暂缓 and 中止 left out.
    pub items: usize,
    /// Of those, closed (all on time).
    pub closed: usize,
}

/// 主要成效.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Achievements {
    /// 红榜, in the order of the plan's unit list.
    pub commended: Vec<Commended>,
    /// Closed this period, in the ledger's order (the same list as
    /// `Change::closed`).
    pub closed: Vec<ClosedItem>,
    pub paragraphs: Vec<Paragraph>,
}

/// On schedule for the 红榜: closed on time, or open, not past due, not
/// behind, with no missed or unanswered report, and this period's report
/// in (so a unit on the 黄榜 is never on the 红榜). Only 临近时限 may
/// make such an item yellow: a deadline near is no failing.
fn exemplary(a: &Assessment) -> bool {
    match a.level {
        Level::DoneOnTime => true,
        Level::Green | Level::Yellow => {
            !a.behind
                && !a.stale
                && a.missed_occurrences == 0
                && a.unanswered == 0
                && a.reported != Some(false)
        }
        Level::DoneLate | Level::Red | Level::Halted => false,
    }
}

/// The 红榜: lead units with at least one work item not paused, every one
/// of which is `exemplary`. Work items with no lead unit name no one.
pub fn commended(index: &PlanIndex, now: &[Assessment]) -> Vec<Commended> {
    // (unit id, name, items, closed, still eligible)
    let mut units: Vec<(String, String, usize, usize, bool)> = Vec::new();
    for pos in index.work_items() {
        let Some(a) = now.get(pos) else { continue };
        let (id, name) = lead_of(index, pos);
        if id.is_empty() || a.level == Level::Halted {
            continue;
        }
        let at = match units.iter().position(|u| u.0 == id) {
            Some(at) => at,
            None => {
                units.push((id, name, 0, 0, true));
                units.len() - 1
            }
        };
        let u = &mut units[at];
        u.2 += 1;
        u.3 += usize::from(a.level.is_closed());
        u.4 &= exemplary(a);
    }
    let plan = index.plan();
    let rank = |id: &str| {
        plan.units
            .iter()
            .position(|u| u.id == id)
            .unwrap_or(usize::MAX)
    };
    units.retain(|u| u.4);
    crate::model::sorting::sort_by(&mut units, |a, b| {
        (rank(&a.0), &a.1).cmp(&(rank(&b.0), &b.1))
    });
    units
        .into_iter()
        .map(|(unit_id, unit, items, closed, _)| Commended {
            unit_id,
            unit,
            items,
            closed,
        })
        .collect()
}

fn commended_text(list: &[Commended]) -> String {
    let names: Vec<&str> = list.iter().map(|c| c.unit.as_str()).collect();
    match names.len() {
        0 => "本期没有牵头事项全部按序时推进且按时报送进展的单位。".into(),
        1 => format!(
            "{}牵头的工作事项全部按序时推进或按时办结，本期按时报送进展。",
            names[0]
        ),
        n => format!(
            "{}共{n}个单位牵头的工作事项全部按序时推进或按时办结，本期均按时报送进展。",
            join(&names)
        ),
    }
}

fn closed_text(closed: &[ClosedItem]) -> String {
    if closed.is_empty() {
        return "本期没有新办结的工作事项。".into();
    }
    let on_time = closed.iter().filter(|c| c.on_time).count();
    let late = closed.len() - on_time;
    let split = match (on_time, late) {
        (_, 0) => "，均按时办结".to_string(),
        (0, _) => "，均为逾期办结".to_string(),
        (a, b) => format!("，其中按时办结{a}项、逾期办结{b}项"),
    };
    let items: Vec<_> = closed.iter().map(|c| c.item.clone()).collect();
    format!(
        "本期新办结工作事项{}项{split}：{}。",
        closed.len(),
        named_items(&items, NAMED)
    )
}

/// 主要成效 on the judged day, with the items closed this period.
pub fn achievements(index: &PlanIndex, now: &[Assessment], closed: &[ClosedItem]) -> Achievements {
    let commended = commended(index, now);
    let paragraphs = vec![
        Paragraph::led("（一）按序时推进较好的单位。", commended_text(&commended)),
        Paragraph::led("（二）本期办结事项。", closed_text(closed)),
    ];
    Achievements {
        commended,
        closed: closed.to_vec(),
        paragraphs,
    }
}
