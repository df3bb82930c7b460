//! The ledger table. A large plan (thousands of rows) is drawn windowed:
//! only the rows in view and a margin around them exist in the page, with
//! spacers for the rest, so scrolling, typing in search and editing stay
//! instant; rows then have one fixed height, so positions are arithmetic.
//! A small plan is drawn whole, rows as tall as their text. Arrow keys
//! move the selection and keep it in view either way.
//!
//! The table sits in its own box that scrolls both ways: sideways when its
//! columns need more than the window's width (the page itself never
//! scrolls sideways; 序号 and 任务 stay in view, style/main.css), and down
//! within one screen under the top bar, so its headings stay in view.
//! Rows are drawn for what the box shows.

use crate::model::ledger::LedgerLine;
use crate::model::query::{Sort, SortKey};
use crate::ui::ledger::area_row::AreaRow;
use crate::ui::ledger::filter_bar::set_query;
use crate::ui::ledger::task_row::TaskRow;
use crate::ui::ledger::window::{
    box_height_guess, observe_size, view_height, visible, window_height, View, ROW, WINDOW_FROM,
};
use crate::ui::state::use_app;
use leptos::html::{Div, Tbody};
use leptos::prelude::*;

/// Whether `el`, having the keyboard, is the ledger's table or one of its
/// rows itself — where the table's keys (↑↓, Enter, Delete, …) act — and
/// not a control inside it, which keeps its keys (a quick edit's list
/// takes ↑↓, a heading's button Enter).
pub fn is_table_itself(el: &web_sys::Element) -> bool {
    el.matches(".ledger-table, .ledger-table tr")
        .unwrap_or(false)
}

#[component]
pub fn LedgerTable(
    /// The lines to show, in order.
    lines: Memo<Vec<LedgerLine>>,
) -> impl IntoView {
    let state = use_app();
    let panel = crate::ui::ledger::panel_state::use_panel();
    let body = NodeRef::<Tbody>::new();
    let scroller = NodeRef::<Div>::new();
    let windowed = Memo::new(move |_| lines.with(|l| l.len() > WINDOW_FROM));
    // The box's height and the rows it shows are worked out before the
    // page is first laid out, from the window's height (no layout needed)
    // and style/main.css's sizes, so the first measurement (from the
    // observer, after that layout) normally finds them right: it then
    // changes nothing, where a wrong guess re-drew the rows and a first
    // write of `--view-h` restyled the table inside the first frame (its
    // style, layout and observers ran four times, about 40 ms at start,
    // issue 19).
    let zoom = crate::ui::shell::text_size::current_zoom();
    let first_view_h = view_height(zoom);
    let viewport = RwSignal::new(View {
        body_top: 0.0,
        height: box_height_guess(zoom),
        row: ROW * zoom,
    });
    let view_h_set = StoredValue::new(first_view_h.clone());
    let measure = move || {
        let (Some(el), Some(bx)) = (body.get_untracked(), scroller.get_untracked()) else {
            return;
        };
        let zoom = crate::ui::shell::text_size::current_zoom();
        // The box is one screen high at most (under the top bar when that
        // stays in view, style/main.css): the window's height in the CSS
        // pixels of the page, whatever the text size.
        // Written only when it changes: a style write on every scroll event
        // would make the reads below lay the page out again each time.
        let view_h = view_height(zoom);
        if view_h_set.with_value(|v| *v != view_h) {
            let _ = web_sys::HtmlElement::style(&bx).set_property("--view-h", &view_h);
            view_h_set.set_value(view_h);
        }
        let bx_rect = bx.get_bounding_client_rect();
        let view = View {
            body_top: el.get_bounding_client_rect().top() - bx_rect.top(),
            height: bx_rect.height(),
            row: ROW * zoom,
        };
        if viewport.get_untracked() != view {
            viewport.set(view);
        }
    };
    let range = Memo::new(move |_| {
        let n = lines.with(Vec::len);
        if !windowed.get() {
            return (0, n);
        }
        visible(n, viewport.get())
    });
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
        move_selection(
            panel,
            lines,
            step,
            (body, scroller),
            windowed.get_untracked(),
        );
    });
    on_cleanup(move || {
        on_resize.remove();
        keys.remove();
    });
    // Measured when the box is laid out and whenever its size changes,
    // from a ResizeObserver, which reports after the browser's own layout:
    // measuring when the lines change (each search keystroke) made the
    // browser lay the page out an extra time, about 30 ms at 1,000 tasks.
    // New lines need no measuring: the box keeps its scroll offset, and a
    // shorter list that clamps it fires a scroll event.
    Effect::new(move |_| {
        if let Some(bx) = scroller.get() {
            observe_size(&bx, measure);
        }
    });
    // The table's focus ring is drawn on the box: the box would clip it,
    // and the sticky cells cover it.
    let ring = RwSignal::new(false);
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
        // The box that scrolls; the table in it is focusable, so the
        // keyboard reaches the tasks: ↑↓ choose one, Enter edits it, Tab
        // goes on to the chosen row's quick edits.
        <div class="ledger-scroll" data-testid="ledger-scroll" node_ref=scroller on:scroll=move |_| measure()
            style=format!("--view-h:{first_view_h}")
            class:focus-ring=move || ring.get()>
        <table class="ledger-table" class:windowed=move || windowed.get() tabindex="0"
            on:focus=move |e| ring.set(shows_focus(&e)) on:blur=move |_| ring.set(false)
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
        </div>
    }
}

