//! The preview of a merge: what each task both sides have would become,
//! the tasks new, gone or in clash, the 督办 numbers changed, and the
//! tombstones and counters the plan would take. Nothing changes here.

use super::compare::{compare, Context};
use super::numbers::{self, Renumbered};
use super::structure::{self, Parents};
use super::{clashes, ClashKind, MergePreview, Side};
use crate::model::id::TaskId;
use crate::model::plan::Plan;
use crate::model::task::ids::{fill_record_ids, lacks_record_ids};
use crate::model::task::{Supervision, Task};
use crate::model::tombstone::{self, day_of, record_ids, Tombstone};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// A task with every record id filled in (`model::task::ids`).
fn with_ids(task: &Task) -> Cow<'_, Task> {
    if lacks_record_ids(task) {
        let mut t = task.clone();
        fill_record_ids(&mut t);
        Cow::Owned(t)
    } else {
        Cow::Borrowed(task)
    }
}

/// A copy of the file's task without the records deleted here.
fn alive(task: &Task, dead: &HashSet<&str>) -> Task {
    let mut t = task.clone();
    t.updates.retain(|r| !dead.contains(r.id.as_str()));
    t.extensions.retain(|r| !dead.contains(r.id.as_str()));
    t.milestones.retain(|r| !dead.contains(r.id.as_str()));
    t.supervisions.retain(|r| !dead.contains(r.id.as_str()));
    t
}

