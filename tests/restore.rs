//! Restoring plans from untrusted text (`format::restore`): the envelope is
//! checked, each item is restored on its own, and every problem names its
//! path in the file and says in Chinese what was done about it.

mod common;

use common::{
    child_of, closed, d, fixture, in_area, is_chinese, led_by, plan_of, reported, span, task, unit,
};
use luoshi::format::{
    restore_plan, write_plan, Problem, RestoreError, RestoreErrorKind, Restored, CURRENT_VERSION,
    PLAN_FORMAT,
};
use luoshi::model::{Milestone, Plan, Status, Supervision, UnitKind};
use serde_json::{json, Value};

fn ok(text: &str) -> Restored {
    restore_plan(text).unwrap_or_else(|e| panic!("expected a plan, got error: {e}"))
}

fn err(text: &str) -> RestoreError {
    match restore_plan(text) {
        Ok(r) => panic!(
            "expected an error, got a plan with {} problems",
            r.problems.len()
        ),
        Err(e) => e,
    }
}

fn paths(r: &Restored) -> Vec<&str> {
    r.problems.iter().map(|p| p.path.as_str()).collect()
}

/// The valid fixture as a JSON value, to break one thing at a time.
fn valid_value() -> Value {
    serde_json::from_str(&fixture("v1_valid.json")).unwrap_or_else(|e| panic!("{e}"))
}

fn restore_value(v: &Value) -> Restored {
    ok(&v.to_string())
}

fn envelope(plan: Value) -> String {
    json!({"format": "luoshi/plan", "version": 1, "plan": plan}).to_string()
}

// ------------------------------------------------------------------- valid

#[test]
fn valid_v1_fixture_restores_without_problems() {
    let r = ok(&fixture("v1_valid.json"));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.version, 1);
    assert_eq!(r.exported_at, "2022-07-01T09:30:00");
    assert_eq!(r.source, "区委办");
    let p = &r.plan;
    // Version 1's generated id "plan-2022" was the same in every office;
    // it is replaced by one derived from the file (see tests/migration.rs).
    assert_eq!((p.title.as_str(), p.year), ("2022年区委工作要点", 2022));
    assert_eq!(p.id.len(), 22);
    assert_eq!(p.areas.len(), 2);
    assert_eq!(p.units.len(), 3);
    assert_eq!(p.unit("u-cb").map(|u| u.kind), Some(UnitKind::Township));
    assert_eq!(p.tasks.len(), 4);
    assert_eq!(
        (
            p.settings.due_soon_days,
            p.settings.behind_share_percent,
            p.settings.report_period_days
        ),
        (10, 60, 31)
    );
}

#[test]
fn valid_v1_fixture_keeps_every_task_record() {
    let r = ok(&fixture("v1_valid.json"));
    let t = r
        .plan
        .task("t-1-1")
        .unwrap_or_else(|| panic!("t-1-1 missing"));
    assert_eq!(t.parent.as_deref(), Some("t-1"));
    assert_eq!(t.due, Some(d("2022-09-30")));
    assert_eq!(t.original_due(), Some(d("2022-06-20")));
    assert_eq!(
        t.milestones
            .iter()
            .map(|m| (m.title.as_str(), m.due, m.done_on))
            .collect::<Vec<_>>(),
        vec![
            ("台账建立", d("2022-03-31"), Some(d("2022-03-25"))),
            ("中期检查", d("2022-06-30"), None),
        ]
    );
    assert_eq!(
        t.supervisions
            .iter()
            .map(|s| (s.date, s.note.as_str(), s.reply_due))
            .collect::<Vec<_>>(),
        vec![(d("2022-06-10"), "请加快进度", Some(d("2022-06-17")))]
    );
    assert_eq!(t.updates.len(), 2);
    assert_eq!(t.latest_update().map(|u| u.percent), Some(60));
    assert!(t.key_task);
    assert_eq!(t.tags, vec!["两件大事"]);
    assert_eq!(t.revision, 3);

    let closed = r
        .plan
        .task("t-1-2")
        .unwrap_or_else(|| panic!("t-1-2 missing"));
    assert_eq!(closed.status, Status::Closed);
    assert_eq!(closed.closed_on(), Some(d("2022-05-28")));
    assert_eq!(
        closed.updates[0].by, "",
        "missing optional text becomes empty"
    );

    let bare = r.plan.task("t-2").unwrap_or_else(|| panic!("t-2 missing"));
    assert_eq!(bare.start, None, "an empty date string means no date");
    assert_eq!(bare.status, Status::NotStarted);
}

