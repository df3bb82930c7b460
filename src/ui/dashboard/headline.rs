//! The counts across the top of the dashboard, each a link to its items.

use crate::model::charts::Mark;
use crate::ui::dashboard::mark::marked;
use leptos::prelude::*;

#[component]
pub fn HeadlineCards(cards: Signal<Vec<(&'static str, Mark)>>, rate: Signal<f64>) -> impl IntoView {
    view! {
        <div class="headline" data-testid="dashboard-counts">
            {move || cards.get().into_iter().map(|(label, mark)| {
                let count = mark.count;
                let on = marked(&mark);
                view! {
                    // Its visible number and words are its name; the exact
                    // numbers go to the tooltip line (aria-live) on focus.
                    <button type="button" class="headline-card" data-testid="chart-mark" data-count=count data-label=label
                        title=mark.tip.clone()
                        data-tip=on.tip.clone() data-href=on.href.clone()>
                        <span class="headline-value">{count}</span>
                        <span class="headline-label">{label}</span>
                    </button>
                }
            }).collect_view()}
            <div class="headline-card rate" data-testid="completion-rate">
                <span class="headline-value">{move || format!("{:.1}%", rate.get())}</span>
                <span class="headline-label">"完成率"</span>
            </div>
        </div>
    }
}
