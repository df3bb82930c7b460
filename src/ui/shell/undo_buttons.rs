//! 撤销 and 重做, each saying what it would undo or redo.

use crate::ui::persistence::plans::{redo_plan_step, step_applies, undo_plan_step};
use crate::ui::state::{use_app, AppState, Change};
use leptos::prelude::*;

/// What "撤销" undoes: the open plan's latest edit, or else the latest
/// step on whole plans (a plan added or deleted).
pub fn undo_label(state: AppState) -> Option<String> {
    state.doc.undo_label().get().or_else(|| {
        state.storage.steps().with(|s| {
            s.last()
                .filter(|step| step_applies(state, step))
                .map(|s| s.label().to_string())
        })
    })
}

/// Undoes what `undo_label` names.
pub fn undo(state: AppState) {
    if state.doc.undo_label().with_untracked(Option::is_some) {
        let _ = state.dispatch(Change::Undo);
    } else if undo_label(state).is_none() {
        // Nothing that can be undone without losing work.
    } else if let Err(e) = undo_plan_step(state) {
        state.edit_error.set(Some(format!("撤销未完成：{e}")));
    }
}

/// What "重做" redoes: the open plan's latest undone edit, or else the
/// latest undone step on whole plans.
pub fn redo_label(state: AppState) -> Option<String> {
    state.doc.redo_label().get().or_else(|| {
        state.storage.undone().with(|s| {
            s.last()
                .filter(|step| step_applies(state, step))
                .map(|s| s.label().to_string())
        })
    })
}

/// Redoes what `redo_label` names.
pub fn redo(state: AppState) {
    if state.doc.redo_label().with_untracked(Option::is_some) {
        let _ = state.dispatch(Change::Redo);
    } else if redo_label(state).is_none() {
        // Nothing that can be redone without losing work.
    } else if let Err(e) = redo_plan_step(state) {
        state.edit_error.set(Some(format!("重做未完成：{e}")));
    }
}

#[component]
pub fn UndoButtons() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="undo-buttons">
            {move || undo_label(state).map(|label| view! {
                <button
                    data-testid="undo"
                    title=format!("撤销：{label}")
                    on:click=move |_| undo(state)
                >
                    {format!("撤销：{label}")}
                </button>
            })}
            {move || redo_label(state).map(|label| view! {
                <button
                    data-testid="redo"
                    title=format!("重做：{label}")
                    on:click=move |_| redo(state)
                >
                    {format!("重做：{label}")}
                </button>
            })}
        </div>
    }
}