#[test]
fn restored_fixture_written_again_restores_equal() {
    let first = ok(&fixture("v1_valid.json"));
    let text = write_plan(&first.plan, "2022-07-02T10:00:00", "区委办").unwrap();
    let second = ok(&text);
    assert!(second.problems.is_empty(), "{:?}", second.problems);
    assert_eq!(second.plan, first.plan);
    assert_eq!(second.version, CURRENT_VERSION);
}

#[test]
fn round_trip_of_a_built_plan_equals_input() {
    let mut t = led_by(
        reported(span("t-1", "2022-01-01", "2022-06-30"), "2022-03-31", 40),
        "u-1",
        "区委副书记",
    );
    t.extend(d("2022-06-01"), d("2022-09-30"), "延期原因");
    t.support_units = vec!["u-2".into()];
    t.detail = "工作要求：\"引号\"、<b>标签</b>、换行\n第二行".into();
    t.tags = vec!["疏解整治促提升".into()];
    t.recurrence = Some(luoshi::model::recurrence::Recurrence::Monthly);
    t.recurrence_note = "每月第一周".into();
    t.status_note = "等待规划批复".into();
    t.key_task = true;
    t.status = Status::Paused;
    t.milestones.push(Milestone {
        id: "m1".into(),
        title: "节点".into(),
        due: d("2024-02-29"),
        done_on: None,
    });
    t.supervisions.push(Supervision {
        id: "s1".into(),
        date: d("2022-05-01"),
        kind: luoshi::model::task::SuperviseKind::Chase,
        note: "催办".into(),
        reply_due: None,
        number: Some(4),
    });
    t.updated_at = "2022-06-01T08:00:00".into();
    t.revision = 7;
    let mut plan = plan_of(vec![
        in_area(t, "a-1"),
        child_of(
            closed(span("t-2", "2022-01-01", "2022-03-01"), "2022-03-05"),
            "t-1",
        ),
        task("t-3"),
    ]);
    plan.units = vec![unit("u-1", "区委办"), unit("u-2", "区委组织部")];
    plan.areas = vec![common::area("a-1", "党的建设", 1)];
    plan.settings.due_soon_days = 3;
    plan.issuer = "中共××区委办公室".into();

    let text = write_plan(&plan, "2022-07-01T00:00:00", "单元测试").unwrap();
    let r = ok(&text);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.plan, plan);
}

#[test]
fn written_envelope_has_format_and_version() {
    let text = write_plan(&Plan::empty(2026), "2026-01-01T00:00:00", "测试").unwrap();
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["format"], PLAN_FORMAT);
    assert_eq!(v["version"], CURRENT_VERSION);
    assert_eq!(v["exported_at"], "2026-01-01T00:00:00");
    assert_eq!(v["source"], "测试");
    assert_eq!(v["plan"]["title"], "2026年区委工作要点");
}

#[test]
fn unknown_fields_in_the_plan_are_reported_and_the_envelope_may_carry_extras() {
    // A field this version does not know would be lost on the next save, so
    // it is named; extra envelope fields carry no plan data and pass quietly.
    let mut v = valid_value();
    v["plan"]["tasks"][0]["colour"] = json!("red");
    v["plan"]["extra"] = json!({"anything": [1, 2, 3]});
    v["comment"] = json!("手工添加");
    let r = restore_value(&v);
    assert_eq!(paths(&r), ["plan.extra", "plan.tasks[0].colour"]);
    assert!(r.problems[1].message.contains("无法识别的内容“colour”"));
    assert!(r.problems[1].message.contains("第1项任务"));
    assert_eq!(r.plan.tasks.len(), 4);
}

