//! Repairs after items are restored: repeated ids get fresh ones, records
//! without ids get derived ones, and parents that are missing or form a
//! cycle are cleared, each reported with the item's position in the file.

use crate::format::error::Problem;
use crate::model::task::{ids, Task};
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
    // The next suffix to try for each repeated id: counting from 2 each
    // time made 50,000 copies of one id cost 50,000²/2 tries (minutes).
    let mut next: HashMap<String, usize> = HashMap::new();
    for (i, item) in items.iter_mut().enumerate() {
        let current = id(item).clone();
        if seen.insert(current.clone()) {
            continue;
        }
        let n = next.entry(current.clone()).or_insert(2);
        let fresh = loop {
            let candidate = format!("{current}-{n}");
            *n += 1;
            if !seen.contains(&candidate) && !taken.contains(&candidate) {
                break candidate;
            }
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
/// outline always has a place for every task. Linear in the number of
/// tasks, and without recursion, so a chain 100,000 deep is cheap.
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
        .map(|(i, t)| (t.id.0.clone(), i))
        .collect();
    for (i, task) in tasks.iter_mut().enumerate() {
        let Some(parent) = task.parent.as_ref() else {
            continue;
        };
        let message = if *parent == task.id {
            "上级任务不能是任务自身，已改为顶层任务".to_string()
        } else if !index.contains_key(parent.as_str()) {
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
    // Walk up from each task once: 0 = not seen, 1 = on the current path,
    // 2 = known to reach a root. Meeting the current path again is a cycle;
    // it is broken at its first task in the file, as people read it.
    let mut state = vec![0u8; tasks.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..tasks.len() {
        path.clear();
        let mut cur = Some(start);
        while let Some(c) = cur {
            match state[c] {
                0 => {
                    state[c] = 1;
                    path.push(c);
                    cur = tasks[c]
                        .parent
                        .as_ref()
                        .and_then(|p| index.get(p.as_str()).copied());
                }
                1 => {
                    let from = path.iter().position(|&p| p == c).unwrap_or(0);
                    if let Some(&cut) = path[from..].iter().min() {
                        problems.push(Problem {
                            path: at(cut),
                            message: "上级关系形成循环，已改为顶层任务".into(),
                        });
                        tasks[cut].parent = None;
                    }
                    break;
                }
                _ => break,
            }
        }
        for &p in &path {
            state[p] = 2;
        }
    }
}

/// Gives every record (progress update, extension, milestone, supervision,
/// 留痕 entry) without an id its derived one (`model::task::ids`, the rule
/// ops and merge use too): files from before records had ids then get the
/// same ids each time they are read, so importing one twice adds nothing
/// twice. An id repeated within a task's list gets a fresh derived one and
/// is reported.
pub(crate) fn fill_record_ids(
    tasks: &mut [Task],
    positions: &[usize],
    problems: &mut Vec<Problem>,
) {
    for (i, task) in tasks.iter_mut().enumerate() {
        let base = format!("plan.tasks[{}]", positions.get(i).copied().unwrap_or(i));
        for r in ids::fill_record_ids(task) {
            problems.push(Problem {
                path: format!("{base}.{}[{}].id", r.list, r.index),
                message: format!("记录编号“{}”重复，已改为“{}”", r.was, r.now),
            });
        }
    }
}
