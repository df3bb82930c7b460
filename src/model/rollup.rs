//! Roll-up: a parent's progress is the duration-weighted mean of its
//! children, and its light is the most urgent of its own and its children's.
//!
//! As of the day, like every rule: durations use the due dates in force
//! then; paused children are judged on deadlines only, so they are left out
//! of the mean (or a paused child would drag its parent into 进度滞后); a
//! parent whose children are all closed is closed too, on the day the last
//! of them closed. Computed bottom-up over `PlanIndex::preorder` reversed,
//! without recursion.

use crate::model::id::TaskId;
use crate::model::index::PlanIndex;
use crate::model::plan::Plan;
use crate::model::schedule::{assess, combine_from, judge, Assessment, Basis};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Every task's assessment, by task id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assessments {
    by_id: HashMap<TaskId, Assessment>,
}

impl Assessments {
    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.by_id.get(id)
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&TaskId, &Assessment)> {
        self.by_id.iter()
    }
}

/// Assessments of every task in the plan, with roll-up applied.
pub fn assess_plan(plan: &Plan, today: NaiveDate) -> Assessments {
    let index = PlanIndex::new(plan);
    let by_position = assess_positions(&index, today);
    Assessments {
        by_id: by_position
            .into_iter()
            .enumerate()
            .map(|(i, a)| (index.id(i).clone(), a))
            .collect(),
    }
}

/// Assessments by position in `plan.tasks`, for code that already holds
/// the index.
pub fn assess_positions(index: &PlanIndex, today: NaiveDate) -> Vec<Assessment> {
    let settings = &index.plan.settings;
    let mut out: Vec<Option<Assessment>> = vec![None; index.len()];
    for &i in index.preorder().iter().rev() {
        let task = index.at(i);
        let kids = index.children(i);
        // Children come before parents in this order, so all are done.
        let children: Vec<&Assessment> = kids.iter().filter_map(|&k| out[k].as_ref()).collect();
        let a = if children.is_empty() {
            assess(task, today, settings)
        } else {
            let basis = parent_basis(index, i, &children, today);
            let (mut a, from) = combine_from(judge(task, basis, today, settings), &children);
            a.from_child = from.and_then(|k| kids.get(k)).map(|&k| index.id(k).clone());
            a
        };
        out[i] = Some(a);
    }
    out.into_iter()
        .enumerate()
        .map(|(i, a)| a.unwrap_or_else(|| assess(index.at(i), today, settings)))
        .collect()
}

/// What a parent is judged on: its children's weighted progress (paused
/// ones left out, unless all are paused), and closed when it was closed by
/// hand or when every child is closed.
fn parent_basis(index: &PlanIndex, i: usize, children: &[&Assessment], today: NaiveDate) -> Basis {
    let task = index.at(i);
    let kids = index.children(i);
    let active: Vec<usize> = (0..children.len())
        .filter(|&c| !children[c].paused)
        .collect();
    let all_paused = active.is_empty();
    let counted: Vec<usize> = if all_paused {
        (0..children.len()).collect()
    } else {
        active
    };
    let progresses: Vec<f64> = counted.iter().map(|&c| children[c].progress).collect();
    let weights: Vec<Option<i64>> = counted
        .iter()
        .map(|&c| index.at(kids[c]).duration_days_as_of(today))
        .collect();
    let closed = if task.closed_as_of(today) {
        Some(task.closed_on())
    } else if children.iter().all(|c| !c.level.is_open())
        && children.iter().any(|c| c.level.is_closed())
    {
        // Dated by the last closing known: if that is already past the
        // parent's due date, the parent was surely late.
        Some(children.iter().filter_map(|c| c.closed_on).max())
    } else {
        None
    };
    Basis {
        progress: weighted_mean(&progresses, &weights),
        reporting: false,
        paused: all_paused || task.status.is_halted(),
        closed,
    }
}

/// Mean of `values` weighted by planned duration in days. A child without a
/// usable duration weighs as much as the average dated child, so undated work
/// neither vanishes nor dominates.
pub fn weighted_mean(values: &[f64], durations: &[Option<i64>]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let known: Vec<f64> = durations.iter().flatten().map(|&d| d as f64).collect();
    let fallback = if known.is_empty() {
        1.0
    } else {
        known.iter().sum::<f64>() / known.len() as f64
    };
    let mut total = 0.0;
    let mut weight_sum = 0.0;
    for (v, d) in values.iter().zip(durations) {
        let w = d.map(|d| d as f64).unwrap_or(fallback);
        total += v * w;
        weight_sum += w;
    }
    if weight_sum > 0.0 {
        total / weight_sum
    } else {
        0.0
    }
}

/// `assessments["id"]`, like `HashMap`'s: panics when the id is not in the
/// plan, so it is for code that knows it is (tests, lookups of ids just
/// taken from the same plan); use `get` otherwise.
impl std::ops::Index<&str> for Assessments {
    type Output = Assessment;
    fn index(&self, id: &str) -> &Assessment {
        &self.by_id[id]
    }
}
