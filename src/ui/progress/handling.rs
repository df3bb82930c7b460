//! The handling record (办理记录) in the 进展与办理 tab: the 办结说明, each
//! 延期理由 and the reason for the present state, as
//! `model::lifecycle::handling` words them — what was written into a form
//! is seen again right after saving.

use crate::model::lifecycle::handling;
use crate::model::TaskId;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn HandlingRecords(
    /// The task shown in the panel.
    id: TaskId,
) -> impl IntoView {
    let state = use_app();
    let lines = Memo::new(move |_| {
        state
            .doc
            .plan()
            .with(|p| p.task(&id).map(handling).unwrap_or_default())
    });
    view! {
        <Show when=move || lines.with(|l| !l.is_empty())>
            <section class="history" data-testid="handling-records">
                <h3>"办理记录"</h3>
                <ul>
                    {move || lines.get().into_iter().map(|h| view! {
                        <li data-testid="handling-record" data-kind=h.kind.key()>{h.text}</li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
