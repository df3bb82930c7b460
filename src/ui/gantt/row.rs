//! One line of the Gantt on screen, placed absolutely at its row: a task
//! (its number and name, with its branch toggle) or a group heading (with
//! its toggle, count and overdue count), then its track.

use crate::model::charts::gantt::Line;
use crate::model::TaskId;
use crate::ui::gantt::page::name_style;
use crate::ui::gantt::track::Track;
use leptos::prelude::*;

pub const ROW_HEIGHT: f64 = 30.0;

/// What a toggle opens or closes.
#[derive(Clone, Debug, PartialEq)]
pub enum Fold {
    Task(TaskId),
    Group(String),
}

#[component]
pub fn GanttRow(
    line: Line,
    index: usize,
    width: f64,
    /// Width of the name column.
    name_width: f64,
    today_x: Option<f64>,
    on_toggle: Callback<Fold>,
) -> impl IntoView {
    let top = index as f64 * ROW_HEIGHT;
    let name = match &line {
        Line::Group(g) => {
            let key = g.key.clone();
            let closed = g.closed;
            view! {
                <div class="gantt-name gantt-group-name" style=name_style(name_width, 2)>
                    <button type="button" class="gantt-toggle" data-testid="gantt-toggle" data-focus=""
                        aria-label=format!("{}（{}）", g.label, if closed { "展开" } else { "收起" }) aria-expanded=(!closed).to_string()
                        on:click=move |_| on_toggle.run(Fold::Group(key.clone()))>
                        {if closed { "▸" } else { "▾" }}
                    </button>
                    <span title=g.label.clone()>{g.label.clone()}</span>
                    <span class="muted">{format!("（{}{}）", crate::model::counting::work_items_text(g.count), if g.red > 0 { format!("，逾期 {}", g.red) } else { String::new() })}</span>
                </div>
            }
            .into_any()
        }
        Line::Task(r) => {
            let id = r.id.clone();
            let collapsed = r.collapsed;
            view! {
                <div class="gantt-name" style=name_style(name_width, 6 + r.depth * 16)>
                    {r.has_children.then(|| view! {
                        <button type="button" class="gantt-toggle" data-testid="gantt-toggle" tabindex="-1"
                            aria-label=if collapsed { "展开" } else { "收起" } aria-expanded=(!collapsed).to_string()
                            on:click=move |_| on_toggle.run(Fold::Task(id.clone()))>
                            {if collapsed { "▸" } else { "▾" }}
                        </button>
                    })}
                    <a href=format!("#/ledger?edit={}", r.id.0) title=r.title.clone() data-focus=""
                        aria-expanded=r.has_children.then(|| (!collapsed).to_string())>
                        <span class="gantt-number">{r.number.clone()}</span>{r.title.clone()}
                    </a>
                    <span class=format!("gantt-state level-{}", r.level.key()) title=r.state.clone()>{r.state_word().to_string()}</span>
                </div>
            }
            .into_any()
        }
    };
    let (testid, id, kind) = match &line {
        Line::Group(g) => ("gantt-group", g.key.clone(), "group"),
        Line::Task(r) => ("gantt-row", r.id.0.clone(), "task"),
    };
    let level = line.task().map(|r| r.level.key());
    view! {
        <div class=format!("gantt-row gantt-{kind}") data-testid=testid data-task-id=(kind == "task").then(|| id.clone())
            data-group=(kind == "group").then_some(id) data-level=level data-index=index
            style=format!("top:{top}px")>
            {name}
            <Track line=line width=width height=ROW_HEIGHT today_x=today_x />
        </div>
    }
}
