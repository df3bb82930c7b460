//! One task both sides have, compared: fields three ways against the
//! base (or every difference a conflict without one), record lists as
//! unions that leave out whatever either side deleted.

use super::fields::{pick, shown, union, FIELDS, RECORDS};
use super::{Conflict, Side, Taken, TaskMerge};
use crate::model::task::Task;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// One task both sides have: fields three ways, records as unions.
/// `None` when nothing would change.
#[allow(clippy::too_many_arguments)]
pub(super) fn compare(
    o: &Map<String, Value>,
    th: &Map<String, Value>,
    b: Option<Map<String, Value>>,
    has_base: bool,
    t: &Task,
    mine: &Task,
    names: &HashMap<&str, &str>,
    dead_here: &HashSet<&str>,
    dead_there: &HashSet<&str>,
) -> Option<TaskMerge> {
    let mut merged = o.clone();
    let mut taken = Vec::new();
    let mut conflicts = Vec::new();
    for f in FIELDS {
        let (ov, tv) = (pick(o, f.json), pick(th, f.json));
        if ov == tv {
            continue;
        }
        let bv = b.as_ref().map(|b| pick(b, f.json));
        match &bv {
            Some(bv) if *bv == ov => {
                for (k, v) in f.json.iter().zip(&tv) {
                    merged.insert((*k).to_string(), v.clone());
                }
                taken.push(Taken {
                    label: f.label.into(),
                    ours: shown(f.key, &ov, names),
                    theirs: shown(f.key, &tv, names),
                });
            }
            Some(bv) if *bv == tv => {}
            _ => conflicts.push(Conflict {
                key: f.key.into(),
                label: f.label.into(),
                ours: shown(f.key, &ov, names),
                theirs: shown(f.key, &tv, names),
                default: if !has_base && t.updated_at > mine.updated_at {
                    Side::Theirs
                } else {
                    Side::Ours
                },
            }),
        }
    }
    let mut new_records = Vec::new();
    let mut removed_records = Vec::new();
    for list in RECORDS {
        let empty = Value::Array(Vec::new());
        let (merged_list, added, removed) = union(
            o.get(*list).unwrap_or(&empty),
            th.get(*list).unwrap_or(&empty),
            b.as_ref().and_then(|b| b.get(*list)),
            dead_here,
            dead_there,
        );
        if added > 0 || (removed == 0 && Some(&merged_list) != o.get(*list)) {
            new_records.push((*list, added));
        }
        if removed > 0 {
            removed_records.push((*list, removed));
        }
        merged.insert((*list).to_string(), merged_list);
    }
    if taken.is_empty()
        && conflicts.is_empty()
        && new_records.is_empty()
        && removed_records.is_empty()
    {
        return None;
    }
    Some(TaskMerge {
        id: t.id.clone(),
        title: mine.title.clone(),
        taken,
        conflicts,
        new_records,
        removed_records,
        merged: Value::Object(merged),
        theirs: Value::Object(th.clone()),
    })
}
