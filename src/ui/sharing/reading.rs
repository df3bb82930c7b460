//! Reading a file the user chose or dropped: refused before reading when
//! too large, read without blocking the page (progress reported), then
//! checked for what it is before the worker restores it.

use crate::ui::worker::plans::{incoming, Kept};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Files larger than this are refused before they are read: a year's plan
/// of 5,000 tasks with a year of reports is a few megabytes.
pub const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// "1.5 MB", "320 KB".
pub fn size_text(bytes: f64) -> String {
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / 1024.0 / 1024.0)
    } else {
        format!("{:.0} KB", (bytes / 1024.0).ceil())
    }
}

/// Why a file is refused before reading, if it is.
pub fn refuse_before_reading(name: &str, bytes: f64) -> Option<String> {
    if bytes == 0.0 {
        return Some(format!("文件“{name}”是空的，没有可导入的内容"));
    }
    if bytes > MAX_BYTES {
        return Some(format!(
            "文件“{name}”大小为 {}，超过 {} 的上限，不是落实的数据文件（落实的数据文件通常只有几 MB）。文件没有读取，当前计划没有任何改动。",
            size_text(bytes),
            size_text(MAX_BYTES)
        ));
    }
    None
}

/// What the text of a file is: a Luoshi plan (perhaps a 填报包), restored
/// in the worker and kept there for the merge, or why not.
pub async fn interpret(name: &str, text: &str) -> Result<Kept, String> {
    // A spreadsheet (xlsx, ods) or any zip renamed to .json.
    if text.starts_with("PK\u{3}\u{4}") {
        return Err(format!(
            "文件“{name}”是 Excel 表格或压缩文件（可能只是扩展名被改成了 .json），不是落实的数据文件。当前计划没有任何改动。"
        ));
    }
    if text.starts_with("\u{d0}\u{cf}\u{11}\u{e0}") || text.contains('\u{0}') {
        return Err(format!(
            "文件“{name}”不是文本文件（可能是旧版 Excel 或其他程序的文件），不是落实的数据文件。当前计划没有任何改动。"
        ));
    }
    let unchanged = "当前计划没有任何改动。";
    match incoming(text).await {
        Ok(Ok(kept)) => Ok(kept),
        Ok(Err(e)) => Err(format!("文件“{name}”无法导入：{e}。{unchanged}")),
        Err(e) => Err(format!("文件“{name}”无法导入：{e}。{unchanged}")),
    }
}

/// Reads `file` as UTF-8 text; `progress(loaded, total)` is called as it
/// goes, then `done` once with the text or a message.
pub fn read(
    file: &web_sys::File,
    progress: impl Fn(f64, f64) + 'static,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    let Ok(reader) = web_sys::FileReader::new() else {
        return done(Err("浏览器无法读取文件".into()));
    };
    let on_progress =
        Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            progress(e.loaded(), e.total())
        });
    reader.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let reader = reader.clone();
        let done = done.clone();
        Closure::<dyn Fn()>::new(move || {
            let result = match reader.result() {
                Ok(v) => v
                    .as_string()
                    .ok_or_else(|| "文件内容无法作为文本读取".to_string()),
                Err(_) => Err("读取文件失败".to_string()),
            };
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        })
    };
    let fail = Closure::<dyn Fn()>::new(move || {
        if let Some(done) = done.borrow_mut().take() {
            done(Err("读取文件失败（文件可能已被移动或没有读取权限）".into()));
        }
    });
    reader.set_onload(Some(finish.as_ref().unchecked_ref()));
    reader.set_onerror(Some(fail.as_ref().unchecked_ref()));
    // The closures live as long as the page: one small leak per file read.
    on_progress.forget();
    finish.forget();
    fail.forget();
    if reader.read_as_text(file).is_err() {
        // `done` was moved into the closures; report through the error path.
        if let Some(f) = reader.onerror() {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}
