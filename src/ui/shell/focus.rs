//! Keeping the keyboard inside a modal dialog (Tab and Shift+Tab go round
//! its controls) and giving the focus back to what opened it.

use wasm_bindgen::JsCast;

const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// The controls inside `container` that take the keyboard, in order.
pub fn focusable(container: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = container.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// On Tab at the last control (or Shift+Tab at the first), moves to the
/// other end, so the focus never leaves `container`.
pub fn keep_tab_inside(e: &web_sys::KeyboardEvent, container: &web_sys::Element) {
    if e.key() != "Tab" {
        return;
    }
    let controls = focusable(container);
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    };
    let outside = active.as_ref().is_none_or(|a| !container.contains(Some(a)));
    if e.shift_key() && (at(first) || outside) {
        e.prevent_default();
        let _ = last.focus();
    } else if !e.shift_key() && (at(last) || outside) {
        e.prevent_default();
        let _ = first.focus();
    }
}

/// The element that has the keyboard now, to give it back later.
pub fn active() -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Gives the keyboard back to `el` if it is still in the page.
pub fn give_back(el: &web_sys::HtmlElement) {
    if el.is_connected() {
        let _ = el.focus();
    }
}
