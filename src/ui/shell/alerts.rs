//! Messages about the page's state: a bad `?today=`, a failed save (the
//! data stays in the page), and an edit that could not be made. Conflicts
//! with another window have their own banner (`conflict_banner`).

use crate::ui::shell::conflict_banner::ConflictBanner;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Alerts() -> impl IntoView {
    let state = use_app();
    let today_problem = state.today.with_untracked(|t| t.problem.clone());
    view! {
        {today_problem.map(|msg| view! {
            <div class="alert alert-warn" data-testid="today-problem" role="alert">{msg}</div>
        })}
        {move || state.storage.save_error().get().map(|msg| view! {
            <div class="alert alert-error" data-testid="save-error" role="alert">{msg}</div>
        })}
        {move || state.edit_error.get().map(|msg| view! {
            <div class="alert alert-error" data-testid="edit-error" role="alert">{msg}</div>
        })}
        <ConflictBanner />
    }
}
