//! Tombstones written by the ops that delete: a record that leaves a task
//! or a task that leaves the plan is buried (id and day, see
//! `model::tombstone`), and one that comes back is dug up again. The
//! inverse of such an op sets the tombstones it touched back exactly as
//! they were, so undo removes the tombstone of a deletion and undoing an
//! addition leaves none behind.

use crate::model::plan::Plan;
use crate::model::task::Task;
use crate::model::tombstone::{self, record_ids, DeletedKind, Tombstone};
use chrono::NaiveDate;
use std::collections::HashSet;

use super::Op;

/// The ids an op buried or dug up (or whose inverse would), and their
/// tombstones before it, for the inverse.
pub(super) struct Touched {
    ids: Vec<String>,
    before: Vec<Tombstone>,
}

impl Touched {
    fn of(deleted: &[Tombstone], ids: Vec<String>) -> Touched {
        let before = ids
            .iter()
            .filter_map(|id| {
                tombstone::find(deleted, id)
                    .ok()
                    .map(|at| deleted[at].clone())
            })
            .collect();
        Touched { ids, before }
    }

    /// `inverse`, made to put these tombstones back as they were.
    pub(super) fn wrap(self, inverse: Op) -> Op {
        if self.ids.is_empty() {
            return inverse;
        }
        Op::SetDeleted {
            op: Box::new(inverse),
            ids: self.ids,
            deleted: self.before,
        }
    }
}

/// Putting `new` where `old` was (or as a new task): records gone are
/// buried on `on`; the task and records present are dug up.
pub(super) fn put(
    deleted: &mut Vec<Tombstone>,
    old: Option<&Task>,
    new: &Task,
    on: Option<NaiveDate>,
) -> Touched {
    let before: HashSet<&str> = old
        .map(|o| record_ids(o).map(|(_, id)| id).collect())
        .unwrap_or_default();
    let after: HashSet<&str> = record_ids(new).map(|(_, id)| id).collect();
    let gone: Vec<(DeletedKind, String)> = old
        .map(|o| {
            record_ids(o)
                .filter(|(_, id)| !after.contains(id))
                .map(|(k, id)| (k, id.to_string()))
                .collect()
        })
        .unwrap_or_default();
    let mut back: Vec<String> = record_ids(new)
        .map(|(_, id)| id)
        .filter(|id| !before.contains(id))
        .map(str::to_string)
        .collect();
    if old.is_none() {
        back.push(new.id.to_string());
    }
    let ids = gone
        .iter()
        .map(|(_, id)| id.clone())
        .chain(back.iter().cloned())
        .collect();
    let touched = Touched::of(deleted, ids);
    for (kind, id) in gone {
        tombstone::bury(deleted, Tombstone { id, kind, on });
    }
    for id in &back {
        tombstone::unbury(deleted, id);
    }
    touched
}

/// Removing `task`: it is buried on `on` (its records go with it and need
/// none of their own).
pub(super) fn remove(plan: &mut Plan, task: &Task, on: Option<NaiveDate>) -> Touched {
    let ids = std::iter::once(task.id.to_string())
        .chain(record_ids(task).map(|(_, id)| id.to_string()))
        .collect();
    let touched = Touched::of(&plan.deleted, ids);
    tombstone::bury(
        &mut plan.deleted,
        Tombstone {
            id: task.id.to_string(),
            kind: DeletedKind::Task,
            on,
        },
    );
    touched
}

/// Sets the tombstones of `ids` to those in `to` (an id not there has
/// none); returns what they were, for the inverse.
pub(super) fn set(plan: &mut Plan, ids: &[String], to: Vec<Tombstone>) -> Vec<Tombstone> {
    let before = ids
        .iter()
        .filter_map(|id| tombstone::unbury(&mut plan.deleted, id))
        .collect();
    for stone in to.into_iter().filter(|s| ids.contains(&s.id)) {
        tombstone::bury(&mut plan.deleted, stone);
    }
    before
}
