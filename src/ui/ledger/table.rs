//! The ledger table. A large plan (thousands of rows) is drawn windowed:
//! only the rows in view and a margin around them exist in the page, with
//! spacers for the rest, so scrolling, typing in search and editing stay
//! instant; rows then have one fixed height, so positions are arithmetic.
//! A small plan is drawn whole, rows as tall as their text. Arrow keys
//! move the selection and keep it in view either way.

use crate::model::ledger::LedgerLine;
use crate::model::query::{Sort, SortKey};
use crate::ui::ledger::area_row::AreaRow;
use crate::ui::ledger::filter_bar::set_query;
use crate::ui::ledger::task_row::TaskRow;
use crate::ui::state::use_app;
use leptos::html::Tbody;
use leptos::prelude::*;

/// Fixed row height in pixels when windowed (style/main.css agrees).
const ROW: f64 = 36.0;
/// Plans with more lines than this are windowed.
const WINDOW_FROM: usize = 150;
/// Rows drawn above and below the ones in view.
const MARGIN: usize = 12;

/// Whether `el`, having the keyboard, is the ledger's table or one of its
/// rows itself — where the table's keys (↑↓, Enter, Delete, …) act — and
/// not a control inside it, which keeps its keys (a quick edit's list
/// takes ↑↓, a heading's button Enter).
pub fn is_table_itself(el: &web_sys::Element) -> bool {
    el.matches(".ledger-table, .ledger-table tr")
        .unwrap_or(false)
}

/// The first and last+1 line drawn, given where the table body starts
/// relative to the top of the window and the window's height.
fn visible(lines: usize, body_top: f64, view_height: f64) -> (usize, usize) {
    let first = ((-body_top).max(0.0) / ROW).floor() as usize;
    let count = (view_height / ROW).ceil() as usize + 1;
    (
        first.saturating_sub(MARGIN).min(lines),
        (first + count + MARGIN).min(lines),
    )
}

#[component]
pub fn LedgerTable(
    /// The lines to show, in order.
    lines: Memo<Vec<LedgerLine>>,
) -> impl IntoView {
    let state = use_app();
    let panel = crate::ui::ledger::panel_state::use_panel();
    let body = NodeRef::<Tbody>::new();
    let windowed = Memo::new(move |_| lines.with(|l| l.len() > WINDOW_FROM));
    let viewport = RwSignal::new((0.0_f64, 900.0_f64));
    let measure = move || {
        let Some(el) = body.get_untracked() else {
            return;
        };
        let top = el.get_bounding_client_rect().top();
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(900.0);
        viewport.set((top, height));
    };
    let range = Memo::new(move |_| {
        let n = lines.with(Vec::len);
        if !windowed.get() {
            return (0, n);
        }
        let (top, height) = viewport.get();
        visible(n, top, height)
    });
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| measure());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        // Only with the page itself or the table in focus, so arrows still
        // scroll, move in lists and work in dialogs everywhere else.
        let target = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let in_table = target.as_ref().is_some_and(is_table_itself);
        let on_table = in_table || target.as_ref().is_some_and(|el| el.tag_name() == "BODY");
        let step: isize = match e.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        if !on_table
            || e.alt_key()
            || e.ctrl_key()
            || panel.editing.with_untracked(Option::is_some)
            || state.confirm.with_untracked(Option::is_some)
            // From the table itself, ↓ picks the first task.
            || (panel.selected.with_untracked(Option::is_none) && !in_table)
        {
            return;
        }
        e.prevent_default();
        move_selection(panel, lines, step, body, windowed.get_untracked());
    });
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
        keys.remove();
    });
    Effect::new(move |_| {
        lines.track();
        measure();
    });
    let spacer = |rows: usize| {
        (rows > 0).then(|| view! { <tr class="spacer" aria-hidden="true" style=format!("height:{}px", rows as f64 * ROW)></tr> })
    };
    let rows = move || {
        let (from, to) = range.get();
        let n = lines.with_untracked(Vec::len);
        let drawn = lines.with(|l| {
            l[from.min(l.len())..to.min(l.len())]
                .iter()
                .map(|line| match line {
                    LedgerLine::Area { number, name } => {
                        view! { <AreaRow number=number.clone() name=name.clone() /> }.into_any()
                    }
                    LedgerLine::Task(t) => view! { <TaskRow line=(**t).clone() /> }.into_any(),
                })
                .collect_view()
        });
        view! { {spacer(from)} {drawn} {spacer(n.saturating_sub(to))} }
    };
    view! {
        // Focusable, so the keyboard reaches the tasks: ↑↓ choose one, Enter
        // edits it, Tab goes on to the chosen row's quick edits.
        <table class="ledger-table" class:windowed=move || windowed.get() tabindex="0"
            aria-label="任务台账：按↑↓选择任务，Enter 编辑，Insert 添加同级，Delete 删除，Alt+方向键调整位置和层级">
            <colgroup>
                <col class="w-no" /><col class="w-title" /><col class="w-lead" /><col class="w-support" />
                <col class="w-leader" /><col class="w-due" /><col class="w-num" /><col class="w-state" />
            </colgroup>
            <thead>
                <tr>
                    <th class="col-no">"序号"</th>
                    {heading(state, SortKey::Title, "col-title")}
                    {heading(state, SortKey::LeadUnit, "")}
                    {heading(state, SortKey::SupportUnits, "")}
                    {heading(state, SortKey::Leader, "")}
                    {heading(state, SortKey::Due, "")}
                    {heading(state, SortKey::Progress, "col-num")}
                    {heading(state, SortKey::Level, "")}
                </tr>
            </thead>
            <tbody node_ref=body>{rows}</tbody>
        </table>
    }
}

