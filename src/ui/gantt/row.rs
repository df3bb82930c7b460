//! One Gantt row: the task's name (with its branch toggle) and its bar,
//! progress, expected marker, milestones, ghost of the original due date.

use crate::model::charts::gantt::Row;
use crate::model::TaskId;
use leptos::prelude::*;

pub const ROW_HEIGHT: f64 = 30.0;

#[component]
pub fn GanttRow(
    row: Row,
    top: f64,
    width: f64,
    today_x: Option<f64>,
    on_toggle: Callback<TaskId>,
) -> impl IntoView {
    let Row {
        id,
        depth,
        title,
        has_children,
        collapsed,
        level,
        bar,
        expected_x,
        ghost_x,
        milestones,
        ..
    } = row;
    let (toggle_id, open_id) = (id.clone(), id.clone());
    let open = move || {
        let _ = window()
            .location()
            .set_hash(&format!("#/ledger?edit={}", open_id.0));
    };
    let open2 = open.clone();
    view! {
        <div class="gantt-row" data-testid="gantt-row" data-task-id=id.0.clone() data-level=level.key()
            style=format!("top:{top}px")>
            <div class="gantt-name" style=format!("padding-left:{}px", 6 + depth * 16)>
                {has_children.then(|| view! {
                    <button type="button" class="gantt-toggle" data-testid="gantt-toggle"
                        aria-label=if collapsed { "展开" } else { "收起" } aria-expanded=(!collapsed).to_string()
                        on:click=move |_| on_toggle.run(toggle_id.clone())>
                        {if collapsed { "▸" } else { "▾" }}
                    </button>
                })}
                <a href=format!("#/ledger?edit={}", id.0) title=title.clone()>{title.clone()}</a>
            </div>
            <svg class="gantt-track" width=width height=ROW_HEIGHT>
                {today_x.map(|x| view! { <line x1=x x2=x y1="0" y2=ROW_HEIGHT class="today-line" /> })}
                {ghost_x.map(|x| view! { <line x1=x x2=x y1="4" y2=ROW_HEIGHT - 4.0 class="gantt-ghost"><title>"原定完成时限"</title></line> })}
                {bar.map(|b| view! {
                    <g class="gantt-bar" data-testid="gantt-bar" role="button" tabindex="0" aria-label=format!("{title}：打开任务")
                        on:click=move |_| open()
                        on:keydown=move |e: leptos::ev::KeyboardEvent| if e.key() == "Enter" { open2() }>
                        <rect x=b.x y="7" width=b.width.max(2.0) height="16" rx="3" class=format!("gantt-plan fill-{}", level.key()) opacity="0.35" />
                        <rect x=b.x y="7" width=b.filled height="16" rx="3" class=format!("fill-{}", level.key()) />
                        <title>{format!("{title}（进度见任务）")}</title>
                    </g>
                })}
                {expected_x.map(|x| view! { <line x1=x x2=x y1="4" y2="26" class="gantt-expected"><title>"应达进度"</title></line> })}
                {milestones.into_iter().map(|m| view! {
                    <path d=format!("M{},8 l6,7 l-6,7 l-6,-7 Z", m.x) class=if m.reached { "gantt-milestone reached" } else { "gantt-milestone" }>
                        <title>{format!("{}（{}）", m.title, if m.reached { "已完成" } else { "未完成" })}</title>
                    </path>
                }).collect_view()}
            </svg>
        </div>
    }
}