// --------------------------------------------------------------- envelope

#[test]
fn empty_text_is_an_empty_error() {
    for text in ["", "   ", "\n\t\r\n"] {
        let e = err(text);
        assert_eq!(e.kind, RestoreErrorKind::Empty, "{text:?}");
        assert!(is_chinese(&e.message));
    }
}

#[test]
fn truncated_fixture_is_not_json_with_line_and_column() {
    let e = err(&fixture("truncated.json"));
    assert_eq!(e.kind, RestoreErrorKind::NotJson);
    assert!(
        e.path.starts_with('第') && e.path.contains('行') && e.path.contains('列'),
        "{}",
        e.path
    );
    assert!(e.message.contains("JSON"), "{}", e.message);
    assert!(is_chinese(&e.message));
    assert!(e.to_string().contains("位置："), "{e}");
}

#[test]
fn wrong_format_tag_is_not_luoshi() {
    let e = err(&fixture("wrong_format.json"));
    assert_eq!(e.kind, RestoreErrorKind::NotLuoshi);
    assert!(e.message.contains("luoshi/plan"), "{}", e.message);
    assert!(is_chinese(&e.message));
}

#[test]
fn missing_or_non_text_format_tag_is_not_luoshi() {
    for v in [
        json!({"version": 1, "plan": {}}),
        json!({"format": 1, "version": 1, "plan": {}}),
    ] {
        assert_eq!(err(&v.to_string()).kind, RestoreErrorKind::NotLuoshi, "{v}");
    }
}

#[test]
fn another_luoshi_format_is_named_in_the_message() {
    let e = err(&json!({"format": "luoshi/units", "version": 1}).to_string());
    assert_eq!(e.kind, RestoreErrorKind::NotLuoshi);
    assert_eq!(e.path, "format");
    assert!(e.message.contains("luoshi/units"), "{}", e.message);
}

#[test]
fn newer_version_is_refused_and_message_mentions_the_version() {
    let e = err(&fixture("v99_newer.json"));
    assert_eq!(e.kind, RestoreErrorKind::NewerVersion);
    assert_eq!(e.path, "version");
    assert!(e.message.contains("99"), "{}", e.message);
    assert!(
        e.message.contains(&CURRENT_VERSION.to_string()),
        "{}",
        e.message
    );
    assert!(e.message.contains("升级"), "{}", e.message);
}

#[test]
fn unusable_version_numbers_are_unknown_version() {
    for version in [
        json!(0),
        json!(-1),
        json!(1.5),
        json!("1"),
        json!(null),
        json!([1]),
    ] {
        let text = json!({"format": "luoshi/plan", "version": version, "plan": {}}).to_string();
        let e = err(&text);
        assert_eq!(
            e.kind,
            RestoreErrorKind::UnknownVersion,
            "version {version}"
        );
        assert!(is_chinese(&e.message));
    }
    let no_version = json!({"format": "luoshi/plan", "plan": {}}).to_string();
    assert_eq!(err(&no_version).kind, RestoreErrorKind::UnknownVersion);
}

#[test]
fn missing_or_non_object_plan_is_no_plan() {
    for plan in [
        None,
        Some(json!(null)),
        Some(json!([])),
        Some(json!("计划")),
    ] {
        let mut v = json!({"format": "luoshi/plan", "version": 1});
        if let Some(p) = plan.clone() {
            v["plan"] = p;
        }
        let e = err(&v.to_string());
        assert_eq!(e.kind, RestoreErrorKind::NoPlan, "plan {plan:?}");
        assert_eq!(e.path, "plan");
    }
}

#[test]
fn non_object_root_fixture_is_not_luoshi() {
    let e = err(&fixture("non_object_root.json"));
    assert_eq!(e.kind, RestoreErrorKind::NotLuoshi);
    assert!(is_chinese(&e.message));
    for text in ["null", "42", "\"luoshi/plan\"", "true", "[]"] {
        assert_eq!(err(text).kind, RestoreErrorKind::NotLuoshi, "{text}");
    }
}

