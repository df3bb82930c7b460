//! The screen shown if the app itself crashes (a Rust panic). After a panic
//! the wasm instance cannot be trusted to run again, so this is built with
//! plain DOM calls inside the panic hook, and its download link is a ready
//! blob URL that needs no further Rust code when clicked.

use crate::store::plans::{read_list, LEGACY_KEY, LIST_KEY};
use wasm_bindgen::JsCast;

/// Installs the panic hook: log to the console, then show the crash screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Puts the crash screen over the page. `detail` is the technical message,
/// shown as text for whoever supports the office.
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id("crash-screen").is_some() {
        return; // a second panic while showing the first
    }
    let el = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(screen) = el("div", "") else { return };
    screen.set_id("crash-screen");
    let _ = screen.set_attribute("data-testid", "crash-screen");
    let _ = screen.set_attribute("role", "alert");
    let parts = [
        el("h1", "落实遇到内部错误，已停止运行"),
        el(
            "p",
            "最近一次成功保存的数据仍在本机浏览器中。请先下载这份数据留存，再重新载入页面；如问题反复出现，请把下方的错误信息和数据文件交给技术支持人员。",
        ),
        download_link(&document),
        reload_link(&document),
        el("pre", detail),
    ];
    for p in parts.into_iter().flatten() {
        let _ = screen.append_child(&p);
    }
    let _ = body.append_child(&screen);
}

fn download_link(document: &web_sys::Document) -> Option<web_sys::Element> {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    // The plan this tab shows (the app keeps its key on the page), else the
    // one the plan list names.
    let shown = document
        .document_element()
        .and_then(|root| root.get_attribute("data-plan-key"))
        .filter(|k| !k.is_empty());
    let key = shown
        .or_else(|| {
            storage
                .as_ref()
                .and_then(|s| s.get_item(LIST_KEY).ok().flatten())
                .and_then(|t| read_list(Some(&t)))
                .and_then(|l| l.current_entry().map(|e| e.key.clone()))
        })
        .unwrap_or_else(|| LEGACY_KEY.to_string());
    // Plans are stored packed: the download is the plan's text, unpacked
    // when it unpacks, else the value as stored.
    let stored = storage
        .and_then(|s| s.get_item(&key).ok().flatten())
        .map(|v| crate::store::stored::text_of(&v));
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.unchecked_into();
    let _ = a.set_attribute("data-testid", "crash-download");
    match stored.as_deref().and_then(super::download::text_url) {
        Some(url) => {
            a.set_href(&url);
            a.set_download("落实-崩溃时的数据.json");
            a.set_text_content(Some("下载已保存的数据"));
        }
        None => a.set_text_content(Some("（本机没有已保存的数据可下载）")),
    }
    Some(a.into())
}

fn reload_link(document: &web_sys::Document) -> Option<web_sys::Element> {
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.unchecked_into();
    let href = web_sys::window()?.location().href().ok()?;
    a.set_href(&href);
    a.set_text_content(Some("重新载入页面"));
    Some(a.into())
}

/// Panics on purpose. Exported (as `luoshiCrashSelfTest`) so the end-to-end
/// test can prove that the shipped build shows the crash screen on a real
/// panic; nothing in the page calls it.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = luoshiCrashSelfTest)]
pub fn crash_self_test() {
    panic!("落实自检：故意触发的内部错误");
}
