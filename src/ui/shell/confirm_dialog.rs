//! The question asked before a step that replaces or removes data
//! (`AppState::ask`): what will happen, in full, and two buttons. Drawn in
//! the page rather than with `window.confirm`, so it speaks the app's
//! language, can say exactly what is affected, and never blocks the page.

use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let state = use_app();
    let cancel = move || state.confirm.set(None);
    let go = move || {
        if let Some(request) = state.confirm.get_untracked() {
            state.confirm.set(None);
            request.on_confirm.run(());
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" && state.confirm.with_untracked(Option::is_some) {
            cancel();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        {move || state.confirm.get().map(|request| view! {
            <div class="dialog-backdrop">
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="confirm-title"
                    data-testid="confirm-dialog"
                >
                    <h2 id="confirm-title">{request.title}</h2>
                    <p data-testid="confirm-message">{request.message}</p>
                    <div class="actions">
                        <button data-testid="confirm-ok" class="danger" on:click=move |_| go()>
                            {request.confirm_label}
                        </button>
                        <button data-testid="confirm-cancel" autofocus on:click=move |_| cancel()>
                            "取消"
                        </button>
                    </div>
                </div>
            </div>
        })}
    }
}
