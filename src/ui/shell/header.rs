//! The top bar: plan title, the date the app reasons with, navigation,
//! undo and whether the plan is saved. It stays in view when the page
//! scrolls (style/main.css), and publishes its height as `--header-h` so
//! that what is laid under it (the task panel, the ledger's box) lines up
//! however it wraps at each text size.

use crate::model::audit::blind_spot_count_in;
use crate::model::date::format_date;
use crate::model::schedule::Level;
use crate::ui::plans::switcher::PlanSwitcher;
use crate::ui::shell::as_of::AsOfControl;
use crate::ui::shell::undo_buttons::UndoButtons;
use crate::ui::state::{use_app, Page, SaveState};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The top bar's height in CSS pixels when it is one row of brand and one
/// of navigation at the default text size: style/main.css's fallback for
/// `--header-h` (`var(--header-h, 88px)`) says the same.
pub const HEADER_GUESS_PX: f64 = 88.0;

/// Sets `--header-h` on the page's root to the bar's height in CSS pixels
/// once it is laid out and whenever it changes (it wraps onto more rows at
/// large text sizes or in a narrow window). Only from the observer, which
/// reports after the browser's own layout: measuring while the page is
/// being built made the browser lay out the whole page an extra time at
/// start (about 45 ms at 1,000 tasks; until then the stylesheet's guess
/// stands in). Only when it differs from what is in force (the guess
/// included): a custom property written on the root restyles the whole
/// page, and at start that was a second style pass inside the first frame
/// even when the bar was exactly the guessed height (issue 19).
fn publish_height(header: web_sys::HtmlElement) {
    let set = {
        let header = header.clone();
        move || {
            let root = document()
                .document_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(root) = root {
                let style = root.style();
                let now = format!("{}px", header.offset_height());
                let was = style.get_property_value("--header-h").unwrap_or_default();
                let in_force = if was.is_empty() {
                    format!("{HEADER_GUESS_PX}px")
                } else {
                    was
                };
                if now != in_force {
                    let _ = style.set_property("--header-h", &now);
                }
            }
        }
    };
    let on_change = Closure::<dyn FnMut()>::new(set);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_change.as_ref().unchecked_ref()) {
        observer.observe(&header);
    }
    // The bar lasts as long as the page: so do its observer and callback.
    on_change.forget();
}

#[component]
pub fn AppHeader() -> impl IntoView {
    let state = use_app();
    let simulated = move || state.today.with(|t| t.simulated);
    let today_text = move || {
        let date = format_date(state.today_date());
        if simulated() {
            format!("模拟日期 {date}")
        } else {
            format!("今天 {date}")
        }
    };
    let link = move |page: Page, href: &'static str, testid: &'static str, label: &'static str| {
        view! {
            <a
                href=href
                data-testid=testid
                class="nav-link"
                class:active=move || state.nav.page().get() == page
                aria-current=move || (state.nav.page().get() == page).then_some("page")
            >
                {label}
            </a>
        }
    };
    // The count of blind spots beside 盲区排查, so gaps are seen from anywhere.
    let blind_spots = Memo::new(move |_| {
        let today = state.today_date();
        state
            .doc
            .with_index(|index| blind_spot_count_in(index, today))
    });
    // Red and yellow work items: what the supervision page lists.
    let to_supervise = Memo::new(move |_| {
        state.doc.with_index(|index| {
            state.doc.assessments().with(|a| {
                index
                    .work_items()
                    .filter(|&i| {
                        a.get(i)
                            .is_some_and(|a| matches!(a.level, Level::Red | Level::Yellow))
                    })
                    .count()
            })
        })
    });
    let reading = move || state.storage.reading().with(Option::is_some);
    let bar = NodeRef::<leptos::html::Header>::new();
    bar.on_load(publish_height);
    view! {
        <header class="app-header" node_ref=bar>
            <div class="brand">
                <span class="brand-name">"落实"</span>
                <span class="plan-title" data-testid="plan-title">
                    {move || state.doc.plan().with(|p| p.title.clone())}
                </span>
            </div>
            <nav class="nav">
                {link(Page::Dashboard, "#/dashboard", "nav-dashboard", "总览")}
                {link(Page::Ledger, "#/ledger", "nav-ledger", "任务台账")}
                {link(Page::Gantt, "#/gantt", "nav-gantt", "进度计划")}
                <a
                    href="#/audit"
                    data-testid="nav-audit"
                    class="nav-link"
                    class:active=move || state.nav.page().get() == Page::Audit
                    aria-current=move || (state.nav.page().get() == Page::Audit).then_some("page")
                    title="任务缺少牵头单位、时限、责任领导等的盲区"
                >
                    "盲区排查"
                    <span class="nav-count" data-testid="nav-audit-count">{move || blind_spots.get()}</span>
                </a>
                <a
                    href="#/supervision"
                    data-testid="nav-supervision"
                    class="nav-link"
                    class:active=move || matches!(state.nav.page().get(), Page::Supervision | Page::Notice)
                    aria-current=move || (state.nav.page().get() == Page::Supervision).then_some("page")
                    title="逾期和预警事项的督办清单、本期未报送情况"
                >
                    "督办"
                    <span class="nav-count" data-testid="nav-supervision-count">{move || to_supervise.get()}</span>
                </a>
                {link(Page::Problems, "#/problems", "nav-problems", "问题整改")}
                {link(Page::Reports, "#/reports", "nav-reports", "报告")}
                {link(Page::Units, "#/units", "nav-units", "单位与领域")}
                {link(Page::Data, "#/data", "nav-data", "数据管理")}
                {link(Page::Settings, "#/settings", "nav-settings", "设置")}
                <AsOfControl />
            </nav>
            <PlanSwitcher />
            <UndoButtons />
            // While the stored plan is being read nothing is saved: the
            // header says so rather than "saving".
            <span class="save-state" data-testid="save-state" data-state=move || match (reading(), state.storage.save_state().get()) {
                (true, _) => "reading",
                (_, SaveState::Saved) => "saved",
                (_, SaveState::Pending) => "pending",
                (_, SaveState::NotSaved) => "not-saved",
            }>
                {move || match (reading(), state.storage.save_state().get()) {
                    (true, _) => "正在读取…",
                    (_, SaveState::Saved) => "已保存",
                    (_, SaveState::Pending) => "正在保存…",
                    (_, SaveState::NotSaved) => "未保存",
                }}
            </span>
            <span class="today" class:simulated=simulated data-testid="today">
                {today_text}
            </span>
        </header>
    }
}
