//! The Gantt page (进度计划): zoom, grouping, collapse and expand, the
//! ledger's filters (its own filter bar, kept in the address as the
//! ledger's are), a scroll area that draws only the rows and the time span
//! in view, walking the rows by keyboard, and printing on A4 or A3. The
//! timeline is scaled to the width of the scroll area (年 fits the whole
//! span, 季 and 月 open with today in view).

use crate::model::charts::gantt::axis::{name_width, scroll_to, LABEL_OFFSET};
use crate::model::charts::gantt::view::{line_in_view, span_in_view, ticks_in_view};
use crate::model::charts::gantt::{
    layout, scale, shown, window as rows_in_view, Entry, Grouping, Zoom,
};
use crate::model::query::select;
use crate::model::search::SearchIndex;
use crate::model::TaskId;
use crate::ui::gantt::keys::walk;
use crate::ui::gantt::legend::GanttLegend;
use crate::ui::gantt::print::{GanttPrint, Paper};
use crate::ui::gantt::row::{Fold, GanttRow, ROW_HEIGHT};
use crate::ui::ledger::filter_bar::FilterBar;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashSet;

/// The lines shown (after filters, grouping, collapsing) and the collapsed
/// branches, shared by the screen and the printed page.
#[derive(Clone, Copy)]
pub struct Lines(pub Memo<(Vec<Entry>, HashSet<TaskId>)>);

