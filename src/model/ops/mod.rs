//! Edits as values. Every change to a plan is an `Op` applied by `apply`,
//! which checks it, makes it, stamps what changed (`updated_at`, `revision`)
//! and returns the op that undoes it. Undo (`history`), the activity log and
//! merging all hang off this one path; the UI only builds ops.

use crate::model::activity;
use crate::model::id::TaskId;
use crate::model::plan::{Area, Plan, Settings, Unit};
use crate::model::problems::Problem;
use crate::model::supervision::NoticeCounter;
use crate::model::task::ids::fill_record_ids;
use crate::model::task::Task;
use crate::model::tombstone::{day_of, Tombstone};
use std::collections::HashMap;

mod deletions;
mod error;
mod tasks;
pub use error::EditError;
use tasks::{put_task, remove_task};

/// One change to a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Replaces the whole plan (新建空白计划, 载入示例计划, a recovery).
    ReplacePlan(Box<Plan>),
    /// Puts a task: replaces the task with the same id, or adds it at
    /// position `at` of the plan's list (at the end when `None`).
    PutTask { task: Box<Task>, at: Option<usize> },
    /// Removes a task that has no children.
    RemoveTask(TaskId),
    /// Puts a unit into the registry: replaces the one with the same id, or
    /// adds it at position `at` (at the end when `None`).
    PutUnit { unit: Unit, at: Option<usize> },
    /// Removes a unit no task uses any more.
    RemoveUnit(String),
    /// Puts an area, like `PutUnit`.
    PutArea { area: Area, at: Option<usize> },
    /// Removes an area no task is filed under any more.
    RemoveArea(String),
    /// Sets the plan's own details.
    SetInfo(PlanInfo),
    /// Sets the office's settings.
    SetSettings(Box<Settings>),
    /// Puts a problem (问题整改), like `PutUnit`.
    PutProblem { problem: Problem, at: Option<usize> },
    /// Removes a problem (its tasks stay).
    RemoveProblem(String),
    /// Sets the last notice number issued for a year and kind.
    SetNoticeCounter(NoticeCounter),
    /// Applies `op` exactly as given (it buries and digs up nothing),
    /// then sets the tombstones of `ids` to those in `deleted` (an id not
    /// there has none). Undoing a deletion is made of this, so a tombstone
    /// goes exactly when its record comes back; a merge uses it to take
    /// the file's tombstones.
    SetDeleted {
        op: Box<Op>,
        ids: Vec<String>,
        deleted: Vec<Tombstone>,
    },
    /// Several ops as one step: all apply, or none does.
    Batch(Vec<Op>),
}

/// A plan's own details, as the plan list shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanInfo {
    pub title: String,
    pub year: i32,
    pub issuer: String,
}

/// Applies `op` to `plan` at time `now` (ISO 8601, read by the caller) and
/// returns the op that undoes it. On error the plan is left as it was.
pub fn apply(plan: &mut Plan, op: Op, now: &str) -> Result<Op, EditError> {
    let inverse = apply_one(plan, op, Some(now), false)?;
    if !matches!(inverse, Op::ReplacePlan(_)) {
        // The first real edit makes the sample the user's own plan, so one
        // click on "新建空白计划" can no longer be mistaken for harmless.
        plan.sample = false;
    }
    plan.updated_at = now.to_string();
    plan.revision = plan.revision.saturating_add(1);
    Ok(inverse)
}

