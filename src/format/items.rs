//! Restoring the items of a list one by one: a bad field is dropped (or
//! the item skipped when a required field is bad), every problem reported
//! with its path in the file, so one bad task does not sink the document.

use crate::format::error::Problem;
use crate::format::messages::humanize;
use crate::format::path::{ignored_segments, join_path, remove_at, to_file_positions, Seg};
use serde::de::DeserializeOwned;
use serde_json::Value;
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
pub(crate) fn restore_item<T: DeserializeOwned>(
    mut value: Value,
    path: &str,
    required: &[&str],
    problems: &mut Vec<Problem>,
) -> Option<T> {
    // Elements removed so far, by list (a path in file positions) and file
    // position: serde reports positions in the trimmed value, and the user
    // needs the ones in the file.
    let mut removed: HashMap<String, Vec<usize>> = HashMap::new();
    // Each retry removes something, so this ends; the bound guards against a
    // pathological document making us spin for long.
    for _ in 0..256 {
        let mut ignored = Vec::new();
        let mut note_ignored = |p: serde_ignored::Path| ignored.push(ignored_segments(&p));
        let attempt = serde_path_to_error::deserialize::<_, T>(serde_ignored::Deserializer::new(
            value.clone(),
            &mut note_ignored,
        ));
        let err = match attempt {
            Ok(item) => {
                // Fields this version does not know would be lost on the next
                // save; say so rather than drop them quietly.
                problems.extend(ignored.into_iter().map(|segments| {
                    let name = match segments.last() {
                        Some(Seg::Key(k)) => k.clone(),
                        _ => String::new(),
                    };
                    Problem {
                        message: format!(
                            "无法识别的内容“{name}”（可能来自其他版本的落实），已忽略"
                        ),
                        // In file positions, as for every other problem.
                        path: join_path(path, &to_file_positions(&segments, &removed)),
                    }
                }));
                return Some(item);
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
        let full = join_path(path, &in_file);
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
