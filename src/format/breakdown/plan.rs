//! The accepted proposal made into a new plan, so confirming is one step:
//! areas by name, 要点 as parent tasks, work items under them, the
//! registry with the new units the entries still name, each task logged as
//! created (留痕 "新建任务", which also dates its creation for the
//! due-date rules).

use super::{Level, Proposal};
use crate::model::activity::changes;
use crate::model::id::{derived_id, TaskId};
use crate::model::plan::{Area, Plan, Unit};
use crate::model::task::ids::fill_record_ids;
use crate::model::task::{Milestone, Task};
use std::collections::{HashMap, HashSet};

/// A new plan from `proposal`, with `registry`'s units, stamped `now`
/// (ISO 8601). Entries whose parent is not an earlier entry become
/// top-level tasks.
pub fn to_plan(proposal: &Proposal, registry: &[Unit], now: &str) -> Plan {
    let mut plan = Plan::empty(proposal.year);
    plan.title = proposal.title.clone();
    plan.issuer = proposal.issuer.clone();
    plan.units = registry.to_vec();
    build(proposal, plan, now)
}

/// `plan` with the proposal's areas, tasks and new units added after its
/// own, stamped `now`: an area of the same name is reused, the tasks come
/// after the plan's, and the plan's title and year stay.
pub fn add_to_plan(proposal: &Proposal, plan: &Plan, now: &str) -> Plan {
    build(proposal, plan.clone(), now)
}

fn build(proposal: &Proposal, mut plan: Plan, now: &str) -> Plan {
    // A set, not a scan per unit: a hostile item may name thousands.
    let mut have: HashSet<String> = plan.units.iter().map(|u| u.id.clone()).collect();
    for u in proposal.used_new_units() {
        if have.insert(u.id.clone()) {
            plan.units.push(u.clone());
        }
    }
    plan.updated_at = now.to_string();

    // Per entry: the task made of it, or the area it is.
    let mut task_of: Vec<Option<TaskId>> = vec![None; proposal.nodes.len()];
    let mut area_of: Vec<Option<String>> = vec![None; proposal.nodes.len()];
    let mut areas_by_name: HashMap<String, String> = plan
        .areas
        .iter()
        .map(|a| (a.name.clone(), a.id.clone()))
        .collect();
    let mut order = plan.tasks.iter().map(|t| t.order).max().unwrap_or(0);
    for (i, n) in proposal.nodes.iter().enumerate() {
        let parent = n.parent.filter(|p| *p < i);
        if n.level == Level::Area {
            let id = areas_by_name
                .entry(n.title.clone())
                .or_insert_with(|| {
                    let mut id = derived_id(&["area", &n.title]);
                    // A plan's own area may hold the derived id under
                    // another name (renamed since): never share it.
                    if plan.areas.iter().any(|a| a.id == id) {
                        id = derived_id(&["area", &n.title, &plan.areas.len().to_string()]);
                    }
                    plan.areas.push(Area {
                        id: id.clone(),
                        name: n.title.clone(),
                        order: plan.areas.iter().map(|a| a.order).max().unwrap_or(0) + 1,
                    });
                    id
                })
                .clone();
            area_of[i] = Some(id);
            continue;
        }
        let id = TaskId::random();
        let mut t = Task::new(id.clone(), n.title.clone());
        t.parent = parent.and_then(|p| task_of[p].clone());
        // The area belongs to the top-level task (所属领域 is the top 要点's).
        area_of[i] = parent.and_then(|p| area_of[p].clone());
        if t.parent.is_none() {
            t.area = area_of[i].clone();
        }
        order += 1;
        t.order = order;
        t.detail = n.detail.clone();
        if !n.general.is_empty() {
            let line = format!("另有：{}", n.general.join("、"));
            t.detail = if t.detail.is_empty() {
                line
            } else {
                format!("{}\n{line}", t.detail)
            };
        }
        t.lead_unit = n.lead.as_ref().map(|u| u.unit_id.clone());
        t.support_units = n.support.iter().map(|u| u.unit_id.clone()).collect();
        t.leader = n.leader.clone();
        t.due = n.due;
        t.recurrence = n.recurrence;
        if n.ongoing {
            t.recurrence_note = n.deadline_text.clone();
        }
        t.milestones = n
            .milestones
            .iter()
            .map(|(due, words)| Milestone {
                id: String::new(),
                title: words.clone(),
                due: *due,
                done_on: None,
            })
            .collect();
        fill_record_ids(&mut t);
        t.updated_at = now.to_string();
        t.log = changes(&plan, None, &t, now);
        task_of[i] = Some(id);
        plan.tasks.push(t);
    }
    plan
}
