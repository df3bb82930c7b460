//! Restoring a plan from untrusted text: envelope check → migration by
//! version → lenient restore item by item → reference repair. One bad field
//! or task does not sink the document; each problem is reported with its
//! path. Storage loading and file import share this code.

use crate::format::envelope::{CURRENT_VERSION, PLAN_FORMAT};
use crate::format::error::{Problem, RestoreError, RestoreErrorKind};
use crate::format::messages::humanize;
use crate::format::migrate::migrate;
use crate::format::path::{ignored_segments, join_path, remove_at, to_file_positions, Seg};
use crate::format::repair::{dedupe_ids, fill_record_ids, repair_parents};
use crate::model::id::derived_id;
use crate::model::plan::{Area, Plan, Unit};
use crate::model::problems::Problem as PlanProblem;
use crate::model::task::Task;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::HashMap;

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
///
/// A document of the current version that reads cleanly as a whole (what
/// Luoshi itself wrote, as on every start) is read in one typed pass; any
/// other goes item by item (`restore_plan_thoroughly`), which is several
/// times slower. Both give the same result for the documents the fast pass
/// takes (tests/generated.rs checks it).
pub fn restore_plan(text: &str) -> Result<Restored, RestoreError> {
    if let Some(done) = restore_whole(text) {
        return Ok(done);
    }
    restore_plan_thoroughly(text)
}

/// The envelope of a document of the current version, read as a whole.
#[derive(serde::Deserialize)]
struct Whole {
    format: String,
    version: u32,
    #[serde(default)]
    exported_at: String,
    #[serde(default)]
    source: String,
    plan: Plan,
}

/// The fast pass: `None` unless the whole document deserialises at once,
/// is of the current version and has no field this version does not know
/// (those are reported one by one by the thorough pass).
fn restore_whole(text: &str) -> Option<Restored> {
    let mut unknown = false;
    let mut de = serde_json::Deserializer::from_str(text);
    let whole: Whole = serde_ignored::deserialize(&mut de, |_| unknown = true).ok()?;
    de.end().ok()?;
    if unknown || whole.format != PLAN_FORMAT || whole.version != CURRENT_VERSION {
        return None;
    }
    let mut problems = Vec::new();
    let mut plan = whole.plan;
    let at = |n: usize| (0..n).collect::<Vec<usize>>();
    let (units, areas, tasks, found) = (
        at(plan.units.len()),
        at(plan.areas.len()),
        at(plan.tasks.len()),
        at(plan.problems.len()),
    );
    check_references(&mut plan, &units, &areas, &tasks, &found, &mut problems);
    Some(Restored {
        plan,
        problems,
        version: whole.version,
        exported_at: whole.exported_at,
        source: whole.source,
    })
}

/// The thorough pass: migration by version, then every item on its own,
/// so one bad field or task costs only itself.
pub fn restore_plan_thoroughly(text: &str) -> Result<Restored, RestoreError> {
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
    let plan_value = migrate(plan_value, version, &exported_at);
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

fn restore_plan_object(mut obj: Map<String, Value>, problems: &mut Vec<Problem>) -> Plan {
    let units_v = obj.remove("units");
    let areas_v = obj.remove("areas");
    let tasks_v = obj.remove("tasks");
    let problems_v = obj.remove("problems");
    // Settings are restored field by field too: one bad value costs only
    // itself, not the office name and every threshold with it.
    let settings_v = obj.remove("settings");
    // Every plan field has a default, so a bad one is dropped on its own
    // rather than costing the title, year and settings with it.
    let mut plan: Plan =
        restore_item(Value::Object(obj), "plan", &[], problems).unwrap_or_default();
    let (units, unit_pos) = restore_list::<Unit>(units_v, "plan.units", problems);
    let (areas, area_pos) = restore_list::<Area>(areas_v, "plan.areas", problems);
    let (tasks, task_pos) = restore_list::<Task>(tasks_v, "plan.tasks", problems);
    (plan.units, plan.areas, plan.tasks) = (units, areas, tasks);
    if let Some(v) = settings_v.filter(|v| !v.is_null()) {
        plan.settings = restore_item(v, "plan.settings", &[], problems).unwrap_or_default();
    }
    let (found, found_pos) = restore_list::<PlanProblem>(problems_v, "plan.problems", problems);
    plan.problems = found;
    check_references(
        &mut plan, &unit_pos, &area_pos, &task_pos, &found_pos, problems,
    );
    plan
}

/// What both passes check once the items are read: duplicate ids, parents
/// that do not exist or make a loop, record ids, and the plan's own id.
/// `*_pos` are the items' positions in the file, for the problems' paths.
fn check_references(
    plan: &mut Plan,
    unit_pos: &[usize],
    area_pos: &[usize],
    task_pos: &[usize],
    found_pos: &[usize],
    problems: &mut Vec<Problem>,
) {
    dedupe_ids(
        &mut plan.problems,
        found_pos,
        |p| &mut p.id,
        "plan.problems",
        problems,
    );
    dedupe_ids(
        &mut plan.units,
        unit_pos,
        |u| &mut u.id,
        "plan.units",
        problems,
    );
    dedupe_ids(
        &mut plan.areas,
        area_pos,
        |a| &mut a.id,
        "plan.areas",
        problems,
    );
    dedupe_ids(
        &mut plan.tasks,
        task_pos,
        |t| &mut t.id.0,
        "plan.tasks",
        problems,
    );
    repair_parents(&mut plan.tasks, task_pos, problems);
    fill_record_ids(&mut plan.tasks, task_pos, problems);
    if plan.id.trim().is_empty() {
        // Derived, like record ids, so the same file gives the same plan.
        plan.id = derived_id(&["plan", &plan.title, &plan.year.to_string()]);
    }
}

/// Fields without which a listed item means nothing; an error there skips
/// the item.
const ITEM_REQUIRED: &[&str] = &["id", "title", "name", "description"];

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
        Some("problems") => "整改问题",
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

/// True when the cut is a top-level field in `required`.
fn is_required(segments: &[Seg], required: &[&str]) -> bool {
    matches!(segments, [Seg::Key(k)] if required.contains(&k.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::write_plan;
    use crate::model::sample::sample_plan;

    #[test]
    fn what_luoshi_wrote_takes_the_fast_pass_and_anything_odd_does_not() {
        let mut plan = sample_plan(2026);
        let text = write_plan(&plan, "2026-06-30T00:00:00Z", "t").unwrap();
        assert!(restore_whole(&text).is_some());
        // Duplicate ids are repaired in the fast pass too.
        plan.tasks[1].id = plan.tasks[0].id.clone();
        let dup = write_plan(&plan, "2026-06-30T00:00:00Z", "t").unwrap();
        let fast = restore_whole(&dup).expect("fast");
        assert!(!fast.problems.is_empty());
        // An unknown field, an older version, a bad value: item by item.
        let unknown = text.replacen("\"title\"", "\"新字段\":1,\"title\"", 1);
        assert!(restore_whole(&unknown).is_none());
        let older = text.replacen(
            &format!("\"version\":{CURRENT_VERSION}"),
            "\"version\":2",
            1,
        );
        assert_ne!(older, text);
        assert!(restore_whole(&older).is_none());
        let bad = text.replacen("\"percent\":", "\"percent\":-", 1);
        assert!(restore_whole(&bad).is_none());
        assert!(restore_plan(&bad).is_ok());
    }
}
