//! The 延期理由 the task editor asks for when the new 完成时限 of a started
//! or overdue task must be recorded as an extension (`model::due_change`):
//! shown under the dates only then, so a plain correction asks nothing.

use crate::model::date::format_date;
use crate::model::due_change::{classify, DueChange};
use crate::model::task::Task;
use crate::model::validate::FieldError;
use crate::ui::clock::now_iso;
use crate::ui::editor::field::Field;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ExtensionReason(
    /// The task as the form holds it (with the date typed).
    draft: RwSignal<Task>,
    /// The reason typed.
    reason: RwSignal<String>,
    /// The form's validation messages (`extend_reason` shows here).
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let state = use_app();
    // The date first agreed, when the change would be an extension.
    let original = move || {
        let today = state.today_date();
        draft.with(|d| {
            state.doc.plan().with(|p| {
                let old = p.task(&d.id)?;
                match classify(old, d.due, today, &now_iso()) {
                    DueChange::Extension { .. } => old.original_due(),
                    _ => None,
                }
            })
        })
    };
    view! {
        <Show when=move || original().is_some()>
            <div class="extension-reason" data-testid="editor-extension">
                <Field label="修改完成时限将记为延期，请填写延期理由" name="extend_reason" errors=errors>
                    <textarea rows="2" data-testid="editor-extension-reason"
                        prop:value=move || reason.get()
                        on:input=move |e| reason.set(event_target_value(&e))></textarea>
                </Field>
                <p class="muted">
                    {move || original().map(|d| format!("原定完成时限 {} 保留在记录中，延期次数计入统计。", format_date(d)))}
                </p>
            </div>
        </Show>
    }
}
