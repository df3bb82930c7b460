//! The question asked before a step that replaces or removes data
//! (`AppState::ask`): what will happen, in full, and two buttons. Drawn in
//! the page rather than with `window.confirm`, so it speaks the app's
//! language, can say exactly what is affected, and never blocks the page.
//! It is modal: the keyboard starts on 取消, Tab stays inside, and on
//! closing the focus goes back to what opened it.

use crate::ui::shell::focus::{active, give_back, keep_tab_inside};
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
    let dialog = NodeRef::<leptos::html::Div>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let open = state.confirm.with(Option::is_some);
        if open && was_open != Some(true) {
            opener.set_value(active());
            request_animation_frame(move || {
                if let Some(cancel) = dialog
                    .get_untracked()
                    .and_then(|d| {
                        d.query_selector("[data-testid='confirm-cancel']")
                            .ok()
                            .flatten()
                    })
                    .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
                {
                    let _ = cancel.focus();
                }
            });
        }
        if !open && was_open == Some(true) {
            if let Some(el) = opener.try_get_value().flatten() {
                request_animation_frame(move || give_back(&el));
            }
        }
        open
    });
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        if let Some(d) = dialog.get_untracked() {
            keep_tab_inside(&e, &d);
        }
    };
    view! {
        {move || state.confirm.get().map(|request| view! {
            <div class="dialog-backdrop">
                <div
                    class="dialog"
                    node_ref=dialog
                    on:keydown=on_key
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
                            {request.cancel_label}
                        </button>
                    </div>
                </div>
            </div>
        })}
    }
}
