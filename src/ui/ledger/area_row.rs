//! A heading row of the ledger table for an area (领域).

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
            // The name in its own box, so it stays in view beside 序号
            // when the ledger is scrolled sideways (style/main.css).
            <td colspan="7" class="col-area"><span class="area-heading">{name}</span></td>
        </tr>
    }
}
