//! 时序进度节点 in the editor: title and date of each, added and removed.

use crate::model::date::{format_date, parse_date};
use crate::model::id::new_id;
use crate::model::task::{Milestone, Task};
use crate::model::validate::FieldError;
use leptos::prelude::*;

#[component]
pub fn MilestonesEditor(
    /// The task being edited.
    draft: RwSignal<Task>,
    /// Validation messages (`milestones[i]`).
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let state = crate::ui::state::use_app();
    let add = move |_| {
        let today = state.today.with_untracked(|t| t.date);
        draft.update(|t| {
            let due = t.due.or(t.start).unwrap_or(today);
            t.milestones.push(Milestone {
                id: new_id(),
                title: String::new(),
                due,
                done_on: None,
            });
        })
    };
    let rows = move || {
        (0..draft.with(|t| t.milestones.len()))
            .map(|i| {
                let title = move || draft.with(|t| t.milestones.get(i).map(|m| m.title.clone()).unwrap_or_default());
                let due = move || draft.with(|t| t.milestones.get(i).map(|m| format_date(m.due)).unwrap_or_default());
                let message = move || {
                    errors.with(|e| {
                        e.iter()
                            .filter(|e| e.field == format!("milestones[{i}]"))
                            .map(|e| e.message.clone())
                            .collect::<Vec<_>>()
                            .join("；")
                    })
                };
                view! {
                    <li class="milestone">
                        <input aria-label="节点名称" placeholder="节点名称" prop:value=title
                            on:input=move |e| draft.update(|t| if let Some(m) = t.milestones.get_mut(i) { m.title = event_target_value(&e) }) />
                        <input type="date" aria-label="节点日期" prop:value=due
                            on:change=move |e| {
                                if let Ok(d) = parse_date(&event_target_value(&e)) {
                                    draft.update(|t| if let Some(m) = t.milestones.get_mut(i) { m.due = d });
                                }
                            } />
                        <button type="button" on:click=move |_| draft.update(|t| { if i < t.milestones.len() { t.milestones.remove(i); } })>
                            "删除"
                        </button>
                        <span class="field-error">{message}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <span class="field-label">"时序进度节点"</span>
            <ul class="milestones">{rows}</ul>
            <button type="button" data-testid="add-milestone" on:click=add>"添加节点"</button>
        </div>
    }
}
