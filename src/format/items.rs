//! Restoring the items of a list one by one: a bad field is dropped (or
//! the item skipped when a required field is bad), every problem reported
//! with its path in the file, so one bad task does not sink the document.

use crate::format::error::Problem;
use crate::format::json::attempt;
use crate::format::messages::humanize;
use crate::format::path::{join_path, remove_at, to_file_positions, Seg};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Fields without which a listed item means nothing; an error there skips
/// the item.
const ITEM_REQUIRED: &[&str] = &["id", "title", "name", "description"];

/// Restores each element of a list, returning the items kept and, for each,
/// its position in the file: later checks report paths by that position, so
/// a skipped item does not shift the paths of the ones after it.
pub(crate) fn restore_list<T: DeserializeOwned>(
    value: Option<Value>,
    path: &str,
    problems: &mut Vec<Problem>,
) -> (Vec<T>, Vec<usize>) {
    match value {
        None | Some(Value::Null) => (Vec::new(), Vec::new()),
        Some(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let label = item_label(path, i, &v);
                let before = problems.len();
                let item = restore_item(v, &format!("{path}[{i}]"), ITEM_REQUIRED, problems);
                for p in &mut problems[before..] {
                    p.message = format!("{}（{label}）", p.message);
                }
                item.map(|t| (t, i))
            })
            .unzip(),
        Some(_) => {
            problems.push(Problem {
                path: path.to_string(),
                message: "应为列表，已忽略此项内容".into(),
            });
            (Vec::new(), Vec::new())
        }
    }
}

/// Names an item for people: "第3项任务“巩固深化党史学习教育成果”", so a
/// message can be matched to a row without reading JSON paths.
fn item_label(path: &str, index: usize, value: &Value) -> String {
    let noun = match path.rsplit('.').next() {
        Some("tasks") => "任务",
        Some("units") => "单位",
        Some("areas") => "领域",
        Some("problems") => "整改问题",
        Some("deleted") => "删除记录",
        _ => "项",
    };
    let name = ["title", "name", "description"]
        .iter()
        .find_map(|k| value.get(*k).and_then(Value::as_str))
        .map(|t| {
            let short: String = t.chars().take(24).collect();
            let more = if t.chars().count() > 24 { "…" } else { "" };
            format!("“{short}{more}”")
        })
        .unwrap_or_default();
    format!("第{}项{noun}{name}", index + 1)
}

