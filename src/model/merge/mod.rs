//! Merging a plan file into the plan on screen, never a blind replace.
//! Tasks match by id. Records (progress updates, extensions, supervision,
//! 留痕 entries, milestones) are unions by id, so importing the same file
//! twice adds nothing the second time. Task fields merge three ways against
//! the task as it was sent (a 填报包's base): changed on one side only →
//! that side; changed on both → a conflict the user decides. A file without
//! a base (a whole plan) has no way to tell who changed what, so every
//! differing field is a conflict, defaulting to the side changed last.
//!
//! Deletions travel as tombstones (`model::tombstone`): a task or record
//! deleted on either side stays deleted, whatever the file's age, and the
//! merged plan keeps the tombstones of both. 督办 numbers stay unique
//! (`numbers`). A clash in the outline — a loop of moves, a parent deleted
//! on one side with children on the other — is a choice (`structure`),
//! never a refusal.

mod apply;
mod clashes;
mod compare;
mod confirm;
mod fields;
mod numbers;
mod preview;
mod recheck;
mod structure;

pub use apply::{merge_op, MergeError};
pub use confirm::{confirm, Choice, ConfirmReply, Confirmation, TASKS_PER_LINE};
pub use numbers::Renumbered;
pub use preview::preview;
pub use recheck::{recheck, Recheck};

use crate::model::id::TaskId;
use crate::model::plan::{Area, Unit};
use crate::model::supervision::NoticeCounter;
use crate::model::task::Task;
use crate::model::tombstone::Tombstone;
use fields::FIELDS;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use structure::Parents;

/// The key a structural clash's choice is recorded under, beside the
/// task's field keys.
pub const STRUCTURE: &str = "structure";

/// Which side a conflict is decided for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Ours,
    Theirs,
}

/// A field changed on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub key: String,
    pub label: String,
    /// Both values as people read them.
    pub ours: String,
    pub theirs: String,
    /// Chosen unless the user says otherwise: the side changed last.
    pub default: Side,
}

/// A field taken from the file because only the file changed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Taken {
    pub label: String,
    pub ours: String,
    pub theirs: String,
}

/// What merging does to one task both sides have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskMerge {
    pub id: TaskId,
    pub title: String,
    pub taken: Vec<Taken>,
    pub conflicts: Vec<Conflict>,
    /// New records by list: updates, extensions, supervisions, log, milestones.
    pub new_records: Vec<(String, usize)>,
    /// Records here the file deleted, by list: they go.
    pub removed_records: Vec<(String, usize)>,
    /// The task with everything but the conflicts merged (conflicts as ours).
    /// This and the rest of a preview's workings stay in the worker, which
    /// keeps the preview it sent (the page only shows it): not serialised.
    #[serde(skip)]
    merged: Value,
    #[serde(skip)]
    theirs: Value,
}

impl TaskMerge {
    pub fn new_updates(&self) -> usize {
        self.count("updates")
    }

    pub fn count(&self, list: &str) -> usize {
        self.new_records
            .iter()
            .find(|(l, _)| *l == list)
            .map_or(0, |(_, n)| *n)
    }
}

/// A task the file deleted that goes on merging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    pub id: TaskId,
    pub title: String,
}

/// What a structural clash is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum ClashKind {
    /// Moves on both sides that together make a loop: each task of the loop
    /// with its parent here and in the file (`None` where a side lacks it).
    Loop(Vec<Placing>),
    /// Deleted here, while the file puts tasks under it: the file's copy.
    DeletedHere(Box<Task>),
    /// Deleted in the file, while tasks here stay under it.
    DeletedThere,
}

impl ClashKind {
    /// What a preview read back on the page holds in place of the kind
    /// (it only shows the clash; the worker keeps the real one).
    fn unknown() -> ClashKind {
        ClashKind::DeletedThere
    }
}

/// Where one task of a loop sits on each side: its parent there, or
/// `None` where that side does not have the task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Placing {
    id: String,
    ours: Option<Option<String>>,
    theirs: Option<Option<String>>,
}

/// A clash in the outline, decided like a conflict (under `STRUCTURE`):
/// ours keeps the outline here, theirs takes the file's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clash {
    pub id: TaskId,
    pub title: String,
    /// What the clash is, in words.
    pub what: String,
    /// What each choice does, in words.
    pub ours: String,
    pub theirs: String,
    pub default: Side,
    #[serde(skip, default = "ClashKind::unknown")]
    kind: ClashKind,
}

