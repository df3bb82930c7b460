//! The plan switcher in the header: which plan is shown, and the actions
//! on whole plans (new, copy to next year, rename, delete).

use crate::model::ops::{Op, PlanInfo};
use crate::model::plan::Plan;
use crate::model::rollover::copy_to_next_year;
use crate::ui::persistence::plans::{add, delete, open};
use crate::ui::state::{use_app, AppState};
use chrono::Datelike;
use leptos::prelude::*;

/// Shows an action's failure where edit failures are shown.
fn report(state: AppState, result: Result<(), String>) {
    if let Err(e) = result {
        state.edit_error.set(Some(format!("操作未完成：{e}")));
    }
}

#[component]
pub fn PlanSwitcher() -> impl IntoView {
    let state = use_app();
    let renaming = RwSignal::new(None::<String>);
    let menu = NodeRef::<leptos::html::Details>::new();
    // The menu closes once an action is chosen.
    let close = move || {
        if let Some(d) = menu.get_untracked() {
            d.set_open(false);
        }
    };
    let current_id = move || state.doc.plan().with(|p| p.id.clone());
    let switch = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if id != current_id() {
            report(state, open(state, &id));
        }
    };
    let new_plan = move |_| {
        close();
        let year = state.today.with_untracked(|t| t.date.year());
        report(state, add(state, Plan::empty(year), "新建计划"));
    };
    let copy_next = move |_| {
        close();
        let next = state.doc.plan().with_untracked(copy_to_next_year);
        // 中止 work is not carried into next year: said before copying, so
        // nothing disappears without the user's knowing.
        let note = state
            .doc
            .plan()
            .with_untracked(|p| crate::model::rollover::stopped_left_out(p).note());
        match note {
            None => report(state, add(state, next, "复制为下一年计划")),
            Some(note) => state.ask(
                "复制为下一年计划",
                format!(
                    "将复制为{}年计划，日期顺延一年，进展、督办和办结记录不带入。{note}",
                    next.year
                ),
                "复制",
                move || report(state, add(state, next.clone(), "复制为下一年计划")),
            ),
        }
    };
    let start_rename = move |_| {
        close();
        renaming.set(Some(state.doc.plan().with_untracked(|p| p.title.clone())));
    };
    // 取消 asks first when the name was changed, as the other forms do.
    let cancel_rename = move || {
        let typed = renaming.get_untracked().unwrap_or_default();
        let current = state.doc.plan().with_untracked(|p| p.title.clone());
        if typed.trim() == current.trim() {
            renaming.set(None);
        } else {
            state.ask_discard("计划名称已修改。", move || renaming.set(None));
        }
    };
    let finish_rename = move || {
        let Some(title) = renaming.get_untracked() else {
            return;
        };
        let title = title.trim().to_string();
        if title.is_empty() {
            state.edit_error.set(Some("计划名称不能为空".into()));
            return;
        }
        let info = state.doc.plan().with_untracked(|p| PlanInfo {
            title,
            year: p.year,
            issuer: p.issuer.clone(),
        });
        if state.edit(Op::SetInfo(info), "重命名计划").is_ok() {
            renaming.set(None);
        }
    };
    let delete_plan = move |_| {
        close();
        let (id, title, count) = state.doc.plan().with_untracked(|p| {
            (
                p.id.clone(),
                p.title.clone(),
                crate::model::counting::Counted::of_plan(p).describe(),
            )
        });
        state.ask(
            "删除计划",
            format!("计划“{title}”（{count}）将从本机删除。删除前会自动另存一份备份，可在“数据管理”中下载。"),
            "删除计划",
            move || report(state, delete(state, &id)),
        );
    };
    view! {
        <div class="plan-switcher">
            <select data-testid="plan-switcher" aria-label="切换计划" on:change=switch
                prop:value=current_id>
                {move || state.storage.plans().get().plans.into_iter().map(|p| {
                    let selected = p.id == current_id();
                    view! { <option value=p.id.clone() selected=selected>{p.title}</option> }
                }).collect_view()}
                // The plan on screen, before its first save lists it.
                {move || {
                    let listed = state.storage.plans().with(|l| l.entry(&current_id()).is_some());
                    (!listed).then(|| view! {
                        <option value=current_id() selected=true>{move || state.doc.plan().with(|p| p.title.clone())}</option>
                    })
                }}
            </select>
            // Escape closes the open menu and leaves the keyboard on its
            // button, as with any menu.
            <details class="plan-actions" node_ref=menu on:keydown=move |e: leptos::ev::KeyboardEvent| {
                let open = menu.get_untracked().is_some_and(|d| d.open());
                if e.key() == "Escape" && open {
                    e.prevent_default();
                    close();
                    if let Some(summary) = menu.get_untracked().and_then(|d| d.query_selector("summary").ok().flatten()) {
                        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(summary).focus();
                    }
                }
            }>
                <summary data-testid="plan-actions">"计划操作"</summary>
                <div class="plan-actions-menu">
                    <button data-testid="new-plan" on:click=new_plan>"新建空白计划"</button>
                    <button data-testid="new-plan-from-breakdown" on:click=move |_| {
                        close();
                        let _ = window().location().set_hash("#/breakdown");
                    }>"从工作要点生成计划"</button>
                    <button data-testid="copy-plan" on:click=copy_next>"复制为下一年计划"</button>
                    <button data-testid="rename-plan" on:click=start_rename>"重命名"</button>
                    <button data-testid="delete-plan" on:click=delete_plan>"删除本计划"</button>
                </div>
            </details>
            {move || renaming.get().map(|title| view! {
                <form class="rename" on:submit=move |e| { e.prevent_default(); finish_rename(); }>
                    <input data-testid="plan-title-input" aria-label="计划名称" prop:value=title
                        on:input=move |e| renaming.set(Some(event_target_value(&e))) />
                    <button type="submit" data-testid="save-plan-title">"确定"</button>
                    <button type="button" data-testid="cancel-plan-title" on:click=move |_| cancel_rename()>"取消"</button>
                </form>
            })}
        </div>
    }
}