/// Deserialises one item. A bad field is dropped (an optional field falls
/// back to its default; a bad element of a list inside the item is removed)
/// and the item retried; an item whose required fields are bad is skipped.
///
/// Linear in the item's size: most items read at once; one that does not
/// is read as its fields without their lists, then each list element on
/// its own beside only the fields the item cannot do without. Retrying the
/// whole item after each bad record would cost its size once per bad
/// record (a task with 300 of them among thousands of good ones took
/// minutes), and a bound on retries would drop the whole task.
pub(crate) fn restore_item<T: DeserializeOwned>(
    value: Value,
    path: &str,
    required: &[&str],
    problems: &mut Vec<Problem>,
) -> Option<T> {
    if let Ok((item, ignored)) = attempt::<T>(&value) {
        report_ignored(ignored, path, &HashMap::new(), &|_| {}, problems);
        return Some(item);
    }
    let Value::Object(mut fields) = value else {
        return retry(value, path, required, &|_| {}, problems).map(|(t, _)| t);
    };
    // Problems are put back in the order of the fields they concern, as
    // reading the item at once would have reported them.
    let order: HashMap<String, usize> = fields
        .keys()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect();
    let mut own = Vec::new();
    let mut lists: Vec<(String, Vec<Value>)> = Vec::new();
    for (key, field) in fields.iter_mut() {
        if let Value::Array(elements) = field {
            if !elements.is_empty() {
                lists.push((key.clone(), std::mem::take(elements)));
            }
        }
    }
    if lists.is_empty() {
        return retry(Value::Object(fields), path, required, &|_| {}, problems).map(|(t, _)| t);
    }
    let (_, skeleton) = retry::<T>(Value::Object(fields), path, required, &|_| {}, &mut own)
        .or_else(|| {
            problems.append(&mut own);
            None
        })?;
    let Value::Object(mut skeleton) = skeleton else {
        problems.append(&mut own);
        return None;
    };
    let base = required_fields::<T>(&skeleton);
    for (key, elements) in lists {
        // The field itself was dropped (it was not a list of this kind):
        // its elements go with it, already reported.
        if !skeleton.contains_key(&key) {
            continue;
        }
        // A list the item does not know was reported once as such with
        // the fields; its elements are not tried one by one (each would be
        // reported again).
        let mut empty = base.clone();
        empty.insert(key.clone(), Value::Array(Vec::new()));
        let unknown = attempt::<T>(&Value::Object(empty)).is_ok_and(|(_, ignored)| {
            ignored
                .iter()
                .any(|p| matches!(p.as_slice(), [Seg::Key(k)] if *k == key))
        });
        if unknown {
            continue;
        }
        let mut kept = Vec::with_capacity(elements.len());
        for (i, element) in elements.into_iter().enumerate() {
            let mut probe = base.clone();
            probe.insert(key.clone(), Value::Array(vec![element]));
            let at_file_position = |segments: &mut Vec<Seg>| {
                if let [Seg::Key(k), Seg::Index(n), ..] = segments.as_mut_slice() {
                    if *k == key {
                        *n = i;
                    }
                }
            };
            let before = own.len();
            let read = retry::<T>(Value::Object(probe), path, &[], &at_file_position, &mut own);
            match read {
                Some((_, Value::Object(mut repaired))) => {
                    if let Some(Value::Array(mut one)) = repaired.remove(&key) {
                        kept.extend(one.pop());
                    }
                }
                // Giving up on a probe costs the record, not the item:
                // say so, at the record's place.
                _ => {
                    let record = join_path(path, &[Seg::Key(key.clone()), Seg::Index(i)]);
                    for p in &mut own[before..] {
                        if let Some(m) = p.message.strip_suffix("已跳过这一项") {
                            p.message = format!("{m}已跳过这一条记录");
                            if p.path == path {
                                p.path.clone_from(&record);
                            }
                        }
                    }
                }
            }
        }
        skeleton.insert(key, Value::Array(kept));
    }
    let rank = |p: &Problem| {
        let rest = p.path.strip_prefix(path).unwrap_or_default();
        let key = rest
            .trim_start_matches('.')
            .split(['.', '['])
            .next()
            .unwrap_or_default();
        order.get(key).copied().unwrap_or(order.len())
    };
    crate::model::sorting::sort_by_cached_key(&mut own, rank);
    problems.append(&mut own);
    // Every part was read on its own; together they read too, unless the
    // type checks something across fields, which the careful pass handles.
    let whole = Value::Object(skeleton);
    match attempt::<T>(&whole) {
        Ok((item, _)) => Some(item),
        Err(_) => retry(whole, path, required, &|_| {}, problems).map(|(t, _)| t),
    }
}

/// The fields of `fields` a `T` cannot be read without, found by asking
/// serde which are missing from an empty object (at most one question per
/// field). A list element is tried beside these alone, so trying each costs
/// the element, not the whole item. All the fields when the answer is not
/// a missing field (then the probe costs more but is still right).
fn required_fields<T: DeserializeOwned>(fields: &Map<String, Value>) -> Map<String, Value> {
    let mut base = Map::new();
    for _ in 0..=fields.len() {
        let missing = match attempt::<T>(&Value::Object(base.clone())) {
            Ok(_) => return base,
            Err(e) => e
                .inner()
                .to_string()
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next())
                .map(str::to_string),
        };
        match missing.and_then(|name| fields.get(&name).map(|v| (name, v))) {
            Some((name, v)) if !base.contains_key(&name) => {
                base.insert(name, v.clone());
            }
            _ => break,
        }
    }
    fields.clone()
}