#[test]
fn hostile_deeply_nested_fixture_is_refused_without_overflow() {
    let e = err(&fixture("deeply_nested.json"));
    assert_eq!(e.kind, RestoreErrorKind::NotJson);
}

#[test]
fn moderately_nested_junk_in_one_field_only_drops_that_field() {
    let mut v = valid_value();
    let mut junk = json!("底");
    for _ in 0..100 {
        junk = json!([junk]);
    }
    v["plan"]["tasks"][2]["detail"] = junk;
    let r = restore_value(&v);
    assert_eq!(paths(&r), vec!["plan.tasks[2].detail"]);
    let t = &r.plan.tasks[2];
    assert_eq!(t.id, "t-1-2");
    assert_eq!(t.detail, "");
    assert_eq!(t.status, Status::Closed);
}

#[test]
fn many_bad_elements_in_one_list_terminate_and_are_reported() {
    let mut v = valid_value();
    v["plan"]["tasks"][3]["tags"] = Value::Array((0..1000).map(|i| json!(i)).collect());
    let r = restore_value(&v);
    assert!(!r.problems.is_empty());
    assert_eq!(
        &paths(&r)[..3],
        &[
            "plan.tasks[3].tags[0]",
            "plan.tasks[3].tags[1]",
            "plan.tasks[3].tags[2]"
        ]
    );
    assert!(
        r.problems
            .iter()
            .all(|p| p.path.starts_with("plan.tasks[3]")),
        "{:?}",
        paths(&r)
    );
    assert!(r.plan.task("t-1-1").is_some(), "other tasks are untouched");
    assert!(r.plan.task("t-1-2").is_some());
}

// ----------------------------------------------------------- item by item

#[test]
fn bad_date_fixture_reports_the_path_and_keeps_the_rest_of_the_task() {
    let r = ok(&fixture("v1_bad_date.json"));
    assert_eq!(paths(&r), vec!["plan.tasks[1].due"]);
    let message = &r.problems[0].message;
    assert!(message.contains("2022-02-30"), "{message}");
    assert!(message.contains("已忽略该字段"), "{message}");

    let mut expected = ok(&fixture("v1_valid.json")).plan;
    expected.tasks[1].due = None;
    assert_eq!(r.plan, expected, "only the bad due date is gone");
}

#[test]
fn missing_id_fixture_skips_only_that_task() {
    let r = ok(&fixture("v1_missing_id.json"));
    assert_eq!(paths(&r), vec!["plan.tasks[1]"]);
    let message = &r.problems[0].message;
    assert!(message.contains("缺少必填内容“id”"), "{message}");
    assert!(message.contains("已跳过这一项"), "{message}");
    let ids: Vec<&str> = r.plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, vec!["t-1", "t-1-2", "t-2"]);
}

#[test]
fn parent_cycle_fixture_is_broken_at_one_task_and_nothing_is_lost() {
    let r = ok(&fixture("v1_parent_cycle.json"));
    assert_eq!(paths(&r), vec!["plan.tasks[0].parent"]);
    assert!(
        r.problems[0].message.contains("循环"),
        "{}",
        r.problems[0].message
    );
    // Breaking the loop at t-1 leaves t-1-1 under t-1 and t-1-2 under
    // t-1-1, as the file says; nothing else changes.
    let mut expected = ok(&fixture("v1_valid.json")).plan;
    expected.tasks[2].parent = Some("t-1-1".into());
    assert_eq!(r.plan, expected);
}

#[test]
fn duplicate_ids_fixture_renames_the_later_one() {
    let r = ok(&fixture("v1_duplicate_ids.json"));
    assert_eq!(paths(&r), vec!["plan.tasks[3].id"]);
    let message = &r.problems[0].message;
    assert!(
        message.contains("“t-1-1”") && message.contains("“t-1-1-2”"),
        "{message}"
    );
    assert_eq!(r.plan.tasks[1].id, "t-1-1");
    assert_eq!(r.plan.tasks[3].id, "t-1-1-2");
    assert_eq!(r.plan.tasks[3].title, "严格执行三会一课制度");
}

