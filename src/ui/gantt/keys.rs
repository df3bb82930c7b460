//! Walking the Gantt by keyboard: ↑ ↓ (and Page Up/Down, Home, End) move
//! the focus from row to row, scrolling rows not yet drawn into view; ←
//! collapses and → expands the branch or group of the focused row.

use crate::model::charts::gantt::Line;
use crate::ui::gantt::row::{Fold, ROW_HEIGHT};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The header above the rows stays in place while scrolling.
const HEAD: f64 = 24.0;

/// Handles `e` on the scroll area holding `count` lines. `pending` is the
/// row a previous key moved to and that is not focused yet (it is drawn
/// and focused on the next frame; a key pressed meanwhile moves on from
/// there, not from the row still focused).
pub fn walk(
    e: &leptos::ev::KeyboardEvent,
    count: usize,
    line_at: impl Fn(usize) -> Option<Line>,
    toggle: Callback<Fold>,
    scroll_top: RwSignal<f64>,
    pending: StoredValue<Option<usize>>,
) {
    let Some(scroller) = e
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let focused = document()
        .active_element()
        .and_then(|el| el.closest("[data-index]").ok().flatten())
        .and_then(|row| row.get_attribute("data-index"))
        .and_then(|i| i.parse::<usize>().ok());
    let Some(at) = pending.get_value().or(focused) else {
        return;
    };
    if count == 0 {
        return;
    }
    let page = ((scroller.client_height() as f64 - HEAD) / ROW_HEIGHT)
        .floor()
        .max(1.0) as usize;
    let to = match e.key().as_str() {
        "ArrowDown" => (at + 1).min(count - 1),
        "ArrowUp" => at.saturating_sub(1),
        "PageDown" => (at + page).min(count - 1),
        "PageUp" => at.saturating_sub(page),
        "Home" => 0,
        "End" => count - 1,
        "ArrowLeft" | "ArrowRight" => {
            let open = e.key() == "ArrowRight";
            let fold = match line_at(at) {
                Some(Line::Task(r)) if r.has_children && r.collapsed == open => {
                    Some(Fold::Task(r.id))
                }
                Some(Line::Group(g)) if g.closed == open => Some(Fold::Group(g.key)),
                _ => None,
            };
            if let Some(fold) = fold {
                e.prevent_default();
                toggle.run(fold);
                focus_row(at, pending);
            }
            return;
        }
        _ => return,
    };
    e.prevent_default();
    // Bring the row into view under the header, then focus it once drawn.
    let top = to as f64 * ROW_HEIGHT;
    let now = scroller.scroll_top() as f64;
    let height = scroller.client_height() as f64 - HEAD;
    let next = if top < now {
        top
    } else if top + ROW_HEIGHT > now + height {
        top + ROW_HEIGHT - height
    } else {
        now
    };
    if next != now {
        scroller.set_scroll_top(next as i32);
        scroll_top.set(next);
    }
    focus_row(to, pending);
}

/// Focuses row `i`'s link or toggle after the next drawing.
fn focus_row(i: usize, pending: StoredValue<Option<usize>>) {
    pending.set_value(Some(i));
    request_animation_frame(move || {
        // The page may have gone meanwhile.
        if pending.try_update_value(|p| *p = None).is_none() {
            return;
        }
        let found = document()
            .query_selector(&format!(
                "[data-testid='gantt-scroll'] [data-index='{i}'] [data-focus]"
            ))
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = found {
            let _ = el.focus();
        }
    });
}
