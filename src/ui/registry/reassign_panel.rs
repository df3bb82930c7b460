//! The question asked before removing a unit or an area that tasks still
//! use: what is affected, a choice of who takes the tasks over, and go or
//! cancel. The shared confirmation dialog offers only one button, so this
//! panel sits in the page, beside the list it concerns.

use leptos::prelude::*;

/// Who should take over, and a confirm and a cancel button.
#[component]
pub fn ReassignPanel(
    /// The heading, e.g. "删除单位“区委办”".
    #[prop(into)]
    title: Signal<String>,
    /// What is affected, in full.
    #[prop(into)]
    message: Signal<String>,
    /// The successors on offer as (value, label); the first is preselected.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The select's `data-testid`.
    select_testid: &'static str,
    /// Shown instead of the select when there is no one to take over.
    empty_hint: &'static str,
    /// Called with the chosen option's value.
    on_confirm: Callback<String>,
    /// Called when the user changes their mind.
    on_cancel: Callback<()>,
) -> impl IntoView {
    // `None` until the user picks: then the first option, whatever the list.
    let picked = RwSignal::new(None::<String>);
    let choice = move || {
        options.with(|list| {
            let first = list.first().map(|(v, _)| v.clone());
            picked
                .get()
                .filter(|p| list.iter().any(|(v, _)| v == p))
                .or(first)
        })
    };
    let has_options = move || options.with(|list| !list.is_empty());
    let entries = move || {
        options
            .get()
            .into_iter()
            .map(|(value, label)| {
                let this = value.clone();
                view! {
                    <option value=value selected=move || choice().as_deref() == Some(this.as_str())>
                        {label}
                    </option>
                }
            })
            .collect_view()
    };
    let confirm = move |_| {
        if let Some(to) = choice() {
            on_confirm.run(to);
        }
    };
    view! {
        <div class="reassign-panel" role="region" aria-label=move || title.get() data-testid="reassign-panel">
            <h4>{move || title.get()}</h4>
            <p data-testid="reassign-message">{move || message.get()}</p>
            <Show
                when=has_options
                fallback=move || view! { <p class="field-error" data-testid="reassign-none">{empty_hint}</p> }
            >
                <label class="field">
                    <span>"改由"</span>
                    <select
                        data-testid=select_testid
                        on:change=move |ev| picked.set(Some(event_target_value(&ev)))
                    >
                        {entries}
                    </select>
                </label>
            </Show>
            <div class="form-actions">
                <button
                    class="danger"
                    data-testid="confirm-reassign"
                    disabled=move || !has_options()
                    on:click=confirm
                >
                    "改派并删除"
                </button>
                <button data-testid="cancel-reassign" on:click=move |_| on_cancel.run(())>"取消"</button>
            </div>
        </div>
    }
}
