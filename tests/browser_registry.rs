//! The registry page (units and areas) in headless Chromium
//! (wasm-bindgen-test): mounted over a small plan with a fixed date and the
//! confirmation dialog, driven through `data-testid`s, and checked against
//! the plan in the app state — including that one undo reverts a
//! reassignment whole. The page's rules are also called directly.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use luoshi::model::ops::Op;
use luoshi::model::plan::{Area, Plan, Unit, UnitKind};
use luoshi::model::registry as rules;
use luoshi::model::task::Task;
use luoshi::ui::clock::Today;
use luoshi::ui::ledger::page::LedgerPage;
use luoshi::ui::registry::page::RegistryPage;
use luoshi::ui::shell::confirm_dialog::ConfirmDialog;
use luoshi::ui::state::{AppState, Change};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unit(id: &str, name: &str, short: &str, kind: UnitKind, leader: &str) -> Unit {
    Unit {
        id: id.into(),
        name: name.into(),
        short_name: short.into(),
        kind,
        leader: leader.into(),
    }
}

fn area(id: &str, name: &str, order: u32) -> Area {
    Area {
        id: id.into(),
        name: name.into(),
        order,
    }
}

fn task(id: &str, title: &str, area: Option<&str>, lead: &str, support: &[&str]) -> Task {
    let mut t = Task::new(id, title);
    t.area = area.map(str::to_string);
    t.lead_unit = Some(lead.into());
    t.support_units = support.iter().map(|s| s.to_string()).collect();
    t
}

