//! The due date (完成时限) edited in the selected ledger row. Moving the
//! date of a started or overdue task later is a 延期 (`model::due_change`):
//! the row asks for the reason before anything is saved, and cancelling
//! puts the date back. Other changes save at once, like the other quick
//! edits.

use crate::model::date::{format_date, parse_date};
use crate::model::due_change::{classify, due_edit, DueChange};
use crate::model::id::TaskId;
use crate::ui::clock::now_iso;
use crate::ui::ledger::inline_edit::edit_field;
use crate::ui::state::AppState;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The date in force as the cell shows it.
fn shown_due(state: AppState, id: &TaskId) -> String {
    state
        .doc
        .plan()
        .with_untracked(|p| p.task(id).and_then(|t| t.due).map(format_date))
        .unwrap_or_default()
}

/// What the row holds while it asks for a 延期理由.
#[derive(Clone, Copy)]
struct Asking {
    /// The date typed, waiting for its reason.
    pending: RwSignal<Option<NaiveDate>>,
    reason: RwSignal<String>,
    /// Why the extension was not saved (e.g. no reason given).
    error: RwSignal<Option<String>>,
}

/// Saves the date typed into `input`, asks for a reason first when it must
/// be an extension, or puts back the one in force.
fn commit_due(state: AppState, id: &TaskId, input: &web_sys::HtmlInputElement, asking: Asking) {
    let due = match input.value().trim() {
        "" => None,
        v => match parse_date(v) {
            Ok(d) => Some(d),
            Err(_) => return,
        },
    };
    let today = state.today.with_untracked(|t| t.date);
    let change = state
        .doc
        .plan()
        .with_untracked(|p| p.task(id).map(|t| classify(t, due, today, &now_iso())));
    let saved = match change {
        None | Some(DueChange::Unchanged) => true,
        Some(DueChange::Plain) => edit_field(state, id, "完成时限", |t| t.due = due),
        Some(DueChange::Refused(message)) => {
            state.edit_error.set(Some(format!("未修改：{message}")));
            false
        }
        Some(DueChange::Extension { to, .. }) => {
            if asking.pending.get_untracked() != Some(to) {
                asking.error.set(None);
                asking.pending.set(Some(to));
            }
            true
        }
    };
    if !saved {
        input.set_value(&shown_due(state, id));
    }
}

/// Records the pending date as a 延期 with the reason typed.
fn confirm(state: AppState, id: &TaskId, asking: Asking) {
    let Some(to) = asking.pending.get_untracked() else {
        return;
    };
    let today = state.today.with_untracked(|t| t.date);
    let reason = asking.reason.get_untracked();
    let built = state.doc.plan().with_untracked(|p| {
        let title = p.task(id).map(|t| t.title.clone()).unwrap_or_default();
        due_edit(p, id, Some(to), &reason, today, &now_iso()).map(|op| (op, title))
    });
    match built {
        Ok((op, title)) => {
            if state.edit(op, format!("延期“{title}”")).is_ok() {
                asking.pending.set(None);
            }
        }
        Err(errors) => asking
            .error
            .set(errors.into_iter().next().map(|e| e.message)),
    }
}

fn input_of(e: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    e.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
}

/// The due date as a date input, saved when the field is left or Enter is
/// pressed (not on every keystroke, which would save half-typed dates).
pub fn due_input(state: AppState, id: TaskId) -> impl IntoView {
    let value = shown_due(state, &id);
    let asking = Asking {
        pending: RwSignal::new(None),
        reason: RwSignal::new(String::new()),
        error: RwSignal::new(None),
    };
    let date = NodeRef::<leptos::html::Input>::new();
    let reason_box = NodeRef::<leptos::html::Input>::new();
    // The question takes the keyboard when it appears.
    Effect::new(move |_| {
        if asking.pending.get().is_some() {
            if let Some(el) = reason_box.get() {
                let _ = el.focus();
            }
        }
    });
    let cancel = {
        let id = id.clone();
        move || {
            asking.pending.set(None);
            asking.reason.set(String::new());
            asking.error.set(None);
            if let Some(el) = date.get_untracked() {
                el.set_value(&shown_due(state, &id));
            }
        }
    };
    let cancel_key = cancel.clone();
    let (on_key, on_leave, on_confirm, on_enter) = (id.clone(), id.clone(), id.clone(), id);
    view! {
        <input type="date" class="inline" data-testid="inline-due" aria-label="完成时限" prop:value=value node_ref=date
            on:click=|e| e.stop_propagation()
            on:keydown=move |e| {
                if e.key() == "Enter" {
                    if let Some(input) = input_of(&e) {
                        commit_due(state, &on_key, &input, asking);
                    }
                }
            }
            on:focusout=move |e| {
                if let Some(input) = input_of(&e) {
                    commit_due(state, &on_leave, &input, asking);
                }
            } />
        <Show when=move || asking.pending.with(Option::is_some)>
            <span class="inline-extension" data-testid="inline-extension" role="group" aria-label="延期理由"
                on:click=|e| e.stop_propagation()
                on:dblclick=|e| e.stop_propagation()>
                <label>
                    <span>"修改完成时限将记为延期，请填写延期理由"</span>
                    <input class="inline" data-testid="inline-extension-reason" node_ref=reason_box
                        prop:value=move || asking.reason.get()
                        on:input=move |e| asking.reason.set(event_target_value(&e))
                        on:keydown={
                            let (cancel, id) = (cancel_key.clone(), on_enter.clone());
                            move |e| match e.key().as_str() {
                                "Enter" => { e.prevent_default(); confirm(state, &id, asking) }
                                "Escape" => { e.prevent_default(); e.stop_propagation(); cancel() }
                                _ => {}
                            }
                        } />
                </label>
                <button type="button" data-testid="inline-extension-save"
                    on:click={
                        let id = on_confirm.clone();
                        move |_| confirm(state, &id, asking)
                    }>"记为延期"</button>
                <button type="button" data-testid="inline-extension-cancel"
                    on:click={
                        let cancel = cancel.clone();
                        move |_| cancel()
                    }>"取消"</button>
                {move || asking.error.get().map(|m| view! {
                    <span class="field-error" data-testid="inline-extension-error">{m}</span>
                })}
            </span>
        </Show>
    }
}
