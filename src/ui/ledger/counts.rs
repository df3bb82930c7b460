//! The counts above the ledger: total, closed, overdue, due soon, behind.

use crate::model::stats::Tally;
use leptos::prelude::*;

#[component]
pub fn LedgerCounts(
    /// Totals over the plan's work items.
    #[prop(into)]
    tally: Signal<Tally>,
) -> impl IntoView {
    let item = move |testid: &'static str,
                     label: &'static str,
                     class: &'static str,
                     f: fn(&Tally) -> usize| {
        view! {
            <div class=format!("count {class}")>
                <span class="count-value" data-testid=testid>{move || tally.with(f)}</span>
                <span class="count-label">{label}</span>
            </div>
        }
    };
    view! {
        <div class="counts" data-testid="counts">
            {item("count-total", "任务总数", "", |t| t.total)}
            {item("count-closed", "已办结", "is-done", |t| t.closed())}
            {item("count-overdue", "已逾期", "is-red", |t| t.overdue)}
            {item("count-due-soon", "临近时限", "is-yellow", |t| t.due_soon)}
            {item("count-behind", "进度滞后", "is-yellow", |t| t.behind)}
        </div>
    }
}
