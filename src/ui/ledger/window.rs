//! The ledger table's windowing: a large plan draws only the rows in view
//! and a margin around them, rows of one fixed height, so which rows those
//! are is arithmetic on the box's measurements; and the box's first size,
//! worked out before the page is laid out (ui/ledger/table.rs draws it).

use leptos::prelude::*;

/// Fixed row height in pixels when windowed (style/main.css agrees).
pub(super) const ROW: f64 = 36.0;
/// Plans with more lines than this are windowed.
pub(super) const WINDOW_FROM: usize = 150;
/// Rows drawn above and below the ones in view.
const MARGIN: usize = 12;
/// The top bar's usual height in CSS pixels (style/main.css's guess for
/// `--header-h`, which ui/shell/header.rs keeps).
const HEADER_GUESS: f64 = crate::ui::shell::header::HEADER_GUESS_PX;

/// Where the table body is, in screen pixels (with the text size's zoom a
/// windowed row is `row` pixels high on screen, not `ROW`).
#[derive(Clone, Copy, PartialEq)]
pub(super) struct View {
    /// Top of the table body relative to the top of the box (negative
    /// once scrolled past it).
    pub(super) body_top: f64,
    /// Height of the box.
    pub(super) height: f64,
    /// Height of a windowed row.
    pub(super) row: f64,
}

/// The first and last+1 line drawn.
pub(super) fn visible(lines: usize, v: View) -> (usize, usize) {
    let row = if v.row > 0.0 { v.row } else { ROW };
    let first = ((-v.body_top).max(0.0) / row).floor() as usize;
    let count = (v.height / row).ceil() as usize + 1;
    (
        first.saturating_sub(MARGIN).min(lines),
        (first + count + MARGIN).min(lines),
    )
}

/// Calls `changed` once `el` is laid out and whenever its size changes,
/// until the ledger is left.
pub(super) fn observe_size(el: &web_sys::HtmlElement, changed: impl Fn() + 'static) {
    let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(changed);
    if let Ok(observer) =
        web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(on_change.as_ref()))
    {
        observer.observe(el);
        // Disconnected first, then the callback dropped: never called
        // after it is gone.
        let callback = StoredValue::new_local(Some(on_change));
        on_cleanup(move || {
            observer.disconnect();
            callback.try_update_value(Option::take);
        });
    }
}

pub(super) fn window_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(900.0)
}

/// `--view-h`: the window's height in the page's CSS pixels at `zoom`.
pub(super) fn view_height(zoom: f64) -> String {
    format!("{:.1}px", window_height() / zoom)
}

/// The box's height on screen as style/main.css makes it when the plan
/// fills it: the window's height less the top bar (its usual 88 px, where
/// the window is tall enough for it to stay in view) and 56 px, at least
/// 16em. Only a first guess; the box is measured once laid out.
pub(super) fn box_height_guess(zoom: f64) -> f64 {
    let css = window_height() / zoom;
    let bar = if css >= 480.0 { HEADER_GUESS } else { 0.0 };
    (css - bar - 56.0).max(16.0 * 16.0) * zoom
}
