//! The parts of a task the merge compares, and how: which JSON fields move
//! together, how values read in the preview, and record lists as unions.

use crate::model::task::{Status, Task};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// A task field as merged: its key, its name, the JSON fields it covers
/// (fields that only make sense together move together).
pub(super) struct FieldDef {
    pub key: &'static str,
    pub label: &'static str,
    pub json: &'static [&'static str],
}

pub(super) const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "title",
        label: "任务名称",
        json: &["title"],
    },
    FieldDef {
        key: "detail",
        label: "工作要求",
        json: &["detail"],
    },
    FieldDef {
        key: "deliverable",
        label: "成果形式",
        json: &["deliverable"],
    },
    FieldDef {
        key: "lead_unit",
        label: "牵头单位",
        json: &["lead_unit"],
    },
    FieldDef {
        key: "support_units",
        label: "配合单位",
        json: &["support_units"],
    },
    FieldDef {
        key: "leader",
        label: "责任领导",
        json: &["leader"],
    },
    FieldDef {
        key: "owner",
        label: "责任人",
        json: &["owner"],
    },
    FieldDef {
        key: "start",
        label: "开始日期",
        json: &["start"],
    },
    FieldDef {
        key: "due",
        label: "完成时限",
        json: &["due"],
    },
    FieldDef {
        key: "status",
        label: "状态",
        json: &["status", "closing", "status_note"],
    },
    FieldDef {
        key: "recurrence",
        label: "常态化周期",
        json: &["recurrence", "recurrence_note"],
    },
    FieldDef {
        key: "key_task",
        label: "重点任务",
        json: &["key_task"],
    },
    FieldDef {
        key: "tags",
        label: "专项标签",
        json: &["tags"],
    },
    FieldDef {
        key: "parent",
        label: "上级任务",
        json: &["parent", "order"],
    },
    FieldDef {
        key: "area",
        label: "领域",
        json: &["area"],
    },
];

/// Record lists merged as unions by id.
pub(super) const RECORDS: &[&str] = &["updates", "extensions", "supervisions", "log", "milestones"];

pub(super) fn to_map(task: &Task) -> Map<String, Value> {
    match serde_json::to_value(task) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

pub(super) fn pick(map: &Map<String, Value>, keys: &[&str]) -> Vec<Value> {
    keys.iter()
        .map(|k| map.get(*k).cloned().unwrap_or(Value::Null))
        .collect()
}

/// A value as people read it: units by name, statuses and dates in words.
pub(super) fn shown(field: &str, values: &[Value], names: &HashMap<&str, &str>) -> String {
    let unit = |v: &Value| {
        v.as_str()
            .map(|id| names.get(id).map_or(id.to_string(), |n| n.to_string()))
            .unwrap_or_default()
    };
    let first = values.first().cloned().unwrap_or(Value::Null);
    let text = match field {
        "lead_unit" => unit(&first),
        "support_units" => first
            .as_array()
            .map(|a| a.iter().map(unit).collect::<Vec<_>>().join("、"))
            .unwrap_or_default(),
        "status" => {
            let status =
                crate::format::json::from_value::<Status>(&first).map_or("", |s| s.label());
            let closing = values
                .get(1)
                .and_then(|c| c.get("date"))
                .and_then(Value::as_str)
                .map(|d| format!("（{d}办结）"))
                .unwrap_or_default();
            format!("{status}{closing}")
        }
        "key_task" => if first.as_bool() == Some(true) {
            "是"
        } else {
            "否"
        }
        .into(),
        "recurrence" => match first.as_str() {
            Some("monthly") => "每月".into(),
            Some("quarterly") => "每季度".into(),
            Some("yearly") => "每年".into(),
            _ => "不重复".into(),
        },
        "tags" => first
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("、")
            })
            .unwrap_or_default(),
        _ => match &first {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        },
    };
    if text.is_empty() {
        "（空）".into()
    } else {
        text
    }
}

/// The union of two record lists by id: ours, then theirs that are new. A
/// record both have but only the file changed (against the base) is
/// theirs. A record deleted on either side (its id in `dead_here` or
/// `dead_there`) is left out, wherever it is. Returns the list, how many
/// records were new and how many of ours the file deleted.
pub(super) fn union(
    ours: &Value,
    theirs: &Value,
    base: Option<&Value>,
    dead_here: &HashSet<&str>,
    dead_there: &HashSet<&str>,
) -> (Value, usize, usize) {
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let id = |r: &Value| {
        r.get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let base_by_id: HashMap<String, Value> = base
        .map(list)
        .unwrap_or_default()
        .into_iter()
        .map(|r| (id(&r), r))
        .collect();
    let theirs_list = list(theirs);
    let theirs_by_id: HashMap<String, &Value> = theirs_list.iter().map(|r| (id(r), r)).collect();
    let mut removed = 0;
    let mut out: Vec<Value> = Vec::new();
    for r in list(ours) {
        let rid = id(&r);
        if dead_there.contains(rid.as_str()) {
            removed += 1;
            continue;
        }
        out.push(match (theirs_by_id.get(&rid), base_by_id.get(&rid)) {
            (Some(t), Some(b)) if **t != r && *b == r => (*t).clone(),
            _ => r,
        });
    }
    let mut known: HashSet<String> = out.iter().map(id).collect();
    let mut added = 0;
    for r in theirs_list {
        let rid = id(&r);
        if dead_here.contains(rid.as_str()) || dead_there.contains(rid.as_str()) {
            continue;
        }
        if known.insert(rid) {
            out.push(r);
            added += 1;
        }
    }
    (Value::Array(out), added, removed)
}