/// Four units (u4 unused), three areas (a3 unused) and three tasks:
/// u1 leads t1 and supports t1a and t2; u2 leads t1a and supports t1.
fn fixture() -> Plan {
    let mut plan = Plan::empty(2026);
    plan.units = vec![
        unit(
            "u1",
            "区委办公室",
            "区委办",
            UnitKind::PartyDepartment,
            "张明",
        ),
        unit(
            "u2",
            "区委组织部",
            "组织部",
            UnitKind::PartyDepartment,
            "李华",
        ),
        unit(
            "u3",
            "区发展改革委",
            "发改委",
            UnitKind::GovernmentDepartment,
            "王强",
        ),
        unit("u4", "区档案馆", "", UnitKind::Other, ""),
    ];
    plan.areas = vec![
        area("a1", "党的建设", 1),
        area("a2", "经济发展", 2),
        area("a3", "社会治理", 3),
    ];
    let mut child = task("t1a", "落实基层党建责任制", Some("a1"), "u2", &["u1", "u3"]);
    child.parent = Some("t1".into());
    plan.tasks = vec![
        task("t1", "加强党的建设", Some("a1"), "u1", &["u2"]),
        child,
        task("t2", "推动高质量发展", Some("a2"), "u3", &["u1"]),
    ];
    plan
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element attached to the body, to mount into.
fn host() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn state_with(plan: Plan) -> AppState {
    AppState::new(
        plan,
        "luoshi.plan".to_string(),
        Today {
            date: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            simulated: true,
            problem: None,
        },
        None,
        Some(luoshi::store::Synced::default()),
        None,
    )
}

/// The registry page with the ledger beside it (to see renames arrive) and
/// the confirmation dialog, after the first render.
async fn mount_registry(
    plan: Plan,
) -> (
    web_sys::HtmlElement,
    AppState,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let root = host();
    let state = state_with(plan);
    let handle = mount_to(root.clone(), move || {
        provide_context(state);
        view! { <RegistryPage /> <LedgerPage /> <ConfirmDialog /> }
    });
    settle().await;
    (root, state, handle)
}

/// Lets the page catch up: a view that appears after an event (an editor,
/// a panel) sets its reactive properties, such as an input's value, one
/// microtask after it is built.
async fn settle() {
    tick().await;
    tick().await;
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn present(root: &web_sys::HtmlElement, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .is_some()
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    find(root, selector).click();
}

fn unit_row(id: &str) -> String {
    format!("[data-testid='unit-row'][data-unit-id='{id}']")
}

fn area_row(id: &str) -> String {
    format!("[data-testid='registry-area-row'][data-area-id='{id}']")
}

/// Types `value` into a field (or picks it in a select) as a user would:
/// the value changes, then the `input` or `change` event fires.
fn fill(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let el = find(root, selector);
    js_sys::Reflect::set(&el, &"value".into(), &value.into()).unwrap();
    let kind = if el.tag_name().eq_ignore_ascii_case("select") {
        "change"
    } else {
        "input"
    };
    let event = document().create_event("Event").unwrap();
    event.init_event_with_bubbles(kind, true);
    el.dispatch_event(&event).unwrap();
}

fn unit_ids(state: &AppState) -> Vec<String> {
    state
        .doc
        .plan()
        .with_untracked(|p| p.units.iter().map(|u| u.id.clone()).collect())
}

fn row_ids(root: &web_sys::HtmlElement, testid: &str, attr: &str) -> Vec<String> {
    all(root, &format!("[data-testid='{testid}']"))
        .iter()
        .filter_map(|r| r.get_attribute(attr))
        .collect()
}

type Assignment = (String, Option<String>, Vec<String>);

/// Lead and support units of every task, in plan order.
fn assignments_in(plan: &Plan) -> Vec<Assignment> {
    plan.tasks
        .iter()
        .map(|t| (t.id.0.clone(), t.lead_unit.clone(), t.support_units.clone()))
        .collect()
}

fn assignments(state: &AppState) -> Vec<Assignment> {
    state.doc.plan().with_untracked(assignments_in)
}

#[wasm_bindgen_test]
async fn units_show_in_registry_order_with_their_task_counts() {
    let (root, _state, _handle) = mount_registry(fixture()).await;
    assert_eq!(
        row_ids(&root, "unit-row", "data-unit-id"),
        ["u1", "u2", "u3", "u4"]
    );
    let first = text(&root, &unit_row("u1"));
    for part in ["区委办公室", "区委办", "区委部门", "张明"] {
        assert!(first.contains(part), "{first}");
    }
    assert!(text(&root, &unit_row("u3")).contains("政府部门"));
    let counts = |id: &str| {
        (
            text(
                &root,
                &format!("{} [data-testid='unit-lead-count']", unit_row(id)),
            ),
            text(
                &root,
                &format!("{} [data-testid='unit-support-count']", unit_row(id)),
            ),
        )
    };
    assert_eq!(counts("u1"), ("1".into(), "2".into()));
    assert_eq!(counts("u2"), ("1".into(), "1".into()));
    assert_eq!(counts("u4"), ("0".into(), "0".into()));
}

#[wasm_bindgen_test]
async fn adding_a_unit_puts_it_last_and_one_undo_removes_it() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    fill(
        &root,
        "[data-testid='add-unit'] [data-testid='unit-name-input']",
        " 区委宣传部 ",
    );
    fill(
        &root,
        "[data-testid='add-unit'] [data-testid='unit-short-input']",
        "宣传部",
    );
    fill(
        &root,
        "[data-testid='add-unit'] [data-testid='unit-kind-select']",
        "party_department",
    );
    fill(
        &root,
        "[data-testid='add-unit'] [data-testid='unit-leader-input']",
        "赵敏",
    );
    click(&root, "[data-testid='add-unit-submit']");
    settle().await;

    let added = state
        .doc
        .plan()
        .with_untracked(|p| p.units.last().cloned())
        .unwrap();
    assert_eq!(added.name, "区委宣传部");
    assert_eq!(added.short_name, "宣传部");
    assert_eq!(added.kind, UnitKind::PartyDepartment);
    assert_eq!(added.leader, "赵敏");
    assert_eq!(added.id.len(), 11, "a fresh random id");
    assert_eq!(
        row_ids(&root, "unit-row", "data-unit-id").last(),
        Some(&added.id)
    );
    assert!(text(&root, &unit_row(&added.id)).contains("区委宣传部"));
    // The form is empty again, ready for the next unit.
    let input: web_sys::HtmlInputElement = find(
        &root,
        "[data-testid='add-unit'] [data-testid='unit-name-input']",
    )
    .unchecked_into();
    assert_eq!(input.value(), "");
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("新增单位“区委宣传部”")
    );

    state.dispatch(Change::Undo).unwrap();
    settle().await;
    assert_eq!(unit_ids(&state), ["u1", "u2", "u3", "u4"]);
    assert_eq!(all(&root, "[data-testid='unit-row']").len(), 4);
}

