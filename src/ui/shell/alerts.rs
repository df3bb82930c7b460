//! Messages about saving: a failed save (the data stays in the page), a bad
//! `?today=`, and a change made in another tab.

use crate::store::{self, local, Loaded};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Alerts() -> impl IntoView {
    let state = use_app();
    let today_problem = state.today.get_value().problem;
    let load_other = move |_| match local::read_plan().map(store::interpret) {
        Ok(Loaded::Plan(p)) => {
            state.external_change.set(false);
            state.saved.set_value(Some(p.clone()));
            state.plan.set(p);
        }
        Ok(Loaded::Nothing) => state.external_change.set(false),
        Ok(Loaded::Damaged(d)) => {
            state.external_change.set(false);
            state.damage.set(Some(d));
        }
        Err(e) => state.save_error.set(Some(e.to_string())),
    };
    let keep_mine = move |_| {
        state.external_change.set(false);
        // Storage now holds the other tab's plan: forget what we last wrote,
        // and notify so the save effect writes ours.
        state.saved.set_value(None);
        state.plan.update(|_| {});
    };
    view! {
        {today_problem.map(|msg| view! { <div class="alert alert-warn" data-testid="today-problem" role="alert">{msg}</div> })}
        {move || state.save_error.get().map(|msg| view! {
            <div class="alert alert-error" data-testid="save-error" role="alert">{msg}</div>
        })}
        <Show when=move || state.external_change.get()>
            <div class="alert alert-warn" data-testid="external-change" role="alert">
                "另一个浏览器窗口修改了落实的数据。为避免互相覆盖，本窗口已暂停保存。"
                <button data-testid="external-load" on:click=load_other>"载入另一窗口的数据"</button>
                <button data-testid="external-keep" on:click=keep_mine>"以本窗口的数据为准"</button>
            </div>
        </Show>
    }
}
