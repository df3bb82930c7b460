//! Messages about saving: a failed save (the data stays in the page), a bad
//! `?today=`, and a change made in another tab or window. Resolving a
//! conflict never discards a plan without first copying it aside.

use crate::store::{self, local, Loaded, Synced};
use crate::ui::clock::now_iso;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Shows what storage holds now. This tab's plan is copied aside first, as
/// it may hold a change that could not be saved.
fn load_theirs(state: AppState, error: RwSignal<Option<String>>) {
    error.set(None);
    let raw = match local::read_plan() {
        Ok(raw) => raw,
        Err(e) => return error.set(Some(e.to_string())),
    };
    let loaded = store::interpret(raw.clone());
    let same = matches!(&loaded, Loaded::Plan(p) if state.plan.with_untracked(|mine| mine == p));
    let mine = state
        .plan
        .with_untracked(|p| store::serialize(p, &now_iso()));
    if let (false, Err(e)) = (same, local::set_aside(&mine, &now_iso())) {
        return error.set(Some(format!(
            "无法把本窗口的数据另存备份（{}）。请先到“数据管理”导出数据文件，再载入另一窗口的数据。",
            e.cause()
        )));
    }
    state.external_change.set(false);
    match loaded {
        Loaded::Plan(p) => {
            state.synced.set_value(Some(Synced {
                plan: Some(p.clone()),
                text: raw,
            }));
            state.damage.set(None);
            state.plan.set(p);
        }
        // The other window removed the data: write this tab's plan back.
        Loaded::Nothing => {
            state.synced.set_value(Some(Synced::default()));
            state.damage.set(None);
            state.plan.notify();
        }
        Loaded::Damaged(d) => {
            state.synced.set_value(Some(Synced {
                plan: None,
                text: raw,
            }));
            state.damage.set(Some(d));
        }
    }
}

/// Keeps this tab's plan: what the other window wrote is set aside first.
/// Data from a newer Luoshi is never replaced; it is shown read-only instead.
fn keep_mine(state: AppState, error: RwSignal<Option<String>>) {
    error.set(None);
    let theirs = match local::read_plan() {
        Ok(t) => t,
        Err(e) => return error.set(Some(e.to_string())),
    };
    if let Loaded::Damaged(d) = store::interpret(theirs.clone()) {
        if !d.replaceable {
            state.external_change.set(false);
            state.synced.set_value(Some(Synced {
                plan: None,
                text: theirs,
            }));
            state.damage.set(Some(d));
            return;
        }
    }
    if let Some(text) = &theirs {
        if let Err(e) = local::set_aside(text, &now_iso()) {
            return error.set(Some(format!(
                "无法把另一窗口的数据另存备份（{}），本窗口的数据没有保存。",
                e.cause()
            )));
        }
    }
    state.synced.set_value(Some(Synced {
        plan: None,
        text: theirs,
    }));
    state.external_change.set(false);
    state.plan.notify();
}

#[component]
pub fn Alerts() -> impl IntoView {
    let state = use_app();
    let today_problem = state.today.get_value().problem;
    let error = RwSignal::new(None::<String>);
    view! {
        {today_problem.map(|msg| view! {
            <div class="alert alert-warn" data-testid="today-problem" role="alert">{msg}</div>
        })}
        {move || state.save_error.get().map(|msg| view! {
            <div class="alert alert-error" data-testid="save-error" role="alert">{msg}</div>
        })}
        <Show when=move || state.external_change.get()>
            <div class="alert alert-warn" data-testid="external-change" role="alert">
                "另一个浏览器窗口修改了落实的数据。为避免互相覆盖，本窗口已暂停保存。"
                <button data-testid="external-load" on:click=move |_| load_theirs(state, error)>
                    "载入另一窗口的数据（本窗口的数据另存备份）"
                </button>
                <button data-testid="external-keep" on:click=move |_| keep_mine(state, error)>
                    "以本窗口的数据为准（另一窗口的数据另存备份）"
                </button>
                {move || error.get().map(|e| view! { <p class="alert-detail" data-testid="external-error">{e}</p> })}
            </div>
        </Show>
    }
}
