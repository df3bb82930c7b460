//! Putting and removing one task: the checks (a parent that exists and is
//! not below the task), the 留痕 entries and tombstones, and the inverse.

use super::*;

/// `tracked` is the time of an edit whose deletions leave tombstones.
pub(super) fn put_task(
    plan: &mut Plan,
    mut task: Task,
    at: Option<usize>,
    stamp: Option<&str>,
    tracked: Option<&str>,
) -> Result<Op, EditError> {
    if task.id.as_str().is_empty() {
        return Err(EditError::EmptyId);
    }
    if let Some(parent) = &task.parent {
        check_parent(plan, &task.id, parent)?;
    }
    let existing = plan.tasks.iter().position(|t| t.id == task.id);
    // 留痕: unless the caller brought its own log (undo, redo of a
    // removal, a merge), the change is logged field by field. Compared
    // before ids are filled in, so entries without one still match.
    let own_log = {
        let old_log: &[activity::LogEntry] = existing.map_or(&[], |pos| &plan.tasks[pos].log);
        task.log == old_log
    };
    // Every record carries an id (a merge tells records apart by it); an
    // editor that made one without gets one here, by the rule restore and
    // merge use too.
    fill_record_ids(&mut task);
    if let Some(now) = stamp {
        let old = existing.map(|pos| &plan.tasks[pos]);
        if own_log {
            let entries = activity::changes(plan, old, &task, now);
            task.log.extend(entries);
        }
        task.updated_at = now.to_string();
        let before = existing.map_or(0, |pos| plan.tasks[pos].revision);
        task.revision = task.revision.max(before).saturating_add(1);
    }
    let touched = tracked.map(|now| {
        let old = existing.map(|pos| &plan.tasks[pos]);
        deletions::put(&mut plan.deleted, old, &task, day_of(now))
    });
    let inverse = match existing {
        Some(pos) => {
            let old = std::mem::replace(&mut plan.tasks[pos], task);
            Op::PutTask {
                task: Box::new(old),
                at: Some(pos),
            }
        }
        None => {
            let id = task.id.clone();
            let pos = at.unwrap_or(plan.tasks.len()).min(plan.tasks.len());
            plan.tasks.insert(pos, task);
            Op::RemoveTask(id)
        }
    };
    Ok(match touched {
        Some(t) => t.wrap(inverse),
        None => inverse,
    })
}

/// A parent must exist, and must not be the task or below it.
fn check_parent(plan: &Plan, id: &TaskId, parent: &TaskId) -> Result<(), EditError> {
    let parents: HashMap<&str, Option<&str>> = plan
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.parent.as_ref().map(TaskId::as_str)))
        .collect();
    if !parents.contains_key(parent.as_str()) {
        return Err(EditError::UnknownParent(parent.clone()));
    }
    // Walk up from the new parent; meeting the task means a cycle. The
    // walk is bounded by the number of tasks, so a cycle already in the
    // data cannot make it spin.
    let mut cur = Some(parent.as_str());
    for _ in 0..=plan.tasks.len() {
        match cur {
            Some(c) if c == id.as_str() => return Err(EditError::ParentCycle(parent.clone())),
            Some(c) => cur = parents.get(c).copied().flatten(),
            None => return Ok(()),
        }
    }
    Ok(())
}

pub(super) fn remove_task(
    plan: &mut Plan,
    id: &TaskId,
    tracked: Option<&str>,
) -> Result<Op, EditError> {
    let pos = plan
        .tasks
        .iter()
        .position(|t| t.id == *id)
        .ok_or_else(|| EditError::NoSuchTask(id.clone()))?;
    let children = plan
        .tasks
        .iter()
        .filter(|t| t.parent.as_ref() == Some(id) && t.id != *id)
        .count();
    if children > 0 {
        return Err(EditError::HasChildren {
            id: id.clone(),
            children,
        });
    }
    let task = plan.tasks.remove(pos);
    let touched = tracked.map(|now| deletions::remove(plan, &task, day_of(now)));
    let inverse = Op::PutTask {
        task: Box::new(task),
        at: Some(pos),
    };
    Ok(match touched {
        Some(t) => t.wrap(inverse),
        None => inverse,
    })
}