#[test]
fn bad_update_fixture_removes_only_the_bad_updates_and_names_them_as_in_the_file() {
    let r = ok(&fixture("v1_bad_update.json"));
    // The file has four updates; [1] and [3] are bad.
    assert_eq!(
        paths(&r),
        vec![
            "plan.tasks[1].updates[1].percent",
            "plan.tasks[1].updates[3].date"
        ]
    );
    for p in &r.problems {
        assert!(p.message.contains("已跳过这一条记录"), "{}", p.message);
        assert!(is_chinese(&p.message));
    }
    let t = &r.plan.tasks[1];
    let kept: Vec<(String, u8)> = t
        .updates
        .iter()
        .map(|u| (u.date.to_string(), u.percent))
        .collect();
    assert_eq!(
        kept,
        vec![
            ("2022-03-31".to_string(), 30),
            ("2022-06-18".to_string(), 60)
        ]
    );
    let mut expected = ok(&fixture("v1_valid.json")).plan;
    expected.tasks[1].updates = t.updates.clone();
    assert_eq!(
        r.plan, expected,
        "the rest of the task and plan are untouched"
    );
}

#[test]
fn bad_field_is_dropped_and_the_rest_of_the_task_kept() {
    // (field, bad value, problem path, what the field falls back to)
    let cases: &[(&str, Value, &str)] = &[
        (
            "status",
            json!("finished"),
            "取值“finished”无法识别，可用的取值为：not_started（未启动）、in_progress（推进中）、closed（已办结）、paused（暂缓）",
        ),
        (
            "key_task",
            json!("是"),
            "内容应为是/否（true 或 false），实际为文本“是”",
        ),
        ("order", json!(-3), "内容应为不小于 0 的整数，实际为数字 -3"),
        ("start", json!(20220101), "日期应写成"),
        ("due", json!("2022/12/31"), "年-月-日"),
        (
            "support_units",
            json!("u-zzb"),
            "内容应为列表，实际为文本“u-zzb”",
        ),
        ("closing", json!({"note": "无日期"}), "缺少必填内容“date”"),
        (
            "revision",
            json!("三"),
            "内容应为不小于 0 的整数，实际为文本“三”",
        ),
    ];
    for (field, bad, message_part) in cases {
        let mut v = valid_value();
        v["plan"]["tasks"][1][*field] = bad.clone();
        let r = restore_value(&v);
        assert_eq!(paths(&r), vec![format!("plan.tasks[1].{field}")], "{field}");
        let message = &r.problems[0].message;
        assert!(message.contains(message_part), "{field}: {message}");
        assert!(message.contains("已忽略该字段"), "{field}: {message}");
        assert!(
            message.contains("（第2项任务“建立区委决策部署督查台账”）"),
            "{field}: {message}"
        );
        let t = &r.plan.tasks[1];
        assert_eq!(t.id, "t-1-1", "{field}");
        assert_eq!(t.title, "建立区委决策部署督查台账", "{field}");
        assert_eq!(t.updates.len(), 2, "{field}");
        assert_eq!(r.plan.tasks.len(), 4, "{field}");
    }
}

#[test]
fn bad_element_of_a_task_list_is_removed_alone() {
    let cases: &[(&str, usize, Value, &str)] = &[
        (
            "milestones",
            0,
            json!({"title": "无日期"}),
            "plan.tasks[1].milestones[0]",
        ),
        (
            "supervisions",
            0,
            json!({"date": "昨天"}),
            "plan.tasks[1].supervisions[0].date",
        ),
        (
            "extensions",
            0,
            json!({"date": "2022-06-18"}),
            "plan.tasks[1].extensions[0]",
        ),
        ("tags", 0, json!(7), "plan.tasks[1].tags[0]"),
        (
            "support_units",
            0,
            json!(null),
            "plan.tasks[1].support_units[0]",
        ),
    ];
    for (list, index, bad, path) in cases {
        let mut v = valid_value();
        let before = v["plan"]["tasks"][1][*list].as_array().map_or(0, Vec::len);
        v["plan"]["tasks"][1][*list][*index] = bad.clone();
        let r = restore_value(&v);
        assert_eq!(paths(&r), vec![*path], "{list}");
        assert!(
            r.problems[0].message.contains("已跳过这一条记录"),
            "{list}: {}",
            r.problems[0].message
        );
        let t = &r.plan.tasks[1];
        let after = match *list {
            "milestones" => t.milestones.len(),
            "supervisions" => t.supervisions.len(),
            "extensions" => t.extensions.len(),
            "tags" => t.tags.len(),
            _ => t.support_units.len(),
        };
        assert_eq!(after, before - 1, "{list}");
        assert_eq!(t.updates.len(), 2, "{list}");
    }
}

