//! Progress history, newest first, each with 更正 and 删除 (undoable).

use crate::model::lifecycle::remove_update;
use crate::model::validate::FieldError;
use crate::model::TaskId;
use crate::ui::progress::{current_task, save_task, TaskAction};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn UpdateHistory(id: TaskId, action: RwSignal<Option<TaskAction>>) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let list_id = id.clone();
    let updates = Memo::new(move |_| {
        state.doc.plan().with(|p| {
            let mut list: Vec<_> = p
                .task(&list_id)
                .map(|t| t.updates.iter().cloned().enumerate().collect())
                .unwrap_or_default();
            // Newest first: by date, and among one day's the later recorded.
            crate::model::sorting::sort_by(&mut list, |(i, a), (j, b)| {
                b.date.cmp(&a.date).then(j.cmp(i))
            });
            list.into_iter().map(|(_, u)| u).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="history">
            <h3>"进展记录"</h3>
            <Show when=move || updates.with(Vec::is_empty)>
                <p class="muted">"尚无进展报送。"</p>
            </Show>
            <ol class="updates" data-testid="update-history">
                <For each=move || updates.get() key=|u| format!("{u:?}") let:u>
                    {
                        let (fix_id, del_id) = (u.id.clone(), u.id.clone());
                        let task_id = id.clone();
                        view! {
                            <li class="update" data-testid="update-entry">
                                <div class="update-head">
                                    <strong>{crate::model::date::format_date(u.date)}</strong>
                                    <span class="update-percent">{format!("{}%", u.percent)}</span>
                                    {(!u.by.is_empty()).then(|| view! { <span class="muted">{u.by.clone()}</span> })}
                                    <button type="button" class="link" on:click=move |_| action.set(Some(TaskAction::Report(Some(fix_id.clone())))) >"更正"</button>
                                    <button type="button" class="link danger-text" data-testid="remove-update" on:click=move |_| {
                                        let Some(task) = current_task(state, &task_id) else { return };
                                        let label = format!("删除进展“{}”", task.title);
                                        save_task(state, remove_update(&task, &del_id), label, errors);
                                    }>"删除"</button>
                                </div>
                                <p>{u.progress.clone()}</p>
                                {(!u.problems.is_empty()).then(|| view! { <p><span class="muted">"存在问题："</span>{u.problems.clone()}</p> })}
                                {(!u.next_steps.is_empty()).then(|| view! { <p><span class="muted">"下步打算："</span>{u.next_steps.clone()}</p> })}
                            </li>
                        }
                    }
                </For>
            </ol>
            {move || errors.get().into_iter().map(|e| view! { <p class="field-error">{e.message}</p> }).collect_view()}
        </section>
    }
}
