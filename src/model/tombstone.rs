//! Tombstones: the ids of deleted tasks and records, with the day, so that
//! deletions travel in files like everything else and no merge brings back
//! what was deleted on either side.
//!
//! They live in one list on the plan (`Plan::deleted`), not on each task:
//! a deleted task cannot carry its own tombstone, one list is one set to
//! look up and to unite in a merge, and a 填报包 carries the list whole
//! (ids are random, so a tombstone never hits anything else). The list is
//! kept sorted by id, so undo and redo give back the plan exactly.
//!
//! Each one is small (an id, a kind and a day, about 60 characters); the
//! list grows only with deletions in one plan's year, and a copy for the
//! next year starts without one. Nothing prunes it: a file from before the
//! deletion may come back at any time.

use crate::model::date::opt_date;
use crate::model::task::Task;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a tombstone stands for.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DeletedKind {
    Task,
    /// A progress report (进展).
    Update,
    /// A 延期 record.
    Extension,
    /// A 时序进度节点.
    Milestone,
    /// A 督办/催办 record.
    Supervision,
    /// A record of a kind this version does not name (read from elsewhere).
    #[default]
    Record,
}

impl DeletedKind {
    pub fn label(self) -> &'static str {
        match self {
            DeletedKind::Task => "任务",
            DeletedKind::Update => "进展",
            DeletedKind::Extension => "延期记录",
            DeletedKind::Milestone => "进度节点",
            DeletedKind::Supervision => "督办记录",
            DeletedKind::Record => "记录",
        }
    }
}

/// A deleted task or record: its id and the day it was deleted.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Tombstone {
    pub id: String,
    #[serde(default)]
    pub kind: DeletedKind,
    /// The day it was deleted; unknown only in hand-made files (the
    /// tombstone counts all the same).
    #[serde(default, with = "opt_date")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::model::date::schema::optional")
    )]
    pub on: Option<NaiveDate>,
}

/// The ids of a task's records that deletions are remembered for, with
/// their kind. (留痕 entries are never deleted by hand; an undo that takes
/// one back is not a deletion worth carrying.)
pub fn record_ids(task: &Task) -> impl Iterator<Item = (DeletedKind, &str)> {
    let updates = task
        .updates
        .iter()
        .map(|r| (DeletedKind::Update, r.id.as_str()));
    let extensions = task
        .extensions
        .iter()
        .map(|r| (DeletedKind::Extension, r.id.as_str()));
    let milestones = task
        .milestones
        .iter()
        .map(|r| (DeletedKind::Milestone, r.id.as_str()));
    let supervisions = task
        .supervisions
        .iter()
        .map(|r| (DeletedKind::Supervision, r.id.as_str()));
    updates
        .chain(extensions)
        .chain(milestones)
        .chain(supervisions)
        .filter(|(_, id)| !id.is_empty())
}

/// The position of `id` in a list sorted by id, or where it would go.
pub fn find(list: &[Tombstone], id: &str) -> Result<usize, usize> {
    list.binary_search_by(|t| t.id.as_str().cmp(id))
}

/// Adds a tombstone unless the id has one already (the first deletion's
/// day is kept).
pub fn bury(list: &mut Vec<Tombstone>, stone: Tombstone) {
    if let Err(at) = find(list, &stone.id) {
        list.insert(at, stone);
    }
}

/// Removes the tombstone of `id`, if any: the task or record is back.
pub fn unbury(list: &mut Vec<Tombstone>, id: &str) -> Option<Tombstone> {
    find(list, id).ok().map(|at| list.remove(at))
}

/// Sorts a list read from elsewhere by id and keeps one tombstone per id
/// (the earliest day known): the shape every op relies on.
pub fn normalize(list: &mut Vec<Tombstone>) {
    crate::model::sorting::sort_by(list, |a, b| a.id.cmp(&b.id).then(earlier(a.on, b.on)));
    list.dedup_by(|later, first| later.id == first.id);
}

/// Known days before unknown ones, earlier before later.
fn earlier(a: Option<NaiveDate>, b: Option<NaiveDate>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// The union of two sorted lists, one tombstone per id, the earliest day.
pub fn union(a: &[Tombstone], b: &[Tombstone]) -> Vec<Tombstone> {
    let mut all: Vec<Tombstone> = a.iter().chain(b).cloned().collect();
    normalize(&mut all);
    all
}

/// The day in an ISO 8601 time ("2026-07-25T09:00:00Z" → 2026-07-25).
/// Read by `date::parse_date`, not chrono's format parser, which alone
/// costs 14 KB of the wasm (issue 19); the stamps the app writes always
/// start with a zero-padded `YYYY-MM-DD`.
pub fn day_of(now: &str) -> Option<NaiveDate> {
    now.get(..10)
        .and_then(|d| crate::model::date::parse_date(d).ok())
}
