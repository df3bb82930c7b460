//! Carrying out a previewed merge as one op, with each conflict and clash
//! decided: tasks put parents first, tasks the file deleted removed
//! children first, the file's tombstones and 督办 counters taken. One op,
//! so one undo takes the whole import back.

use super::structure::{self, Parents};
use super::{ClashKind, MergePreview, Side, FIELDS, STRUCTURE};
use crate::model::activity::LogEntry;
use crate::model::id::{new_id, TaskId};
use crate::model::ops::Op;
use crate::model::plan::Plan;
use crate::model::task::Task;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Why a merge could not be made; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(pub String);

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

fn parent_text(t: &Task) -> Option<String> {
    t.parent.as_ref().map(|p| p.to_string())
}

/// The edit that carries out `preview` with each conflict decided by
/// `choose(task id, field key)` and each clash by `choose(task id,
/// STRUCTURE)` (falling back to its default), stamping a 留痕 entry from
/// `source` on each task it changes.
pub fn merge_op(
    ours: &Plan,
    preview: &MergePreview,
    choose: impl Fn(&TaskId, &str) -> Option<Side>,
    source: &str,
    now: &str,
) -> Result<Op, MergeError> {
    let mut ops: Vec<Op> = Vec::new();
    for u in &preview.new_units {
        ops.push(Op::PutUnit {
            unit: u.clone(),
            at: None,
        });
    }
    for a in &preview.new_areas {
        ops.push(Op::PutArea {
            area: a.clone(),
            at: None,
        });
    }
    // The tasks put, with the 留痕 entry each gets.
    let mut puts = Puts::default();
    for t in &preview.new_tasks {
        puts.add(t.clone(), "导入新增");
    }
    let mut removed: HashSet<String> = preview.removed.iter().map(|r| r.id.to_string()).collect();
    let mut kept: HashSet<String> = HashSet::new();
    let mut gone: Parents = preview.gone.clone();
    let mut loops: Vec<(&ClashKind, Side)> = Vec::new();
    for c in &preview.clashes {
        let side = choose(&c.id, STRUCTURE).unwrap_or(c.default);
        match (&c.kind, side) {
            (ClashKind::DeletedHere(t), Side::Theirs) => {
                gone.remove(t.id.as_str());
                puts.add((**t).clone(), "导入恢复");
            }
            (ClashKind::DeletedThere, Side::Theirs) => {
                removed.insert(c.id.to_string());
            }
            (ClashKind::DeletedThere, Side::Ours) => {
                kept.insert(c.id.to_string());
                gone.remove(c.id.as_str());
            }
            (ClashKind::Loop(_), side) => loops.push((&c.kind, side)),
            (ClashKind::DeletedHere(_), Side::Ours) => {}
        }
    }
    for change in &preview.changed {
        let Value::Object(mut merged) = change.merged.clone() else {
            continue;
        };
        let Value::Object(theirs) = &change.theirs else {
            continue;
        };
        for c in &change.conflicts {
            if choose(&change.id, &c.key).unwrap_or(c.default) == Side::Theirs {
                if let Some(f) = FIELDS.iter().find(|f| f.key == c.key) {
                    for k in f.json {
                        merged.insert(
                            (*k).to_string(),
                            theirs.get(*k).cloned().unwrap_or(Value::Null),
                        );
                    }
                }
            }
        }
        let mut task: Task =
            crate::format::json::from_value(&Value::Object(merged)).map_err(|e| {
                MergeError(format!(
                    "任务“{}”合并后的数据无效（{e}），没有导入任何内容",
                    change.title
                ))
            })?;
        crate::model::sorting::sort_by_key(&mut task.extensions, |e| e.date);
        crate::model::sorting::sort_by(&mut task.log, |a, b| a.at.cmp(&b.at));
        puts.add(task, "导入合并");
    }
    // The outline: every task that stays, with its parent as merged.
    let mut parents: Parents = ours
        .tasks
        .iter()
        .filter(|t| !removed.contains(t.id.as_str()))
        .map(|t| (t.id.to_string(), parent_text(t)))
        .collect();
    // A task that goes is not put first (its records' changes go with it).
    puts.tasks.retain(|id, _| !removed.contains(id));
    for (id, (t, _)) in &puts.tasks {
        parents.insert(id.clone(), parent_text(t));
    }
    for t in ours
        .tasks
        .iter()
        .filter(|t| removed.contains(t.id.as_str()))
    {
        gone.insert(t.id.to_string(), parent_text(t));
    }
    for (kind, side) in loops {
        let ClashKind::Loop(sides) = kind else {
            continue;
        };
        for s in sides {
            let (first, second) = match side {
                Side::Ours => (&s.ours, &s.theirs),
                Side::Theirs => (&s.theirs, &s.ours),
            };
            if let (Some(p), true) = (
                first.clone().or(second.clone()),
                parents.contains_key(&s.id),
            ) {
                parents.insert(s.id.clone(), p);
            }
        }
    }
    let ours_by_id: HashMap<&str, &Task> = ours.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    // As in the preview: the deleting side's placement first.
    let deleter = |child: &str, parent: &str| {
        if ours_by_id.contains_key(parent) {
            preview.theirs_parents.get(child).cloned()
        } else {
            ours_by_id.get(child).map(|t| parent_text(t))
        }
    };
    structure::lift(&mut parents, &gone, &deleter);
    structure::break_cycles(&mut parents);
    // Tasks here that only move (their parent went, or a loop's choice).
    for t in &ours.tasks {
        let id = t.id.as_str();
        let moved = parents
            .get(id)
            .is_some_and(|p| *p != parent_text(t) && !puts.tasks.contains_key(id));
        if moved {
            puts.add(t.clone(), "导入合并");
        }
    }
    let depth = structure::depths(&parents);
    let mut placed: Vec<String> = std::mem::take(&mut puts.order);
    crate::model::sorting::sort_by_key(&mut placed, |id| depth.get(id).copied().unwrap_or(0));
    for id in placed {
        let Some((mut task, what)) = puts.tasks.remove(&id) else {
            continue;
        };
        task.parent = parents.get(&id).cloned().flatten().map(TaskId::from);
        // Every conflict kept as it is here and nothing else new (the same
        // file imported again): the task is left exactly as it is.
        if ours_by_id
            .get(id.as_str())
            .is_some_and(|mine| **mine == task)
        {
            continue;
        }
        task.log.push(entry(now, what, source));
        ops.push(Op::PutTask {
            task: Box::new(task),
            at: None,
        });
    }
    // Tasks the file deleted, children first.
    let ours_parents: Parents = ours
        .tasks
        .iter()
        .map(|t| (t.id.to_string(), parent_text(t)))
        .collect();
    let ours_depth = structure::depths(&ours_parents);
    let mut going: Vec<&Task> = ours
        .tasks
        .iter()
        .filter(|t| removed.contains(t.id.as_str()))
        .collect();
    crate::model::sorting::sort_by_key(&mut going, |t| {
        std::cmp::Reverse(ours_depth.get(t.id.as_str()).copied().unwrap_or(0))
    });
    ops.extend(going.into_iter().map(|t| Op::RemoveTask(t.id.clone())));
    ops.extend(preview.counters.iter().cloned().map(Op::SetNoticeCounter));
    // The file's tombstones, as the file dated them; not those of tasks
    // kept by choice.
    let taken: Vec<_> = preview
        .incoming_deleted
        .iter()
        .filter(|t| !kept.contains(&t.id))
        .cloned()
        .collect();
    if !taken.is_empty() {
        ops.push(Op::SetDeleted {
            op: Box::new(Op::Batch(Vec::new())),
            ids: taken.iter().map(|t| t.id.clone()).collect(),
            deleted: taken,
        });
    }
    Ok(Op::Batch(ops))
}

/// The tasks a merge puts, each with the 留痕 entry it gets, in the order
/// they were decided (the file's order for new ones).
#[derive(Default)]
struct Puts {
    tasks: HashMap<String, (Task, &'static str)>,
    order: Vec<String>,
}

impl Puts {
    fn add(&mut self, task: Task, what: &'static str) {
        let id = task.id.to_string();
        if self.tasks.insert(id.clone(), (task, what)).is_none() {
            self.order.push(id);
        }
    }
}

fn entry(now: &str, what: &str, source: &str) -> LogEntry {
    LogEntry {
        id: new_id(),
        at: now.to_string(),
        what: what.to_string(),
        from: String::new(),
        to: source.to_string(),
        note: String::new(),
    }
}