#[test]
fn task_without_title_area_without_name_unit_without_name_are_skipped() {
    let mut v = valid_value();
    v["plan"]["tasks"][3]["title"] = json!(null);
    v["plan"]["areas"][1] = json!({"id": "a-x"});
    v["plan"]["units"][0]["name"] = json!(12);
    let r = restore_value(&v);
    assert_eq!(
        paths(&r),
        vec!["plan.units[0].name", "plan.areas[1]", "plan.tasks[3].title"]
    );
    assert!(
        r.problems
            .iter()
            .all(|p| p.message.contains("已跳过这一项")),
        "{:?}",
        r.problems
    );
    assert_eq!(r.plan.units.len(), 2);
    assert_eq!(r.plan.areas.len(), 1);
    assert_eq!(r.plan.tasks.len(), 3);
}

#[test]
fn list_that_is_not_a_list_is_reported_and_emptied() {
    let mut v = valid_value();
    v["plan"]["tasks"] = json!({"t-1": {}});
    let r = restore_value(&v);
    assert_eq!(paths(&r), vec!["plan.tasks"]);
    assert!(
        r.problems[0].message.contains("应为列表"),
        "{}",
        r.problems[0].message
    );
    assert!(r.plan.tasks.is_empty());
    assert_eq!(r.plan.units.len(), 3, "other lists are kept");
}

#[test]
fn bad_plan_field_keeps_the_rest_of_the_plan() {
    for (field, bad) in [
        ("title", json!(2022)),
        ("id", json!(null)),
        ("year", json!("二〇二二")),
        ("sample", json!("否")),
    ] {
        let mut v = valid_value();
        v["plan"][field] = bad;
        let r = restore_value(&v);
        assert_eq!(paths(&r), vec![format!("plan.{field}")], "{field}");
        assert!(
            r.problems[0].message.contains("已忽略该字段"),
            "{field}: {}",
            r.problems[0].message
        );
        let p = &r.plan;
        if field != "year" {
            assert_eq!(p.year, 2022, "{field}");
        }
        if field != "title" {
            assert_eq!(p.title, "2022年区委工作要点", "{field}");
        }
        assert_eq!(p.issuer, "中共××区委办公室", "{field}");
        assert_eq!(p.settings.due_soon_days, 10, "{field}: settings kept");
        assert_eq!(p.tasks.len(), 4, "{field}");
    }
}

#[test]
fn a_bad_setting_falls_back_to_its_default_and_the_others_are_kept() {
    let mut v = valid_value();
    v["plan"]["settings"]["due_soon_days"] = json!(-1);
    let r = restore_value(&v);
    assert_eq!(paths(&r), vec!["plan.settings.due_soon_days"]);
    let s = &r.plan.settings;
    assert_eq!(
        s.due_soon_days,
        luoshi::model::Settings::default().due_soon_days
    );
    assert_eq!(
        (s.behind_share_percent, s.report_period_days),
        (60, 31),
        "kept"
    );
    assert_eq!(r.plan.title, "2022年区委工作要点");
}

