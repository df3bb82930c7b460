//! Adding or editing a problem: description, source, date, and the tasks
//! that fix it, picked from the plan in hierarchy order.

use crate::model::id::new_id;
use crate::model::ops::Op;
use crate::model::problems::Problem;
use crate::model::validate::FieldError;
use crate::model::TaskId;
use crate::ui::editor::field::Field;
use crate::ui::progress::date_input::date_input;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ProblemForm(
    /// The problem edited, or `None` to add one.
    editing: Option<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let today = state.today.with_untracked(|t| t.date);
    let existing = editing.as_ref().and_then(|id| {
        state
            .doc
            .plan()
            .with_untracked(|p| p.problems.iter().find(|x| &x.id == id).cloned())
    });
    let base = existing.clone().unwrap_or(Problem {
        id: new_id(),
        description: String::new(),
        source: String::new(),
        date: Some(today),
        tasks: Vec::new(),
    });
    let description = RwSignal::new(base.description.clone());
    let source = RwSignal::new(base.source.clone());
    let date = RwSignal::new(base.date);
    let tasks = RwSignal::new(base.tasks.clone());
    let picked = RwSignal::new(String::new());
    // Something typed and not saved: 取消 asks before dropping it.
    let start = base.clone();
    let typed = move || {
        description.get_untracked() != start.description
            || source.get_untracked() != start.source
            || date.get_untracked() != start.date
            || tasks.get_untracked() != start.tasks
    };
    // Every task, indented by depth, for the picker.
    let options = Memo::new(move |_| {
        state.doc.with_index(|index| {
            index
                .preorder()
                .iter()
                .map(|&i| {
                    let t = index.at(i);
                    (
                        t.id.0.clone(),
                        format!("{}{}", "　".repeat(index.depth(i)), t.title),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let title_of = move |id: &TaskId| {
        state.doc.plan().with(|p| {
            p.task(id)
                .map(|t| t.title.clone())
                .unwrap_or_else(|| "（任务已不存在）".into())
        })
    };
    let save = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let mut found = Vec::new();
        if description.get_untracked().trim().is_empty() {
            found.push(FieldError {
                field: "description".into(),
                message: "请填写问题描述".into(),
            });
        }
        let Some(day) = date.get_untracked() else {
            found.push(FieldError {
                field: "date".into(),
                message: "请填写发现日期".into(),
            });
            return errors.set(found);
        };
        if !found.is_empty() {
            return errors.set(found);
        }
        let problem = Problem {
            description: description.get_untracked().trim().to_string(),
            source: source.get_untracked().trim().to_string(),
            date: Some(day),
            tasks: tasks.get_untracked(),
            ..base.clone()
        };
        let short: String = problem.description.chars().take(20).collect();
        let label = if existing.is_some() {
            format!("编辑整改问题“{short}”")
        } else {
            format!("新增整改问题“{short}”")
        };
        if state
            .edit(Op::PutProblem { problem, at: None }, label)
            .is_ok()
        {
            on_close.run(());
        }
    };
    view! {
        <form class="action-form problem-form" data-testid="problem-form" on:submit=save>
            <Field label="问题描述" name="description" errors=errors>
                <textarea rows="2" data-testid="problem-description" prop:value=move || description.get()
                    on:input=move |e| description.set(event_target_value(&e))></textarea>
            </Field>
            <div class="field-row">
                <Field label="问题来源" name="source" errors=errors>
                    <input data-testid="problem-source" placeholder="如：民主生活会、巡察反馈" prop:value=move || source.get()
                        on:input=move |e| source.set(event_target_value(&e)) />
                </Field>
                <Field label="发现日期" name="date" errors=errors>{date_input(date, "date", "problem-date", errors)}</Field>
            </div>
            <div class="field">
                <span class="field-label">"整改任务"</span>
                <ul class="plain">
                    {move || tasks.get().into_iter().map(|id| {
                        let gone = id.clone();
                        view! { <li>{title_of(&id)}
                            <button type="button" class="link" aria-label="移除" on:click=move |_| tasks.update(|ts| ts.retain(|t| *t != gone))>"移除"</button>
                        </li> }
                    }).collect_view()}
                </ul>
                <div class="field-row">
                    <select data-testid="problem-task-picker" prop:value=move || picked.get() on:change=move |e| picked.set(event_target_value(&e))>
                        <option value="">"（选择任务）"</option>
                        {move || options.get().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                    </select>
                    <button type="button" data-testid="problem-add-task" on:click=move |_| {
                        let id = picked.get_untracked();
                        if !id.is_empty() {
                            tasks.update(|ts| if !ts.iter().any(|t| t.0 == id) { ts.push(TaskId::from(id)) });
                        }
                    }>"关联"</button>
                </div>
            </div>
            <div class="actions">
                <button type="submit" class="primary" data-testid="save-problem">"保存"</button>
                <button type="button" data-testid="cancel-problem" on:click=move |_| {
                    if typed() {
                        state.ask_discard("这个问题有尚未保存的修改。", move || on_close.run(()));
                    } else {
                        on_close.run(());
                    }
                }>"取消"</button>
            </div>
        </form>
    }
}
