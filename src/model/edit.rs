//! The outline edits people make — add a task beside or under another,
//! move it up or down, indent or outdent it, delete it with what hangs
//! below — turned into `Op`s for `ops::apply`. Each function reads the plan
//! as it is and returns one op (a `Batch` where several tasks change), so
//! one undo step reverts the whole edit.
//!
//! Order among siblings is the tasks' `order` field; every edit renumbers
//! the siblings it touches 1, 2, 3 … so numbering (一、（一） 1. …) follows.
//! Top-level tasks (要点) are siblings within their area.

use crate::model::id::TaskId;
use crate::model::index::PlanIndex;
use crate::model::ops::{EditError, Op};
use crate::model::plan::Plan;
use crate::model::task::Task;

/// Where a new task goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Right after this task, under the same parent (or in the same area).
    After(TaskId),
    /// As the last child of this task.
    LastChildOf(TaskId),
    /// As the last 要点 of this area (`None`: under no area).
    EndOfArea(Option<String>),
}

/// What a task added at `place` will be called: 要点 at the top level of
/// the outline, 任务 below one. The panel's heading (新增要点) and the undo
/// button (撤销：新增要点“…”) say it.
pub fn new_task_noun(plan: &Plan, place: &Place) -> &'static str {
    let top = match place {
        Place::EndOfArea(_) => true,
        Place::After(id) => plan.task(id).is_some_and(|t| t.parent.is_none()),
        Place::LastChildOf(_) => false,
    };
    if top {
        "要点"
    } else {
        "任务"
    }
}

/// Which way to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Adds `task` (a new id) at `place`, renumbering its new siblings.
pub fn add_task(plan: &Plan, mut task: Task, place: &Place) -> Result<Op, EditError> {
    let index = PlanIndex::new(plan);
    let (siblings, insert_at) = match place {
        Place::After(id) => {
            let pos = position(&index, id)?;
            let at = index.at(pos);
            task.parent = at.parent.clone().filter(|_| index.depth(pos) > 0);
            if task.parent.is_none() {
                task.area = index.area_of(pos).map(|a| a.id.clone());
            }
            let list = siblings_of(&index, pos);
            let after = list
                .iter()
                .position(|&p| p == pos)
                .map_or(list.len(), |i| i + 1);
            (list, after)
        }
        Place::LastChildOf(id) => {
            let pos = position(&index, id)?;
            task.parent = Some(index.id(pos).clone());
            let list = index.children(pos).to_vec();
            let n = list.len();
            (list, n)
        }
        Place::EndOfArea(area) => {
            task.parent = None;
            task.area = area.clone();
            let list = roots_in_area(&index, area.as_deref());
            let n = list.len();
            (list, n)
        }
    };
    let mut order: Vec<Option<usize>> = siblings.into_iter().map(Some).collect();
    order.insert(insert_at, None);
    let mut ops = renumber(&index, &order, &mut task);
    ops.push(Op::PutTask {
        task: Box::new(task),
        at: None,
    });
    Ok(Op::Batch(ops))
}

/// Moves a task one place up or down among its siblings.
pub fn move_task(plan: &Plan, id: &TaskId, direction: Direction) -> Result<Op, EditError> {
    let index = PlanIndex::new(plan);
    let pos = position(&index, id)?;
    let list = siblings_of(&index, pos);
    let i = list.iter().position(|&p| p == pos).unwrap_or(0);
    let j = match direction {
        Direction::Up if i > 0 => i - 1,
        Direction::Down if i + 1 < list.len() => i + 1,
        Direction::Up => return Err(EditError::CannotMove("已经是同级中的第一项，无法上移")),
        Direction::Down => return Err(EditError::CannotMove("已经是同级中的最后一项，无法下移")),
    };
    let mut order: Vec<Option<usize>> = list.into_iter().map(Some).collect();
    order.swap(i, j);
    let mut unused = Task::new(TaskId::default(), "");
    Ok(Op::Batch(renumber(&index, &order, &mut unused)))
}

/// Makes a task the last child of the sibling above it (降级).
pub fn indent(plan: &Plan, id: &TaskId) -> Result<Op, EditError> {
    let index = PlanIndex::new(plan);
    let pos = position(&index, id)?;
    let list = siblings_of(&index, pos);
    let i = list.iter().position(|&p| p == pos).unwrap_or(0);
    let Some(&above) = i.checked_sub(1).and_then(|k| list.get(k)) else {
        return Err(EditError::CannotMove("上方没有同级任务，无法降级"));
    };
    let mut task = index.at(pos).clone();
    task.parent = Some(index.id(above).clone());
    // Below a 要点 the area is its root's; a stale one would still be
    // counted against the area in the registry.
    task.area = None;
    let mut order: Vec<Option<usize>> = index.children(above).iter().copied().map(Some).collect();
    order.push(None);
    let mut ops = renumber(&index, &order, &mut task);
    ops.push(Op::PutTask {
        task: Box::new(task),
        at: None,
    });
    // Close the gap it leaves among its old siblings.
    let rest: Vec<Option<usize>> = list
        .iter()
        .copied()
        .filter(|&p| p != pos)
        .map(Some)
        .collect();
    let mut unused = Task::new(TaskId::default(), "");
    ops.extend(renumber(&index, &rest, &mut unused));
    Ok(Op::Batch(ops))
}