#[wasm_bindgen_test]
async fn a_unit_without_a_name_or_with_a_taken_one_is_not_saved() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    click(&root, "[data-testid='add-unit-submit']");
    settle().await;
    assert_eq!(
        text(&root, "[data-testid='unit-name-error']"),
        "请填写单位名称"
    );
    fill(
        &root,
        "[data-testid='add-unit'] [data-testid='unit-name-input']",
        "区委组织部",
    );
    settle().await;
    assert!(
        !present(&root, "unit-name-error"),
        "typing clears the message"
    );
    click(&root, "[data-testid='add-unit-submit']");
    settle().await;
    assert!(text(&root, "[data-testid='unit-name-error']").contains("已有名为“区委组织部”的单位"));
    assert_eq!(unit_ids(&state), ["u1", "u2", "u3", "u4"]);
    assert!(
        state.doc.undo_label().get_untracked().is_none(),
        "nothing was changed"
    );

    // Editing a unit may keep its own name, but not take another's.
    click(
        &root,
        &format!("{} [data-testid='edit-unit']", unit_row("u2")),
    );
    settle().await;
    fill(
        &root,
        "[data-testid='unit-editor'] [data-testid='unit-name-input']",
        "区委办公室",
    );
    click(&root, "[data-testid='save-unit']");
    settle().await;
    assert!(text(
        &root,
        "[data-testid='unit-editor'] [data-testid='unit-name-error']"
    )
    .contains("已有名为“区委办公室”的单位"));
    assert_eq!(
        state.doc.plan().with_untracked(|p| p.unit_name("u2")),
        "区委组织部"
    );
}

#[wasm_bindgen_test]
async fn renaming_a_unit_shows_the_new_name_in_the_ledger_at_once() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    assert!(text(&root, "[data-task-id='t1'] .col-support").contains("区委组织部"));
    click(
        &root,
        &format!("{} [data-testid='edit-unit']", unit_row("u2")),
    );
    settle().await;
    let input: web_sys::HtmlInputElement = find(
        &root,
        "[data-testid='unit-editor'] [data-testid='unit-name-input']",
    )
    .unchecked_into();
    assert_eq!(
        input.value(),
        "区委组织部",
        "the editor starts from the unit"
    );
    fill(
        &root,
        "[data-testid='unit-editor'] [data-testid='unit-name-input']",
        "中共××区委组织部",
    );
    fill(
        &root,
        "[data-testid='unit-editor'] [data-testid='unit-leader-input']",
        "周红",
    );
    click(&root, "[data-testid='save-unit']");
    settle().await;

    assert!(!present(&root, "unit-editor"), "the editor closes");
    let renamed = state
        .doc
        .plan()
        .with_untracked(|p| p.unit("u2").cloned())
        .unwrap();
    assert_eq!(
        (renamed.name.as_str(), renamed.leader.as_str()),
        ("中共××区委组织部", "周红")
    );
    assert_eq!(renamed.short_name, "组织部", "fields left alone stay");
    assert!(text(&root, &unit_row("u2")).contains("中共××区委组织部"));
    assert!(text(&root, "[data-task-id='t1'] .col-support").contains("中共××区委组织部"));
    assert!(text(&root, "[data-task-id='t1a'] .col-lead").contains("中共××区委组织部"));
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("将单位“区委组织部”改名为“中共××区委组织部”")
    );
    // Tasks keep naming the unit by id.
    assert_eq!(assignments(&state), assignments_in(&fixture()));
}

