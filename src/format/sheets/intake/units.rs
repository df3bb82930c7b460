//! Units named in a ledger's cells, matched to the plan's unit registry:
//! "区发改委、区财政局，区住建委" and new lines or spaces between names;
//! each name matched by full name, short name, with or without the
//! leading 区, or as the one registered name containing it; otherwise a
//! new unit is proposed (created on confirming the import).

use crate::model::id::derived_id;
use crate::model::plan::{Plan, Unit};

/// One name in a cell and what it was matched to.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitMatch {
    /// The name as written.
    pub written: String,
    /// The registered (or new) unit's id.
    pub id: String,
    /// True when no registered unit matched and a new one is proposed.
    pub new: bool,
}

/// The names in a cell, in order, without blanks or repeats.
pub fn split_names(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in cell.split([
        '、', '，', ',', '；', ';', '/', '\n', '\r', ' ', '\u{3000}', '\t',
    ]) {
        let name = name
            .trim()
            .trim_matches(|c| "。.：:".contains(c))
            .to_string();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn bare(name: &str) -> &str {
    name.strip_prefix('区').unwrap_or(name)
}

/// The registered unit `name` means, if exactly one.
pub fn find_unit<'a>(units: &'a [Unit], name: &str) -> Option<&'a Unit> {
    let exact = units
        .iter()
        .find(|u| u.name == name || (!u.short_name.is_empty() && u.short_name == name));
    if exact.is_some() {
        return exact;
    }
    let same = |u: &&Unit| {
        bare(&u.name) == bare(name)
            || (!u.short_name.is_empty() && bare(&u.short_name) == bare(name))
    };
    if let Some(u) = units.iter().find(same) {
        return Some(u);
    }
    // "发改委" in "区发展和改革委员会（发改委）"-style names: only when one
    // registered name contains it, so a short word cannot pick at random.
    let mut containing = units
        .iter()
        .filter(|u| bare(name).chars().count() >= 2 && u.name.contains(bare(name)));
    match (containing.next(), containing.next()) {
        (Some(u), None) => Some(u),
        _ => None,
    }
}

/// "各街道", "各有关单位": a general term, not one unit.
pub fn is_generic(name: &str) -> bool {
    name.starts_with('各') || ["有关单位", "相关单位", "有关部门", "相关部门"].contains(&name)
}

/// Matches each name in `cell` (general terms such as 各街道 left out) to
/// `plan`'s units, proposing new units in
/// `added` (shared across the rows of one import, so a new name used twice
/// is one unit).
pub fn match_units(cell: &str, plan: &Plan, added: &mut Vec<Unit>) -> Vec<UnitMatch> {
    split_names(cell)
        .into_iter()
        .filter(|name| !is_generic(name))
        .map(|written| {
            if let Some(u) = find_unit(&plan.units, &written).or_else(|| find_unit(added, &written))
            {
                return UnitMatch {
                    written,
                    id: u.id.clone(),
                    new: false,
                };
            }
            let id = derived_id(&["unit", &written]);
            added.push(Unit {
                id: id.clone(),
                name: written.clone(),
                short_name: String::new(),
                kind: Default::default(),
                leader: String::new(),
            });
            UnitMatch {
                written,
                id,
                new: true,
            }
        })
        .collect()
}
