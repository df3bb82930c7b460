//! Restoring a plan from untrusted text: envelope check → migration by
//! version → lenient restore item by item → reference repair. One bad field
//! or task does not sink the document; each problem is reported with its
//! path. Storage loading and file import share this code.

use crate::format::envelope::{CURRENT_VERSION, PLAN_FORMAT};
use crate::format::error::{Problem, RestoreError, RestoreErrorKind};
use crate::model::plan::{Area, Plan, Unit};
use crate::model::task::Task;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// A plan restored from a document, with what had to be skipped or fixed.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub plan: Plan,
    pub problems: Vec<Problem>,
    /// The schema version the document was written in.
    pub version: u32,
    pub exported_at: String,
    pub source: String,
}

/// Reads a Luoshi plan document. Fails only when nothing usable is there;
/// otherwise returns the plan and the list of problems (possibly empty).
pub fn restore_plan(text: &str) -> Result<Restored, RestoreError> {
    if text.trim().is_empty() {
        return Err(RestoreError::new(
            RestoreErrorKind::Empty,
            "",
            "内容为空，没有可读取的数据",
        ));
    }
    let root: Value = serde_json::from_str(text).map_err(|e| {
        RestoreError::new(
            RestoreErrorKind::NotJson,
            format!("第 {} 行第 {} 列", e.line(), e.column()),
            "内容不是有效的 JSON 数据，可能文件不完整、已损坏，或不是落实导出的文件",
        )
    })?;
    let Value::Object(mut env) = root else {
        return Err(not_luoshi("内容不是落实的数据文件（最外层应为对象）"));
    };
    match env.get("format").and_then(Value::as_str) {
        Some(PLAN_FORMAT) => {}
        Some(other) if other.starts_with("luoshi/") => {
            return Err(RestoreError::new(
                RestoreErrorKind::NotLuoshi,
                "format",
                format!("这是落实的“{other}”文件，不是工作计划文件"),
            ))
        }
        _ => {
            return Err(not_luoshi(
                "内容不是落实的工作计划文件（缺少 \"format\": \"luoshi/plan\" 标记）",
            ))
        }
    }
    let version = match env.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(CURRENT_VERSION) => {
            return Err(RestoreError::new(
                RestoreErrorKind::NewerVersion,
                "version",
                format!(
                    "此文件由较新版本的落实生成（文件版本 {v}，本程序只能读取到版本 {CURRENT_VERSION}），请升级落实后再打开；数据未作任何改动"
                ),
            ))
        }
        Some(v) if v >= 1 => v as u32,
        _ => {
            return Err(RestoreError::new(
                RestoreErrorKind::UnknownVersion,
                "version",
                "无法识别文件的版本号（应为正整数）",
            ))
        }
    };
    let text_field = |env: &Map<String, Value>, key: &str| {
        env.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let exported_at = text_field(&env, "exported_at");
    let source = text_field(&env, "source");
    let plan_value = env.remove("plan").unwrap_or(Value::Null);
    let plan_value = migrate(plan_value, version);
    let Value::Object(plan_obj) = plan_value else {
        return Err(RestoreError::new(
            RestoreErrorKind::NoPlan,
            "plan",
            "文件中没有工作计划内容（plan 缺失或不是对象）",
        ));
    };
    let mut problems = Vec::new();
    let plan = restore_plan_object(plan_obj, &mut problems);
    Ok(Restored {
        plan,
        problems,
        version,
        exported_at,
        source,
    })
}

fn not_luoshi(message: &str) -> RestoreError {
    RestoreError::new(RestoreErrorKind::NotLuoshi, "", message)
}

/// Brings a plan written in an older schema version up to the current one.
/// Version 1 is the first; each later version adds one step here, so old
/// files keep opening.
fn migrate(plan: Value, version: u32) -> Value {
    // Version 1 is the first schema, so there is nothing to convert yet; a
    // version 2 adds `if version < 2 { plan = v1_to_v2(plan) }` here.
    debug_assert!(version <= CURRENT_VERSION);
    plan
}

