//! 时序进度节点 ticked as reached on a date (today by default), or
//! unticked.

use crate::model::date::format_date;
use crate::model::lifecycle::reach_milestone;
use crate::model::validate::FieldError;
use crate::model::TaskId;
use crate::ui::progress::{current_task, save_task};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn MilestoneTicks(id: TaskId) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let list_id = id.clone();
    let milestones = Memo::new(move |_| {
        state.doc.plan().with(|p| {
            let mut list = p
                .task(&list_id)
                .map(|t| t.milestones.clone())
                .unwrap_or_default();
            crate::model::sorting::sort_by_key(&mut list, |m| m.due);
            list
        })
    });
    view! {
        <Show when=move || milestones.with(|m| !m.is_empty())>
            <section class="history">
                <h3>"进度节点"</h3>
                <ul class="milestone-ticks">
                    {
                        let id = id.clone();
                        move || milestones.get().into_iter().map(|m| {
                            let task_id = id.clone();
                            let mid = m.id.clone();
                            let today = state.today_date();
                            let late = m.done_on.is_none() && m.due < today;
                            view! {
                                <li data-testid="milestone-tick" class:late=late>
                                    <label class="check">
                                        <input type="checkbox" prop:checked=m.done_on.is_some() on:change=move |e| {
                                            let Some(task) = current_task(state, &task_id) else { return };
                                            let on = event_target_checked(&e).then_some(state.today.with_untracked(|t| t.date));
                                            let label = format!("节点“{}”{}", task.title, if on.is_some() { "完成" } else { "改为未完成" });
                                            save_task(state, reach_milestone(&task, &mid, on, state.today.with_untracked(|t| t.date)), label, errors);
                                        } />
                                        {format!("{}（{}）", m.title, format_date(m.due))}
                                    </label>
                                    {match m.done_on {
                                        Some(d) => {
                                            let (task_id, mid) = (id.clone(), m.id.clone());
                                            view! {
                                                <label class="muted">"完成于"
                                                    <input type="date" aria-label="节点完成日期" data-testid="milestone-done-on" prop:value=format_date(d)
                                                        on:change=move |e| {
                                                            let Some(task) = current_task(state, &task_id) else { return };
                                                            let today = state.today.with_untracked(|t| t.date);
                                                            match crate::model::date::parse_date(&event_target_value(&e)) {
                                                                Ok(on) => {
                                                                    let label = format!("修改节点完成日期“{}”", task.title);
                                                                    save_task(state, reach_milestone(&task, &mid, Some(on), today), label, errors);
                                                                }
                                                                Err(err) => errors.set(vec![FieldError { field: "milestone_done".into(), message: err.to_string() }]),
                                                            }
                                                        } />
                                                </label>
                                            }.into_any()
                                        }
                                        None if late => view! { <span class="muted">"已过期未完成"</span> }.into_any(),
                                        None => view! { <span class="muted">"未到期"</span> }.into_any(),
                                    }}
                                </li>
                            }
                        }).collect_view()
                    }
                </ul>
                {move || errors.get().into_iter().map(|e| view! { <p class="field-error">{e.message}</p> }).collect_view()}
            </section>
        </Show>
    }
}