/// Reports fields this version does not know: they would be lost on the
/// next save, so say so rather than drop them quietly.
fn report_ignored(
    ignored: Vec<Vec<Seg>>,
    path: &str,
    removed: &HashMap<String, Vec<usize>>,
    remap: &dyn Fn(&mut Vec<Seg>),
    problems: &mut Vec<Problem>,
) {
    problems.extend(ignored.into_iter().map(|segments| {
        let name = match segments.last() {
            Some(Seg::Key(k)) => k.clone(),
            _ => String::new(),
        };
        // In file positions, as for every other problem.
        let mut in_file = to_file_positions(&segments, removed);
        remap(&mut in_file);
        Problem {
            message: format!("无法识别的内容“{name}”（可能来自其他版本的落实），已忽略"),
            path: join_path(path, &in_file),
        }
    }));
}

/// Reads `value`, dropping what serde names as bad one thing at a time
/// until it reads: the item and the value as it finally read. Each retry
/// reads the whole value, so this is for values without long lists
/// (`restore_item` takes those apart first). `remap` turns positions in
/// the value into positions in the file where the value is a part.
fn retry<T: DeserializeOwned>(
    mut value: Value,
    path: &str,
    required: &[&str],
    remap: &dyn Fn(&mut Vec<Seg>),
    problems: &mut Vec<Problem>,
) -> Option<(T, Value)> {
    // Elements removed so far, by list (a path in file positions) and file
    // position: serde reports positions in the trimmed value, and the user
    // needs the ones in the file.
    let mut removed: HashMap<String, Vec<usize>> = HashMap::new();
    // Each retry removes something, so this ends; the bound guards against a
    // pathological value making us spin for long.
    for _ in 0..256 {
        let err = match attempt::<T>(&value) {
            Ok((item, ignored)) => {
                report_ignored(ignored, path, &removed, remap, problems);
                return Some((item, value));
            }
            Err(e) => e,
        };
        let segments: Vec<Seg> = err
            .path()
            .iter()
            .filter_map(|s| match s {
                serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
                serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
                _ => None,
            })
            .collect();
        let message = humanize(&err.inner().to_string());
        // Remove the innermost list element on the path, or else the
        // top-level field; with neither, the item itself is unusable.
        let cut = segments
            .iter()
            .rposition(|s| matches!(s, Seg::Index(_)))
            .map(|i| i + 1)
            .or(if segments.is_empty() { None } else { Some(1) });
        let in_file = to_file_positions(&segments, &removed);
        let mut shown = in_file.clone();
        remap(&mut shown);
        let full = join_path(path, &shown);
        let done = match cut {
            Some(n) if !is_required(&segments[..n], required) => {
                remove_at(&mut value, &segments[..n])
            }
            _ => false,
        };
        if let (true, Some(n)) = (done, cut) {
            if let Some(Seg::Index(i)) = in_file.get(n - 1) {
                let gone = removed.entry(join_path("", &in_file[..n - 1])).or_default();
                let at = gone.partition_point(|&g| g < *i);
                gone.insert(at, *i);
            }
        }
        if !done {
            problems.push(Problem {
                path: full,
                message: format!("{message}，已跳过这一项"),
            });
            return None;
        }
        let what = if matches!(segments.get(cut.unwrap_or(1) - 1), Some(Seg::Index(_))) {
            "已跳过这一条记录"
        } else {
            "已忽略该字段"
        };
        problems.push(Problem {
            path: full,
            message: format!("{message}，{what}"),
        });
    }
    problems.push(Problem {
        path: path.to_string(),
        message: "错误过多，已跳过这一项".into(),
    });
    None
}

/// True when the cut is a top-level field in `required`.
fn is_required(segments: &[Seg], required: &[&str]) -> bool {
    matches!(segments, [Seg::Key(k)] if required.contains(&k.as_str()))
}
