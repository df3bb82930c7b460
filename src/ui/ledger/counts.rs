//! The counts above the ledger: total, closed (and of those late), overdue,
//! due soon, behind, not reported, and halted (listed, not counted late).

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
            {item("count-total", crate::model::counting::WORK_ITEMS, "", |t| t.total)}
            {item("count-closed", "已办结", "is-done", |t| t.closed())}
            {item("count-closed-late", "其中逾期办结", "", |t| t.closed_late)}
            {item("count-overdue", "已逾期", "is-red", |t| t.overdue)}
            {item("count-due-soon", "临近时限", "is-yellow", |t| t.due_soon)}
            {item("count-behind", "进度滞后", "is-yellow", |t| t.behind)}
            {item("count-stale", "未按期报送", "is-yellow", |t| t.stale)}
            {item("count-unreported", "本期未报送", "is-yellow", |t| t.unreported)}
            {item("count-extended", "已延期", "", |t| t.extended)}
            {item("count-halted", "暂缓/中止", "", |t| t.halted)}
        </div>
    }
}