#[test]
fn unknown_parent_becomes_top_level_with_a_problem() {
    let mut v = valid_value();
    v["plan"]["tasks"][2]["parent"] = json!("t-9");
    let r = restore_value(&v);
    assert_eq!(paths(&r), vec!["plan.tasks[2].parent"]);
    assert!(
        r.problems[0].message.contains("“t-9”不存在"),
        "{}",
        r.problems[0].message
    );
    assert_eq!(r.plan.tasks[2].parent, None);
}

#[test]
fn self_parent_becomes_top_level_and_says_so() {
    let mut v = valid_value();
    v["plan"]["tasks"][2]["parent"] = json!("t-1-2");
    let r = restore_value(&v);
    assert_eq!(paths(&r), vec!["plan.tasks[2].parent"]);
    let message = &r.problems[0].message;
    assert!(message.contains("自身"), "{message}");
    assert!(
        !message.contains("不存在"),
        "the parent does exist: {message}"
    );
    assert_eq!(r.plan.tasks[2].parent, None);
}

#[test]
fn paths_after_a_skipped_task_still_point_into_the_file() {
    let text = envelope(json!({
        "tasks": [
            {"id": "a", "title": "甲"},
            {"title": "无编号"},
            {"id": "a", "title": "重复"},
            {"id": "c", "title": "丙", "parent": "missing"}
        ]
    }));
    let r = ok(&text);
    assert_eq!(
        paths(&r),
        vec!["plan.tasks[1]", "plan.tasks[2].id", "plan.tasks[3].parent"]
    );
}

#[test]
fn renamed_duplicate_never_takes_an_id_already_in_the_file() {
    let text = envelope(json!({
        "tasks": [
            {"id": "a", "title": "甲"},
            {"id": "a", "title": "重复"},
            {"id": "a-2", "title": "乙"},
            {"id": "child", "title": "子", "parent": "a-2"}
        ]
    }));
    let r = ok(&text);
    let ids: Vec<&str> = r.plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "a-3", "a-2", "child"]);
    assert_eq!(paths(&r), vec!["plan.tasks[1].id"]);
    assert_eq!(r.plan.task("a-2").map(|t| t.title.as_str()), Some("乙"));
}

#[test]
fn duplicate_area_and_unit_ids_are_renamed_too() {
    let mut v = valid_value();
    v["plan"]["areas"][1]["id"] = json!("a-dj");
    v["plan"]["units"][2]["id"] = json!("u-qwb");
    let r = restore_value(&v);
    assert_eq!(paths(&r), vec!["plan.units[2].id", "plan.areas[1].id"]);
    assert_eq!(r.plan.areas[1].id, "a-dj-2");
    assert_eq!(r.plan.units[2].id, "u-qwb-2");
}

#[test]
fn every_problem_message_is_in_chinese() {
    let fixtures = [
        "v1_bad_date.json",
        "v1_missing_id.json",
        "v1_parent_cycle.json",
        "v1_duplicate_ids.json",
        "v1_bad_update.json",
    ];
    for name in fixtures {
        let r = ok(&fixture(name));
        assert!(!r.problems.is_empty(), "{name}");
        for p in &r.problems {
            assert!(p.path.starts_with("plan."), "{name}: {}", p.path);
            assert!(is_chinese(&p.message), "{name}: {}", p.message);
        }
    }
    let errors = [
        "truncated.json",
        "wrong_format.json",
        "v99_newer.json",
        "deeply_nested.json",
        "non_object_root.json",
    ];
    for name in errors {
        assert!(is_chinese(&err(&fixture(name)).message), "{name}");
    }
}

#[test]
fn problem_and_error_display_put_path_and_message_together() {
    let p = Problem {
        path: "plan.tasks[1].due".into(),
        message: "日期不对".into(),
    };
    assert_eq!(p.to_string(), "plan.tasks[1].due：日期不对");
    let whole = Problem {
        path: String::new(),
        message: "整体".into(),
    };
    assert_eq!(whole.to_string(), "整体");
    let e = RestoreError::new(RestoreErrorKind::NoPlan, "plan", "没有计划");
    assert_eq!(e.to_string(), "没有计划（位置：plan）");
    assert_eq!(
        RestoreError::new(RestoreErrorKind::Empty, "", "空").to_string(),
        "空"
    );
}