/// Whether the element that took the focus shows it (`:focus-visible`:
/// from the keyboard, not from a click).
fn shows_focus(e: &web_sys::FocusEvent) -> bool {
    e.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .is_some_and(|el| el.matches(":focus-visible").unwrap_or(false))
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
    at: (NodeRef<Tbody>, NodeRef<Div>),
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
    let (body, scroller) = at;
    let (Some(el), Some(bx)) = (body.get_untracked(), scroller.get_untracked()) else {
        return;
    };
    let nearest = {
        let o = web_sys::ScrollIntoViewOptions::new();
        o.set_block(web_sys::ScrollLogicalPosition::Nearest);
        o.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        o
    };
    if windowed {
        // The row may not be drawn yet. The box comes into view whole
        // (it is one screen high at most); then the row's place in it is
        // arithmetic, rows having a fixed height.
        let (top, bottom) = shown_part(&el, &bx);
        if top > bottom || bottom - top < ROW {
            bx.scroll_into_view_with_scroll_into_view_options(&nearest);
        }
        let zoom = crate::ui::shell::text_size::current_zoom();
        let row = ROW * zoom;
        let (top, bottom) = shown_part(&el, &bx);
        let row_top = el.get_bounding_client_rect().top() + line as f64 * row;
        if row_top < top || row_top + row > bottom {
            let middle = (top + bottom - row) / 2.0;
            bx.scroll_by_with_x_and_y(0.0, (row_top - middle) / zoom);
        }
    } else if let Some(row) = el
        .query_selector(&format!("tr[data-task-id='{}']", tasks[next].1))
        .ok()
        .flatten()
    {
        // Both the box and the page scroll as little as needed; their
        // scroll-padding keeps the row clear of the headings and top bar.
        let (top, bottom) = shown_part(&el, &bx);
        let r = row.get_bounding_client_rect();
        if r.top() < top || r.bottom() > bottom {
            row.scroll_into_view_with_scroll_into_view_options(&nearest);
        }
    }
}

/// The part of the window where the table's rows are seen, as screen
/// tops and bottoms: inside the box, below its headings and the top bar,
/// above the box's sideways scroll bar and the window's bottom.
fn shown_part(body: &web_sys::HtmlElement, bx: &web_sys::HtmlElement) -> (f64, f64) {
    let b = bx.get_bounding_client_rect();
    // A heading cell: they stick to the box's top, their row does not.
    let headings = body
        .previous_element_sibling()
        .and_then(|h| h.query_selector("th").ok().flatten())
        .map_or(0.0, |h| h.get_bounding_client_rect().bottom());
    let bar = document()
        .query_selector(".app-header")
        .ok()
        .flatten()
        .map_or(0.0, |h| h.get_bounding_client_rect().bottom());
    let top = headings.max(bar).max(b.top());
    let bottom = (b.top()
        + f64::from(bx.client_height()) * crate::ui::shell::text_size::current_zoom())
    .min(window_height());
    (top, bottom)
}
