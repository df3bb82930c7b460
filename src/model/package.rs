//! 填报包: a unit's part of the plan, sent by the office and returned with
//! the unit's progress. It is an ordinary plan (same plan id, same task
//! ids) holding the work items the unit leads or supports, their ancestors
//! and the units and areas they name, plus `Plan::package`: which unit,
//! which plan, and each task as it was when sent — the base of the
//! three-way merge when the file comes back.

use crate::model::index::PlanIndex;
use crate::model::plan::Plan;
use crate::model::task::Task;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// What makes a plan a 填报包.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct PackageInfo {
    /// The unit's id and name.
    pub unit: String,
    #[serde(default)]
    pub unit_name: String,
    /// The plan it came from (its id is also the package plan's id).
    #[serde(default)]
    pub plan_title: String,
    /// When the office sent it (ISO 8601).
    #[serde(default)]
    pub sent_at: String,
    /// Every task as it was when sent.
    #[serde(default)]
    pub base: Vec<Task>,
}

/// Whether the unit takes part in `task` (leads or supports it).
fn involves(task: &Task, unit: &str) -> bool {
    task.lead_unit.as_deref() == Some(unit) || task.support_units.iter().any(|u| u == unit)
}

/// The 填报包 of `unit` from `plan`, sent at `now`: the work items the unit
/// leads or supports with their ancestors (in plan order), the units and
/// areas they name, the settings, and the base for merging back. `None`
/// when the unit takes part in nothing.
pub fn package_for(plan: &Plan, unit: &str, now: &str) -> Option<Plan> {
    let index = PlanIndex::new(plan);
    let mut keep: HashSet<usize> = HashSet::new();
    for pos in index.work_items() {
        if !involves(index.at(pos), unit) {
            continue;
        }
        // The item and every ancestor, walking up; bounded by the depth.
        let mut cur = Some(pos);
        while let Some(p) = cur {
            if !keep.insert(p) {
                break;
            }
            cur = index
                .at(p)
                .parent
                .as_deref()
                .and_then(|id| index.position(id));
        }
    }
    if keep.is_empty() {
        return None;
    }
    let tasks: Vec<Task> = plan
        .tasks
        .iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, t)| t.clone())
        .collect();
    let named: HashSet<&str> = tasks
        .iter()
        .flat_map(|t| t.lead_unit.iter().chain(&t.support_units))
        .map(String::as_str)
        .chain(std::iter::once(unit))
        .collect();
    let areas: HashSet<&str> = tasks.iter().filter_map(|t| t.area.as_deref()).collect();
    Some(Plan {
        id: plan.id.clone(),
        title: plan.title.clone(),
        year: plan.year,
        issuer: plan.issuer.clone(),
        sample: false,
        areas: plan
            .areas
            .iter()
            .filter(|a| areas.contains(a.id.as_str()))
            .cloned()
            .collect(),
        units: plan
            .units
            .iter()
            .filter(|u| named.contains(u.id.as_str()))
            .cloned()
            .collect(),
        settings: plan.settings.clone(),
        problems: Vec::new(),
        notice_counters: Vec::new(),
        package: Some(PackageInfo {
            unit: unit.to_string(),
            unit_name: plan.unit_name(unit),
            plan_title: plan.title.clone(),
            sent_at: now.to_string(),
            base: tasks.clone(),
        }),
        tasks,
        // Deletions travel to the unit too, so its file never brings back
        // what the office had deleted before sending.
        deleted: plan.deleted.clone(),
        updated_at: plan.updated_at.clone(),
        revision: plan.revision,
    })
}

/// Characters Windows and other systems do not allow in file names.
fn file_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if "\\/:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// `2026年区委工作要点-区委组织部-填报包-2026-07-25.json`.
pub fn package_file_name(plan_title: &str, unit_name: &str, day: &str) -> String {
    format!(
        "{}-{}-填报包-{day}.json",
        file_safe(plan_title),
        file_safe(unit_name)
    )
}

/// `2026年区委工作要点-2026-07-25.json`.
pub fn plan_file_name(plan_title: &str, day: &str) -> String {
    format!("{}-{day}.json", file_safe(plan_title))
}

/// A spreadsheet's file name: `2026年区委工作要点-任务台账-2026-06-30.xlsx`.
pub fn sheet_file_name(plan_title: &str, what: &str, day: &str, extension: &str) -> String {
    format!("{}-{what}-{day}.{extension}", file_safe(plan_title))
}