#[wasm_bindgen_test]
async fn moving_units_up_and_down_reorders_the_registry() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    let first_up: web_sys::HtmlButtonElement = find(
        &root,
        &format!("{} [data-testid='unit-up']", unit_row("u1")),
    )
    .unchecked_into();
    assert!(first_up.disabled(), "the first unit cannot go up");
    let last_down: web_sys::HtmlButtonElement = find(
        &root,
        &format!("{} [data-testid='unit-down']", unit_row("u4")),
    )
    .unchecked_into();
    assert!(last_down.disabled(), "the last unit cannot go down");

    click(
        &root,
        &format!("{} [data-testid='unit-down']", unit_row("u1")),
    );
    settle().await;
    assert_eq!(unit_ids(&state), ["u2", "u1", "u3", "u4"]);
    assert_eq!(
        row_ids(&root, "unit-row", "data-unit-id"),
        ["u2", "u1", "u3", "u4"]
    );
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("下移单位“区委办公室”")
    );

    click(
        &root,
        &format!("{} [data-testid='unit-up']", unit_row("u4")),
    );
    settle().await;
    assert_eq!(unit_ids(&state), ["u2", "u1", "u4", "u3"]);
    assert_eq!(
        row_ids(&root, "unit-row", "data-unit-id"),
        ["u2", "u1", "u4", "u3"]
    );
    assert!(
        text(&root, &unit_row("u4")).starts_with('3'),
        "numbered by place"
    );
}

#[wasm_bindgen_test]
async fn deleting_an_unused_unit_asks_first_and_undo_brings_it_back() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    click(
        &root,
        &format!("{} [data-testid='delete-unit']", unit_row("u4")),
    );
    settle().await;
    assert!(text(&root, "[data-testid='confirm-message']").contains("区档案馆"));
    assert!(!present(&root, "reassign-panel"));
    click(&root, "[data-testid='confirm-cancel']");
    settle().await;
    assert_eq!(unit_ids(&state), ["u1", "u2", "u3", "u4"]);

    click(
        &root,
        &format!("{} [data-testid='delete-unit']", unit_row("u4")),
    );
    settle().await;
    click(&root, "[data-testid='confirm-ok']");
    settle().await;
    assert_eq!(unit_ids(&state), ["u1", "u2", "u3"]);
    assert!(!present(&root, "confirm-dialog"));
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("删除单位“区档案馆”")
    );

    state.dispatch(Change::Undo).unwrap();
    settle().await;
    assert_eq!(unit_ids(&state), ["u1", "u2", "u3", "u4"]);
    assert_eq!(
        row_ids(&root, "unit-row", "data-unit-id"),
        ["u1", "u2", "u3", "u4"]
    );
}

