//! Repairs after items are restored: repeated ids get fresh ones, records
//! without ids get derived ones, and parents that are missing or form a
//! cycle are cleared, each reported with the item's position in the file.

use crate::format::error::Problem;
use crate::model::id::derived_id;
use crate::model::task::{Extension, Milestone, ProgressUpdate, Supervision, Task};
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

/// Gives every record (progress update, extension, milestone, supervision)
/// without an id one derived from its task, kind, position and content:
/// files from before records had ids then get the same ids each time they
/// are read, so importing one twice adds nothing twice. An id repeated
/// within a task's list gets a fresh derived one and is reported.
pub(crate) fn fill_record_ids(
    tasks: &mut [Task],
    positions: &[usize],
    problems: &mut Vec<Problem>,
) {
    for (i, task) in tasks.iter_mut().enumerate() {
        let owner = task.id.0.clone();
        let base = format!("plan.tasks[{}]", positions.get(i).copied().unwrap_or(i));
        fill(
            &owner,
            "updates",
            &mut task.updates,
            |r| &mut r.id,
            &base,
            problems,
        );
        fill(
            &owner,
            "extensions",
            &mut task.extensions,
            |r| &mut r.id,
            &base,
            problems,
        );
        fill(
            &owner,
            "milestones",
            &mut task.milestones,
            |r| &mut r.id,
            &base,
            problems,
        );
        fill(
            &owner,
            "supervisions",
            &mut task.supervisions,
            |r| &mut r.id,
            &base,
            problems,
        );
    }
}

/// What a record's derived id is made from: the fields records had in
/// version 1, written out in a fixed way, so a field added in a later
/// version never changes the id the same old record gets.
trait V1Content {
    fn v1_content(&self) -> String;
}

impl V1Content for ProgressUpdate {
    fn v1_content(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}|{}",
            self.date, self.percent, self.progress, self.problems, self.next_steps, self.by
        )
    }
}

impl V1Content for Extension {
    fn v1_content(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.date, self.previous_due, self.new_due, self.reason
        )
    }
}

impl V1Content for Milestone {
    fn v1_content(&self) -> String {
        format!("{}|{}|{:?}", self.title, self.due, self.done_on)
    }
}

impl V1Content for Supervision {
    fn v1_content(&self) -> String {
        format!("{}|{}|{:?}", self.date, self.note, self.reply_due)
    }
}

fn fill<T: V1Content>(
    owner: &str,
    kind: &str,
    records: &mut [T],
    id: impl Fn(&mut T) -> &mut String,
    base: &str,
    problems: &mut Vec<Problem>,
) {
    let mut seen: HashSet<String> = HashSet::new();
    for (n, record) in records.iter_mut().enumerate() {
        let current = id(record).trim().to_string();
        if !current.is_empty() && seen.insert(current.clone()) {
            continue;
        }
        let content = record.v1_content();
        let fresh = derived_id(&[owner, kind, &n.to_string(), &content]);
        if !current.is_empty() {
            problems.push(Problem {
                path: format!("{base}.{kind}[{n}].id"),
                message: format!("记录编号“{current}”重复，已改为“{fresh}”"),
            });
        }
        seen.insert(fresh.clone());
        *id(record) = fresh;
    }
}
