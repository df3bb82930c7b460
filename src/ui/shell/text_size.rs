//! 文字大小: clerks with weak eyes can enlarge the whole page (text and
//! everything around it, as the browser's zoom does, so the layout keeps
//! its proportions). Remembered by this browser, not by the plan: it is a
//! matter of the person at this computer.

use crate::store::local;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The sizes offered: key, label, zoom.
const SIZES: [(&str, &str, f64); 3] = [
    ("standard", "标准", 1.0),
    ("large", "较大", 1.15),
    ("larger", "特大", 1.3),
];

fn zoom_of(key: &str) -> f64 {
    SIZES
        .iter()
        .find(|(k, ..)| *k == key)
        .map_or(1.0, |(.., z)| *z)
}

fn saved() -> String {
    local::repo()
        .text_size()
        .filter(|k| SIZES.iter().any(|(s, ..)| s == k))
        .unwrap_or_else(|| "standard".into())
}

fn apply(key: &str) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let zoom = zoom_of(key);
        let _ = if zoom == 1.0 {
            root.style().remove_property("zoom").map(|_| ())
        } else {
            root.style().set_property("zoom", &zoom.to_string())
        };
    }
}

/// The zoom the page is shown at now (the root's `zoom`, set by `apply`):
/// how many screen pixels one CSS pixel takes. Read from the style, not
/// measured: a measured ratio of whole-pixel and fractional heights
/// wobbles with the measured element's size, and the ledger's box, sized
/// from it, then never settled.
pub fn current_zoom() -> f64 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .and_then(|root| root.style().get_property_value("zoom").ok())
        .and_then(|z| z.trim().parse::<f64>().ok())
        .filter(|z| *z > 0.0)
        .unwrap_or(1.0)
}

/// Applies the size this browser remembers (at start).
pub fn apply_saved() {
    apply(&saved());
}

/// The choice on the settings page.
#[component]
pub fn TextSizeSetting() -> impl IntoView {
    let current = RwSignal::new(saved());
    let message = RwSignal::new(None::<String>);
    let choose = move |key: String| {
        apply(&key);
        message.set(match local::repo().set_text_size(&key) {
            Ok(()) => None,
            Err(e) => Some(format!("本机浏览器未能记住文字大小：{}", e.cause())),
        });
        current.set(key);
    };
    view! {
        <label class="field">
            <span class="field-label">"文字大小（本机浏览器记住）"</span>
            <select data-testid="text-size" prop:value=move || current.get()
                on:change=move |e| choose(event_target_value(&e))>
                {SIZES.into_iter().map(|(k, label, _)| view! { <option value=k>{label}</option> }).collect_view()}
            </select>
        </label>
        {move || message.get().map(|m| view! { <p class="alert alert-warn" role="alert">{m}</p> })}
    }
}