#[wasm_bindgen_test]
async fn deleting_a_used_unit_names_its_tasks_and_hands_them_over_in_one_step() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    let before_units = state.doc.plan().with_untracked(|p| p.units.clone());
    let before_tasks = assignments(&state);
    click(
        &root,
        &format!("{} [data-testid='delete-unit']", unit_row("u1")),
    );
    settle().await;
    assert!(!present(&root, "confirm-dialog"), "the panel asks instead");
    let message = text(&root, "[data-testid='reassign-message']");
    for part in [
        "3 项任务",
        "牵头 1 项（“加强党的建设”）",
        "配合 2 项（“落实基层党建责任制”、“推动高质量发展”）",
    ] {
        assert!(message.contains(part), "{message}");
    }
    let offered: Vec<String> = all(&root, "[data-testid='reassign-unit'] option")
        .iter()
        .filter_map(|o| o.get_attribute("value"))
        .collect();
    assert_eq!(offered, ["u2", "u3", "u4"], "every other unit, in order");

    fill(&root, "[data-testid='reassign-unit']", "u2");
    click(&root, "[data-testid='confirm-reassign']");
    settle().await;
    assert!(!present(&root, "reassign-panel"));
    assert_eq!(unit_ids(&state), ["u2", "u3", "u4"]);
    let some = |s: &str| Some(s.to_string());
    let list = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        assignments(&state),
        [
            // u2 supported t1 and now leads it: kept once, as lead.
            ("t1".to_string(), some("u2"), list(&[])),
            // u2 already led t1a: u1's support place is dropped.
            ("t1a".to_string(), some("u2"), list(&["u3"])),
            ("t2".to_string(), some("u3"), list(&["u2"])),
        ]
    );
    assert!(text(&root, "[data-task-id='t1'] .col-lead").contains("区委组织部"));
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("删除单位“区委办公室”（3 项任务改由“区委组织部”承担）")
    );

    state.dispatch(Change::Undo).unwrap();
    settle().await;
    assert_eq!(
        state.doc.plan().with_untracked(|p| p.units.clone()),
        before_units
    );
    assert_eq!(assignments(&state), before_tasks);
    assert_eq!(
        row_ids(&root, "unit-row", "data-unit-id"),
        ["u1", "u2", "u3", "u4"]
    );
}

#[wasm_bindgen_test]
async fn cancelling_a_reassignment_changes_nothing() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    let before = state.doc.plan().get_untracked();
    click(
        &root,
        &format!("{} [data-testid='delete-unit']", unit_row("u3")),
    );
    settle().await;
    assert!(text(&root, "[data-testid='reassign-message']").contains("2 项任务"));
    click(&root, "[data-testid='cancel-reassign']");
    settle().await;
    assert!(!present(&root, "reassign-panel"));
    assert_eq!(state.doc.plan().get_untracked(), before);
}

#[wasm_bindgen_test]
async fn the_address_opens_a_unit_for_editing() {
    let location = web_sys::window().unwrap().location();
    location.set_hash("#/units?edit=u3").unwrap();
    let (root, _state, _handle) = mount_registry(fixture()).await;
    let editor_name = || {
        let input: web_sys::HtmlInputElement = find(
            &root,
            "[data-testid='unit-editor'] [data-testid='unit-name-input']",
        )
        .unchecked_into();
        input.value()
    };
    assert_eq!(editor_name(), "区发展改革委");
    assert_eq!(all(&root, "[data-testid='unit-editor']").len(), 1);

    location.set_hash("#/units?edit=u1").unwrap();
    // The browser fires `hashchange` later; fire one now.
    let event = document().create_event("Event").unwrap();
    event.init_event("hashchange");
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    settle().await;
    assert_eq!(editor_name(), "区委办公室");
    assert_eq!(all(&root, "[data-testid='unit-editor']").len(), 1);
    location.set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn adding_and_renaming_areas() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    assert_eq!(
        row_ids(&root, "registry-area-row", "data-area-id"),
        ["a1", "a2", "a3"]
    );
    fill(
        &root,
        "[data-testid='add-area'] [data-testid='area-name-input']",
        "民生保障",
    );
    click(&root, "[data-testid='add-area-submit']");
    settle().await;
    let added = state
        .doc
        .plan()
        .with_untracked(|p| p.areas.last().cloned())
        .unwrap();
    assert_eq!((added.name.as_str(), added.order), ("民生保障", 4));
    assert_eq!(
        row_ids(&root, "registry-area-row", "data-area-id").last(),
        Some(&added.id)
    );
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("新增领域“民生保障”")
    );

    // A taken name is refused beside the field.
    fill(
        &root,
        "[data-testid='add-area'] [data-testid='area-name-input']",
        "经济发展",
    );
    click(&root, "[data-testid='add-area-submit']");
    settle().await;
    assert!(text(&root, "[data-testid='area-name-error']").contains("已有名为“经济发展”的领域"));
    assert_eq!(state.doc.plan().with_untracked(|p| p.areas.len()), 4);

    click(
        &root,
        &format!("{} [data-testid='rename-area']", area_row("a1")),
    );
    settle().await;
    fill(
        &root,
        "[data-testid='area-editor'] [data-testid='area-name-input']",
        "全面从严治党",
    );
    click(&root, "[data-testid='save-area']");
    settle().await;
    assert!(!present(&root, "area-editor"));
    assert_eq!(
        state.doc.plan().with_untracked(|p| p.areas[0].name.clone()),
        "全面从严治党"
    );
    assert!(text(&root, &area_row("a1")).contains("全面从严治党"));
    assert!(
        text(&root, "[data-testid='area-row']").contains("全面从严治党"),
        "the ledger follows"
    );
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("将领域“党的建设”改名为“全面从严治党”")
    );
}

