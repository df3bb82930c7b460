//! Merging a plan file into the plan on screen, never a blind replace.
//! Tasks match by id. Records (progress updates, extensions, supervision,
//! 留痕 entries, milestones) are unions by id, so importing the same file
//! twice adds nothing the second time. Task fields merge three ways against
//! the task as it was sent (a 填报包's base): changed on one side only →
//! that side; changed on both → a conflict the user decides. A file without
//! a base (a whole plan) has no way to tell who changed what, so every
//! differing field is a conflict, defaulting to the side changed last.

use crate::model::activity::LogEntry;
use crate::model::id::{new_id, TaskId};
use crate::model::ops::Op;
use crate::model::plan::{Area, Plan, Unit};
mod fields;

use crate::model::task::Task;
use fields::{pick, shown, to_map, union, FIELDS, RECORDS};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// Which side a conflict is decided for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// A field changed on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub key: String,
    pub label: String,
    /// Both values as people read them.
    pub ours: String,
    pub theirs: String,
    /// Chosen unless the user says otherwise: the side changed last.
    pub default: Side,
}

/// A field taken from the file because only the file changed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    pub label: String,
    pub ours: String,
    pub theirs: String,
}

/// What merging does to one task both sides have.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskMerge {
    pub id: TaskId,
    pub title: String,
    pub taken: Vec<Taken>,
    pub conflicts: Vec<Conflict>,
    /// New records by list: updates, extensions, supervisions, log, milestones.
    pub new_records: Vec<(&'static str, usize)>,
    /// The task with everything but the conflicts merged (conflicts as ours).
    merged: Value,
    theirs: Value,
}

impl TaskMerge {
    pub fn new_updates(&self) -> usize {
        self.count("updates")
    }

    pub fn count(&self, list: &str) -> usize {
        self.new_records
            .iter()
            .find(|(l, _)| *l == list)
            .map_or(0, |(_, n)| *n)
    }
}

/// Everything a merge would do, for the preview. Nothing has changed yet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergePreview {
    /// Tasks only the file has, parents before children.
    pub new_tasks: Vec<Task>,
    /// Tasks both have that the merge changes.
    pub changed: Vec<TaskMerge>,
    pub new_units: Vec<Unit>,
    pub new_areas: Vec<Area>,
    /// What the merge leaves out, and why, in words.
    pub notes: Vec<String>,
    /// The unit, when the file is a returned 填报包.
    pub from_unit: Option<String>,
}

impl MergePreview {
    /// True when importing would change nothing.
    pub fn is_empty(&self) -> bool {
        self.new_tasks.is_empty()
            && self.changed.is_empty()
            && self.new_units.is_empty()
            && self.new_areas.is_empty()
    }

    pub fn conflicts(&self) -> usize {
        self.changed.iter().map(|c| c.conflicts.len()).sum()
    }

    pub fn new_updates(&self) -> usize {
        self.changed
            .iter()
            .map(TaskMerge::new_updates)
            .sum::<usize>()
            + self
                .new_tasks
                .iter()
                .map(|t| t.updates.len())
                .sum::<usize>()
    }
}