#[test]
fn paths_after_removed_records_still_point_into_the_file() {
    // Which of five updates are bad, and the paths that must be reported.
    let cases: &[(&[usize], &[&str])] = &[
        (&[0], &["updates[0].date"]),
        (&[0, 1], &["updates[0].date", "updates[1].date"]),
        (&[1, 3], &["updates[1].date", "updates[3].date"]),
        (
            &[0, 2, 4],
            &["updates[0].date", "updates[2].date", "updates[4].date"],
        ),
        (&[3, 4], &["updates[3].date", "updates[4].date"]),
    ];
    for &(bad, expected) in cases {
        let updates: Vec<Value> = (0..5)
            .map(|i| {
                let date = if bad.contains(&i) {
                    "不是日期".to_string()
                } else {
                    format!("2022-0{}-01", i + 1)
                };
                json!({"date": date, "percent": i * 10})
            })
            .collect();
        let r = ok(&envelope(
            json!({"tasks": [{"id": "a", "title": "甲", "updates": updates}]}),
        ));
        let expected: Vec<String> = expected
            .iter()
            .map(|p| format!("plan.tasks[0].{p}"))
            .collect();
        assert_eq!(paths(&r), expected, "bad {bad:?}");
        let kept: Vec<u8> = r.plan.tasks[0].updates.iter().map(|u| u.percent).collect();
        let want: Vec<u8> = (0..5u8)
            .filter(|i| !bad.contains(&usize::from(*i)))
            .map(|i| i * 10)
            .collect();
        assert_eq!(kept, want, "bad {bad:?}");
    }
}

#[test]
fn bad_records_in_two_lists_of_one_task_are_each_named_by_file_position() {
    let text = envelope(json!({"tasks": [{
        "id": "a",
        "title": "甲",
        "tags": [1, "专项", 2],
        "updates": [{"date": "x", "percent": 1}, {"date": "2022-01-01", "percent": 2}, {"percent": 3}]
    }]}));
    let r = ok(&text);
    assert_eq!(
        paths(&r),
        vec![
            "plan.tasks[0].tags[0]",
            "plan.tasks[0].tags[2]",
            "plan.tasks[0].updates[0].date",
            "plan.tasks[0].updates[2]"
        ]
    );
    assert_eq!(r.plan.tasks[0].tags, vec!["专项"]);
    assert_eq!(r.plan.tasks[0].updates.len(), 1);
}

#[test]
fn progress_outside_zero_to_hundred_drops_that_update_with_the_value_named() {
    let plan = json!({
        "tasks": [{
            "id": "t1",
            "title": "任务",
            "updates": [
                {"date": "2026-03-31", "percent": 40},
                {"date": "2026-04-30", "percent": 140},
                {"date": "2026-05-31", "percent": -5},
                {"date": "2026-06-30", "percent": 62.6}
            ]
        }]
    });
    let r = ok(&envelope(plan));
    let kept: Vec<u8> = r.plan.tasks[0].updates.iter().map(|u| u.percent).collect();
    assert_eq!(kept, [40, 63], "fractions round, out-of-range updates go");
    assert_eq!(
        paths(&r),
        [
            "plan.tasks[0].updates[1].percent",
            "plan.tasks[0].updates[2].percent"
        ]
    );
    assert!(r.problems[0].message.contains("0 到 100") && r.problems[0].message.contains("140"));
    assert!(r.problems[1].message.contains("-5"));
}

#[test]
fn unknown_field_after_a_dropped_record_is_reported_at_its_file_position() {
    let plan = json!({
        "tasks": [{
            "id": "t1",
            "title": "任务",
            "updates": [
                {"date": "坏日期", "percent": 10},
                {"date": "2026-04-30", "percent": 20},
                {"date": "2026-05-31", "percent": 30, "mood": "好"}
            ]
        }]
    });
    let r = ok(&envelope(plan));
    assert_eq!(
        paths(&r),
        [
            "plan.tasks[0].updates[0].date",
            "plan.tasks[0].updates[2].mood"
        ]
    );
}
