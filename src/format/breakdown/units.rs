//! Unit names read from the items, matched to the plan's registry with the
//! Excel import's rule (`sheets::intake::units::find_unit`: full name,
//! short name, with or without the leading 区). A name no registered unit
//! matches is proposed as a new unit, once for the whole document however
//! often it is written; general terms (各街道, 有关单位) stay words.

use crate::format::sheets::intake::units::{find_unit, is_generic};
use crate::model::id::derived_id;
use crate::model::plan::Unit;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// One unit named in an item, and what it was matched to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    /// The name as the document writes it.
    pub written: String,
    /// The registered unit's id, or the proposed new unit's.
    pub unit_id: String,
    /// True when no registered unit matched and a new one is proposed.
    pub new: bool,
}

/// Longer than any unit's name: such text is a sentence, not a unit.
const MAX_NAME: usize = 30;

/// Endings of unit names (区委组织部, 区人社局, 东城街道 …), used to tell
/// "区委组织部牵头" from a sentence that happens to end in 负责.
const SUFFIXES: [&str; 30] = [
    "部", "局", "委", "办", "院", "会", "街道", "镇", "乡", "所", "中心", "团", "联", "队", "室",
    "处", "厅", "校", "馆", "站", "社", "公司", "集团", "政府", "署", "台", "小组", "组", "区委",
    "分局",
];

/// Endings of general terms besides the units' own ("各镇街", "有关单位").
const GENERAL_ENDINGS: [&str; 5] = ["单位", "部门", "镇街", "乡镇", "街镇"];

/// The names in a list such as "区委宣传部、区人社局，区财政局", in order,
/// without blanks or repeats (linear: a set, not a scan, tells repeats).
pub(super) fn split_names(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for raw in text.split([
        '、', '，', ',', '；', ';', '/', '／', '\n', ' ', '\u{3000}', '\t',
    ]) {
        let name = clean(raw);
        if !name.is_empty() && seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

/// "由区委组织部" → "区委组织部"; "区人社局等" → "区人社局".
fn clean(raw: &str) -> String {
    let mut n = raw
        .trim()
        .trim_matches(|c| "。.：:“”\"'".contains(c))
        .trim();
    for prefix in ["并由", "由", "会同"] {
        n = n.strip_prefix(prefix).unwrap_or(n);
    }
    for suffix in ["等有关单位", "等相关单位", "等单位", "等部门", "等"] {
        if n.chars().count() > suffix.chars().count() {
            n = n.strip_suffix(suffix).unwrap_or(n);
        }
    }
    n.trim().to_string()
}

/// Whether `name` reads as a unit: a registered one, a general term, or a
/// name with a unit's ending and no digits.
pub(super) fn looks_like_unit(name: &str, registry: &[Unit]) -> bool {
    let n = name.chars().count();
    if n == 0 || n > MAX_NAME {
        return false;
    }
    if is_generic(name) {
        // "各街道", "各有关单位" — but not "各部门密切" from "各部门密切配合".
        return GENERAL_ENDINGS.iter().any(|s| name.ends_with(s))
            || SUFFIXES.iter().any(|s| name.ends_with(s));
    }
    if find_unit(registry, name).is_some() {
        return true;
    }
    !name
        .chars()
        .any(|c| c.is_ascii_digit() || "，。；：".contains(c))
        && SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// Stricter, for a bracket holding only names ("（区委组织部、区人社局）"),
/// where a phrase such as "新建10个服务中心" must not pass: a registered
/// name, a general term, or one that starts as district units do.
pub(super) fn surely_unit(name: &str, registry: &[Unit]) -> bool {
    if !looks_like_unit(name, registry) {
        return false;
    }
    is_generic(name)
        || find_unit(registry, name).is_some()
        || ["区", "市", "县", "团区委"]
            .iter()
            .any(|p| name.starts_with(p))
        || ["街道", "镇", "乡", "分局", "支队", "大队"]
            .iter()
            .any(|s| name.ends_with(s))
}

/// The names a new unit is known by: as written, without 区, and without
/// 区委 (documents write "区委组织部" and "组织部" for the same office).
fn keys(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    for prefix in ["区委", "区"] {
        if let Some(rest) = name.strip_prefix(prefix) {
            if rest.chars().count() >= 2 {
                out.push(rest.to_string());
            }
        }
    }
    out
}

/// Matches names against one registry across a whole document, so a new
/// name written in ten items is proposed once.
pub(super) struct Matcher<'a> {
    registry: &'a [Unit],
    pub new_units: Vec<Unit>,
    /// New units by name and by name without 区.
    by_name: HashMap<String, usize>,
}

/// What a name turned out to be.
pub(super) enum Resolved {
    Unit(UnitRef),
    /// 各街道, 有关单位: kept as written.
    General(String),
    /// Too long or otherwise not a name.
    NotAName(String),
}

impl<'a> Matcher<'a> {
    pub fn new(registry: &'a [Unit]) -> Matcher<'a> {
        Matcher {
            registry,
            new_units: Vec::new(),
            by_name: HashMap::new(),
        }
    }

    /// A matcher that also knows the units already proposed (a
    /// correction naming one of them reuses it).
    pub fn with_new(registry: &'a [Unit], new_units: Vec<Unit>) -> Matcher<'a> {
        let mut by_name = HashMap::new();
        for (i, u) in new_units.iter().enumerate() {
            for key in keys(&u.name) {
                by_name.entry(key).or_insert(i);
            }
        }
        Matcher {
            registry,
            new_units,
            by_name,
        }
    }

    pub fn registry(&self) -> &'a [Unit] {
        self.registry
    }

    pub fn resolve(&mut self, written: &str) -> Resolved {
        let written = written.to_string();
        if is_generic(&written) {
            return Resolved::General(written);
        }
        if written.chars().count() > MAX_NAME {
            return Resolved::NotAName(written);
        }
        if let Some(u) = find_unit(self.registry, &written) {
            return Resolved::Unit(UnitRef {
                unit_id: u.id.clone(),
                written,
                new: false,
            });
        }
        // "组织部" and "区委组织部" written in one document are one unit.
        if let Some(&i) = keys(&written).iter().find_map(|k| self.by_name.get(k)) {
            return Resolved::Unit(UnitRef {
                unit_id: self.new_units[i].id.clone(),
                written,
                new: true,
            });
        }
        // The same id the Excel import derives for a new unit of this name.
        let id = derived_id(&["unit", &written]);
        self.new_units.push(Unit {
            id: id.clone(),
            name: written.clone(),
            short_name: String::new(),
            kind: Default::default(),
            leader: String::new(),
        });
        let i = self.new_units.len() - 1;
        for key in keys(&written) {
            self.by_name.entry(key).or_insert(i);
        }
        Resolved::Unit(UnitRef {
            unit_id: id,
            written,
            new: true,
        })
    }
}