/// A column heading that sorts by its column: a click sorts ascending,
/// a second descending, a third returns to the hierarchy.
fn heading(state: crate::ui::state::AppState, key: SortKey, class: &'static str) -> impl IntoView {
    let sorted = move || state.nav.query().with(|q| q.sort.filter(|s| s.key == key));
    let click = move |_| {
        set_query(state, |q| {
            q.sort = match q.sort.filter(|s| s.key == key) {
                None => Some(Sort {
                    key,
                    descending: false,
                }),
                Some(Sort {
                    descending: false, ..
                }) => Some(Sort {
                    key,
                    descending: true,
                }),
                Some(_) => None,
            }
        })
    };
    let label = if key == SortKey::Level {
        "状态"
    } else {
        key.label()
    };
    view! {
        <th class=format!("sortable {class}") data-testid=format!("sort-by-{}", key.key()) title="点击排序"
            aria-sort=move || match sorted() {
                None => "none",
                Some(s) if s.descending => "descending",
                Some(_) => "ascending",
            }
            on:click=click>
            // A button, so sorting works by keyboard too; its click
            // reaches the heading's.
            <button type="button" class="sort-button">
                {label}
                {move || sorted().map(|s| if s.descending { " ▼" } else { " ▲" })}
            </button>
        </th>
    }
}

/// Selects the task `step` rows away from the selected one and scrolls it
/// into view.
fn move_selection(
    panel: crate::ui::ledger::panel_state::TaskPanel,
    lines: Memo<Vec<LedgerLine>>,
    step: isize,
    body: NodeRef<Tbody>,
    windowed: bool,
) {
    let tasks: Vec<_> = lines.with_untracked(|l| {
        l.iter()
            .enumerate()
            .filter_map(|(i, line)| match line {
                LedgerLine::Task(t) => Some((i, t.id.clone())),
                LedgerLine::Area { .. } => None,
            })
            .collect()
    });
    if tasks.is_empty() {
        return;
    }
    let current = panel.selected.with_untracked(|s| {
        s.as_ref()
            .and_then(|id| tasks.iter().position(|(_, t)| t == id))
    });
    let next = match current {
        Some(c) => (c as isize + step).clamp(0, tasks.len() as isize - 1) as usize,
        None => 0,
    };
    let (line, id) = tasks[next].clone();
    panel.selected.set(Some(id));
    let Some(el) = body.get_untracked() else {
        return;
    };
    let top = el.get_bounding_client_rect().top();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(900.0);
    if windowed {
        // Rows have a fixed height: the row's place is arithmetic.
        let row_top = top + line as f64 * ROW;
        if row_top < 60.0 || row_top + ROW > height {
            window().scroll_by_with_x_and_y(0.0, row_top - height / 2.0);
        }
    } else if let Some(row) = el
        .query_selector(&format!("tr[data-task-id='{}']", tasks[next].1))
        .ok()
        .flatten()
    {
        let r = row.get_bounding_client_rect();
        if r.top() < 60.0 || r.bottom() > height {
            row.scroll_into_view_with_bool(false);
        }
    }
}
