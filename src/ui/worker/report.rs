//! The 通报 and its 领导版 as Word documents, written by the worker
//! (`ui::worker::client`) with docx-rs in its own wasm (report-docx/), so
//! none of that is in the start-up download. The page drafts them
//! (`model::report`) and sends the drafts as JSON; the answers are the
//! .docx files' bytes, for `ui::download::download_bytes` with `DOCX`.

use crate::model::report::{Draft, LeaderSheet};
use crate::ui::worker::client::{bytes_of, call, UNAVAILABLE};
use js_sys::Array;

/// The type of a .docx file, for the download.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async fn docx<T: serde::Serialize + ?Sized>(kind: &str, value: &T) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(value).map_err(|e| format!("{UNAVAILABLE}（{e}）"))?;
    bytes_of(call(kind, Array::of1(&json.into()), None).await?)
}

/// The 通报 `draft` on the official page (A4, GB/T 9704-2012), 附件1 and
/// 附件2 each starting a page, as a .docx file.
pub async fn report_docx(draft: &Draft) -> Result<Vec<u8>, String> {
    docx("report_docx", draft).await
}

/// The 领导版: a page per leader's sheet, as a .docx file.
pub async fn leaders_docx(sheets: &[LeaderSheet]) -> Result<Vec<u8>, String> {
    docx("leaders_docx", sheets).await
}
