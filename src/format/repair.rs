//! Repairs after items are restored: repeated ids get fresh ones, and
//! parents that are missing or form a cycle are cleared, each reported with
//! the item's position in the file.

use crate::format::error::Problem;
use crate::model::task::Task;
use std::collections::{HashMap, HashSet};

/// Gives a repeated id a fresh one, so two items never merge by accident.
/// The fresh id is one no other item in the file uses, so renaming never
/// steals the id (and the children) of an item that was fine.
pub(crate) fn dedupe_ids<T>(
    items: &mut [T],
    positions: &[usize],
    id: impl Fn(&mut T) -> &mut String,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    let taken: HashSet<String> = items.iter_mut().map(|item| id(item).clone()).collect();
    let mut seen = HashSet::new();
    for (i, item) in items.iter_mut().enumerate() {
        let current = id(item).clone();
        if seen.insert(current.clone()) {
            continue;
        }
        let mut n = 2;
        let fresh = loop {
            let candidate = format!("{current}-{n}");
            if !seen.contains(&candidate) && !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        problems.push(Problem {
            path: format!("{path}[{}].id", positions.get(i).copied().unwrap_or(i)),
            message: format!("编号“{current}”重复，已改为“{fresh}”"),
        });
        seen.insert(fresh.clone());
        *id(item) = fresh;
    }
}

/// Clears parents that do not exist or that would make a cycle, so the
/// outline always has a place for every task.
pub(crate) fn repair_parents(tasks: &mut [Task], positions: &[usize], problems: &mut Vec<Problem>) {
    let at = |i: usize| {
        format!(
            "plan.tasks[{}].parent",
            positions.get(i).copied().unwrap_or(i)
        )
    };
    let index: HashMap<String, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    for (i, task) in tasks.iter_mut().enumerate() {
        let Some(parent) = task.parent.as_deref() else {
            continue;
        };
        let message = if parent == task.id {
            "上级任务不能是任务自身，已改为顶层任务".to_string()
        } else if !index.contains_key(parent) {
            format!("上级任务“{parent}”不存在，已改为顶层任务")
        } else {
            continue;
        };
        problems.push(Problem {
            path: at(i),
            message,
        });
        task.parent = None;
    }
    for i in 0..tasks.len() {
        let mut seen = HashSet::new();
        let mut cur = tasks[i].parent.as_ref().and_then(|p| index.get(p).copied());
        while let Some(c) = cur {
            if c == i {
                problems.push(Problem {
                    path: at(i),
                    message: "上级关系形成循环，已改为顶层任务".into(),
                });
                tasks[i].parent = None;
                break;
            }
            if !seen.insert(c) {
                break; // a cycle above us; its own members are fixed in turn
            }
            cur = tasks[c].parent.as_ref().and_then(|p| index.get(p).copied());
        }
    }
}