#[component]
pub fn GanttPage() -> impl IntoView {
    let state = use_app();
    let zoom = RwSignal::new(Zoom::Quarter);
    let grouping = RwSignal::new(Grouping::default());
    let collapsed = RwSignal::new(HashSet::<TaskId>::new());
    let closed = RwSignal::new(HashSet::<String>::new());
    let scroll_top = RwSignal::new(0.0f64);
    let scroll_left = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(600.0f64);
    let view_width = RwSignal::new(1000.0f64);
    // The name column and the track share the scroll area's width; the
    // track is a pixel short of it so that 年 never scrolls sideways.
    let name_w = Memo::new(move |_| name_width(view_width.get()));
    let track_w = Memo::new(move |_| (view_width.get() - name_w.get() - 1.0).floor().max(120.0));
    let paper = RwSignal::new(None::<Paper>);
    let filtered = move || {
        state
            .nav
            .query()
            .with(|q| q.filters() || !q.text.trim().is_empty())
    };
    let lines = Lines(Memo::new_with_compare(
        move |_| {
            state.doc.with_index(|index| {
                // The ledger's filters and search select the rows here too.
                let only = filtered().then(|| {
                    state.doc.assessments().with(|a| {
                        state
                            .doc
                            .search()
                            .with(|s| {
                                let fallback = SearchIndex::default();
                                let search = s.as_ref().unwrap_or(&fallback);
                                state.nav.query().with(|q| select(index, a, search, q))
                            })
                            .rows
                            .iter()
                            .map(|r| r.pos)
                            .collect::<HashSet<usize>>()
                    })
                });
                let c = collapsed.get();
                let entries = closed.with(|g| shown(index, grouping.get(), &c, g, only.as_ref()));
                (entries, c)
            })
        },
        |_, _| true,
    ));
    let timeline = Memo::new_with_compare(
        move |_| {
            let today = state.today_date();
            state.doc.with_index(|index| {
                let px = scale(index, zoom.get(), track_w.get());
                state.doc.assessments().with(|a| {
                    lines
                        .0
                        .with(|(entries, c)| layout(index, a, entries, c, px, today))
                })
            })
        },
        |_, _| true,
    );
    let rows = Memo::new(move |_| {
        rows_in_view(
            timeline.with(|t| t.rows.len()),
            ROW_HEIGHT,
            scroll_top.get(),
            viewport.get(),
            8,
        )
    });
    // The time span drawn: whole screens around the one in view (the name
    // column stays in place, so the track's view is narrower by its width).
    let span = Memo::new(move |_| span_in_view(scroll_left.get(), track_w.get()));
    let toggle = Callback::new(move |fold: Fold| match fold {
        Fold::Task(id) => collapsed.update(|c| {
            if !c.remove(&id) {
                c.insert(id);
            }
        }),
        Fold::Group(key) => closed.update(|c| {
            if !c.remove(&key) {
                c.insert(key);
            }
        }),
    });
    let collapse_all = move |_| {
        state.doc.with_index_untracked(|index| {
            collapsed.set(
                (0..index.len())
                    .filter(|&i| index.is_parent(i))
                    .map(|i| index.id(i).clone())
                    .collect(),
            );
        });
        closed.set(lines.0.with_untracked(|(entries, _)| {
            entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Group { key, .. } => Some(key.clone()),
                    _ => None,
                })
                .collect()
        }));
    };
    let measure = move |el: &web_sys::HtmlElement| {
        scroll_top.set(el.scroll_top() as f64);
        scroll_left.set(el.scroll_left() as f64);
        viewport.set(el.client_height() as f64);
        view_width.set(el.client_width() as f64);
    };
    let on_scroll = move |e: leptos::ev::Event| measure(&event_target(&e));
    let scroller = NodeRef::<leptos::html::Div>::new();
    // Today a third of the way across, once the timeline has been drawn at
    // the zoom's scale (the next frame).
    let to_today = move || {
        request_animation_frame(move || {
            let Some(el) = scroller.get_untracked() else {
                return;
            };
            let Some((today_x, width)) = timeline.try_with_untracked(|t| (t.today_x, t.width))
            else {
                return;
            };
            let left = scroll_to(today_x, track_w.get_untracked(), width);
            el.set_scroll_left(left as i32);
            measure(&el);
        });
    };
    // The real size once drawn, and again whenever the window is resized;
    // the first view opens at today.
    Effect::new(move |_| {
        if let Some(el) = scroller.get() {
            measure(&el);
            to_today();
        }
    });
    // Rows shown or hidden may bring or take away the vertical scroll bar,
    // which changes the width there is without resizing the window.
    Effect::new(move |_| {
        lines.0.track();
        request_animation_frame(move || {
            if let Some(el) = scroller.get_untracked() {
                measure(&el);
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(el) = scroller.get_untracked() {
            measure(&el);
        }
    });
    let print = move |p: Paper| {
        paper.set(Some(p));
        // Printed once the page is drawn; the print view stays until the
        // browser says printing is over.
        request_animation_frame(move || {
            let _ = window().print();
        });
    };
    let after = window_event_listener(
        leptos::ev::Custom::<web_sys::Event>::new("afterprint"),
        move |_| {
            paper.try_set(None);
        },
    );
    // Printing from the browser's menu prints the whole timeline too.
    let before = window_event_listener(
        leptos::ev::Custom::<web_sys::Event>::new("beforeprint"),
        move |_| {
            if paper.try_get_untracked() == Some(None) {
                paper.set(Some(Paper::A4));
            }
        },
    );
    on_cleanup(move || {
        resize.remove();
        after.remove();
        before.remove();
    });
    let pending = StoredValue::new(None::<usize>);
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        let count = timeline.with_untracked(|t| t.rows.len());
        let lines_at = move |i: usize| timeline.with_untracked(|t| t.rows.get(i).cloned());
        walk(&e, count, lines_at, toggle, scroll_top, pending);
    };
    let visible = move || {
        let range = rows.get();
        timeline.with(|t| {
            span.with(|s| {
                let (width, today_x, name) = (t.width, t.today_x, name_w.get());
                t.rows[range.clone()]
                    .iter()
                    .zip(range)
                    .map(|(line, i)| {
                        let line = line_in_view(line, s);
                        view! { <GanttRow line=line index=i width=width name_width=name today_x=today_x on_toggle=toggle /> }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="gantt" data-testid="gantt">
            <div class="toolbar no-print">
                <h1>"进度计划"</h1>
                <span class="choice">
                    "时间刻度："
                    {Zoom::ALL.into_iter().map(|z| view! {
                        <button type="button" class="zoom" data-testid="gantt-zoom" data-zoom=z.key() title=z.hint()
                            aria-pressed=move || (zoom.get() == z).to_string()
                            class:active=move || zoom.get() == z on:click=move |_| { zoom.set(z); to_today(); }>
                            <span data-testid=format!("gantt-zoom-{}", z.key())>{z.label()}</span>
                        </button>
                    }).collect_view()}
                </span>
                <select data-testid="gantt-grouping" aria-label="分组" on:change=move |e| {
                    if let Some(g) = Grouping::from_key(&event_target_value(&e)) { grouping.set(g) }
                }>
                    {Grouping::ALL.into_iter().map(|g| view! {
                        <option value=g.key() selected=move || grouping.get() == g>{g.label()}</option>
                    }).collect_view()}
                </select>
                <button type="button" data-testid="gantt-collapse-all" on:click=collapse_all>"全部收起"</button>
                <button type="button" data-testid="gantt-expand-all" on:click=move |_| { collapsed.set(HashSet::new()); closed.set(HashSet::new()); }>"全部展开"</button>
                <span class="muted" data-testid="gantt-count" data-lines=move || timeline.with(|t| t.rows.len())>
                    {move || format!("{}；显示 {} 行", state.doc.with_index(|index| state.doc.assessments().with(|a| state.doc.search().with(|s| state.nav.query().with(|q| crate::model::counting::query_line(index, a, s.as_ref(), q))))), timeline.with(|t| t.rows.iter().filter(|l| l.task().is_some()).count()))}
                </span>
                <span class="spacer"></span>
                {[Paper::A4, Paper::A3].into_iter().map(|p| view! {
                    <button type="button" data-testid=format!("gantt-print-{}", p.key()) on:click=move |_| print(p)>
                        {format!("打印（{} 横向）", p.label())}
                    </button>
                }).collect_view()}
            </div>
            <div class="no-print"><FilterBar sortable=false /></div>
            <div class="no-print gantt-help">
                <GanttLegend />
                <span class="muted">"↑↓ 逐行移动，← 收起，→ 展开，Enter 打开任务。"</span>
            </div>
            <div class="gantt-scroll" class:printing=move || paper.get().is_some() data-testid="gantt-scroll" node_ref=scroller
                on:scroll=on_scroll on:keydown=on_key>
                <div class="gantt-head" style=move || format!("width:{}px", name_w.get() + timeline.with(|t| t.width))>
                    <div class="gantt-name" style=move || name_style(name_w.get(), 6)>"任务"</div>
                    <svg class="gantt-track" data-testid="gantt-axis" width=move || timeline.with(|t| t.width) height="24">
                        {move || timeline.with(|t| span.with(|s| ticks_in_view(t, s).into_iter().map(|k| view! {
                            <line x1=k.x x2=k.x y1=if k.major { 0.0 } else { 19.0 } y2="24" class=if k.major { "grid" } else { "grid day" } />
                            {k.label.map(|label| view! {
                                <text x=k.x + LABEL_OFFSET y="16" class=if k.major { "axis" } else { "axis day" }>{label}</text>
                            })}
                        }).collect_view()))}
                        {move || timeline.with(|t| t.today_x).map(|x| view! {
                            <path data-testid="gantt-today" class="today-mark" d=format!("M{},17 l5,7 l-10,0 Z", x)>
                                <title>{format!("今天（{}）", crate::model::date::format_date(state.today_date()))}</title>
                            </path>
                        })}
                    </svg>
                </div>
                <div class="gantt-body" style=move || format!(
                    "height:{}px;width:{}px",
                    timeline.with(|t| t.rows.len()) as f64 * ROW_HEIGHT,
                    name_w.get() + timeline.with(|t| t.width)
                )>
                    {visible}
                </div>
                <Show when=move || timeline.with(|t| t.rows.is_empty())>
                    <p class="empty">{move || if filtered() { "没有符合筛选条件的任务。" } else { "计划中还没有任务。" }}</p>
                </Show>
            </div>
            {move || paper.get().map(|p| view! { <GanttPrint paper=p lines=lines /> })}
        </section>
    }
}

/// The name column's inline style: its width (which depends on the
/// window's) and its left padding (the outline's indent).
pub fn name_style(width: f64, indent: usize) -> String {
    format!("width:{width}px;min-width:{width}px;padding-left:{indent}px")
}