fn restore_plan_object(mut obj: Map<String, Value>, problems: &mut Vec<Problem>) -> Plan {
    let units_v = obj.remove("units");
    let areas_v = obj.remove("areas");
    let tasks_v = obj.remove("tasks");
    // Every plan field has a default, so a bad one is dropped on its own
    // rather than costing the title, year and settings with it.
    let mut plan: Plan =
        restore_item(Value::Object(obj), "plan", &[], problems).unwrap_or_default();
    let (units, unit_pos) = restore_list::<Unit>(units_v, "plan.units", problems);
    let (areas, area_pos) = restore_list::<Area>(areas_v, "plan.areas", problems);
    let (tasks, task_pos) = restore_list::<Task>(tasks_v, "plan.tasks", problems);
    (plan.units, plan.areas, plan.tasks) = (units, areas, tasks);
    dedupe_ids(
        &mut plan.units,
        &unit_pos,
        |u| &mut u.id,
        "plan.units",
        problems,
    );
    dedupe_ids(
        &mut plan.areas,
        &area_pos,
        |a| &mut a.id,
        "plan.areas",
        problems,
    );
    dedupe_ids(
        &mut plan.tasks,
        &task_pos,
        |t| &mut t.id,
        "plan.tasks",
        problems,
    );
    repair_parents(&mut plan.tasks, &task_pos, problems);
    plan
}

/// Fields without which a listed item means nothing; an error there skips
/// the item.
const ITEM_REQUIRED: &[&str] = &["id", "title", "name"];

/// Restores each element of a list, returning the items kept and, for each,
/// its position in the file: later checks report paths by that position, so
/// a skipped item does not shift the paths of the ones after it.
fn restore_list<T: DeserializeOwned>(
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
        _ => "项",
    };
    let name = ["title", "name"]
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
fn restore_item<T: DeserializeOwned>(
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

/// A path from serde_ignored as segments, like serde_path_to_error's.
fn ignored_segments(p: &serde_ignored::Path) -> Vec<Seg> {
    match p {
        serde_ignored::Path::Root => Vec::new(),
        serde_ignored::Path::Seq { parent, index } => {
            let mut v = ignored_segments(parent);
            v.push(Seg::Index(*index));
            v
        }
        serde_ignored::Path::Map { parent, key } => {
            let mut v = ignored_segments(parent);
            v.push(Seg::Key(key.clone()));
            v
        }
        serde_ignored::Path::Some { parent }
        | serde_ignored::Path::NewtypeStruct { parent }
        | serde_ignored::Path::NewtypeVariant { parent } => ignored_segments(parent),
    }
}

/// True when the cut is a top-level field in `required`.
fn is_required(segments: &[Seg], required: &[&str]) -> bool {
    matches!(segments, [Seg::Key(k)] if required.contains(&k.as_str()))
}

/// Maps list positions in the trimmed value back to positions in the file,
/// given the file positions already removed from each list (sorted).
fn to_file_positions(segments: &[Seg], removed: &HashMap<String, Vec<usize>>) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::with_capacity(segments.len());
    for seg in segments {
        let mapped = match seg {
            Seg::Key(k) => Seg::Key(k.clone()),
            Seg::Index(i) => {
                let mut pos = *i;
                for &g in removed.get(&join_path("", &out)).into_iter().flatten() {
                    if g <= pos {
                        pos += 1;
                    }
                }
                Seg::Index(pos)
            }
        };
        out.push(mapped);
    }
    out
}

#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

