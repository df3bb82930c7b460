//! Restoring a plan from untrusted text: envelope check → migration by
//! version → lenient restore item by item → reference repair. One bad field
//! or task does not sink the document; each problem is reported with its
//! path. Storage loading and file import share this code.

use crate::format::envelope::{CURRENT_VERSION, PLAN_FORMAT};
use crate::format::error::{Problem, RestoreError, RestoreErrorKind};
use crate::format::items::{restore_item, restore_list};
use crate::format::json::from_text;
use crate::format::migrate::migrate;
use crate::format::repair::{dedupe_ids, fill_record_ids, repair_parents};
use crate::model::plan::{Area, Plan, Unit};
use crate::model::problems::Problem as PlanProblem;
use crate::model::task::Task;
use crate::model::tombstone::{self, Tombstone};
use serde_json::{Map, Value};

/// A plan restored from a document, with what had to be skipped or fixed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
#[cfg_attr(page_read, serde(deny_unknown_fields))]
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
/// (those are reported one by one by the thorough pass). The page reads
/// what it wrote itself with this alone; anything else goes to the
/// worker's thorough pass, whose code the page's wasm does not carry.
pub fn restore_whole(text: &str) -> Option<Restored> {
    let (whole, unknown): (Whole, bool) = from_text(text).ok()?;
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
    // Tombstones one by one too: a bad one is a reported problem, and the
    // rest still keep what they stand for from coming back.
    let deleted_v = obj.remove("deleted");
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
    plan.deleted = restore_list::<Tombstone>(deleted_v, "plan.deleted", problems).0;
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
    // Sorted, one per id: the shape ops keep, whoever wrote the file.
    tombstone::normalize(&mut plan.deleted);
    if plan.id.trim().is_empty() {
        // Derived, like record ids, so the same file gives the same plan.
        plan.id = crate::format::head::plan_id_of(&plan.title, plan.year);
    }
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