#[wasm_bindgen_test]
async fn moving_an_area_swaps_orders_in_one_step() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    click(
        &root,
        &format!("{} [data-testid='area-down']", area_row("a1")),
    );
    settle().await;
    let orders = || {
        state.doc.plan().with_untracked(|p| {
            p.areas
                .iter()
                .map(|a| (a.id.clone(), a.order))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(
        orders(),
        [("a1".into(), 2), ("a2".into(), 1), ("a3".into(), 3)]
    );
    assert_eq!(
        row_ids(&root, "registry-area-row", "data-area-id"),
        ["a2", "a1", "a3"]
    );
    state.dispatch(Change::Undo).unwrap();
    settle().await;
    assert_eq!(
        orders(),
        [("a1".into(), 1), ("a2".into(), 2), ("a3".into(), 3)]
    );
    assert_eq!(
        row_ids(&root, "registry-area-row", "data-area-id"),
        ["a1", "a2", "a3"]
    );
}

#[wasm_bindgen_test]
async fn deleting_an_unused_area_asks_first() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    click(
        &root,
        &format!("{} [data-testid='delete-area']", area_row("a3")),
    );
    settle().await;
    assert!(text(&root, "[data-testid='confirm-message']").contains("社会治理"));
    click(&root, "[data-testid='confirm-ok']");
    settle().await;
    assert!(state.doc.plan().with_untracked(|p| p.area("a3").is_none()));
    assert_eq!(
        row_ids(&root, "registry-area-row", "data-area-id"),
        ["a1", "a2"]
    );
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("删除领域“社会治理”")
    );
}

#[wasm_bindgen_test]
async fn deleting_a_used_area_files_its_tasks_elsewhere_and_undo_restores_both() {
    let (root, state, _handle) = mount_registry(fixture()).await;
    let areas = || state.doc.plan().with_untracked(|p| p.areas.clone());
    let before = areas();
    click(
        &root,
        &format!("{} [data-testid='delete-area']", area_row("a1")),
    );
    settle().await;
    assert!(!present(&root, "confirm-dialog"));
    let message = text(&root, "[data-testid='reassign-message']");
    assert!(
        message.contains("2 项任务，其中要点 1 项（“加强党的建设”）"),
        "{message}"
    );
    let offered: Vec<String> = all(&root, "[data-testid='reassign-area'] option")
        .iter()
        .filter_map(|o| o.get_attribute("value"))
        .collect();
    assert_eq!(offered, ["a2", "a3", ""]);

    fill(&root, "[data-testid='reassign-area']", "");
    click(&root, "[data-testid='confirm-reassign']");
    settle().await;
    let areas_of_tasks = || {
        state
            .doc
            .plan()
            .with_untracked(|p| p.tasks.iter().map(|t| t.area.clone()).collect::<Vec<_>>())
    };
    assert_eq!(areas_of_tasks(), [None, None, Some("a2".to_string())]);
    assert!(state.doc.plan().with_untracked(|p| p.area("a1").is_none()));
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("删除领域“党的建设”（2 项任务改为未分领域）")
    );

    state.dispatch(Change::Undo).unwrap();
    settle().await;
    assert_eq!(areas(), before);
    assert_eq!(
        areas_of_tasks(),
        [
            Some("a1".to_string()),
            Some("a1".to_string()),
            Some("a2".to_string())
        ]
    );

    // Handed to another area instead.
    click(
        &root,
        &format!("{} [data-testid='delete-area']", area_row("a1")),
    );
    settle().await;
    fill(&root, "[data-testid='reassign-area']", "a3");
    click(&root, "[data-testid='confirm-reassign']");
    settle().await;
    assert_eq!(
        areas_of_tasks(),
        [
            Some("a3".to_string()),
            Some("a3".to_string()),
            Some("a2".to_string())
        ]
    );
    assert_eq!(
        state.doc.undo_label().get_untracked().as_deref(),
        Some("删除领域“党的建设”（2 项任务改归“社会治理”）")
    );
}

