//! The Gantt page: zoom, collapse and expand, the ledger's current filters,
//! and a scroll area that draws only the rows in view.

use crate::model::charts::gantt::{layout, shown, window as rows_in_view, Zoom};
use crate::model::index::PlanIndex;
use crate::model::query::select;
use crate::model::search::SearchIndex;
use crate::model::TaskId;
use crate::ui::gantt::row::{GanttRow, ROW_HEIGHT};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashSet;

const NAME_WIDTH: f64 = 280.0;

#[component]
pub fn GanttPage() -> impl IntoView {
    let state = use_app();
    let zoom = RwSignal::new(Zoom::Quarter);
    let collapsed = RwSignal::new(HashSet::<TaskId>::new());
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(600.0f64);
    let timeline = Memo::new_with_compare(
        move |_| {
            let today = state.today_date();
            let z = zoom.get();
            state.plan.with(|p| {
                let index = PlanIndex::new(p);
                state.assessments.with(|a| {
                    // The ledger's filters and search apply here too.
                    let only = state
                        .query
                        .with(|q| q.filters() || !q.text.trim().is_empty())
                        .then(|| {
                            let search = SearchIndex::new(&index);
                            state
                                .query
                                .with(|q| select(&index, a, &search, q))
                                .rows
                                .iter()
                                .map(|r| r.pos)
                                .collect::<HashSet<usize>>()
                        });
                    collapsed.with(|c| {
                        let positions = shown(&index, c, only.as_ref());
                        layout(&index, a, &positions, c, z, today)
                    })
                })
            })
        },
        |_, _| true,
    );
    let toggle = Callback::new(move |id: TaskId| {
        collapsed.update(|c| {
            if !c.remove(&id) {
                c.insert(id);
            }
        })
    });
    let collapse_all = move |_| {
        state.plan.with_untracked(|p| {
            let index = PlanIndex::new(p);
            collapsed.set(
                (0..index.len())
                    .filter(|&i| index.is_parent(i))
                    .map(|i| index.id(i).clone())
                    .collect(),
            );
        })
    };
    let on_scroll = move |e: leptos::ev::Event| {
        let el: web_sys::HtmlElement = event_target(&e);
        scroll_top.set(el.scroll_top() as f64);
        viewport.set(el.client_height() as f64);
    };
    let visible = move || {
        timeline.with(|t| {
            let range = rows_in_view(t.rows.len(), ROW_HEIGHT, scroll_top.get(), viewport.get(), 8);
            let (width, today_x) = (t.width, t.today_x);
            t.rows[range.clone()]
                .iter()
                .cloned()
                .zip(range)
                .map(|(row, i)| view! {
                    <GanttRow row=row top=i as f64 * ROW_HEIGHT width=width today_x=today_x on_toggle=toggle />
                })
                .collect_view()
        })
    };
    view! {
        <section class="gantt" data-testid="gantt">
            <div class="toolbar no-print">
                <h1>"进度计划"</h1>
                <span class="choice">
                    "时间刻度："
                    {[Zoom::Month, Zoom::Quarter, Zoom::Year].into_iter().map(|z| view! {
                        <button type="button" data-testid=format!("gantt-zoom-{}", z.key())
                            class:active=move || zoom.get() == z on:click=move |_| zoom.set(z)>{z.label()}</button>
                    }).collect_view()}
                </span>
                <button type="button" data-testid="gantt-collapse-all" on:click=collapse_all>"全部收起"</button>
                <button type="button" data-testid="gantt-expand-all" on:click=move |_| collapsed.set(HashSet::new())>"全部展开"</button>
                <span class="muted" data-testid="gantt-count">{move || timeline.with(|t| format!("共 {} 行", t.rows.len()))}</span>
                <Show when=move || state.query.with(|q| q.filters() || !q.text.trim().is_empty())>
                    <span class="muted">"（按任务台账的当前筛选条件显示）"</span>
                </Show>
            </div>
            <div class="gantt-scroll" data-testid="gantt-scroll" on:scroll=on_scroll>
                <div class="gantt-head" style=move || format!("width:{}px", NAME_WIDTH + timeline.with(|t| t.width))>
                    <div class="gantt-name">"任务"</div>
                    <svg class="gantt-track" width=move || timeline.with(|t| t.width) height="24">
                        {move || timeline.with(|t| t.ticks.iter().map(|(x, label)| view! {
                            <text x=*x + 3.0 y="16" class="axis">{label.clone()}</text>
                            <line x1=*x x2=*x y1="0" y2="24" class="grid" />
                        }).collect_view())}
                    </svg>
                </div>
                <div class="gantt-body" style=move || format!(
                    "height:{}px;width:{}px",
                    timeline.with(|t| t.rows.len()) as f64 * ROW_HEIGHT,
                    NAME_WIDTH + timeline.with(|t| t.width)
                )>
                    {visible}
                </div>
            </div>
        </section>
    }
}
