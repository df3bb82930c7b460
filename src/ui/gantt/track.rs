//! The time track of one Gantt line, as SVG: for a task its bar filled to
//! progress, the expected marker, milestones and the ghost of its original
//! due date; for a group heading its summary bar. Shared by the screen and
//! the printed page.

use crate::model::charts::gantt::{GroupRow, Line, Row};
use leptos::prelude::*;

/// Opens the task `id` in the ledger's editor.
pub fn open_task(id: &str) {
    let _ = window().location().set_hash(&format!("#/ledger?edit={id}"));
}

#[component]
pub fn Track(line: Line, width: f64, height: f64, today_x: Option<f64>) -> impl IntoView {
    let mid = height / 2.0;
    let today = today_x.map(|x| view! { <line x1=x x2=x y1="0" y2=height class="today-line" /> });
    let marks = match line {
        Line::Group(g) => group_marks(g, mid).into_any(),
        Line::Task(r) => task_marks(r, mid).into_any(),
    };
    view! {
        <svg class="gantt-track" width=width height=height>
            {today}
            {marks}
        </svg>
    }
}

fn group_marks(g: GroupRow, mid: f64) -> impl IntoView {
    g.bar.map(|b| {
        view! {
            <g class="gantt-summary">
                <rect x=b.x y=mid - 3.0 width=b.width.max(2.0) height="6" class="gantt-summary-plan" />
                <rect x=b.x y=mid - 3.0 width=b.filled height="6" class="gantt-summary-done" />
                <title>{format!("{}：{} 项，平均进度 {:.0}%", g.label, g.count, if b.width > 0.0 { b.filled / b.width * 100.0 } else { 0.0 })}</title>
            </g>
        }
    })
}

fn task_marks(r: Row, mid: f64) -> impl IntoView {
    let Row {
        id,
        title,
        level,
        bar,
        expected_x,
        ghost_x,
        milestones,
        ..
    } = r;
    let top = mid - 8.0;
    let (id1, id2) = (id.0.clone(), id.0.clone());
    let progress = bar.map_or(0.0, |b| {
        if b.width > 0.0 {
            b.filled / b.width * 100.0
        } else {
            0.0
        }
    });
    view! {
        {ghost_x.map(|x| view! { <line x1=x x2=x y1=top - 3.0 y2=top + 19.0 class="gantt-ghost"><title>"原定完成时限"</title></line> })}
        {bar.map(|b| view! {
            <g class="gantt-bar" data-testid="gantt-bar" role="button" tabindex="-1"
                aria-label=format!("{title}：{}，进度 {progress:.0}%，打开任务", level.label())
                on:click=move |_| open_task(&id1)
                on:keydown=move |e: leptos::ev::KeyboardEvent| if e.key() == "Enter" { open_task(&id2) }>
                <rect x=b.x y=top width=b.width.max(2.0) height="16" rx="3" class=format!("gantt-plan fill-{}", level.key()) />
                <rect x=b.x y=top width=b.filled height="16" rx="3" class=format!("fill-{}", level.key()) />
                <title>{format!("{title}（{}，已报进度 {progress:.0}%）", level.label())}</title>
            </g>
        })}
        {expected_x.map(|x| view! { <line x1=x x2=x y1=top - 3.0 y2=top + 19.0 class="gantt-expected"><title>"应达进度"</title></line> })}
        {milestones.into_iter().map(|m| view! {
            <path d=format!("M{},{} l6,7 l-6,7 l-6,-7 Z", m.x, top) class=if m.reached { "gantt-milestone reached" } else { "gantt-milestone" }>
                <title>{format!("{}（{}）", m.title, if m.reached { "已完成" } else { "未完成" })}</title>
            </path>
        }).collect_view()}
    }
}
