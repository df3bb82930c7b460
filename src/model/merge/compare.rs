//! One task both sides have, compared: fields three ways against the
//! base (or every difference a conflict without one), record lists as
//! unions that leave out whatever either side deleted.

use super::fields::{pick, shown, to_map, union, FIELDS, RECORDS};
use super::{Conflict, Side, Taken, TaskMerge};
use crate::model::task::Task;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// What every comparison of one merge shares.
pub(super) struct Context<'a> {
    /// Unit names by id, for showing values.
    pub names: HashMap<&'a str, &'a str>,
    /// Ids deleted here and in the file (tombstones).
    pub dead_here: HashSet<&'a str>,
    pub dead_there: HashSet<&'a str>,
    /// Whether the file carries a base (a 填报包).
    pub has_base: bool,
}

/// One task both sides have (`mine` here, `t` in the file, `base` as
/// sent): fields three ways, records as unions. `None` when nothing would
/// change.
pub(super) fn compare(
    ctx: &Context,
    mine: &Task,
    t: &Task,
    base: Option<&Task>,
) -> Option<TaskMerge> {
    let (o, th) = (to_map(mine), to_map(t));
    let b = base.map(to_map);
    let (o, th, names, has_base) = (&o, &th, &ctx.names, ctx.has_base);
    let (dead_here, dead_there) = (&ctx.dead_here, &ctx.dead_there);
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
            new_records.push((list.to_string(), added));
        }
        if removed > 0 {
            removed_records.push((list.to_string(), removed));
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
