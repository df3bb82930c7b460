//! A task row of the ledger table: number, title, units, leader, due date,
//! progress and light.

use crate::model::ledger::TaskLine;
use crate::ui::ledger::inline_due::due_input;
use crate::ui::ledger::inline_edit::{lead_select, status_select};
use crate::ui::ledger::warning_badge::WarningBadge;
use crate::ui::state::{use_app, Editing};
use leptos::prelude::*;

/// One task with its units, leader, due date, progress and light.
#[component]
pub fn TaskRow(
    /// The row as computed by `model::ledger`.
    line: TaskLine,
) -> impl IntoView {
    let TaskLine {
        id,
        number,
        depth,
        has_children,
        title,
        key_task,
        lead_unit,
        support_units,
        leader,
        due,
        original_due,
        progress,
        level,
        label,
        status,
        matched,
        unreported,
    } = line;
    let state = use_app();
    let panel = crate::ui::ledger::panel_state::use_panel();
    let moved_from = due.clone();
    let (select_id, edit_id, is_id) = (id.clone(), id.clone(), id.clone());
    let selected = Memo::new(move |_| panel.selected.with(|s| s.as_ref() == Some(&is_id)));
    // Quick edits appear in the selected row (not while stored data awaits
    // a decision).
    let editable = move || selected.get() && state.storage.damage().with(Option::is_none);
    let (due_id, lead_id, status_id) = (id.clone(), id.clone(), id.clone());
    view! {
        <tr
            class=format!("task-row depth-{}", depth.min(3))
            class:is-parent=has_children
            class:context=!matched
            class:selected=move || selected.get()
            data-testid="task-row"
            data-task-id=id.0
            on:click=move |_| panel.selected.set(Some(select_id.clone()))
            on:dblclick=move |_| panel.editing.set(Some(Editing::Task(edit_id.clone())))
        >
            <td class="col-no">{number}</td>
            <td class="col-title">
                {title}
                {key_task.then(|| view! { <span class="tag tag-key">"重点"</span> })}
            </td>
            <td class="col-lead">
                {move || if editable() { lead_select(state, lead_id.clone()).into_any() } else { lead_unit.clone().into_any() }}
            </td>
            <td class="col-support">{support_units}</td>
            <td class="col-leader">{leader}</td>
            <td class="col-due">
                {move || if editable() { due_input(state, due_id.clone()).into_any() } else { due.clone().into_any() }}
                {original_due.map(|o| {
                    // Dates in YYYY-MM-DD compare as text.
                    let moved = if o < moved_from { "已延期" } else { "已提前" };
                    view! { <span class="original-due">{format!("（原定 {o}，{moved}）")}</span> }
                })}
            </td>
            <td class="col-num">
                <span class="progress" style=format!("--p:{progress}%")>{format!("{progress}%")}</span>
                {unreported.then(|| view! { <span class="tag tag-unreported" data-testid="unreported-tag" title="本期尚未报送进展">"本期未报"</span> })}
            </td>
            <td class="col-state">
                <WarningBadge level=level label=label />
                {move || if editable() { status_select(state, status_id.clone()).into_any() } else {
                    view! { <span class="status-text">{status.clone()}</span> }.into_any()
                }}
            </td>
        </tr>
    }
}
