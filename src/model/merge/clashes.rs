//! Clashes in the outline found while previewing a merge, each made a
//! choice: a task deleted in the file with tasks staying under it here, a
//! task deleted here that the file puts tasks under, and moves on both
//! sides that together make a loop. The default keeps the outline here,
//! so nothing is lost unless the user says so.

use super::structure::{self, Parents};
use super::{Clash, ClashKind, MergePreview, Placing, Removed, Side};
use crate::model::id::TaskId;
use crate::model::task::Task;
use std::collections::{HashMap, HashSet};

/// The tasks the file deleted (`removable`): those with tasks staying
/// under them here, or changed here after the deletion (`changed_after`),
/// are clashes; the others simply go. By default the deletion wins there
/// too and the tasks under it move up, as they would had the deletion been
/// made here (so files give the same plan in either order); keeping the
/// task is the choice offered.
pub(super) fn deleted_there(
    out: &mut MergePreview,
    parents: &Parents,
    gone: &Parents,
    removable: &[&Task],
    changed_after: &dyn Fn(&Task) -> bool,
) {
    let going: HashSet<&str> = removable.iter().map(|r| r.id.as_str()).collect();
    // How many staying tasks each removable one has under it.
    let mut under: HashMap<String, usize> = HashMap::new();
    for parent in parents.values() {
        let mut p = parent.clone();
        let mut steps = 0;
        while let Some(cur) = p {
            if !going.contains(cur.as_str()) || steps > removable.len() {
                break;
            }
            *under.entry(cur.clone()).or_insert(0) += 1;
            p = gone.get(&cur).cloned().flatten();
            steps += 1;
        }
    }
    for r in removable {
        let what = match (under.get(r.id.as_str()), changed_after(r)) {
            (Some(n), _) => format!("文件中已删除此任务，本计划中其下还有 {n} 项任务"),
            (None, true) => "文件中已删除此任务，本计划在此之后又修改过它".to_string(),
            (None, false) => {
                out.removed.push(Removed {
                    id: r.id.clone(),
                    title: r.title.clone(),
                });
                continue;
            }
        };
        out.clashes.push(Clash {
            id: r.id.clone(),
            title: r.title.clone(),
            what,
            ours: "保留此任务".into(),
            theirs: "删除此任务，其下任务移到上一级".into(),
            default: Side::Theirs,
            kind: ClashKind::DeletedThere,
        });
    }
}

/// The tasks deleted here that the file still has: where the file puts
/// tasks under one, or changed it after the deletion (`changed_after`), a
/// clash (keep it deleted, moving those tasks up, or restore it with the
/// file's changes); otherwise a note that its changes are left out.
pub(super) fn deleted_here(
    out: &mut MergePreview,
    parents: &Parents,
    deleted_here: &HashMap<String, Task>,
    changed_after: &dyn Fn(&Task) -> bool,
) {
    let mut under_deleted: Vec<(&String, usize)> = deleted_here
        .keys()
        .map(|d| {
            (
                d,
                parents
                    .values()
                    .filter(|p| p.as_deref() == Some(d.as_str()))
                    .count(),
            )
        })
        .collect();
    crate::model::sorting::sort(&mut under_deleted);
    for (id, under) in under_deleted {
        let Some(task) = deleted_here.get(id) else {
            continue;
        };
        let what = match (under, changed_after(task)) {
            (0, false) => {
                out.notes.push(format!(
                    "任务“{}”已在本计划中删除，文件中对它的修改未导入",
                    task.title
                ));
                continue;
            }
            (0, true) => "本计划已删除此任务，文件中在此之后又修改过它（如报送了进展）".to_string(),
            (n, _) => format!("本计划已删除此任务，文件中其下有 {n} 项任务"),
        };
        out.clashes.push(Clash {
            id: task.id.clone(),
            title: task.title.clone(),
            what,
            ours: "维持删除，其下任务移到上一级".into(),
            theirs: "恢复此任务".into(),
            default: Side::Ours,
            kind: ClashKind::DeletedHere(Box::new(task.clone())),
        });
    }
}

/// Loops in the merged outline: a choice of whose outline the tasks of
/// the loop take. Their parent fields are then decided by it alone.
pub(super) fn loops(
    out: &mut MergePreview,
    parents: &Parents,
    ours_by_id: &HashMap<&str, &Task>,
    theirs_by_id: &HashMap<&str, &Task>,
) {
    let title_of = |id: &str| {
        ours_by_id
            .get(id)
            .or(theirs_by_id.get(id))
            .map_or(id.to_string(), |t| t.title.clone())
    };
    let placed = |id: &str, p: &Option<TaskId>| match p {
        Some(p) => format!("“{}”在“{}”之下", title_of(id), title_of(p)),
        None => format!("“{}”在顶层", title_of(id)),
    };
    for ring in structure::cycles(parents) {
        let sides: Vec<Placing> = ring
            .iter()
            .map(|id| {
                let side = |m: &HashMap<&str, &Task>| {
                    m.get(id.as_str())
                        .map(|t| t.parent.as_ref().map(|p| p.to_string()))
                };
                Placing {
                    id: id.clone(),
                    ours: side(ours_by_id),
                    theirs: side(theirs_by_id),
                }
            })
            .collect();
        let words = |pick: fn(&Placing) -> Option<Option<String>>| {
            sides
                .iter()
                .filter(|s| s.ours != s.theirs)
                .filter_map(|s| pick(s).map(|p| placed(&s.id, &p.map(TaskId::from))))
                .collect::<Vec<_>>()
                .join("，")
        };
        let first = ring.first().cloned().unwrap_or_default();
        for c in out.changed.iter_mut().filter(|c| ring.contains(&c.id.0)) {
            // The loop's choice decides where these go.
            c.conflicts.retain(|k| k.key != "parent");
            c.taken.retain(|t| t.label != "上级任务");
        }
        out.clashes.push(Clash {
            id: TaskId::from(first.as_str()),
            title: title_of(&first),
            what: "两边的调整合在一起会使上下级关系循环".into(),
            ours: format!("保留本计划的层级：{}", words(|s| s.ours.clone())),
            theirs: format!("采用文件的层级：{}", words(|s| s.theirs.clone())),
            default: Side::Ours,
            kind: ClashKind::Loop(sides),
        });
    }
}