/// `stamp` is the time to stamp changed tasks with; `None` puts tasks back
/// exactly as given (rolling back a failed batch). `exact` leaves
/// tombstones alone (a rollback, or inside `SetDeleted`, which sets them
/// itself); otherwise tasks and records removed are buried on the day of
/// `stamp` and those put back are dug up.
fn apply_one(plan: &mut Plan, op: Op, stamp: Option<&str>, exact: bool) -> Result<Op, EditError> {
    let tracked = stamp.filter(|_| !exact);
    match op {
        Op::ReplacePlan(next) => {
            let revision = plan.revision.max(next.revision);
            let old = std::mem::replace(plan, *next);
            // Counting on from the plan replaced keeps revisions rising
            // through undo and redo; a rollback puts the plan back exactly.
            if stamp.is_some() {
                plan.revision = revision;
            }
            Ok(Op::ReplacePlan(Box::new(old)))
        }
        Op::PutTask { task, at } => put_task(plan, *task, at, stamp, tracked),
        Op::RemoveTask(id) => remove_task(plan, &id, tracked),
        Op::SetDeleted { op, ids, deleted } => {
            let inverse = apply_one(plan, *op, stamp, true)?;
            let before = deletions::set(plan, &ids, deleted);
            Ok(Op::SetDeleted {
                op: Box::new(inverse),
                ids,
                deleted: before,
            })
        }
        Op::PutUnit { unit, at } => {
            if unit.id.trim().is_empty() {
                return Err(EditError::BadRegistryId(unit.id));
            }
            let pos = plan.units.iter().position(|u| u.id == unit.id);
            Ok(put_entry(
                &mut plan.units,
                pos,
                unit,
                at,
                |unit, at| Op::PutUnit { unit, at },
                |u| Op::RemoveUnit(u.id.clone()),
            ))
        }
        Op::RemoveUnit(id) => {
            let pos = plan
                .units
                .iter()
                .position(|u| u.id == id)
                .ok_or_else(|| EditError::NoSuchUnit(id.clone()))?;
            let tasks = plan
                .tasks
                .iter()
                .filter(|t| {
                    t.lead_unit.as_deref() == Some(id.as_str()) || t.support_units.contains(&id)
                })
                .count();
            if tasks > 0 {
                return Err(EditError::UnitInUse { id, tasks });
            }
            let unit = plan.units.remove(pos);
            Ok(Op::PutUnit {
                unit,
                at: Some(pos),
            })
        }
        Op::PutArea { area, at } => {
            if area.id.trim().is_empty() {
                return Err(EditError::BadRegistryId(area.id));
            }
            let pos = plan.areas.iter().position(|a| a.id == area.id);
            Ok(put_entry(
                &mut plan.areas,
                pos,
                area,
                at,
                |area, at| Op::PutArea { area, at },
                |a| Op::RemoveArea(a.id.clone()),
            ))
        }
        Op::RemoveArea(id) => {
            let pos = plan
                .areas
                .iter()
                .position(|a| a.id == id)
                .ok_or_else(|| EditError::NoSuchArea(id.clone()))?;
            let tasks = plan
                .tasks
                .iter()
                .filter(|t| t.area.as_deref() == Some(id.as_str()))
                .count();
            if tasks > 0 {
                return Err(EditError::AreaInUse { id, tasks });
            }
            let area = plan.areas.remove(pos);
            Ok(Op::PutArea {
                area,
                at: Some(pos),
            })
        }
        Op::SetInfo(info) => {
            let old = PlanInfo {
                title: std::mem::replace(&mut plan.title, info.title),
                year: std::mem::replace(&mut plan.year, info.year),
                issuer: std::mem::replace(&mut plan.issuer, info.issuer),
            };
            Ok(Op::SetInfo(old))
        }
        Op::SetSettings(settings) => {
            let old = std::mem::replace(&mut plan.settings, *settings);
            Ok(Op::SetSettings(Box::new(old)))
        }
        Op::PutProblem { problem, at } => {
            if problem.id.trim().is_empty() {
                return Err(EditError::BadRegistryId(problem.id));
            }
            let pos = plan.problems.iter().position(|p| p.id == problem.id);
            Ok(put_entry(
                &mut plan.problems,
                pos,
                problem,
                at,
                |problem, at| Op::PutProblem { problem, at },
                |p| Op::RemoveProblem(p.id.clone()),
            ))
        }
        Op::RemoveProblem(id) => {
            let pos = plan
                .problems
                .iter()
                .position(|p| p.id == id)
                .ok_or(EditError::NoSuchProblem(id))?;
            let problem = plan.problems.remove(pos);
            Ok(Op::PutProblem {
                problem,
                at: Some(pos),
            })
        }
        Op::SetNoticeCounter(counter) => {
            // A number once issued may have been printed: the counter only
            // rises, so undoing a 督办 never hands its number out again
            // (the inverse, the old value, changes nothing).
            let pos = plan
                .notice_counters
                .iter()
                .position(|c| c.year == counter.year && c.kind == counter.kind);
            let old = match pos {
                Some(pos) => {
                    let slot = &mut plan.notice_counters[pos];
                    let old = slot.clone();
                    slot.last = slot.last.max(counter.last);
                    old
                }
                None => {
                    let old = NoticeCounter {
                        last: 0,
                        ..counter.clone()
                    };
                    plan.notice_counters.push(counter);
                    old
                }
            };
            Ok(Op::SetNoticeCounter(old))
        }
        Op::Batch(ops) => {
            let mut inverses = Vec::with_capacity(ops.len());
            for op in ops {
                match apply_one(plan, op, stamp, exact) {
                    Ok(inv) => inverses.push(inv),
                    Err(e) => {
                        // Undo what this batch did, newest first; each
                        // inverse was valid when made, so this restores.
                        for inv in inverses.into_iter().rev() {
                            let _ = apply_one(plan, inv, None, true);
                        }
                        return Err(e);
                    }
                }
            }
            inverses.reverse();
            Ok(Op::Batch(inverses))
        }
    }
}

/// Replaces the entry at `pos` (moving it to `at` when given: reordering),
/// or inserts `entry` at `at`; returns the inverse (the old entry put back
/// where it was, or a removal).
fn put_entry<T>(
    list: &mut Vec<T>,
    pos: Option<usize>,
    entry: T,
    at: Option<usize>,
    put: impl Fn(T, Option<usize>) -> Op,
    remove: impl Fn(&T) -> Op,
) -> Op {
    match pos {
        Some(pos) => {
            let old = list.remove(pos);
            let at = at.unwrap_or(pos).min(list.len());
            list.insert(at, entry);
            put(old, Some(pos))
        }
        None => {
            let inverse = remove(&entry);
            let at = at.unwrap_or(list.len()).min(list.len());
            list.insert(at, entry);
            inverse
        }
    }
}
