//! A labelled form field with the validation message for it underneath.

use crate::model::validate::FieldError;
use leptos::prelude::*;

/// A label, the control, and the messages for `name` from `errors`.
#[component]
pub fn Field(
    /// The label shown, e.g. "完成时限".
    label: &'static str,
    /// The field's name as `validate_task` reports it (`title`, `due`, …).
    name: &'static str,
    /// The current validation messages.
    errors: RwSignal<Vec<FieldError>>,
    children: Children,
) -> impl IntoView {
    let messages = move || {
        errors.with(|list| {
            list.iter()
                .filter(|e| e.field == name || e.field.starts_with(&format!("{name}[")))
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <label class="field" class:has-error=move || !messages().is_empty()>
            <span class="field-label">{label}</span>
            {children()}
            {move || messages().into_iter().map(|m| view! {
                <span class="field-error" data-testid=format!("field-error-{name}")>{m}</span>
            }).collect_view()}
        </label>
    }
}
