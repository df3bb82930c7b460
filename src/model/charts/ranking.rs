//! Per-unit bars ranked by completion rate, stacked by state, with the
//! overdue count: the ranking leaders ask for.

use crate::model::charts::ticks::scale;
use crate::model::charts::{Mark, STATES};
use crate::model::index::PlanIndex;
use crate::model::query::{Query, UnitRole};
use crate::model::schedule::{Assessment, Level};

/// One stacked segment of a unit's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub level: Level,
    pub x: f64,
    pub width: f64,
    pub mark: Mark,
}

/// One unit's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitBar {
    pub unit: String,
    pub name: String,
    pub total: usize,
    pub closed: usize,
    pub overdue: usize,
    /// Closed share in percent.
    pub rate: f64,
    pub segments: Vec<Segment>,
    /// The whole bar: every work item the unit leads.
    pub mark: Mark,
}

/// What bars are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// 牵头单位
    LeadUnit,
    /// 领域 (of the top-level ancestor)
    Area,
    /// 责任领导
    Leader,
}

/// The group key of the work item at `pos`, if it has one.
fn key_of(index: &PlanIndex, pos: usize, by: Group) -> Option<String> {
    let task = index.at(pos);
    match by {
        Group::LeadUnit => task.lead_unit.clone(),
        Group::Area => Some(index.area_of(pos).map_or_else(
            || crate::model::query::NO_AREA_KEY.to_string(),
            |a| a.id.clone(),
        )),
        Group::Leader => Some(task.leader.trim().to_string()).filter(|l| !l.is_empty()),
    }
}

/// Units by completion rate (highest first; ties: more items first, then
/// registry order), each bar `width` long at the largest unit's total.
pub fn unit_ranking(index: &PlanIndex, assessments: &[Assessment], width: f64) -> Vec<UnitBar> {
    ranking(index, assessments, Group::LeadUnit, width)
}

/// Bars by `by`, ranked as `unit_ranking` ranks units (areas and leaders
/// in the order they first appear on ties).
pub fn ranking(
    index: &PlanIndex,
    assessments: &[Assessment],
    by: Group,
    width: f64,
) -> Vec<UnitBar> {
    let plan = index.plan();
    let mut counts: Vec<(String, [usize; STATES.len()])> = Vec::new();
    for pos in index.work_items_in_order() {
        let Some(unit) = key_of(index, pos, by) else {
            continue;
        };
        let Some(a) = assessments.get(pos) else {
            continue;
        };
        let Some(k) = STATES.iter().position(|l| *l == a.level) else {
            continue;
        };
        match counts.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, c)) => c[k] += 1,
            None => {
                let mut c = [0; STATES.len()];
                c[k] = 1;
                counts.push((unit, c));
            }
        }
    }
    let widest = counts
        .iter()
        .map(|(_, c)| c.iter().sum::<usize>())
        .max()
        .unwrap_or(0) as f64;
    let first_seen: Vec<String> = counts.iter().map(|(k, _)| k.clone()).collect();
    let order = |u: &str| match by {
        Group::LeadUnit => plan
            .units
            .iter()
            .position(|x| x.id == u)
            .unwrap_or(usize::MAX),
        Group::Area => plan
            .areas
            .iter()
            .position(|x| x.id == u)
            .unwrap_or(usize::MAX),
        Group::Leader => first_seen.iter().position(|x| x == u).unwrap_or(usize::MAX),
    };
    let mut bars: Vec<UnitBar> = counts
        .into_iter()
        .map(|(unit, c)| {
            let total: usize = c.iter().sum();
            let closed = c[0] + c[1];
            let name = match by {
                Group::LeadUnit => plan.unit_name(&unit),
                Group::Area => plan.area(&unit).map_or_else(
                    || crate::model::hierarchy::NO_AREA.to_string(),
                    |a| a.name.clone(),
                ),
                Group::Leader => unit.clone(),
            };
            let query = |levels: Vec<Level>| match by {
                Group::LeadUnit => Query {
                    unit: Some(unit.clone()),
                    unit_role: UnitRole::Lead,
                    levels,
                    ..Query::default()
                },
                Group::Area => Query {
                    areas: vec![unit.clone()],
                    levels,
                    ..Query::default()
                },
                Group::Leader => Query {
                    leader: Some(unit.clone()),
                    levels,
                    ..Query::default()
                },
            };
            let mut x = 0.0;
            let segments = STATES
                .iter()
                .zip(c)
                .filter(|(_, n)| *n > 0)
                .map(|(&level, n)| {
                    let w = scale(n as f64, widest, width);
                    let s = Segment {
                        level,
                        x,
                        width: w,
                        mark: Mark {
                            count: n,
                            query: query(vec![level]),
                            tip: format!("{name} · {}：{n} 项（共 {total} 项）", level.label()),
                        },
                    };
                    x += w;
                    s
                })
                .collect();
            let rate = closed as f64 * 100.0 / total as f64;
            UnitBar {
                mark: Mark {
                    count: total,
                    query: query(Vec::new()),
                    tip: format!(
                        "{name}：共 {total} 项，已办结 {closed} 项（{rate:.0}%），逾期 {} 项",
                        c[4]
                    ),
                },
                unit,
                name,
                total,
                closed,
                overdue: c[4],
                rate,
                segments,
            }
        })
        .collect();
    crate::model::sorting::sort_by(&mut bars, |a, b| {
        b.rate
            .total_cmp(&a.rate)
            .then(b.total.cmp(&a.total))
            .then(order(&a.unit).cmp(&order(&b.unit)))
    });
    bars
}
