//! The import preview's new parts in headless Chromium: a clash in the
//! outline offers 按本计划/按文件 and records the choice under the task
//! and `merge::STRUCTURE`; a renumbered 督办 record is said in words.
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
