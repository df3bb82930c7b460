//! Units ranked by completion rate: one stacked bar each, with the overdue
//! count in words, and a legend of the states (colour and pattern) that
//! hides or shows each state's segments.

use crate::model::charts::ranking::UnitBar;
use crate::model::charts::STATES;
use crate::model::schedule::Level;
use crate::ui::dashboard::mark::marked;
use leptos::prelude::*;
use std::collections::HashSet;

/// Width of the bars' drawing area in SVG units (it scales with the page).
pub const WIDTH: f64 = 400.0;
const ROW: f64 = 26.0;
/// Room right of the bars for the rate, the counts and the overdue note
/// (“100%（120/120） 逾期 12” at the note's size).
const NOTE: f64 = 200.0;

#[component]
pub fn UnitBars(
    bars: Signal<Vec<UnitBar>>,
    #[prop(default = "牵头单位完成率排名")] caption: &'static str,
    #[prop(default = "unit-ranking")] testid: &'static str,
    #[prop(default = "还没有指定牵头单位的工作事项。")] empty: &'static str,
) -> impl IntoView {
    let hidden = RwSignal::new(HashSet::<Level>::new());
    view! {
        <figure class="chart unit-bars" data-testid=testid>
            <figcaption>{caption}</figcaption>
            <ul class="legend">
                {STATES.into_iter().map(|l| view! {
                    <li>
                        <button type="button" class="legend-toggle" data-testid="legend-state" data-level=l.key()
                            aria-pressed=move || hidden.with(|h| !h.contains(&l)).to_string()
                            class:off=move || hidden.with(|h| h.contains(&l))
                            on:click=move |_| hidden.update(|h| if !h.remove(&l) { h.insert(l); })>
                            <span class=format!("swatch fill-{}", l.key())></span>{l.label()}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
            <Show when=move || bars.with(Vec::is_empty)>
                <p class="empty">{empty}</p>
            </Show>
            <svg class:hidden=move || bars.with(Vec::is_empty) viewBox=move || format!("0 0 {} {}", WIDTH + 170.0 + NOTE, (bars.with(Vec::len) as f64 * ROW).max(ROW))
                role="group" aria-label=caption>
                {move || bars.get().into_iter().enumerate().map(|(i, b)| {
                    let y = i as f64 * ROW;
                    let on = marked(&b.mark);
                    view! {
                        <g class="bar-row">
                            <text x="150" y=y + 17.0 text-anchor="end" class="bar-label" data-testid="chart-mark" data-count=b.mark.count
                                tabindex="0" role="button" aria-label=format!("{}. {}：{}", i + 1, b.name, b.mark.tip)
                                data-tip=on.tip.clone() data-href=on.href.clone()>
                                {format!("{}. {}", i + 1, b.name)}
                            </text>
                            {b.segments.into_iter().filter(|s| hidden.with(|h| !h.contains(&s.level))).map(|s| {
                                let on = marked(&s.mark);
                                view! {
                                    <rect x=160.0 + s.x y=y + 4.0 width=s.width.max(1.0) height=ROW - 8.0
                                        class=format!("mark fill-{}", s.level.key())
                                        data-testid="chart-mark" data-count=s.mark.count tabindex="0" role="button"
                                        aria-label=s.mark.tip.clone()
                                        data-tip=on.tip.clone() data-href=on.href.clone()>
                                        <title>{s.mark.tip.clone()}</title>
                                    </rect>
                                }
                            }).collect_view()}
                            <text x=WIDTH + 170.0 y=y + 17.0 class="bar-note">
                                {format!("{:.0}%（{}/{}）{}", b.rate, b.closed, b.total, if b.overdue > 0 { format!(" 逾期 {}", b.overdue) } else { String::new() })}
                            </text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}
