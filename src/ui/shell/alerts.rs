//! Messages about saving: a failed save (the data stays in the page), a bad
//! `?today=`, and a change made in another tab or window.

use crate::store::{self, local, Loaded, Synced};
use crate::ui::clock::now_iso;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Shows what storage holds now, dropping this tab's unsaved view of it.
fn load_theirs(state: AppState) {
    let raw = match local::read_plan() {
        Ok(raw) => raw,
        Err(e) => return state.save_error.set(Some(e.to_string())),
    };
    state.external_change.set(false);
    match store::interpret(raw.clone()) {
        Loaded::Plan(p) => {
            state.synced.set_value(Some(Synced {
                plan: Some(p.clone()),
                text: raw,
            }));
            state.plan.set(p);
        }
        // The other window removed the data: write this tab's plan back.
        Loaded::Nothing => {
            state.synced.set_value(Some(Synced::default()));
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
fn keep_mine(state: AppState, error: RwSignal<Option<String>>) {
    let theirs = match local::read_plan() {
        Ok(t) => t,
        Err(e) => return error.set(Some(e.to_string())),
    };
    if let Some(text) = &theirs {
        if let Err(e) = local::set_aside(text, &now_iso()) {
            return error.set(Some(format!("无法把另一窗口的数据另存备份：{e}")));
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
                <button data-testid="external-load" on:click=move |_| load_theirs(state)>
                    "载入另一窗口的数据"
                </button>
                <button data-testid="external-keep" on:click=move |_| keep_mine(state, error)>
                    "以本窗口的数据为准（另一窗口的数据另存备份）"
                </button>
                {move || error.get().map(|e| view! { <p class="alert-detail">{e}</p> })}
            </div>
        </Show>
    }
}
