//! The donut of work items by light and state, with a legend in words.

use crate::model::charts::donut::Arc;
use crate::ui::dashboard::mark::marked;
use leptos::prelude::*;

#[component]
pub fn DonutChart(arcs: Signal<Vec<Arc>>, total: Signal<usize>) -> impl IntoView {
    view! {
        <figure class="chart donut" data-testid="donut">
            <figcaption>"工作事项状态"</figcaption>
            <svg viewBox="-80 -80 160 160" role="group" aria-label="按状态分的工作事项">
                {move || arcs.get().into_iter().map(|a| {
                    let on = marked(&a.mark);
                    view! {
                        <path d=a.path.clone() class=format!("mark fill-{}", a.level.key())
                            data-testid="chart-mark" data-count=a.mark.count tabindex="0" role="button"
                            aria-label=a.mark.tip.clone()
                            data-tip=on.tip.clone() data-href=on.href.clone()>
                            <title>{a.mark.tip.clone()}</title>
                        </path>
                    }
                }).collect_view()}
                <text x="0" y="-4" text-anchor="middle" class="donut-total">{move || total.get()}</text>
                <text x="0" y="14" text-anchor="middle" class="donut-caption">{crate::model::counting::WORK_ITEMS}</text>
            </svg>
            <ul class="legend">
                {move || arcs.get().into_iter().map(|a| view! {
                    <li><span class=format!("swatch fill-{}", a.level.key())></span>{format!("{} {}", a.level.label(), a.mark.count)}</li>
                }).collect_view()}
            </ul>
            <Show when=move || total.get() == 0>
                <p class="empty">"计划中还没有工作事项。"</p>
            </Show>
        </figure>
    }
}
