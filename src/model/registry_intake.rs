//! Filling a plan's registries in bulk, with no components: units pasted as
//! a list (one a line, or a column copied from Excel), and the units and
//! areas of another plan copied in. Both merge by name into what is there,
//! never duplicating a unit or an area, and give one `Op` (a `Batch`), so
//! one undo takes the whole step back. Checked in `tests/registry_intake.rs`.

use crate::model::id::new_id;
use crate::model::ops::Op;
use crate::model::plan::{Area, Plan, Unit, UnitKind};
use crate::model::registry::{next_area_order, UNIT_KINDS};
use std::collections::HashSet;

/// Column headings a copied column often starts with; a first line that is
/// one of them is the heading, not a unit.
const HEADINGS: [&str; 8] = [
    "单位",
    "单位名称",
    "名称",
    "牵头单位",
    "配合单位",
    "责任单位",
    "主责单位",
    "承办单位",
];

/// The first cell of a pasted line, trimmed: Excel separates cells with
/// tabs and quotes a cell that holds a quote or a line break.
fn first_cell(line: &str) -> &str {
    let cell = line.split('\t').next().unwrap_or_default().trim();
    cell.strip_prefix('"')
        .and_then(|c| c.strip_suffix('"'))
        .map_or(cell, str::trim)
}

/// What a pasted list holds: the names, in order, once each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PastedList {
    /// Each name once, in the order pasted.
    pub names: Vec<String>,
    /// Lines that repeated a name already in the list.
    pub repeated: usize,
}

/// Reads a pasted list of units: one a line, the first cell of each (tabs
/// separate Excel's cells), trimmed; blank lines and a heading line first
/// are skipped, and a name that comes again is counted, not kept.
pub fn parse_unit_list(text: &str) -> PastedList {
    let mut list = PastedList::default();
    let mut seen = HashSet::new();
    let mut first = true;
    for line in text.lines() {
        let name = first_cell(line);
        if name.is_empty() {
            continue;
        }
        let heading = first && HEADINGS.contains(&name);
        first = false;
        if heading {
            continue;
        }
        if seen.insert(name.to_string()) {
            list.names.push(name.to_string());
        } else {
            list.repeated += 1;
        }
    }
    list
}

/// True when `name` names a unit of the registry already, by its name or
/// its short name (adding "组织部" beside 区委组织部 would be the same unit).
fn unit_named<'a>(units: impl IntoIterator<Item = &'a Unit>, name: &str) -> bool {
    units
        .into_iter()
        .any(|u| u.name.trim() == name || (!u.short_name.is_empty() && u.short_name.trim() == name))
}

/// A pasted list checked against the registry: what would be added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PastePreview {
    /// Names not yet in the registry, in order: these are added.
    pub new: Vec<String>,
    /// Lines that repeated a name of the list.
    pub repeated: usize,
    /// Names the registry has already (by name or short name).
    pub existing: usize,
}

impl PastePreview {
    /// What adding would do, in a line: "将新增 5 个单位（已在名录中 2 个，重复 1 个）".
    pub fn summary(&self) -> String {
        let mut skipped = Vec::new();
        if self.existing > 0 {
            skipped.push(format!("已在名录中 {} 个", self.existing));
        }
        if self.repeated > 0 {
            skipped.push(format!("重复 {} 个", self.repeated));
        }
        let skipped = if skipped.is_empty() {
            String::new()
        } else {
            format!("（跳过{}）", skipped.join("、"))
        };
        if self.new.is_empty() {
            format!("没有可新增的单位{skipped}")
        } else {
            format!("将新增 {} 个单位{skipped}", self.new.len())
        }
    }
}

/// What pasting `text` into `plan`'s registry would add.
pub fn paste_preview(plan: &Plan, text: &str) -> PastePreview {
    let list = parse_unit_list(text);
    let (existing, new): (Vec<String>, Vec<String>) = list
        .names
        .into_iter()
        .partition(|n| unit_named(&plan.units, n));
    PastePreview {
        new,
        repeated: list.repeated,
        existing: existing.len(),
    }
}

/// The kind most units of the registry have (the first of `UNIT_KINDS` on
/// a tie), what a batch of new units most likely is; 其他 when there are none.
pub fn common_kind(plan: &Plan) -> UnitKind {
    let count = |k: UnitKind| plan.units.iter().filter(|u| u.kind == k).count();
    UNIT_KINDS
        .into_iter()
        .map(|k| (k, count(k)))
        .filter(|(_, n)| *n > 0)
        .fold(None::<(UnitKind, usize)>, |best, (k, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((k, n)),
        })
        .map_or(UnitKind::Other, |(k, _)| k)
}

