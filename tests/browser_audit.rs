//! The blind-spot audit page in headless Chromium (wasm-bindgen-test):
//! mounted with a fixed date and plan, checked through `data-testid`s, and
//! followed as the plan and the day change.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use luoshi::model::ops::Op;
use luoshi::model::plan::{Plan, Unit, UnitKind};
use luoshi::model::sample::sample_plan;
use luoshi::model::task::{ProgressUpdate, Status, Task};
use luoshi::ui::audit::page::AuditPage;
use luoshi::ui::clock::Today;
use luoshi::ui::state::{AppState, Change};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn mid_year() -> NaiveDate {
    date(2026, 6, 30)
}

fn today(date: NaiveDate) -> Today {
    Today {
        date,
        simulated: true,
        problem: None,
    }
}

/// A fresh element attached to the body, to mount into.
fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// The audit page over `plan` at mid-year, after its first render.
async fn mount_audit(
    plan: Plan,
) -> (
    web_sys::HtmlElement,
    AppState,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let root = host();
    let state = AppState::new(
        plan,
        // Nothing is saved in these tests; any key will do.
        "luoshi.audit-test".to_string(),
        today(mid_year()),
        None,
        Some(luoshi::store::Synced::default()),
        None,
    );
    let handle = mount_to(root.clone(), move || {
        provide_context(state);
        view! { <AuditPage /> }
    });
    tick().await;
    (root, state, handle)
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

/// The entries of one kind, as (text, href).
fn items(root: &web_sys::HtmlElement, kind: &str) -> Vec<(String, String)> {
    all(
        root,
        &format!("[data-testid='audit-item'][data-kind='{kind}']"),
    )
    .iter()
    .map(|a| {
        (
            a.text_content().unwrap_or_default(),
            a.get_attribute("href").unwrap_or_default(),
        )
    })
    .collect()
}

/// The count shown in the section of one kind.
fn count(root: &web_sys::HtmlElement, kind: &str) -> String {
    root.query_selector(&format!(
        "[data-testid='audit-section'][data-kind='{kind}'] [data-testid='audit-count']"
    ))
    .unwrap()
    .and_then(|e| e.text_content())
    .unwrap_or_else(|| panic!("no section for {kind}"))
}

/// A plan with nothing missing: one registered unit leading one reported
/// task.
fn sound_plan() -> Plan {
    let mut plan = Plan::empty(2026);
    plan.units.push(Unit {
        id: "u-zzb".into(),
        name: "区委组织部".into(),
        short_name: "组织部".into(),
        kind: UnitKind::PartyDepartment,
        leader: "组织部部长".into(),
    });
    let mut t = Task::new("t1", "开展民主评议党员");
    t.lead_unit = Some("u-zzb".into());
    t.leader = "组织部部长".into();
    t.start = Some(date(2026, 1, 1));
    t.due = Some(date(2026, 12, 31));
    t.status = Status::InProgress;
    t.updates.push(ProgressUpdate {
        id: "up1".into(),
        date: date(2026, 6, 1),
        percent: 40,
        progress: "按计划推进".into(),
        problems: String::new(),
        next_steps: String::new(),
        by: "联络员".into(),
    });
    plan.tasks.push(t);
    plan
}

#[wasm_bindgen_test]
async fn sample_plan_lists_idle_units_and_key_tasks_as_links() {
    let plan = sample_plan(2026);
    let first_key = plan
        .tasks
        .iter()
        .find(|t| t.title.starts_with("建立区委决策部署督查台账"))
        .map(|t| t.id.clone())
        .unwrap();
    let (root, _state, _handle) = mount_audit(plan).await;

    assert!(!present(&root, "audit-empty"));
    assert_eq!(all(&root, "[data-testid='audit-item']").len(), 19);
    assert!(root
        .query_selector("[data-testid='audit-total']")
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
        .contains("19"));
    assert_eq!(all(&root, "[data-testid='audit-section']").len(), 6);
    assert_eq!(count(&root, "no-lead-unit"), "0");
    assert_eq!(count(&root, "idle-unit"), "9");
    assert_eq!(count(&root, "key-task-without-milestones"), "10");

    let idle = items(&root, "idle-unit");
    assert!(idle[0].0.contains("区发展改革委"), "{:?}", idle[0]);
    assert!(idle[0].0.contains("不牵头任何任务"), "{:?}", idle[0]);
    assert_eq!(idle[0].1, "#/units?edit=u-fgw");

    let key = items(&root, "key-task-without-milestones");
    assert!(
        key[0].0.starts_with("（一） 3. 建立区委决策部署督查台账"),
        "{:?}",
        key[0]
    );
    assert_eq!(key[0].1, format!("#/ledger?edit={first_key}"));
}

#[wasm_bindgen_test]
async fn a_plan_without_gaps_says_so() {
    let (root, _state, _handle) = mount_audit(sound_plan()).await;
    assert!(present(&root, "audit-empty"));
    assert!(all(&root, "[data-testid='audit-item']").is_empty());
    let text = root
        .query_selector("[data-testid='audit-empty']")
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(text.contains("未发现盲区"), "{text}");
}

#[wasm_bindgen_test]
async fn the_page_follows_edits_to_the_plan() {
    let (root, state, _handle) = mount_audit(sound_plan()).await;
    assert!(present(&root, "audit-empty"));

    // A task led by a unit that is not in the registry, with no leader.
    let mut ghost = Task::new("t 2", "整治四风突出问题");
    ghost.lead_unit = Some("u-ghost".into());
    ghost.due = Some(date(2026, 12, 31));
    ghost.start = Some(date(2026, 7, 1));
    state
        .edit(
            Op::PutTask {
                task: Box::new(ghost),
                at: None,
            },
            "添加任务",
        )
        .unwrap();
    tick().await;

    assert!(!present(&root, "audit-empty"));
    let lead = items(&root, "no-lead-unit");
    assert_eq!(lead.len(), 1);
    assert!(lead[0].0.contains("整治四风突出问题"), "{:?}", lead[0]);
    assert!(
        lead[0].0.contains("u-ghost"),
        "the entry names the unknown id"
    );
    assert_eq!(lead[0].1, "#/ledger?edit=t%202");
    assert_eq!(items(&root, "no-leader").len(), 1);
    assert_eq!(count(&root, "never-reported"), "0", "starts in July");

    state.dispatch(Change::Undo).unwrap();
    tick().await;
    assert!(present(&root, "audit-empty"));
}

#[wasm_bindgen_test]
async fn the_page_follows_the_day() {
    let mut plan = sound_plan();
    plan.tasks[0].updates.clear();
    plan.tasks[0].start = Some(date(2026, 7, 1));
    let (root, state, _handle) = mount_audit(plan).await;
    assert!(present(&root, "audit-empty"), "not started on 06-30");

    state.today.set(today(date(2026, 7, 2)));
    tick().await;
    let never = items(&root, "never-reported");
    assert_eq!(never.len(), 1);
    assert!(
        never[0].0.contains("2026-07-01 启动以来尚无进展报送"),
        "{:?}",
        never[0]
    );
    assert_eq!(never[0].1, "#/ledger?edit=t1");
}