/// New tasks the preview names, in the order they come; the rest are
/// counted. A list of thousands says nothing more and takes long to send
/// to the page and draw.
pub const NEW_TASKS_NAMED: usize = 50;

/// Everything a merge would do, for the preview. Nothing has changed yet.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MergePreview {
    /// Tasks only the file has, parents before children.
    pub new_tasks: Vec<Task>,
    /// In a preview for the page (`for_page`): the reports the new tasks
    /// bring, whose tasks it holds by title only.
    #[serde(default)]
    pub new_task_updates: usize,
    /// In a preview for the page (`for_page`): how many tasks are new,
    /// of which `new_tasks` holds the first `NEW_TASKS_NAMED` only.
    #[serde(default)]
    pub new_tasks_total: usize,
    /// Tasks both have that the merge changes.
    pub changed: Vec<TaskMerge>,
    pub new_units: Vec<Unit>,
    pub new_areas: Vec<Area>,
    /// Tasks the file deleted; they go (children first).
    pub removed: Vec<Removed>,
    /// Clashes in the outline, each a choice.
    pub clashes: Vec<Clash>,
    /// Incoming 督办/催办 records whose number is taken here.
    pub renumbered: Vec<Renumbered>,
    /// What the merge leaves out, and why, in words.
    pub notes: Vec<String>,
    /// The unit, when the file is a returned 填报包.
    pub from_unit: Option<String>,
    /// Tombstones the file has and this plan not yet.
    incoming_deleted: Vec<Tombstone>,
    /// Counters that rise to the file's or to numbers coming in.
    counters: Vec<NoticeCounter>,
    /// Parents of the tasks that go (deleted on one side), to walk past.
    #[serde(skip)]
    gone: Parents,
    /// Every task's parent in the file, to re-home the children of a task
    /// the file deleted where the file put them.
    #[serde(skip)]
    theirs_parents: Parents,
}

impl MergePreview {
    /// True when importing would change nothing.
    pub fn is_empty(&self) -> bool {
        self.new_task_count() == 0
            && self.changed.is_empty()
            && self.new_units.is_empty()
            && self.new_areas.is_empty()
            && self.removed.is_empty()
            && self.clashes.is_empty()
            && self.incoming_deleted.is_empty()
            && self.counters.is_empty()
    }

    /// Choices to make: field conflicts and clashes in the outline.
    pub fn conflicts(&self) -> usize {
        self.changed
            .iter()
            .map(|c| c.conflicts.len())
            .sum::<usize>()
            + self.clashes.len()
    }

    /// Tasks only the file has, whether the preview holds them all or,
    /// for the page, the first few.
    pub fn new_task_count(&self) -> usize {
        self.new_tasks.len().max(self.new_tasks_total)
    }

    pub fn new_updates(&self) -> usize {
        let brought = self
            .new_tasks
            .iter()
            .map(|t| t.updates.len())
            .sum::<usize>();
        self.changed
            .iter()
            .map(TaskMerge::new_updates)
            .sum::<usize>()
            + brought.max(self.new_task_updates)
    }

    /// The preview as the page shows it: the first `NEW_TASKS_NAMED` new
    /// tasks by id, title and parent only, the rest counted, as are their
    /// reports. A file of thousands of new tasks with a year of reports
    /// each made a preview of many megabytes, read on the page's thread in
    /// one long task; even by title only, 5,000 new tasks (a workbook's
    /// rows) were 4.6 MB of JSON, most of a 130 ms task (issue 19). The
    /// worker keeps the whole preview to carry the merge out.
    pub fn for_page(&self) -> MergePreview {
        let mut light = self.clone();
        light.new_task_updates = self.new_updates()
            - self
                .changed
                .iter()
                .map(TaskMerge::new_updates)
                .sum::<usize>();
        light.new_tasks_total = self.new_task_count();
        light.new_tasks = self
            .new_tasks
            .iter()
            .take(NEW_TASKS_NAMED)
            .map(|t| {
                let mut kept = Task::new(t.id.clone(), t.title.clone());
                kept.parent = t.parent.clone();
                kept
            })
            .collect();
        light
    }

    /// Records here the file deleted, which go.
    pub fn removed_records(&self) -> usize {
        self.changed
            .iter()
            .flat_map(|c| &c.removed_records)
            .map(|(_, n)| n)
            .sum()
    }

    /// Deletions the file carries that this plan learns of.
    pub fn incoming_deletions(&self) -> usize {
        self.incoming_deleted.len()
    }
}
