//! Roll-up: a parent's progress is the duration-weighted mean of its
//! children, and its light is the most urgent of its own and its children's.

use crate::model::hierarchy::children_index;
use crate::model::plan::Plan;
use crate::model::schedule::{assess, assess_with_progress, combine, Assessment};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Assessments of every task in the plan, by index, with roll-up applied.
pub fn assess_plan(plan: &Plan, today: NaiveDate) -> Vec<Assessment> {
    let children = children_index(plan);
    let mut memo: Vec<Option<Assessment>> = vec![None; plan.tasks.len()];
    let mut visiting = vec![false; plan.tasks.len()];
    for i in 0..plan.tasks.len() {
        visit(plan, &children, today, i, &mut memo, &mut visiting);
    }
    memo.into_iter()
        .enumerate()
        .map(|(i, a)| a.unwrap_or_else(|| leaf(plan, i, today)))
        .collect()
}

fn leaf(plan: &Plan, i: usize, today: NaiveDate) -> Assessment {
    assess(&plan.tasks[i], today, &plan.settings)
}

fn visit(
    plan: &Plan,
    children: &HashMap<String, Vec<usize>>,
    today: NaiveDate,
    i: usize,
    memo: &mut Vec<Option<Assessment>>,
    visiting: &mut Vec<bool>,
) {
    if memo[i].is_some() || visiting[i] {
        return; // done, or a cycle: the caller falls back to the task alone
    }
    let task = &plan.tasks[i];
    let Some(kids) = children.get(&task.id) else {
        memo[i] = Some(leaf(plan, i, today));
        return;
    };
    visiting[i] = true;
    let mut child_results = Vec::with_capacity(kids.len());
    let mut weights = Vec::with_capacity(kids.len());
    for &k in kids {
        visit(plan, children, today, k, memo, visiting);
        let a = memo[k].clone().unwrap_or_else(|| leaf(plan, k, today));
        weights.push(plan.tasks[k].duration_days());
        child_results.push(a);
    }
    visiting[i] = false;
    let progresses: Vec<f64> = child_results.iter().map(|a| a.progress).collect();
    let progress = if task.closed_as_of(today) {
        100.0
    } else {
        weighted_mean(&progresses, &weights)
    };
    let own = assess_with_progress(task, progress, false, today, &plan.settings);
    memo[i] = Some(combine(own, &child_results));
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