/// The preview of merging `theirs` (a file) into `ours`.
pub fn preview(ours: &Plan, theirs: &Plan) -> MergePreview {
    let base: HashMap<&str, &Task> = theirs
        .package
        .iter()
        .flat_map(|p| &p.base)
        .map(|t| (t.id.as_str(), t))
        .collect();
    let has_base = theirs.package.is_some();
    let mut names: HashMap<&str, &str> = HashMap::new();
    for u in theirs.units.iter().chain(&ours.units) {
        names.insert(u.id.as_str(), u.name.as_str());
    }
    let ours_by_id: HashMap<&str, &Task> = ours.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut out = MergePreview {
        from_unit: theirs.package.as_ref().map(|p| p.unit_name.clone()),
        ..MergePreview::default()
    };
    for t in &theirs.tasks {
        let Some(mine) = ours_by_id.get(t.id.as_str()) else {
            if base.contains_key(t.id.as_str()) {
                // Sent, then deleted here: the deletion stands.
                out.notes.push(format!(
                    "任务“{}”已在本计划中删除，文件中对它的修改未导入",
                    t.title
                ));
            } else {
                out.new_tasks.push(t.clone());
            }
            continue;
        };
        if *mine == t {
            continue;
        }
        let (o, th) = (to_map(mine), to_map(t));
        let b = base.get(t.id.as_str()).map(|b| to_map(b));
        let mut merged = o.clone();
        let mut taken = Vec::new();
        let mut conflicts = Vec::new();
        for f in FIELDS {
            let (ov, tv) = (pick(&o, f.json), pick(&th, f.json));
            if ov == tv {
                continue;
            }
            let bv = b.as_ref().map(|b| pick(b, f.json));
            let take = |merged: &mut Map<String, Value>| {
                for (k, v) in f.json.iter().zip(&tv) {
                    merged.insert((*k).to_string(), v.clone());
                }
            };
            match &bv {
                Some(bv) if *bv == ov => {
                    take(&mut merged);
                    taken.push(Taken {
                        label: f.label.into(),
                        ours: shown(f.key, &ov, &names),
                        theirs: shown(f.key, &tv, &names),
                    });
                }
                Some(bv) if *bv == tv => {}
                _ => conflicts.push(Conflict {
                    key: f.key.into(),
                    label: f.label.into(),
                    ours: shown(f.key, &ov, &names),
                    theirs: shown(f.key, &tv, &names),
                    default: if !has_base && t.updated_at > mine.updated_at {
                        Side::Theirs
                    } else {
                        Side::Ours
                    },
                }),
            }
        }
        let mut new_records = Vec::new();
        for list in RECORDS {
            let empty = Value::Array(Vec::new());
            let (merged_list, added) = union(
                o.get(*list).unwrap_or(&empty),
                th.get(*list).unwrap_or(&empty),
                b.as_ref().and_then(|b| b.get(*list)),
            );
            if added > 0 || Some(&merged_list) != o.get(*list) {
                new_records.push((*list, added));
            }
            merged.insert((*list).to_string(), merged_list);
        }
        if taken.is_empty() && conflicts.is_empty() && new_records.is_empty() {
            continue;
        }
        out.changed.push(TaskMerge {
            id: t.id.clone(),
            title: mine.title.clone(),
            taken,
            conflicts,
            new_records,
            merged: Value::Object(merged),
            theirs: Value::Object(th),
        });
    }
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

/// Why a merge could not be made; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(pub String);

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The edit that carries out `preview` with each conflict decided by
/// `choose(task id, field key)` (falling back to its default), stamping a
/// 留痕 entry "导入合并" from `source` on each task it changes. One op, so
/// one undo takes the whole import back.
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
    // New tasks go in parents first: a parent that is new too comes
    // earlier in the file's order, which is the order they are put.
    let known: HashSet<&str> = ours.tasks.iter().map(|t| t.id.as_str()).collect();
    let mut placed: HashSet<String> = HashSet::new();
    let mut pending: Vec<&Task> = preview.new_tasks.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|t| {
            let ready = t
                .parent
                .as_ref()
                .is_none_or(|p| known.contains(p.as_str()) || placed.contains(p.as_str()));
            if ready {
                let mut task = (*t).clone();
                task.log.push(entry(now, "导入新增", source));
                placed.insert(task.id.to_string());
                ops.push(Op::PutTask {
                    task: Box::new(task),
                    at: None,
                });
            }
            !ready
        });
        if pending.len() == before {
            // Parents that are nowhere: the tasks come in at the top level.
            for t in pending.drain(..) {
                let mut task = t.clone();
                task.parent = None;
                task.log.push(entry(now, "导入新增", source));
                placed.insert(task.id.to_string());
                ops.push(Op::PutTask {
                    task: Box::new(task),
                    at: None,
                });
            }
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
        let mut task: Task = serde_json::from_value(Value::Object(merged)).map_err(|e| {
            MergeError(format!(
                "任务“{}”合并后的数据无效（{e}），没有导入任何内容",
                change.title
            ))
        })?;
        task.extensions.sort_by_key(|e| e.date);
        task.log.sort_by(|a, b| a.at.cmp(&b.at));
        // Every conflict kept as it is here and nothing else new (the same
        // file imported again): the task is left exactly as it is.
        if ours.task(&change.id).is_some_and(|mine| *mine == task) {
            continue;
        }
        task.log.push(entry(now, "导入合并", source));
        ops.push(Op::PutTask {
            task: Box::new(task),
            at: None,
        });
    }
    Ok(Op::Batch(ops))
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
