//! 撤销 and 重做, each saying what it would undo or redo.

use crate::ui::state::{use_app, Change};
use leptos::prelude::*;

#[component]
pub fn UndoButtons() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="undo-buttons">
            {move || state.undo_label.get().map(|label| view! {
                <button
                    data-testid="undo"
                    title=format!("撤销：{label}")
                    on:click=move |_| { let _ = state.dispatch(Change::Undo); }
                >
                    {format!("撤销：{label}")}
                </button>
            })}
            {move || state.redo_label.get().map(|label| view! {
                <button
                    data-testid="redo"
                    title=format!("重做：{label}")
                    on:click=move |_| { let _ = state.dispatch(Change::Redo); }
                >
                    {format!("重做：{label}")}
                </button>
            })}
        </div>
    }
}