fn join_path(base: &str, segments: &[Seg]) -> String {
    let mut s = base.to_string();
    for seg in segments {
        match seg {
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

fn remove_at(value: &mut Value, segments: &[Seg]) -> bool {
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut cur = value;
    for seg in parents {
        let next = match (seg, cur) {
            (Seg::Key(k), Value::Object(m)) => m.get_mut(k),
            (Seg::Index(i), Value::Array(a)) => a.get_mut(*i),
            _ => None,
        };
        match next {
            Some(n) => cur = n,
            None => return false,
        }
    }
    match (last, cur) {
        (Seg::Key(k), Value::Object(m)) => m.remove(k).is_some(),
        (Seg::Index(i), Value::Array(a)) if *i < a.len() => {
            a.remove(*i);
            true
        }
        _ => false,
    }
}

/// Turns serde's English messages into Chinese where the pattern is known,
/// keeping the original words for anything else so nothing is hidden.
fn humanize(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return format!("缺少必填内容“{field}”");
    }
    let typed = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "));
    if let Some((found, expected)) = typed.and_then(|r| r.rsplit_once(", expected ")) {
        return format!(
            "内容应为{}，实际为{}",
            expected_kind(expected),
            found_kind(found)
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (value, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = allowed
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "")
            .replace(", ", "、");
        return format!("取值“{value}”无法识别，可用的取值为：{allowed}");
    }
    msg.to_string()
}

/// What serde expected, in words: "u8" → "整数".
fn expected_kind(expected: &str) -> String {
    match expected {
        "a string" => "文本".into(),
        "a boolean" => "是/否（true 或 false）".into(),
        "a sequence" => "列表".into(),
        e if e.starts_with("struct ") || e == "a map" => "对象".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "不小于 0 的整数".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" => "整数".into(),
        "f32" | "f64" | "a number" => "数字".into(),
        other => other.to_string(),
    }
}

/// What serde found, in words: `string "abc"` → `文本“abc”`.
fn found_kind(found: &str) -> String {
    let quoted = |s: &str| s.trim_matches('`').trim_matches('"').to_string();
    if let Some(v) = found.strip_prefix("string ") {
        return format!("文本“{}”", quoted(v));
    }
    for (prefix, word) in [
        ("integer ", "数字 "),
        ("floating point ", "数字 "),
        ("boolean ", "是/否值 "),
    ] {
        if let Some(v) = found.strip_prefix(prefix) {
            return format!("{word}{}", quoted(v));
        }
    }
    match found {
        "null" | "unit value" => "空值（null）".into(),
        "sequence" => "列表".into(),
        "map" => "对象".into(),
        other => other.to_string(),
    }
}

/// Gives a repeated id a fresh one, so two items never merge by accident.
/// The fresh id is one no other item in the file uses, so renaming never
/// steals the id (and the children) of an item that was fine.
fn dedupe_ids<T>(
    items: &mut [T],
    positions: &[usize],
    id: impl Fn(&mut T) -> &mut String,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    let taken: HashSet<String> = items.iter_mut().map(|item| id(item).clone()).collect();
    let mut seen = HashSet::new();
    for (i, item) in items.iter_mut().enumerate() {
        let current = id(item).clone();
        if seen.insert(current.clone()) {
            continue;
        }
        let mut n = 2;
        let fresh = loop {
            let candidate = format!("{current}-{n}");
            if !seen.contains(&candidate) && !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
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
/// outline always has a place for every task.
fn repair_parents(tasks: &mut [Task], positions: &[usize], problems: &mut Vec<Problem>) {
    let at = |i: usize| {
        format!(
            "plan.tasks[{}].parent",
            positions.get(i).copied().unwrap_or(i)
        )
    };
    let index: HashMap<String, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    for (i, task) in tasks.iter_mut().enumerate() {
        let Some(parent) = task.parent.as_deref() else {
            continue;
        };
        let message = if parent == task.id {
            "上级任务不能是任务自身，已改为顶层任务".to_string()
        } else if !index.contains_key(parent) {
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
    for i in 0..tasks.len() {
        let mut seen = HashSet::new();
        let mut cur = tasks[i].parent.as_ref().and_then(|p| index.get(p).copied());
        while let Some(c) = cur {
            if c == i {
                problems.push(Problem {
                    path: at(i),
                    message: "上级关系形成循环，已改为顶层任务".into(),
                });
                tasks[i].parent = None;
                break;
            }
            if !seen.insert(c) {
                break; // a cycle above us; its own members are fixed in turn
            }
            cur = tasks[c].parent.as_ref().and_then(|p| index.get(p).copied());
        }
    }
}