fn parent_of(map: &Map<String, Value>) -> Option<String> {
    map.get("parent")
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The preview of merging `theirs` (a file) into `ours`.
pub fn preview(ours: &Plan, theirs: &Plan) -> MergePreview {
    let base: HashMap<&str, &Task> = theirs
        .package
        .iter()
        .flat_map(|p| &p.base)
        .map(|t| (t.id.as_str(), t))
        .collect();
    let ctx = Context {
        names: theirs
            .units
            .iter()
            .chain(&ours.units)
            .map(|u| (u.id.as_str(), u.name.as_str()))
            .collect(),
        dead_here: ours.deleted.iter().map(|t| t.id.as_str()).collect(),
        dead_there: theirs.deleted.iter().map(|t| t.id.as_str()).collect(),
        has_base: theirs.package.is_some(),
    };
    let (dead_here, dead_there) = (&ctx.dead_here, &ctx.dead_there);
    let ours_tasks: Vec<Cow<Task>> = ours.tasks.iter().map(with_ids).collect();
    let theirs_tasks: Vec<Cow<Task>> = theirs.tasks.iter().map(with_ids).collect();
    let ours_by_id: HashMap<&str, &Task> =
        ours_tasks.iter().map(|t| (t.id.as_str(), &**t)).collect();
    let theirs_by_id: HashMap<&str, &Task> =
        theirs_tasks.iter().map(|t| (t.id.as_str(), &**t)).collect();
    let mut out = MergePreview {
        from_unit: theirs.package.as_ref().map(|p| p.unit_name.clone()),
        ..MergePreview::default()
    };
    // The outline as merged with every default: parents of tasks that
    // stay, and of tasks that go (to walk past them).
    let mut parents: Parents = HashMap::new();
    let mut gone: Parents = HashMap::new();
    let mut deleted_here: HashMap<String, Task> = HashMap::new();
    for t in theirs_tasks.iter().map(|t| &**t) {
        let Some(mine) = ours_by_id.get(t.id.as_str()) else {
            let id = t.id.as_str();
            if dead_here.contains(id) || base.contains_key(id) {
                // Sent (or known), then deleted here: the deletion stands.
                gone.insert(id.to_string(), t.parent.as_ref().map(|p| p.to_string()));
                deleted_here.insert(id.to_string(), alive(t, dead_here));
            } else {
                let new = alive(t, dead_here);
                parents.insert(id.to_string(), new.parent.as_ref().map(|p| p.to_string()));
                out.new_tasks.push(new);
            }
            continue;
        };
        let same = *mine == t && !record_ids(mine).any(|(_, r)| dead_there.contains(r));
        let change = if same {
            None
        } else {
            compare(&ctx, mine, t, base.get(t.id.as_str()).copied())
        };
        let merged_parent = match &change {
            Some(c) => {
                let theirs_wins = c
                    .conflicts
                    .iter()
                    .any(|k| k.key == "parent" && k.default == Side::Theirs);
                if theirs_wins {
                    t.parent.as_ref().map(|p| p.to_string())
                } else {
                    c.merged.as_object().and_then(parent_of)
                }
            }
            None => mine.parent.as_ref().map(|p| p.to_string()),
        };
        parents.insert(t.id.to_string(), merged_parent);
        out.changed.extend(change);
    }
    // Tasks here the file does not hold: a tombstone there removes them;
    // otherwise they stay (a 填报包 holds only its unit's part), losing any
    // record the file deleted.
    let mut removable: Vec<&Task> = Vec::new();
    for mine in ours_tasks.iter().map(|t| &**t) {
        let id = mine.id.as_str();
        if theirs_by_id.contains_key(id) {
            continue;
        }
        if dead_there.contains(id) {
            gone.insert(id.to_string(), mine.parent.as_ref().map(|p| p.to_string()));
            removable.push(mine);
            continue;
        }
        parents.insert(id.to_string(), mine.parent.as_ref().map(|p| p.to_string()));
        if record_ids(mine).any(|(_, r)| dead_there.contains(r)) {
            out.changed.extend(compare(&ctx, mine, mine, None));
        }
    }
    // Whether a task was changed after the other side deleted it: against
    // the base when the file has one, else by the day of its last change
    // and the day of the deletion (the same day counts, to ask rather than
    // lose).
    let changed_after = |t: &Task, deleted: &[Tombstone]| match base.get(t.id.as_str()) {
        Some(b) => **b != *t,
        None => tombstone::find(deleted, &t.id)
            .ok()
            .and_then(|at| deleted[at].on)
            .is_some_and(|on| day_of(&t.updated_at).is_some_and(|d| d >= on)),
    };
    let changed_here = |t: &Task| changed_after(t, &theirs.deleted);
    let changed_there = |t: &Task| changed_after(t, &ours.deleted);
    clashes::deleted_there(&mut out, &parents, &gone, &removable, &changed_here);
    // A task the file deleted may be kept by choice: without the records
    // the file deleted, like any other.
    for r in removable
        .iter()
        .filter(|r| out.clashes.iter().any(|c| c.id == r.id))
    {
        if record_ids(r).any(|(_, id)| dead_there.contains(id)) {
            out.changed.extend(compare(&ctx, r, r, None));
        }
    }
    clashes::deleted_here(&mut out, &parents, &deleted_here, &changed_there);
    // A task here the file deleted: the file's placement of its children;
    // one deleted here: ours.
    let deleter = |child: &str, parent: &str| {
        let side = if ours_by_id.contains_key(parent) {
            &theirs_by_id
        } else {
            &ours_by_id
        };
        side.get(child)
            .map(|t| t.parent.as_ref().map(|p| p.to_string()))
    };
    structure::lift(&mut parents, &gone, &deleter);
    clashes::loops(&mut out, &parents, &ours_by_id, &theirs_by_id);
    out.changed.retain(|c| {
        !(c.taken.is_empty()
            && c.conflicts.is_empty()
            && c.new_records.is_empty()
            && c.removed_records.is_empty())
    });
    // 督办 numbers: records coming in, in the order of the file.
    let mut incoming: Vec<(TaskId, Supervision)> = Vec::new();
    for c in &out.changed {
        let known: HashSet<&str> = ours_by_id
            .get(c.id.as_str())
            .map(|t| t.supervisions.iter().map(|s| s.id.as_str()).collect())
            .unwrap_or_default();
        for s in supervisions(&c.merged) {
            if !known.contains(s.id.as_str()) {
                incoming.push((c.id.clone(), s));
            }
        }
    }
    for t in out
        .new_tasks
        .iter()
        .chain(out.clashes.iter().filter_map(|c| match &c.kind {
            ClashKind::DeletedHere(t) => Some(&**t),
            _ => None,
        }))
    {
        incoming.extend(t.supervisions.iter().map(|s| (t.id.clone(), s.clone())));
    }
    let (renumbered, counters) = numbers::renumber(ours, &theirs.notice_counters, &incoming);
    for r in &renumbered {
        renumber_in(&mut out, r);
    }
    out.renumbered = renumbered;
    out.counters = counters;
    out.incoming_deleted = theirs
        .deleted
        .iter()
        .filter(|t| tombstone::find(&ours.deleted, &t.id).is_err())
        .cloned()
        .collect();
    out.gone = gone;
    out.theirs_parents = theirs_tasks
        .iter()
        .map(|t| (t.id.to_string(), t.parent.as_ref().map(|p| p.to_string())))
        .collect();
    let known_units: HashSet<&str> = ours.units.iter().map(|u| u.id.as_str()).collect();
    out.new_units = theirs
        .units
        .iter()
        .filter(|u| !known_units.contains(u.id.as_str()))
        .cloned()
        .collect();
    let known_areas: HashSet<&str> = ours.areas.iter().map(|a| a.id.as_str()).collect();
    out.new_areas = theirs
        .areas
        .iter()
        .filter(|a| !known_areas.contains(a.id.as_str()))
        .cloned()
        .collect();
    out
}

fn supervisions(merged: &Value) -> Vec<Supervision> {
    merged
        .get("supervisions")
        .and_then(|v| crate::format::json::from_value(v).ok())
        .unwrap_or_default()
}

/// Writes a new number into the record wherever the preview holds it.
fn renumber_in(out: &mut MergePreview, r: &Renumbered) {
    let set = |list: &mut [Supervision]| {
        for s in list.iter_mut().filter(|s| s.id == r.record) {
            s.number = Some(r.to);
        }
    };
    for t in out.new_tasks.iter_mut().filter(|t| t.id == r.task) {
        set(&mut t.supervisions);
    }
    for c in out.clashes.iter_mut() {
        if let ClashKind::DeletedHere(t) = &mut c.kind {
            if t.id == r.task {
                set(&mut t.supervisions);
            }
        }
    }
    for c in out.changed.iter_mut().filter(|c| c.id == r.task) {
        let mut list = supervisions(&c.merged);
        set(&mut list);
        if let (Some(m), Ok(v)) = (c.merged.as_object_mut(), serde_json::to_value(list)) {
            m.insert("supervisions".into(), v);
        }
    }
}
