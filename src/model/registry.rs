//! What the registry page decides, with no components: how many tasks use a
//! unit or an area, the one-step ops that reorder, reassign and remove them,
//! name checks and the Chinese texts shown for them. The components only
//! call these and dispatch the ops, so every rule here is checked by calling
//! it directly (see `tests/registry.rs` and `tests/browser_registry.rs`).

use crate::model::ops::Op;
use crate::model::plan::{Area, Plan, UnitKind};
use std::collections::{HashMap, HashSet};

/// How many titles a message names before it says "等".
const PREVIEW: usize = 3;

/// The unit kinds in the order the select offers them.
pub const UNIT_KINDS: [UnitKind; 4] = [
    UnitKind::PartyDepartment,
    UnitKind::GovernmentDepartment,
    UnitKind::Township,
    UnitKind::Other,
];

/// The value a kind has in the form's select.
pub fn kind_key(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::PartyDepartment => "party_department",
        UnitKind::GovernmentDepartment => "government_department",
        UnitKind::Township => "township",
        UnitKind::Other => "other",
    }
}

/// The kind a select value stands for; anything unknown is 其他.
pub fn kind_from_key(key: &str) -> UnitKind {
    UNIT_KINDS
        .into_iter()
        .find(|k| kind_key(*k) == key)
        .unwrap_or_default()
}

/// How many tasks a unit leads and supports. A task that names the unit as
/// both counts once, as lead: it is one task, and leading is what matters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UseCount {
    /// Tasks it leads (牵头).
    pub lead: usize,
    /// Tasks it supports (配合) without leading them.
    pub support: usize,
}

impl UseCount {
    /// Tasks that name the unit at all.
    pub fn tasks(self) -> usize {
        self.lead + self.support
    }
}

/// The tasks that name a unit, by title, counted as in `UseCount`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitUse {
    /// Titles of the tasks it leads.
    pub lead: Vec<String>,
    /// Titles of the tasks it supports without leading them.
    pub support: Vec<String>,
}

impl UnitUse {
    /// Tasks that name the unit at all.
    pub fn tasks(&self) -> usize {
        self.lead.len() + self.support.len()
    }
}

/// How a task names `unit`: as lead, as support, or not at all.
fn role(task: &crate::model::task::Task, unit: &str) -> Option<bool> {
    if task.lead_unit.as_deref() == Some(unit) {
        Some(true)
    } else if task.support_units.iter().any(|u| u == unit) {
        Some(false)
    } else {
        None
    }
}

/// Lead and support counts of every unit any task names, in one pass.
pub fn use_counts(plan: &Plan) -> HashMap<String, UseCount> {
    let mut counts: HashMap<String, UseCount> = HashMap::new();
    for task in &plan.tasks {
        let lead = task.lead_unit.as_deref();
        if let Some(lead) = lead {
            counts.entry(lead.to_string()).or_default().lead += 1;
        }
        let mut seen: Vec<&str> = Vec::with_capacity(task.support_units.len());
        for unit in &task.support_units {
            if Some(unit.as_str()) != lead && !seen.contains(&unit.as_str()) {
                seen.push(unit);
                counts.entry(unit.clone()).or_default().support += 1;
            }
        }
    }
    counts
}

/// The tasks that name `unit`, in plan order.
pub fn unit_use(plan: &Plan, unit: &str) -> UnitUse {
    let mut found = UnitUse::default();
    for task in &plan.tasks {
        match role(task, unit) {
            Some(true) => found.lead.push(task.title.clone()),
            Some(false) => found.support.push(task.title.clone()),
            None => {}
        }
    }
    found
}

