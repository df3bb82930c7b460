//! The 工作要点 reader: the plain text of the committee's annual work
//! points, as pasted from Word or taken out of a .docx, read into a
//! proposed plan for the user to check before anything is created.
//!
//! Sections 一、二、… become areas, （一）(一) headings 要点, numbered
//! paragraphs (1. 1、 （1） ①, a （1） under a 1. nested in it) work items;
//! the title line and its year name the plan (else the issue date at the
//! end); preamble and closing paragraphs (总体要求, closing instructions,
//! the issuing office and date) are listed as passed over, never as tasks.
//! From each item's words come its units (`fields`), matched to the plan's
//! registry (`units`), its leader and its deadline, read against the
//! document's year with the Excel import's own deadline reader
//! (`sheets::intake::deadline`). Each proposed item says what was read and
//! what was not, so the preview can mark it; `to_plan` turns the accepted
//! proposal into a new `Plan` in one step.
//!
//! Reading is one pass over the lines and one over each item's words:
//! linear in the text, and no input makes it panic.

mod edit;
mod fields;
mod frame;
mod numbering;
mod plan;
mod table;
mod tree;
pub mod units;

pub use edit::Correction;
pub use plan::{add_to_plan, to_plan};
pub use tree::read_breakdown;
pub use units::UnitRef;

use crate::model::plan::Unit;
use crate::model::recurrence::Recurrence;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// Where a proposed entry sits (the preview's `data-level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 一、…: an area (领域).
    Area,
    /// （一）…: a 要点, the parent of its items.
    Group,
    /// 1. / （1）: a work item.
    Item,
}

impl Level {
    /// The preview's `data-level` value.
    pub fn key(self) -> &'static str {
        match self {
            Level::Area => "area",
            Level::Group => "group",
            Level::Item => "item",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Area => "领域",
            Level::Group => "要点",
            Level::Item => "工作事项",
        }
    }
}

/// Something a work item should say and did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    Lead,
    Deadline,
}

impl Missing {
    pub fn label(self) -> &'static str {
        match self {
            Missing::Lead => "未写牵头单位",
            Missing::Deadline => "未写完成时限",
        }
    }
}

/// One proposed area, 要点 or work item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub level: Level,
    /// The entry above it (an index into `Proposal::nodes`, always earlier).
    pub parent: Option<usize>,
    /// Its number as written: "一", "（一）", "1", "（1）".
    pub number: String,
    /// The line of the text it starts on (1-based).
    pub line: usize,
    pub title: String,
    /// 工作要求: the rest of the item's words, quantities included.
    pub detail: String,
    pub lead: Option<UnitRef>,
    pub support: Vec<UnitRef>,
    /// General terms kept as written, with their role: "各街道（配合）".
    pub general: Vec<String>,
    /// 责任领导 / 分管领导, as written.
    pub leader: String,
    /// The words naming the deadline, as written.
    pub deadline_text: String,
    pub due: Option<NaiveDate>,
    /// Earlier dates named beside the deadline, kept as milestones.
    pub milestones: Vec<(NaiveDate, String)>,
    /// 每月 / 每季度: standing work.
    pub recurrence: Option<Recurrence>,
    /// 长期坚持: no fixed date, said so.
    pub ongoing: bool,
    /// True when nothing hangs below it: a task to be done and reported.
    pub work_item: bool,
    /// What was read, one line each ("牵头单位：区委组织部").
    pub read: Vec<String>,
    /// What a work item lacks (the preview marks it).
    pub missing: Vec<Missing>,
    /// How things were read: new units, general terms, a split list.
    pub notes: Vec<String>,
}

impl Node {
    /// Re-derives `missing` (after the user corrects the entry).
    pub fn recheck(&mut self) {
        self.missing.clear();
        if !self.work_item {
            return;
        }
        if self.lead.is_none() {
            self.missing.push(Missing::Lead);
        }
        if self.due.is_none() && !self.ongoing && self.recurrence.is_none() {
            self.missing.push(Missing::Deadline);
        }
    }
}

/// A paragraph that is not a task, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub line: usize,
    /// Its beginning.
    pub text: String,
    pub why: String,
}

/// The plan a document proposes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub title: String,
    pub year: i32,
    /// Where the year came from, for the preview.
    pub year_from: String,
    /// The issuing office, if the closing names one.
    pub issuer: String,
    /// Areas, 要点 and items in the document's order.
    pub nodes: Vec<Node>,
    /// Units proposed because no registered one matched.
    pub new_units: Vec<Unit>,
    /// Paragraphs that are not tasks (preamble, closing, sections such as
    /// 总体要求).
    pub passed: Vec<Passage>,
}

/// How much confirming will make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    pub areas: usize,
    pub groups: usize,
    pub work_items: usize,
    pub new_units: usize,
    /// Work items marked for a missing lead unit or deadline.
    pub marked: usize,
}

impl Proposal {
    /// Recomputes which entries are work items and what each lacks (after
    /// the user changes a level or a field).
    pub fn recheck(&mut self) {
        let mut has_child = vec![false; self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            if let Some(p) = n.parent.filter(|p| *p < i) {
                has_child[p] = true;
            }
        }
        for (n, child) in self.nodes.iter_mut().zip(has_child) {
            n.work_item = n.level != Level::Area && !child;
            n.recheck();
        }
    }

    /// The new units some entry still names.
    pub fn used_new_units(&self) -> Vec<&Unit> {
        let used: HashSet<&str> = self
            .nodes
            .iter()
            .flat_map(|n| n.lead.iter().chain(&n.support))
            .filter(|u| u.new)
            .map(|u| u.unit_id.as_str())
            .collect();
        self.new_units
            .iter()
            .filter(|u| used.contains(u.id.as_str()))
            .collect()
    }

    pub fn counts(&self) -> Counts {
        let of = |l: Level| self.nodes.iter().filter(|n| n.level == l).count();
        Counts {
            areas: of(Level::Area),
            groups: of(Level::Group),
            work_items: self.nodes.iter().filter(|n| n.work_item).count(),
            new_units: self.used_new_units().len(),
            marked: self.nodes.iter().filter(|n| !n.missing.is_empty()).count(),
        }
    }

    /// "将新建 3 个领域、5 个要点、12 项工作事项、2 个新单位".
    pub fn summary(&self) -> String {
        let c = self.counts();
        let mut s = format!(
            "将新建 {} 个领域、{} 个要点、{} 项工作事项",
            c.areas, c.groups, c.work_items
        );
        if c.new_units > 0 {
            s.push_str(&format!("、{} 个新单位", c.new_units));
        }
        if c.marked > 0 {
            s.push_str(&format!("；{} 项缺少牵头单位或完成时限，已标出", c.marked));
        }
        s
    }
}

/// Why a text gave no proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakdownError {
    /// Nothing but blanks.
    Empty,
    /// No numbered item anywhere: a speech or a letter, not a 要点 list.
    NoItems,
}

impl fmt::Display for BreakdownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BreakdownError::Empty => "没有文字：请粘贴工作要点的全文，或选择 .docx、.txt 文件",
            BreakdownError::NoItems => {
                "没有找到编号的工作事项（以“1.”“1、”“（1）”或“（一）”开头的段落），这段文字不像工作要点，未生成任何任务。请确认粘贴的是工作要点全文（从 Word 复制时，自动编号可能没有一起复制）"
            }
        })
    }
}

impl std::error::Error for BreakdownError {}
