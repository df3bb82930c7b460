//! The outline after a merge: every task that stays has a parent that
//! stays too, and no parent chain loops. A task whose parent goes (deleted
//! on one side) goes where the deleting side put it, if that stays (that
//! side knows where its children went); else the parent is walked past to
//! the nearest one that stays. A loop made of
//! both sides' moves (the office put A under B, the unit B under A) is
//! found here and becomes a choice in the preview; whatever loop is left
//! after the choices is broken at one task, which goes to the top level,
//! so a merge is never refused for its shape.

use std::collections::{HashMap, HashSet};

/// Parent by task id, for the tasks that stay.
pub(super) type Parents = HashMap<String, Option<String>>;

/// Re-homes each task whose parent does not stay: where `deleter(task,
/// parent)` says the side that deleted the parent put the task, if that
/// stays; else at the nearest ancestor that stays, walking up by `gone`
/// (the parents of tasks that go); else at the top. Bounded by the number
/// of tasks that go, so bad data cannot spin.
pub(super) fn lift(
    parents: &mut Parents,
    gone: &Parents,
    deleter: &dyn Fn(&str, &str) -> Option<Option<String>>,
) {
    let stays: HashSet<String> = parents.keys().cloned().collect();
    for (id, parent) in parents.iter_mut() {
        let Some(old) = parent.clone().filter(|p| !stays.contains(p)) else {
            continue;
        };
        let there = deleter(id, &old).filter(|p| p.as_ref().is_none_or(|p| stays.contains(p)));
        if let Some(p) = there {
            *parent = p;
            continue;
        }
        let mut p = Some(old);
        let mut steps = 0;
        while let Some(cur) = p.clone() {
            if stays.contains(&cur) || steps > gone.len() {
                break;
            }
            p = gone.get(&cur).cloned().flatten();
            steps += 1;
        }
        if p.as_ref().is_some_and(|c| !stays.contains(c)) {
            p = None;
        }
        *parent = p;
    }
}

/// The loops in `parents`, each as its tasks in order up the chain,
/// starting from its smallest id (so the same data gives the same loops).
pub(super) fn cycles(parents: &Parents) -> Vec<Vec<String>> {
    let mut ids: Vec<&String> = parents.keys().collect();
    crate::model::sorting::sort(&mut ids);
    // 0 = not seen, 1 = on the current path, 2 = done.
    let mut state: HashMap<&str, u8> = HashMap::new();
    let mut out = Vec::new();
    for start in ids {
        let mut path: Vec<&str> = Vec::new();
        let mut cur = Some(start.as_str());
        while let Some(c) = cur {
            match state.get(c).copied().unwrap_or(0) {
                0 => {
                    state.insert(c, 1);
                    path.push(c);
                    cur = parents.get(c).and_then(|p| p.as_deref());
                }
                1 => {
                    let from = path.iter().position(|&p| p == c).unwrap_or(0);
                    let mut ring: Vec<String> =
                        path[from..].iter().map(|s| s.to_string()).collect();
                    if let Some(min) = (0..ring.len()).min_by_key(|&i| &ring[i]) {
                        ring.rotate_left(min);
                    }
                    out.push(ring);
                    break;
                }
                _ => break,
            }
        }
        for p in path {
            state.insert(p, 2);
        }
    }
    out
}

/// Breaks every loop left at its smallest id, which goes to the top level.
pub(super) fn break_cycles(parents: &mut Parents) {
    for ring in cycles(parents) {
        if let Some(first) = ring.first() {
            parents.insert(first.clone(), None);
        }
    }
}

/// Each task's depth (0 at the top), for putting parents before children.
/// Expects no loops; a chain that does not end is cut off, not followed.
pub(super) fn depths(parents: &Parents) -> HashMap<String, usize> {
    let mut out: HashMap<String, usize> = HashMap::new();
    for id in parents.keys() {
        let mut chain: Vec<&str> = Vec::new();
        let mut cur = Some(id.as_str());
        let mut base = 0;
        while let Some(c) = cur {
            if let Some(&d) = out.get(c) {
                base = d + 1;
                break;
            }
            if chain.len() > parents.len() {
                break;
            }
            chain.push(c);
            cur = parents.get(c).and_then(|p| p.as_deref());
        }
        for (i, c) in chain.iter().rev().enumerate() {
            out.insert((*c).to_string(), base + i);
        }
    }
    out
}
