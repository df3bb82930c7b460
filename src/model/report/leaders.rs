//! The 领导版: one sheet per 责任领导 with the work items in their charge,
//! for 分管领导 reviews. Leaders are the tasks' own 责任领导 as recorded
//! (trimmed), the same key the dashboard's 各责任领导 ranking and the
//! ledger's leader filter use.

use crate::model::index::PlanIndex;
use crate::model::plan::Plan;
use crate::model::report::figures::Figures;
use crate::model::report::items::{item_row, ItemRow};
use crate::model::report::text::day_in;
use crate::model::rollup::assess_positions;
use crate::model::schedule::Assessment;
use crate::model::stats::tally_indexed;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The sheet of work items with no 责任领导 filled in.
pub const NO_LEADER: &str = "未明确责任领导";

/// One leader's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeaderSheet {
    /// 责任领导 as recorded; empty for the sheet of items with none.
    pub leader: String,
    /// The page's title: "区委2026年工作要点落实情况（区委常委、组织部部长）".
    pub title: String,
    /// "截至11月30日".
    pub as_of_line: String,
    /// Their work items' figures on the day.
    pub figures: Figures,
    /// Their work items in the ledger's order, closed ones included.
    pub items: Vec<ItemRow>,
}

/// The 领导版 of `plan` as of `as_of`: a sheet per leader, in the order
/// they first appear in the ledger, and last a sheet of the items with no
/// leader (so no item is left off paper), when there are any.
pub fn leader_sheets(plan: &Plan, as_of: NaiveDate) -> Vec<LeaderSheet> {
    let index = PlanIndex::new(plan);
    let now = assess_positions(&index, as_of);
    leader_sheets_with(&index, &now, as_of)
}

/// `leader_sheets` from assessments by position already made for `as_of`.
pub fn leader_sheets_with(
    index: &PlanIndex,
    now: &[Assessment],
    as_of: NaiveDate,
) -> Vec<LeaderSheet> {
    let plan = index.plan();
    let mut leaders: Vec<(String, Vec<usize>)> = Vec::new();
    let mut unled = Vec::new();
    for pos in index.work_items_in_order() {
        let leader = index.at(pos).leader.trim();
        if leader.is_empty() {
            unled.push(pos);
            continue;
        }
        match leaders.iter_mut().find(|(l, _)| l == leader) {
            Some((_, list)) => list.push(pos),
            None => leaders.push((leader.to_string(), vec![pos])),
        }
    }
    if !unled.is_empty() {
        leaders.push((String::new(), unled));
    }
    let as_of_line = format!("截至{}", day_in(as_of, plan.year));
    leaders
        .into_iter()
        .map(|(leader, positions)| {
            let mine: std::collections::HashSet<usize> = positions.iter().copied().collect();
            let shown = if leader.is_empty() {
                NO_LEADER
            } else {
                &leader
            };
            LeaderSheet {
                title: format!("区委{}年工作要点落实情况（{shown}）", plan.year),
                as_of_line: as_of_line.clone(),
                figures: Figures::from_tally(&tally_indexed(index, |i| {
                    now.get(i).filter(|_| mine.contains(&i))
                })),
                items: positions
                    .iter()
                    .filter_map(|&p| now.get(p).map(|a| item_row(index, p, a, as_of)))
                    .collect(),
                leader,
            }
        })
        .collect()
}
