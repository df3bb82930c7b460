//! Offers text to the user as a file download, without any network request.

use wasm_bindgen::JsCast;

/// Creates a download of `text` named `file_name`. Returns a Chinese message
/// if the browser refused.
pub fn download_text(file_name: &str, text: &str) -> Result<(), String> {
    let url = text_url(text).ok_or_else(|| "无法生成下载文件（无法创建文件）".to_string())?;
    download_url(file_name, url)
}

/// Creates a download of `bytes` of type `mime` named `file_name`.
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let fail = || "无法生成下载文件（无法创建文件）".to_string();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(|_| fail())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail())?;
    download_url(file_name, url)
}

fn download_url(file_name: &str, url: String) -> Result<(), String> {
    let fail = |what: &str| format!("无法生成下载文件（{what}）");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("没有页面"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("无法创建链接"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // The click only queues the download, and no event says when the
    // browser has taken the file; revoking now can leave it empty (the
    // damage panel's "已下载，直接替换" relies on the file being whole). A
    // minute is ample, as FileSaver.js found.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// An object URL holding `text` as a UTF-8 JSON file.
pub fn text_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// A file name stamped with the date, e.g. `落实-数据-2026-06-30.json`.
pub fn stamped_name(what: &str, date: chrono::NaiveDate) -> String {
    format!("落实-{what}-{}.json", crate::model::date::format_date(date))
}