/// One step that hands every task of unit `from` to unit `to` and removes
/// `from`: a lead becomes `to`'s lead; a support place becomes `to`'s,
/// unless `to` already supports the task (no duplicate) or now leads it
/// (kept only as lead). One `Batch`, so one undo restores it all.
pub fn reassign_unit(plan: &Plan, from: &str, to: &str) -> Op {
    let mut ops = Vec::new();
    for task in plan.tasks.iter().filter(|t| role(t, from).is_some()) {
        let mut task = task.clone();
        if task.lead_unit.as_deref() == Some(from) {
            task.lead_unit = Some(to.to_string());
        }
        let leads = task.lead_unit.as_deref() == Some(to);
        let mut kept_to = false;
        task.support_units = std::mem::take(&mut task.support_units)
            .into_iter()
            .map(|u| if u == from { to.to_string() } else { u })
            .filter(|u| {
                if u != to {
                    return true;
                }
                let keep = !leads && !kept_to;
                kept_to = true;
                keep
            })
            .collect();
        ops.push(Op::PutTask {
            task: Box::new(task),
            at: None,
        });
    }
    ops.push(Op::RemoveUnit(from.to_string()));
    Op::Batch(ops)
}

/// Moves unit `id` one place up (`up`) or down in the registry; `None` when
/// it is already first or last, or unknown.
pub fn move_unit(plan: &Plan, id: &str, up: bool) -> Option<Op> {
    let pos = plan.units.iter().position(|u| u.id == id)?;
    let to = if up { pos.checked_sub(1)? } else { pos + 1 };
    if to >= plan.units.len() {
        return None;
    }
    Some(Op::PutUnit {
        unit: plan.units[pos].clone(),
        at: Some(to),
    })
}

/// The areas in display order: by `order`, then by place in the list (the
/// ledger's rule).
pub fn sorted_areas(plan: &Plan) -> Vec<Area> {
    let mut areas: Vec<(usize, &Area)> = plan.areas.iter().enumerate().collect();
    crate::model::sorting::sort_by_key(&mut areas, |(i, a)| (a.order, *i));
    areas.into_iter().map(|(_, a)| a.clone()).collect()
}

/// The `order` for a new area: after every other one.
pub fn next_area_order(plan: &Plan) -> u32 {
    plan.areas
        .iter()
        .map(|a| a.order)
        .max()
        .map_or(1, |m| m.saturating_add(1))
}

/// Moves area `id` one place up or down: its `order` swapped with its
/// neighbour's, as one step. Where the two share an `order` (older data),
/// swapping would change nothing, so every area is numbered 1, 2, 3 … anew
/// in the new sequence instead. `None` at either end or for an unknown id.
pub fn move_area(plan: &Plan, id: &str, up: bool) -> Option<Op> {
    let mut areas = sorted_areas(plan);
    let i = areas.iter().position(|a| a.id == id)?;
    let j = if up { i.checked_sub(1)? } else { i + 1 };
    if j >= areas.len() {
        return None;
    }
    if areas[i].order != areas[j].order {
        let (a, b) = (areas[i].clone(), areas[j].clone());
        let put = |area: Area, order: u32| Op::PutArea {
            area: Area { order, ..area },
            at: None,
        };
        return Some(Op::Batch(vec![put(a.clone(), b.order), put(b, a.order)]));
    }
    areas.swap(i, j);
    let ops = areas
        .into_iter()
        .zip(1u32..)
        .filter(|(a, n)| a.order != *n)
        .map(|(a, order)| Op::PutArea {
            area: Area { order, ..a },
            at: None,
        })
        .collect();
    Some(Op::Batch(ops))
}

/// The tasks filed under an area: how many in all (all must move before it
/// can go) and the titles of the 要点 among them (what the ledger shows).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreaUse {
    /// Every task whose `area` is it, 要点 or not.
    pub tasks: usize,
    /// Titles of the top-level tasks (要点) among them, in plan order.
    pub points: Vec<String>,
}

/// How many tasks every area id has filed under it.
pub fn area_counts(plan: &Plan) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for area in plan.tasks.iter().filter_map(|t| t.area.as_ref()) {
        *counts.entry(area.clone()).or_insert(0) += 1;
    }
    counts
}

/// The tasks filed under `area`.
pub fn area_use(plan: &Plan, area: &str) -> AreaUse {
    let ids: HashSet<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    let mut found = AreaUse::default();
    for task in plan
        .tasks
        .iter()
        .filter(|t| t.area.as_deref() == Some(area))
    {
        found.tasks += 1;
        let top = task
            .parent
            .as_ref()
            .is_none_or(|p| !ids.contains(p.as_str()));
        if top {
            found.points.push(task.title.clone());
        }
    }
    found
}

