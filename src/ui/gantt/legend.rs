//! What the Gantt's colours and marks mean, drawn with the same classes as
//! the bars themselves, on screen and on the printed page (where no one
//! can hover for a tooltip).

use crate::model::query::LEVELS;
use leptos::prelude::*;

#[component]
pub fn GanttLegend() -> impl IntoView {
    let swatch = |body: AnyView| view! { <svg class="gantt-legend-swatch" width="22" height="12" aria-hidden="true">{body}</svg> };
    let item = |mark: AnyView, text: &'static str| view! { <span class="gantt-legend-item">{mark}{text}</span> };
    view! {
        <div class="gantt-legend" data-testid="gantt-legend">
            <span class="gantt-legend-head">"图例："</span>
            {LEVELS.into_iter().map(|l| item(
                swatch(view! { <rect x="1" y="1" width="20" height="10" rx="2" class=format!("fill-{}", l.key()) /> }.into_any()).into_any(),
                l.label(),
            )).collect_view()}
            {item(swatch(view! {
                <rect x="1" y="1" width="20" height="10" rx="2" class="gantt-plan fill-green" />
                <rect x="1" y="1" width="9" height="10" rx="2" class="fill-green" />
            }.into_any()).into_any(), "浅色为计划时段，深色为已报进度")}
            {item(swatch(view! { <line x1="11" x2="11" y1="0" y2="12" class="gantt-expected" /> }.into_any()).into_any(), "应达进度")}
            {item(swatch(view! {
                <path d="M6,0 l5,6 l-5,6 l-5,-6 Z" class="gantt-milestone reached" />
                <path d="M17,0 l5,6 l-5,6 l-5,-6 Z" class="gantt-milestone" />
            }.into_any()).into_any(), "进度节点（实心已完成）")}
            {item(swatch(view! { <line x1="11" x2="11" y1="0" y2="12" class="gantt-ghost" /> }.into_any()).into_any(), "原定完成时限（已延期）")}
            {item(swatch(view! { <line x1="11" x2="11" y1="0" y2="12" class="today-line" /> }.into_any()).into_any(), "今天")}
            {item(swatch(view! {
                <rect x="1" y="3" width="20" height="6" class="gantt-summary-plan" />
                <rect x="1" y="3" width="11" height="6" class="gantt-summary-done" />
            }.into_any()).into_any(), "分组平均进度")}
        </div>
    }
}
