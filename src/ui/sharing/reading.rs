//! A file the user chose or dropped: refused before reading when too
//! large, then read and checked by the worker, off the page's thread.

use crate::ui::worker::plans::{incoming_file, Kept};

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

/// What an imported file is: read and restored in the worker (the file
/// itself is handed over, so its text never passes through the page's
/// thread) and its plan kept there for the merge; or why not, in words.
pub async fn check(name: &str, file: &web_sys::File) -> Result<Kept, String> {
    match incoming_file(name, file).await {
        Ok(kept) => kept,
        Err(e) => Err(format!("文件“{name}”无法导入：{e}。当前计划没有任何改动。")),
    }
}