/// One step that files every task of area `from` under `to` (under no area
/// when `None`) and removes `from`.
pub fn reassign_area(plan: &Plan, from: &str, to: Option<&str>) -> Op {
    let mut ops: Vec<Op> = plan
        .tasks
        .iter()
        .filter(|t| t.area.as_deref() == Some(from))
        .map(|t| {
            let mut task = t.clone();
            task.area = to.map(str::to_string);
            Op::PutTask {
                task: Box::new(task),
                at: None,
            }
        })
        .collect();
    ops.push(Op::RemoveArea(from.to_string()));
    Op::Batch(ops)
}

/// A unit's name, trimmed, or why it cannot be used: it is required, and
/// no other unit (`except` is the one being edited) may have it.
pub fn check_unit_name(plan: &Plan, name: &str, except: Option<&str>) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("请填写单位名称".into());
    }
    let taken = plan
        .units
        .iter()
        .any(|u| Some(u.id.as_str()) != except && u.name.trim() == name);
    if taken {
        return Err(format!("已有名为“{name}”的单位，请换一个名称"));
    }
    Ok(name.to_string())
}

/// An area's name, trimmed, or why it cannot be used (as for units).
pub fn check_area_name(plan: &Plan, name: &str, except: Option<&str>) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("请填写领域名称".into());
    }
    let taken = plan
        .areas
        .iter()
        .any(|a| Some(a.id.as_str()) != except && a.name.trim() == name);
    if taken {
        return Err(format!("已有名为“{name}”的领域，请换一个名称"));
    }
    Ok(name.to_string())
}

/// The first few titles, quoted: "“甲”、“乙”、“丙”等".
pub fn preview(titles: &[String]) -> String {
    let shown: Vec<String> = titles
        .iter()
        .take(PREVIEW)
        .map(|t| format!("“{t}”"))
        .collect();
    let more = if titles.len() > PREVIEW { "等" } else { "" };
    format!("{}{more}", shown.join("、"))
}

/// What deleting a used unit affects, in full: counts and first titles, as
/// lead and as support.
pub fn unit_use_message(name: &str, found: &UnitUse) -> String {
    let mut parts = Vec::new();
    if !found.lead.is_empty() {
        parts.push(format!(
            "牵头 {} 项（{}）",
            found.lead.len(),
            preview(&found.lead)
        ));
    }
    if !found.support.is_empty() {
        parts.push(format!(
            "配合 {} 项（{}）",
            found.support.len(),
            preview(&found.support)
        ));
    }
    format!(
        "单位“{name}”仍有 {} 项任务在使用：{}。删除前须把这些任务改由另一个单位承担；选择接替的单位，或取消。",
        found.tasks(),
        parts.join("；")
    )
}

/// The undo label of a delete that hands tasks to `to`.
pub fn unit_reassign_label(name: &str, found: &UnitUse, to: &str) -> String {
    let role = match (found.lead.is_empty(), found.support.is_empty()) {
        (false, true) => "牵头",
        (true, false) => "配合",
        _ => "承担",
    };
    format!(
        "删除单位“{name}”（{} 项任务改由“{to}”{role}）",
        found.tasks()
    )
}

/// What deleting a used area affects: how many tasks, and the 要点 first.
pub fn area_use_message(name: &str, found: &AreaUse) -> String {
    let points = if found.points.is_empty() {
        String::new()
    } else {
        format!(
            "，其中要点 {} 项（{}）",
            found.points.len(),
            preview(&found.points)
        )
    };
    format!(
        "领域“{name}”下还有 {} 项任务{points}。删除前须把这些任务改归另一个领域或不归入任何领域；请选择，或取消。",
        found.tasks
    )
}

/// The unit id an address asks to open for editing: `#/units?edit=<id>`
/// (the id percent-encoded). Other pages' addresses ask for nothing.
pub fn edit_target(hash: &str) -> Option<String> {
    let rest = hash.trim_start_matches('#').trim_start_matches('/');
    let (path, query) = rest.split_once('?')?;
    if path.trim_end_matches('/') != "units" {
        return None;
    }
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "edit")
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
}