/// A new unit of `kind` called `name`, with a fresh id.
pub fn new_unit(name: &str, kind: UnitKind) -> Unit {
    Unit {
        id: new_id(),
        name: name.trim().to_string(),
        short_name: String::new(),
        kind,
        leader: String::new(),
    }
}

/// A new area called `name`, after every other one.
pub fn new_area(plan: &Plan, name: &str) -> Area {
    Area {
        id: new_id(),
        name: name.trim().to_string(),
        order: next_area_order(plan),
    }
}

/// One step that adds every name of `names` as a unit of `kind`, at the
/// end of the registry.
pub fn add_units(names: &[String], kind: UnitKind) -> Op {
    Op::Batch(
        names
            .iter()
            .map(|n| Op::PutUnit {
                unit: new_unit(n, kind),
                at: None,
            })
            .collect(),
    )
}

/// What copying another plan's registries into a plan does.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistryCopy {
    /// The step that adds them; `None` when there is nothing new.
    pub op: Option<Op>,
    /// Units added.
    pub units: usize,
    /// Areas added.
    pub areas: usize,
    /// Units skipped because the plan has them already (by name).
    pub units_kept: usize,
    /// Areas skipped because the plan has them already (by name).
    pub areas_kept: usize,
}

impl RegistryCopy {
    /// What was done, for the page: "已从“2025年…”复制单位 38 个、领域 6 个".
    pub fn message(&self, from: &str) -> String {
        let mut kept = Vec::new();
        if self.units_kept > 0 {
            kept.push(format!("单位 {} 个", self.units_kept));
        }
        if self.areas_kept > 0 {
            kept.push(format!("领域 {} 个", self.areas_kept));
        }
        let kept = if kept.is_empty() {
            String::new()
        } else {
            format!("；本计划已有的{}未重复添加", kept.join("、"))
        };
        if self.op.is_none() {
            return format!("“{from}”的单位和领域本计划都已有，没有复制{kept}。");
        }
        format!(
            "已从“{from}”复制单位 {} 个、领域 {} 个{kept}。",
            self.units, self.areas
        )
    }
}

/// Copies `source`'s units and areas into `plan`, after what it has: a
/// unit or an area whose name the plan has already is skipped, so merging
/// into a filled registry duplicates nothing. Each keeps its id from the
/// source (the same unit keeps being the same one across a year's plans)
/// unless the plan uses that id for something else; areas keep their
/// order among themselves, after the plan's own.
pub fn copy_registries(plan: &Plan, source: &Plan) -> RegistryCopy {
    let mut ops = Vec::new();
    let mut kept = (0, 0);
    let mut unit_ids: HashSet<String> = plan.units.iter().map(|u| u.id.clone()).collect();
    let mut added: Vec<Unit> = Vec::new();
    for unit in &source.units {
        let name = unit.name.trim();
        if name.is_empty() || unit_named(plan.units.iter().chain(&added), name) {
            kept.0 += 1;
            continue;
        }
        let mut unit = unit.clone();
        unit.name = name.to_string();
        if !unit_ids.insert(unit.id.clone()) {
            unit.id = new_id();
            unit_ids.insert(unit.id.clone());
        }
        added.push(unit.clone());
        ops.push(Op::PutUnit { unit, at: None });
    }
    let mut area_ids: HashSet<String> = plan.areas.iter().map(|a| a.id.clone()).collect();
    let mut names: HashSet<String> = plan
        .areas
        .iter()
        .map(|a| a.name.trim().to_string())
        .collect();
    let mut order = next_area_order(plan);
    let mut areas = source.areas.clone();
    crate::model::sorting::sort_by_key(&mut areas, |a| a.order);
    let mut area_count = 0;
    for mut area in areas {
        let name = area.name.trim().to_string();
        if name.is_empty() || !names.insert(name.clone()) {
            kept.1 += 1;
            continue;
        }
        area.name = name;
        if !area_ids.insert(area.id.clone()) {
            area.id = new_id();
            area_ids.insert(area.id.clone());
        }
        area.order = order;
        order = order.saturating_add(1);
        area_count += 1;
        ops.push(Op::PutArea { area, at: None });
    }
    RegistryCopy {
        units: added.len(),
        areas: area_count,
        units_kept: kept.0,
        areas_kept: kept.1,
        op: (!ops.is_empty()).then_some(Op::Batch(ops)),
    }
}
