//! The burn-up over the year: items due by each month end against items
//! closed by then, with a line on the day judged by.

use crate::model::charts::burnup::BurnUp;
use crate::model::charts::Mark;
use crate::model::query::Query;
use crate::ui::dashboard::mark::marked;
use leptos::prelude::*;

const LEFT: f64 = 36.0;
const TOP: f64 = 10.0;

fn polyline(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{:.1},{:.1}", LEFT + x, TOP + y))
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn BurnUpChart(burn: Signal<BurnUp>) -> impl IntoView {
    // The legend toggles each series.
    let show_planned = RwSignal::new(true);
    let show_closed = RwSignal::new(true);
    let toggle =
        |shown: RwSignal<bool>, swatch: &'static str, label: &'static str, testid: &'static str| {
            view! {
                <li>
                    <button type="button" class="legend-toggle" data-testid=testid
                        aria-pressed=move || shown.get().to_string()
                        class:off=move || !shown.get()
                        on:click=move |_| shown.update(|s| *s = !*s)>
                        <span class=format!("swatch {swatch}")></span>{label}
                    </button>
                </li>
            }
        };
    view! {
        <figure class="chart burnup" data-testid="burnup">
            <figcaption>"全年进度：应完成（按完成时限）与已办结"</figcaption>
            {move || {
                let b = burn.get();
                let (w, h) = (b.width, b.height);
                let planned: Vec<(f64, f64)> = b.planned.iter().map(|p| (p.x, p.y)).collect();
                let closed: Vec<(f64, f64)> = b.closed.iter().map(|p| (p.x, p.y)).collect();
                view! {
                    <svg viewBox=format!("0 0 {} {}", w + LEFT + 10.0, h + TOP + 24.0) role="group" aria-label="全年应完成与已办结的工作事项数">
                        {b.y_ticks.iter().map(|(v, y)| view! {
                            <line x1=LEFT x2=LEFT + w y1=TOP + y y2=TOP + y class="grid" />
                            <text x=LEFT - 4.0 y=TOP + y + 4.0 text-anchor="end" class="axis">{*v}</text>
                        }).collect_view()}
                        {b.months.iter().map(|(x, label)| view! {
                            <text x=LEFT + x y=TOP + h + 16.0 class="axis">{label.clone()}</text>
                        }).collect_view()}
                        {show_planned.get().then(|| view! { <polyline points=polyline(&planned) class="series planned" data-testid="series-planned" /> })}
                        {show_closed.get().then(|| view! { <polyline points=polyline(&closed) class="series closed" data-testid="series-closed" /> })}
                        {b.today_x.map(|x| view! { <line x1=LEFT + x x2=LEFT + x y1=TOP y2=TOP + h class="today-line" /> })}
                        {b.planned.iter().filter(|_| show_planned.get()).map(|p| {
                            // Items due by this month end, in the ledger.
                            let mark = Mark {
                                count: p.value,
                                tip: format!("{}月底前应完成 {} 项", chrono::Datelike::month(&p.date), p.value),
                                query: Query { due_to: Some(p.date), ..Query::default() },
                            };
                            let on = marked(&mark);
                            view! {
                                <circle cx=LEFT + p.x cy=TOP + p.y r="4" class="point planned" data-testid="chart-mark"
                                    data-count=p.value tabindex="0" role="button" aria-label=mark.tip.clone()
                                    data-tip=on.tip.clone() data-href=on.href.clone()>
                                    <title>{mark.tip.clone()}</title>
                                </circle>
                            }
                        }).collect_view()}
                        {b.closed.iter().filter(|_| show_closed.get()).map(|p| {
                            // Its numbers on hover and focus like every mark;
                            // it leads nowhere (no filter selects "closed by").
                            let tip = format!("截至{}已办结 {} 项", crate::model::supervision::chinese_date(p.date), p.value);
                            let (label, data) = (tip.clone(), tip.clone());
                            view! {
                                <circle cx=LEFT + p.x cy=TOP + p.y r="3" class="point closed" data-testid="burnup-closed"
                                    tabindex="0" role="img" aria-label=label data-tip=data>
                                    <title>{tip}</title>
                                </circle>
                            }
                        }).collect_view()}
                    </svg>
                }
            }}
            <ul class="legend">
                {toggle(show_planned, "line-planned", "应完成（虚线）", "legend-planned")}
                {toggle(show_closed, "line-closed", "已办结（实线）", "legend-closed")}
                <li><span class="swatch line-today"></span>"当前查看日期"</li>
            </ul>
        </figure>
    }
}
