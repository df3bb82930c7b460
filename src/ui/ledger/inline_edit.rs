//! Quick edits in the ledger row itself, for the selected task: due date,
//! lead unit and status. Each is one undoable edit, validated like the
//! editor's (a due date before the start is refused with a message).
//! Closing a task (已办结) needs a date and a note, so it is not offered
//! here.

use crate::model::date::{format_date, parse_date};
use crate::model::id::TaskId;
use crate::model::ops::Op;
use crate::model::task::{Status, Task};
use crate::model::validate::validate_task;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Applies `change` to the task `id` and saves it, or shows why not;
/// true when the task now holds the change.
fn edit_field(state: AppState, id: &TaskId, what: &str, change: impl FnOnce(&mut Task)) -> bool {
    let Some(mut task) = state.plan.with_untracked(|p| p.task(id).cloned()) else {
        return false;
    };
    let before = task.clone();
    change(&mut task);
    if task == before {
        return true;
    }
    let problems = state.plan.with_untracked(|p| validate_task(p, &task));
    if let Some(problem) = problems.into_iter().find(|p| p.field != "title") {
        state
            .edit_error
            .set(Some(format!("未修改：{}", problem.message)));
        return false;
    }
    let label = format!("修改“{}”的{what}", task.title);
    state
        .edit(
            Op::PutTask {
                task: Box::new(task),
                at: None,
            },
            label,
        )
        .is_ok()
}

/// Saves the date typed into `input`, or puts back the one in force.
fn commit_due(state: AppState, id: &TaskId, input: &web_sys::HtmlInputElement) {
    let due = match input.value().trim() {
        "" => None,
        v => match parse_date(v) {
            Ok(d) => Some(d),
            Err(_) => return,
        },
    };
    if !edit_field(state, id, "完成时限", |t| t.due = due) {
        let shown = state
            .plan
            .with_untracked(|p| p.task(id).and_then(|t| t.due).map(format_date))
            .unwrap_or_default();
        input.set_value(&shown);
    }
}

fn input_of(e: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    e.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
}

/// The due date as a date input, saved when the field is left or Enter is
/// pressed (not on every keystroke, which would save half-typed dates).
pub fn due_input(state: AppState, id: TaskId) -> impl IntoView {
    let value = state
        .plan
        .with_untracked(|p| p.task(&id).and_then(|t| t.due).map(format_date))
        .unwrap_or_default();
    let (on_key, on_leave) = (id.clone(), id);
    view! {
        <input type="date" class="inline" data-testid="inline-due" aria-label="完成时限" prop:value=value
            on:click=|e| e.stop_propagation()
            on:keydown=move |e| {
                if e.key() == "Enter" {
                    if let Some(input) = input_of(&e) {
                        commit_due(state, &on_key, &input);
                    }
                }
            }
            on:focusout=move |e| {
                if let Some(input) = input_of(&e) {
                    commit_due(state, &on_leave, &input);
                }
            } />
    }
}

/// The lead unit as a choice from the registry.
pub fn lead_select(state: AppState, id: TaskId) -> impl IntoView {
    let (current, units) = state.plan.with_untracked(|p| {
        (
            p.task(&id)
                .and_then(|t| t.lead_unit.clone())
                .unwrap_or_default(),
            p.units.clone(),
        )
    });
    view! {
        <select class="inline" data-testid="inline-lead" aria-label="牵头单位"
            on:click=|e| e.stop_propagation()
            on:change=move |e| {
                let v = event_target_value(&e);
                let _ = edit_field(state, &id, "牵头单位", |t| t.lead_unit = (!v.is_empty()).then_some(v));
            }>
            <option value="" selected=current.is_empty()>"（未指定）"</option>
            {units.into_iter().map(|u| {
                let selected = u.id == current;
                view! { <option value=u.id selected=selected>{u.name}</option> }
            }).collect_view()}
        </select>
    }
}

/// The status as a choice; a closed task shows its status as text.
pub fn status_select(state: AppState, id: TaskId) -> impl IntoView {
    let current = state.plan.with_untracked(|p| p.task(&id).map(|t| t.status));
    // 办结, 暂缓 and 中止 need a date or a reason: they are set in the task
    // panel's 进展与办理 tab, not here.
    if let Some(s) = current.filter(|s| *s == Status::Closed || s.is_halted()) {
        return view! { <span class="status-text">{s.label()}</span> }.into_any();
    }
    let options = [Status::NotStarted, Status::InProgress];
    view! {
        <select class="inline" data-testid="inline-status" aria-label="状态"
            on:click=|e| e.stop_propagation()
            on:change=move |e| {
                let v = event_target_value(&e);
                if let Some(s) = options.into_iter().find(|s| s.label() == v) {
                    let _ = edit_field(state, &id, "状态", |t| t.status = s);
                }
            }>
            {options.into_iter().map(|s| view! { <option value=s.label() selected=Some(s) == current>{s.label()}</option> }).collect_view()}
        </select>
    }
    .into_any()
}
