//! Component tests in headless Chromium (wasm-bindgen-test): components are
//! mounted into a fresh element with a fixed date and state, driven by
//! clicks, and checked through `data-testid`s.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use luoshi::model::plan::Plan;
use luoshi::model::sample::sample_plan;
use luoshi::store::plans::LEGACY_KEY as PLAN_KEY;
use luoshi::store::{self, Damage, RECOVERY_PREFIX};
use luoshi::ui::clock::Today;
use luoshi::ui::crash_screen;
use luoshi::ui::ledger::page::LedgerPage;
use luoshi::ui::shell::confirm_dialog::ConfirmDialog;
use luoshi::ui::shell::damage_panel::DamagePanel;
use luoshi::ui::shell::undo_buttons::UndoButtons;
use luoshi::ui::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mid_year() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh element attached to the body, to mount into.
fn host() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn state_with(plan: Plan, damage: Option<Damage>) -> AppState {
    AppState::new(
        plan,
        PLAN_KEY.to_string(),
        Today {
            date: mid_year(),
            simulated: true,
            problem: None,
        },
        damage,
        Some(luoshi::store::Synced::default()),
        None,
    )
}

/// Stored text whose only task lacks its title: damaged, partly readable.
const UNTITLED_TASK: &str =
    "{\"format\":\"luoshi/plan\",\"version\":1,\"plan\":{\"tasks\":[{\"id\":\"t1\"}]}}";

/// The damage panel mounted over the sample plan, after its first render.
async fn mount_damage_panel(
    damage: Damage,
) -> (
    web_sys::HtmlElement,
    AppState,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let root = host();
    // As opening damaged data leaves it: the stored value seen, no plan.
    let seen = luoshi::store::Seen::of(Some(&damage.raw));
    let state = state_with(sample_plan(2026), Some(damage));
    state
        .storage
        .synced_to(luoshi::store::Synced { plan: None, seen });
    let handle = mount_to(root.clone(), move || {
        provide_context(state);
        view! { <DamagePanel /> }
    });
    tick().await;
    (root, state, handle)
}