/// Makes a task a sibling of its parent, right after it (升级). A task
/// that becomes a 要点 takes its old parent's area.
pub fn outdent(plan: &Plan, id: &TaskId) -> Result<Op, EditError> {
    let index = PlanIndex::new(plan);
    let pos = position(&index, id)?;
    if index.depth(pos) == 0 {
        return Err(EditError::CannotMove("已经是顶层要点，无法升级"));
    }
    let Some(parent) = index
        .at(pos)
        .parent
        .as_ref()
        .and_then(|p| index.position(p))
    else {
        return Err(EditError::CannotMove("上级任务不存在，无法升级"));
    };
    let mut task = index.at(pos).clone();
    task.parent = index
        .at(parent)
        .parent
        .clone()
        .filter(|_| index.depth(parent) > 0);
    if task.parent.is_none() {
        task.area = index.area_of(parent).map(|a| a.id.clone());
    }
    let uncles = siblings_of(&index, parent);
    let after = uncles
        .iter()
        .position(|&p| p == parent)
        .map_or(uncles.len(), |i| i + 1);
    let mut order: Vec<Option<usize>> = uncles.into_iter().map(Some).collect();
    order.insert(after, None);
    let mut ops = renumber(&index, &order, &mut task);
    ops.push(Op::PutTask {
        task: Box::new(task),
        at: None,
    });
    let rest: Vec<Option<usize>> = index
        .children(parent)
        .iter()
        .copied()
        .filter(|&p| p != pos)
        .map(Some)
        .collect();
    let mut unused = Task::new(TaskId::default(), "");
    ops.extend(renumber(&index, &rest, &mut unused));
    Ok(Op::Batch(ops))
}

/// The tasks a delete would remove besides the task itself: every
/// descendant, in hierarchy order.
pub fn descendants(plan: &Plan, id: &TaskId) -> Vec<TaskId> {
    let index = PlanIndex::new(plan);
    let Some(pos) = index.position(id) else {
        return Vec::new();
    };
    subtree(&index, pos)
        .into_iter()
        .skip(1)
        .map(|p| index.id(p).clone())
        .collect()
}

/// Deletes a task and everything below it, as one step.
pub fn delete_task(plan: &Plan, id: &TaskId) -> Result<Op, EditError> {
    let index = PlanIndex::new(plan);
    let pos = position(&index, id)?;
    // Deepest first, so each removal finds no children left.
    let ops = subtree(&index, pos)
        .into_iter()
        .rev()
        .map(|p| Op::RemoveTask(index.id(p).clone()))
        .collect();
    Ok(Op::Batch(ops))
}

fn position(index: &PlanIndex, id: &TaskId) -> Result<usize, EditError> {
    index
        .position(id)
        .ok_or_else(|| EditError::NoSuchTask(id.clone()))
}

/// The task at `pos` and all below it, parents first.
fn subtree(index: &PlanIndex, pos: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![pos];
    while let Some(p) = stack.pop() {
        out.push(p);
        stack.extend(index.children(p).iter().rev());
    }
    out
}

/// The siblings of the task at `pos`, itself included, in display order:
/// its parent's children, or the 要点 of its area.
fn siblings_of(index: &PlanIndex, pos: usize) -> Vec<usize> {
    if index.depth(pos) > 0 {
        if let Some(parent) = index
            .at(pos)
            .parent
            .as_ref()
            .and_then(|p| index.position(p))
        {
            return index.children(parent).to_vec();
        }
    }
    if index.is_stranded(pos) {
        return vec![pos];
    }
    roots_in_area(index, index.area_of(pos).map(|a| a.id.as_str()))
}

/// The 要点 filed under `area` (`None`: under no known area), in order.
fn roots_in_area(index: &PlanIndex, area: Option<&str>) -> Vec<usize> {
    index
        .roots()
        .iter()
        .copied()
        .filter(|&r| !index.is_stranded(r) && index.area_of(r).map(|a| a.id.as_str()) == area)
        .collect()
}

/// Gives the siblings in `order` (a `None` marks where `moving` goes) the
/// orders 1, 2, 3 …: ops for those whose order changes, and `moving`'s own
/// order set in place.
fn renumber(index: &PlanIndex, order: &[Option<usize>], moving: &mut Task) -> Vec<Op> {
    let mut ops = Vec::new();
    for (n, slot) in order.iter().enumerate() {
        let wanted = n as u32 + 1;
        match slot {
            None => moving.order = wanted,
            Some(p) if index.at(*p).order != wanted => {
                let mut t = index.at(*p).clone();
                t.order = wanted;
                ops.push(Op::PutTask {
                    task: Box::new(t),
                    at: None,
                });
            }
            Some(_) => {}
        }
    }
    ops
}
