//! The user's corrections to a proposal before anything is created: an
//! entry's title, level, lead and cooperating units, leader or deadline,
//! and the plan's year. Each correction re-derives what depends on it
//! (the tree's parents after a level change, the deadlines after a year
//! change, what the entry lacks) so the preview and the counts stay true.

use super::units::{split_names, Matcher, Resolved, UnitRef};
use super::{Level, Node, Proposal};
use crate::format::sheets::intake::deadline::parse_deadline;
use crate::model::date::format_date;
use crate::model::plan::Unit;

/// One correction to one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    Title(String),
    Level(Level),
    /// A unit's name as typed; empty clears the lead unit.
    Lead(String),
    /// Names separated by 、，；.
    Support(String),
    Leader(String),
    /// Deadline words as the documents write them ("6月底前", "2026-09-30").
    Deadline(String),
}

impl Proposal {
    /// Applies `correction` to entry `i`, names matched against `registry`
    /// (the plan's units) and the units already proposed. The error, in
    /// Chinese, says why nothing changed.
    pub fn correct(
        &mut self,
        i: usize,
        correction: Correction,
        registry: &[Unit],
    ) -> Result<(), String> {
        if i >= self.nodes.len() {
            return Err("该条目已不存在，请重新读取".into());
        }
        // An unreadable deadline is kept as written (the entry stays
        // marked) and said so.
        let mut unreadable = None;
        match correction {
            Correction::Title(t) => {
                let t = t.trim();
                if t.is_empty() {
                    return Err("名称不能为空".into());
                }
                self.nodes[i].title = t.to_string();
            }
            Correction::Level(level) => {
                self.nodes[i].level = level;
                self.relink();
            }
            Correction::Lead(name) => {
                let name = name.trim();
                let lead = if name.is_empty() {
                    None
                } else {
                    match self.resolve(name, registry) {
                        Resolved::Unit(u) => Some(u),
                        Resolved::General(g) => {
                            return Err(format!(
                                "“{g}”是泛指，不是一个单位：牵头单位请写一个具体单位"
                            ))
                        }
                        Resolved::NotAName(_) => return Err("单位名称过长，请只写单位名称".into()),
                    }
                };
                let n = &mut self.nodes[i];
                if let Some(l) = &lead {
                    n.support.retain(|s| s.unit_id != l.unit_id);
                }
                n.lead = lead;
            }
            Correction::Support(names) => {
                let mut support: Vec<UnitRef> = Vec::new();
                let mut general = Vec::new();
                for name in split_names(&names) {
                    match self.resolve(&name, registry) {
                        Resolved::Unit(u) => {
                            let is_lead = self.nodes[i]
                                .lead
                                .as_ref()
                                .is_some_and(|l| l.unit_id == u.unit_id);
                            if !is_lead && !support.iter().any(|s| s.unit_id == u.unit_id) {
                                support.push(u);
                            }
                        }
                        Resolved::General(g) => general.push(format!("{g}（配合）")),
                        Resolved::NotAName(t) => {
                            return Err(format!("“{t}”不像单位名称，请用顿号分隔单位"))
                        }
                    }
                }
                let n = &mut self.nodes[i];
                n.support = support;
                n.general.retain(|g| !g.ends_with("（配合）"));
                n.general.extend(general);
            }
            Correction::Leader(name) => self.nodes[i].leader = name.trim().to_string(),
            Correction::Deadline(words) => {
                let year = self.year;
                set_deadline(&mut self.nodes[i], words.trim(), year);
                let n = &self.nodes[i];
                if !n.deadline_text.is_empty()
                    && n.due.is_none()
                    && n.recurrence.is_none()
                    && !n.ongoing
                {
                    unreadable = Some(format!(
                        "看不懂完成时限“{}”：请写成“6月底前”“{year}年9月30日”“年底前”“每季度”或“长期坚持”",
                        n.deadline_text
                    ));
                }
            }
        }
        self.nodes[i].notes.push("已手工修改".into());
        self.nodes[i].read = described(&self.nodes[i]);
        self.recheck();
        unreadable.map_or(Ok(()), Err)
    }

    /// Sets the plan's year and reads every deadline's words again
    /// against it ("3月底前" is the March of the plan's year).
    pub fn set_year(&mut self, year: i32) {
        if year == self.year {
            return;
        }
        self.year = year;
        self.year_from = "手工修改".into();
        for n in &mut self.nodes {
            if !n.deadline_text.is_empty() {
                let words = n.deadline_text.clone();
                set_deadline(n, &words, year);
                n.read = described(n);
            }
        }
        self.recheck();
    }

    /// A name matched to the registry, else to a unit already proposed,
    /// else proposed as a new unit (kept in `new_units`).
    fn resolve(&mut self, name: &str, registry: &[Unit]) -> Resolved {
        let mut matcher = Matcher::with_new(registry, std::mem::take(&mut self.new_units));
        let resolved = matcher.resolve(name);
        self.new_units = matcher.new_units;
        resolved
    }

    /// Re-derives each entry's parent from the levels: an area stands
    /// alone; a 要点 belongs to the area above; an item belongs to the
    /// item it was written under (（1） under 1.) while that is still an
    /// item, else to the 要点 above within its area, else to the area.
    fn relink(&mut self) {
        let mut area: Option<usize> = None;
        let mut group: Option<usize> = None;
        for i in 0..self.nodes.len() {
            let level = self.nodes[i].level;
            let parent = match level {
                Level::Area => {
                    group = None;
                    None
                }
                Level::Group => area,
                Level::Item => {
                    let nested = self.nodes[i]
                        .parent
                        .filter(|p| *p < i && self.nodes[*p].level == Level::Item);
                    nested.or(group).or(area)
                }
            };
            self.nodes[i].parent = parent;
            match level {
                Level::Area => area = Some(i),
                Level::Group => group = Some(i),
                Level::Item => {}
            }
        }
    }
}

/// Reads `words` against `year` into the entry's deadline fields.
fn set_deadline(n: &mut Node, words: &str, year: i32) {
    n.deadline_text = words.to_string();
    if words.is_empty() {
        n.due = None;
        n.milestones.clear();
        n.recurrence = None;
        n.ongoing = false;
        return;
    }
    let dl = parse_deadline(words, year);
    n.due = dl.due;
    n.milestones = dl.milestones;
    n.recurrence = dl.recurrence;
    n.ongoing = dl.ongoing;
}

/// What the entry now says, one line each, as the reader words it.
fn described(n: &Node) -> Vec<String> {
    let mut read = Vec::new();
    if let Some(l) = &n.lead {
        read.push(format!("牵头单位：{}", l.written));
    }
    if !n.support.is_empty() {
        let names: Vec<&str> = n.support.iter().map(|u| u.written.as_str()).collect();
        read.push(format!("配合单位：{}", names.join("、")));
    }
    if !n.general.is_empty() {
        read.push(format!("泛指：{}", n.general.join("、")));
    }
    if !n.leader.is_empty() {
        read.push(format!("责任领导：{}", n.leader));
    }
    let words = &n.deadline_text;
    match (n.due, n.recurrence) {
        (_, Some(r)) => read.push(format!("常态化工作：{}（“{words}”）", r.label())),
        (Some(due), None) => read.push(format!("完成时限：{words}（{}）", format_date(due))),
        (None, None) if n.ongoing => read.push(format!("完成时限：{words}（无固定日期）")),
        (None, None) => {}
    }
    if !n.milestones.is_empty() {
        read.push(format!("其余 {} 个时间作为进度节点", n.milestones.len()));
    }
    read
}
