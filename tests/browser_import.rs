//! The import preview's new parts in headless Chromium: a clash in the
//! outline offers 按本计划/按文件 and records the choice under the task
//! and `merge::STRUCTURE`; a renumbered 督办 record is said in words.
//! And the page's own reading of stored plans (`format::restore_whole`
//! with the page's plain reader, `page_read` in build.rs): a field it does
//! not know, in any object of a plan, sends the plan to the thorough
//! restore instead of being read past and lost at the next save.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use luoshi::model::merge::{preview, Side, STRUCTURE};
use luoshi::model::ops::{apply, Op};
use luoshi::model::package::PackageInfo;
use luoshi::model::task::{SuperviseKind, Supervision};
use luoshi::model::{Plan, Task, TaskId};
use luoshi::ui::sharing::clash_choices::ClashChoices;
use luoshi::ui::sharing::deletions::ImportDeletions;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NOW: &str = "2026-07-25T09:00:00Z";

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

fn moved(plan: &mut Plan, id: &str, under: &str) {
    let mut t = plan.task(id).unwrap().clone();
    t.parent = Some(under.into());
    apply(
        plan,
        Op::PutTask {
            task: Box::new(t),
            at: None,
        },
        NOW,
    )
    .unwrap();
}

fn supervised(mut t: Task, id: &str) -> Task {
    t.supervisions.push(Supervision {
        id: id.into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        kind: SuperviseKind::Supervise,
        note: "加快进度".into(),
        reply_due: None,
        number: Some(1),
    });
    t
}

#[wasm_bindgen_test]
async fn a_loop_in_the_outline_is_a_choice_and_a_renumbering_is_said() {
    let mut office = Plan::empty(2026);
    office.tasks = vec![
        supervised(Task::new("a", "甲"), "s-office"),
        Task::new("b", "乙"),
    ];
    let mut unit = office.clone();
    unit.package = Some(PackageInfo {
        unit: "u".into(),
        unit_name: "某单位".into(),
        plan_title: office.title.clone(),
        sent_at: NOW.into(),
        base: office.tasks.clone(),
    });
    moved(&mut office, "a", "b");
    moved(&mut unit, "b", "a");
    let mut t = unit.task("b").unwrap().clone();
    t = supervised(t, "s-unit");
    apply(
        &mut unit,
        Op::PutTask {
            task: Box::new(t),
            at: None,
        },
        NOW,
    )
    .unwrap();
    let pv = preview(&office, &unit);
    let choices = RwSignal::new(HashMap::<(TaskId, String), Side>::new());
    let root = host();
    let (clashes, shown) = (pv.clashes.clone(), pv.clone());
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <ClashChoices clashes=clashes.clone() choices=choices />
            <ImportDeletions preview=shown.clone() />
        }
    });
    tick().await;
    let clash = root
        .query_selector("[data-testid='structure-conflict']")
        .unwrap()
        .expect("the loop is shown");
    assert!(clash.text_content().unwrap().contains("按文件"));
    let theirs: web_sys::HtmlElement = clash
        .query_selector("[data-testid='choose-theirs']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    theirs.click();
    tick().await;
    let key = (TaskId::from("a"), STRUCTURE.to_string());
    assert_eq!(
        choices.with_untracked(|m| m.get(&key).copied()),
        Some(Side::Theirs)
    );
    let renumbered = root
        .query_selector("[data-testid='import-renumbered']")
        .unwrap()
        .expect("the renumbering is shown")
        .text_content()
        .unwrap();
    assert_eq!(
        renumbered,
        "督字〔2026〕1号 本计划已有，导入后改为 督字〔2026〕2号"
    );
}

/// Every kind of object a stored plan holds, each at least once: the
/// sample plan with a package, a deletion, a problem, a notice counter and
/// each kind of task record and log entry added where it has none.
fn plan_with_every_object() -> serde_json::Value {
    let plan = luoshi::model::sample::sample_plan(2026);
    let text = luoshi::store::serialize(&plan, NOW).expect("writes");
    let mut root: serde_json::Value = serde_json::from_str(&text).expect("reads");
    let p = &mut root["plan"];
    let first = p["tasks"][0].clone();
    p["package"] = serde_json::json!({"unit": "u1", "unit_name": "区委办", "base": [first]});
    p["deleted"] = serde_json::json!([{"id": "gone", "kind": "task"}]);
    p["problems"] = serde_json::json!([{"id": "p1", "description": "问题", "tasks": []}]);
    p["notice_counters"] = serde_json::json!([{"year": 2026, "kind": "supervise", "last": 3}]);
    let t = &mut p["tasks"][1];
    t["updates"] =
        serde_json::json!([{"id": "r1", "date": "2026-03-01", "percent": 10, "progress": "进展"}]);
    t["extensions"] = serde_json::json!([{"id": "e1", "date": "2026-03-02", "previous_due": "2026-06-30", "new_due": "2026-09-30", "reason": "原因"}]);
    t["milestones"] = serde_json::json!([{"id": "m1", "title": "节点", "due": "2026-04-30"}]);
    t["supervisions"] =
        serde_json::json!([{"id": "s1", "date": "2026-03-03", "kind": "chase", "note": "催办"}]);
    t["closing"] = serde_json::json!({"date": "2026-05-01", "note": "办结"});
    t["log"] = serde_json::json!([{"id": "l1", "at": NOW, "what": "修改"}]);
    root
}

/// The path of every object in `v`.
fn object_paths(v: &serde_json::Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        serde_json::Value::Object(map) => {
            out.push(at.clone());
            for (k, x) in map {
                at.push(k.clone());
                object_paths(x, at, out);
                at.pop();
            }
        }
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                at.push(i.to_string());
                object_paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn object_at<'a>(
    v: &'a mut serde_json::Value,
    path: &[String],
) -> &'a mut serde_json::Map<String, serde_json::Value> {
    let mut here = v;
    for seg in path {
        here = match here {
            serde_json::Value::Array(items) => &mut items[seg.parse::<usize>().expect("index")],
            other => &mut other[seg.as_str()],
        };
    }
    here.as_object_mut().expect("an object")
}

#[wasm_bindgen_test]
fn the_page_sends_a_stored_plan_with_an_unknown_field_anywhere_to_the_thorough_restore() {
    let root = plan_with_every_object();
    let text = serde_json::to_string(&root).expect("writes");
    let whole = luoshi::format::restore_whole(&text).expect("the plan as written reads at once");
    assert!(whole.problems.is_empty(), "{:?}", whole.problems);
    assert!(whole.plan.package.is_some() && !whole.plan.deleted.is_empty());
    let mut paths = Vec::new();
    object_paths(&root, &mut Vec::new(), &mut paths);
    // Each kind of object is among them (so each type is checked).
    for key in [
        "package",
        "deleted",
        "problems",
        "notice_counters",
        "updates",
        "extensions",
        "milestones",
        "supervisions",
        "closing",
        "log",
        "settings",
        "areas",
        "units",
        "tasks",
        "base",
    ] {
        assert!(
            paths.iter().any(|p| p.iter().any(|s| s == key)),
            "no object under {key}"
        );
    }
    for path in &paths {
        let mut changed = root.clone();
        object_at(&mut changed, path).insert("新版本的字段".into(), serde_json::json!(1));
        let text = serde_json::to_string(&changed).expect("writes");
        assert!(
            luoshi::format::restore_whole(&text).is_none(),
            "an unknown field at {} was read past",
            path.join(".")
        );
    }
}
