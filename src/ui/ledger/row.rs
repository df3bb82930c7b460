//! Rows of the ledger table: an area heading, or a task.

use crate::model::ledger::TaskLine;
use crate::ui::ledger::warning_badge::WarningBadge;
use leptos::prelude::*;

/// A heading row for an area, e.g. "一、党的建设".
#[component]
pub fn AreaRow(
    /// Derived number, e.g. "一、".
    number: String,
    /// Area name.
    name: String,
) -> impl IntoView {
    view! {
        <tr class="area-row" data-testid="area-row">
            <td class="col-no">{number}</td>
            <td colspan="7">{name}</td>
        </tr>
    }
}

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
    } = line;
    view! {
        <tr
            class=format!("task-row depth-{}", depth.min(3))
            class:is-parent=has_children
            data-testid="task-row"
            data-task-id=id
        >
            <td class="col-no">{number}</td>
            <td class="col-title">
                {title}
                {key_task.then(|| view! { <span class="tag tag-key">"重点"</span> })}
            </td>
            <td>{lead_unit}</td>
            <td class="col-support">{support_units}</td>
            <td>{leader}</td>
            <td class="col-due">
                {due}
                {original_due.map(|o| view! { <span class="original-due">{format!("（原定 {o}，已延期）")}</span> })}
            </td>
            <td class="col-num">
                <span class="progress" style=format!("--p:{progress}%")>{format!("{progress}%")}</span>
            </td>
            <td>
                <WarningBadge level=level label=label />
                <span class="status-text">{status}</span>
            </td>
        </tr>
    }
}