/// What loading `raw` from storage reports as damage.
fn damage_of(raw: &str) -> Damage {
    match store::interpret(Some(raw.to_string())) {
        store::Loaded::Damaged(d) => d,
        other => panic!("expected damage, got {other:?}"),
    }
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn text(root: &web_sys::HtmlElement, testid: &str) -> String {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_else(|| panic!("no element with data-testid {testid}"))
}

fn click(root: &web_sys::HtmlElement, testid: &str) {
    let el: web_sys::HtmlElement = root
        .query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {testid}"))
        .unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn ledger_shows_every_task_with_its_light() {
    let root = host();
    let plan = sample_plan(2026);
    let task_count = plan.tasks.len();
    let state = state_with(plan, None);
    let _handle = mount_to(root.clone(), move || {
        provide_context(state);
        view! { <LedgerPage /> }
    });
    tick().await;

    let rows = all(&root, "[data-testid='task-row']");
    assert_eq!(rows.len(), task_count);
    assert!(rows
        .iter()
        .all(|r| r.get_attribute("data-task-id").is_some()));
    let mut levels: Vec<String> = all(&root, "[data-testid='warning']")
        .iter()
        .filter_map(|w| w.get_attribute("data-level"))
        .collect();
    levels.sort();
    levels.dedup();
    assert_eq!(
        levels,
        [
            "done-late",
            "done-on-time",
            "green",
            "halted",
            "red",
            "yellow"
        ]
    );
    assert!(text(&root, "count-overdue").parse::<usize>().unwrap() > 0);
    assert!(text(&root, "sample-notice").contains("示例"));
    // Numbering follows the hierarchy.
    let first = all(&root, "[data-testid='area-row']")[0]
        .text_content()
        .unwrap();
    assert!(first.starts_with("一、"), "{first}");
}

/// The ledger with the confirmation dialog and the undo buttons, as the app
/// lays them out.
async fn mount_ledger(
    plan: Plan,
) -> (
    web_sys::HtmlElement,
    AppState,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let root = host();
    let state = state_with(plan, None);
    let handle = mount_to(root.clone(), move || {
        provide_context(state);
        view! { <UndoButtons /> <LedgerPage /> <ConfirmDialog /> }
    });
    tick().await;
    (root, state, handle)
}

fn present(root: &web_sys::HtmlElement, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .is_some()
}

#[wasm_bindgen_test]
async fn start_empty_asks_first_and_cancel_keeps_the_sample() {
    let (root, state, _handle) = mount_ledger(sample_plan(2026)).await;
    let tasks = state.doc.plan().with_untracked(|p| p.tasks.len());
    click(&root, "start-empty");
    tick().await;
    // Counted as everywhere else (model::counting): work items and rows.
    let counted = state
        .doc
        .plan()
        .with_untracked(luoshi::model::counting::Counted::of_plan);
    assert!(text(&root, "confirm-message").contains(&counted.describe()));
    assert!(text(&root, "confirm-message").contains(&format!("任务（含要点）{tasks} 项")));
    click(&root, "confirm-cancel");
    tick().await;
    assert!(!present(&root, "confirm-dialog"));
    assert!(state
        .doc
        .plan()
        .with_untracked(|p| p.sample && p.tasks.len() == tasks));
    assert!(!present(&root, "undo"), "nothing happened, nothing to undo");
}

#[wasm_bindgen_test]
async fn start_empty_replaces_sample_with_empty_plan_and_can_be_undone() {
    let (root, state, _handle) = mount_ledger(sample_plan(2026)).await;
    let before = state.doc.plan().get_untracked();
    click(&root, "start-empty");
    tick().await;
    click(&root, "confirm-ok");
    tick().await;
    assert_eq!(text(&root, "count-total"), "0");
    assert!(text(&root, "ledger-empty").contains("还没有任务"));
    assert!(state
        .doc
        .plan()
        .with_untracked(|p| !p.sample && p.tasks.is_empty()));
    assert_eq!(text(&root, "undo"), "撤销：新建空白计划");
    click(&root, "undo");
    tick().await;
    assert!(state
        .doc
        .plan()
        .with_untracked(|p| p.sample && p.tasks == before.tasks));
    assert_eq!(
        all(&root, "[data-testid='task-row']").len(),
        before.tasks.len()
    );
    assert_eq!(text(&root, "redo"), "重做：新建空白计划");
}

#[wasm_bindgen_test]
async fn load_sample_into_an_empty_plan_asks_first() {
    let (root, state, _handle) = mount_ledger(Plan::empty(2026)).await;
    click(&root, "load-sample");
    tick().await;
    assert!(present(&root, "confirm-dialog"));
    click(&root, "confirm-ok");
    tick().await;
    assert!(state
        .doc
        .plan()
        .with_untracked(|p| p.sample && p.tasks.len() > 40));
    assert_eq!(text(&root, "undo"), "撤销：载入示例计划");
}

#[wasm_bindgen_test]
async fn damage_panel_sets_raw_text_aside_before_replacing() {
    let raw = UNTITLED_TASK;
    let damage = damage_of(raw);
    // The damaged text is what storage holds; the screen shows the sample.
    storage().set_item(PLAN_KEY, raw).unwrap();
    let (root, state, _handle) = mount_damage_panel(damage).await;
    assert!(text(&root, "damage-messages").contains("plan.tasks[0]"));
    click(&root, "damage-empty");
    tick().await;
    assert!(state.storage.damage().with_untracked(Option::is_none));
    assert!(state
        .doc
        .plan()
        .with_untracked(|p| p.tasks.is_empty() && !p.sample));
    let s = storage();
    let kept: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(RECOVERY_PREFIX))
        .filter_map(|k| s.get_item(&k).unwrap())
        .map(|v| luoshi::store::codec::unpack(&v).unwrap().into_owned())
        .collect();
    assert!(
        kept.iter().any(|v| v == raw),
        "raw text not set aside: {kept:?}"
    );
    assert!(root
        .query_selector("[data-testid='damage-panel']")
        .unwrap()
        .is_none());
    storage().remove_item(PLAN_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn damage_panel_does_not_replace_data_another_window_changed() {
    let raw = UNTITLED_TASK;
    let damage = damage_of(raw);
    // Since this tab loaded, another window wrote something else.
    storage().set_item(PLAN_KEY, "{\"other\":true}").unwrap();
    let (root, state, _handle) = mount_damage_panel(damage).await;
    click(&root, "damage-empty");
    tick().await;
    assert!(
        state.storage.external_change().get_untracked(),
        "conflict raised"
    );
    assert!(
        state.storage.damage().with_untracked(Option::is_some),
        "still deciding"
    );
    assert!(
        state.doc.plan().with_untracked(|p| p.sample),
        "plan untouched"
    );
    assert_eq!(
        storage().get_item(PLAN_KEY).unwrap().as_deref(),
        Some("{\"other\":true}")
    );
    storage().remove_item(PLAN_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn crash_screen_offers_the_stored_data() {
    storage().set_item(PLAN_KEY, "{\"stored\":true}").unwrap();
    crash_screen::show("测试用的错误");
    let screen = document()
        .get_element_by_id("crash-screen")
        .expect("crash screen shown");
    assert!(screen
        .text_content()
        .unwrap()
        .contains("数据仍在本机浏览器中"));
    let link: web_sys::HtmlAnchorElement = screen
        .query_selector("[data-testid='crash-download']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(link.href().starts_with("blob:"), "{}", link.href());
    assert!(!link.download().is_empty());
    screen.remove();
    storage().remove_item(PLAN_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn a_change_while_paused_is_not_written_even_where_storage_looks_unchanged() {
    use luoshi::model::ops::Op;
    use luoshi::ui::persistence::saving;
    // Storage holds exactly what this tab last synced, so only the pause
    // itself can keep the change from being written.
    let plan = sample_plan(2026);
    let text = store::serialize(&plan, "2026-06-30T08:00:00Z").unwrap();
    storage().set_item(PLAN_KEY, &text).unwrap();
    let state = AppState::new(
        plan.clone(),
        PLAN_KEY.to_string(),
        Today {
            date: mid_year(),
            simulated: true,
            problem: None,
        },
        None,
        Some(luoshi::store::Synced {
            plan: Some(plan),
            seen: luoshi::store::Seen::of(Some(&text)),
        }),
        None,
    );
    state.storage.conflict();
    state
        .edit(Op::ReplacePlan(Box::new(Plan::empty(2026))), "新建空白计划")
        .unwrap();
    saving::save(state);
    assert_eq!(storage().get_item(PLAN_KEY).unwrap(), Some(text.clone()));
    assert!(saving::unsaved(state));
    // With the pause lifted (the user kept this tab's data: storage holds
    // what was synced), the same call writes.
    state.storage.conflict_settled(
        luoshi::store::Synced {
            plan: Some(sample_plan(2026)),
            seen: luoshi::store::Seen::of(Some(&text)),
        },
        None,
    );
    saving::save(state);
    assert_ne!(storage().get_item(PLAN_KEY).unwrap(), Some(text));
    assert!(!saving::unsaved(state));
    storage().remove_item(PLAN_KEY).unwrap();
}
