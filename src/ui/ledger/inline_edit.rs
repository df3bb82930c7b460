//! Quick edits in the ledger row itself, for the selected task: lead unit
//! and status (the due date is `inline_due`). Each is one undoable edit,
//! validated like the editor's. Closing a task (已办结) needs a date and a
//! note, so it is not offered here.

use crate::model::id::TaskId;
use crate::model::ops::Op;
use crate::model::task::{Status, Task};
use crate::model::validate::validate_task;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Applies `change` to the task `id` and saves it, or shows why not;
/// true when the task now holds the change.
pub(super) fn edit_field(
    state: AppState,
    id: &TaskId,
    what: &str,
    change: impl FnOnce(&mut Task),
) -> bool {
    let Some(mut task) = state.doc.plan().with_untracked(|p| p.task(id).cloned()) else {
        return false;
    };
    let before = task.clone();
    change(&mut task);
    if task == before {
        return true;
    }
    let problems = state.doc.plan().with_untracked(|p| validate_task(p, &task));
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

/// The lead unit as a choice from the registry.
pub fn lead_select(state: AppState, id: TaskId) -> impl IntoView {
    let (current, units) = state.doc.plan().with_untracked(|p| {
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
    let current = state
        .doc
        .plan()
        .with_untracked(|p| p.task(&id).map(|t| t.status));
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