// The page's rules, called directly.

#[wasm_bindgen_test]
fn reassigning_a_unit_never_names_the_successor_twice() {
    let mut plan = fixture();
    // u3 already supports t1 besides u1 leading it.
    plan.tasks[0].support_units = vec!["u3".into(), "u1".into(), "u2".into()];
    plan.tasks[0].lead_unit = Some("u4".into());
    let Op::Batch(ops) = rules::reassign_unit(&plan, "u1", "u3") else {
        panic!("one batch");
    };
    assert_eq!(ops.len(), 4, "three tasks and the removal");
    let Op::PutTask { task, .. } = &ops[0] else {
        panic!("a task first");
    };
    assert_eq!(task.support_units, ["u3", "u2"]);
    assert!(matches!(ops.last(), Some(Op::RemoveUnit(id)) if id == "u1"));
}

#[wasm_bindgen_test]
fn moving_areas_that_share_an_order_renumbers_them() {
    let mut plan = fixture();
    for a in &mut plan.areas {
        a.order = 0;
    }
    let op = rules::move_area(&plan, "a2", true).unwrap();
    luoshi::model::ops::apply(&mut plan, op, "2026-06-30T00:00:00Z").unwrap();
    let shown: Vec<String> = rules::sorted_areas(&plan)
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(shown, ["a2", "a1", "a3"]);
    assert!(
        rules::move_area(&plan, "a2", true).is_none(),
        "already first"
    );
    assert_eq!(rules::next_area_order(&plan), 4);
    assert_eq!(rules::next_area_order(&Plan::empty(2026)), 1);
}

#[wasm_bindgen_test]
fn only_the_units_address_asks_to_edit() {
    assert_eq!(rules::edit_target("#/units?edit=u1").as_deref(), Some("u1"));
    assert_eq!(
        rules::edit_target("#/units?edit=%E5%8C%BA%20a").as_deref(),
        Some("区 a")
    );
    assert_eq!(rules::edit_target("#/ledger?edit=t1"), None);
    assert_eq!(rules::edit_target("#/units"), None);
    assert_eq!(rules::edit_target("#/units?edit="), None);
}

#[wasm_bindgen_test]
fn unit_names_are_required_and_unique() {
    let plan = fixture();
    assert_eq!(
        rules::check_unit_name(&plan, "  ", None),
        Err("请填写单位名称".to_string())
    );
    assert!(rules::check_unit_name(&plan, "区委组织部 ", None).is_err());
    assert_eq!(
        rules::check_unit_name(&plan, " 区委组织部 ", Some("u2")),
        Ok("区委组织部".to_string())
    );
    assert_eq!(
        rules::kind_from_key(rules::kind_key(UnitKind::Township)),
        UnitKind::Township
    );
    assert_eq!(rules::kind_from_key("bogus"), UnitKind::Other);
}
