//! The 工作要点 reader through the worker (excel-worker/src/breakdown.rs):
//! a chosen Word document or text file, or pasted text, read into a
//! proposed plan. The
//! reading (zip, XML, Word's numbering, the reader itself) runs there, so
//! none of it is in the start-up download and a large document never
//! holds up the page. Every error is a message for the user, in Chinese.

use crate::format::breakdown::Proposal;
use crate::model::plan::Unit;
use crate::ui::worker::client::ask_json as ask;

/// The largest file sent to the worker: far above any 工作要点 (a
/// hundred-page .docx is a few MB), low enough not to exhaust memory.
pub const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

fn registry_json(registry: &[Unit]) -> Result<String, String> {
    serde_json::to_string(registry).map_err(|e| format!("单位名录无法写出：{e}"))
}

/// Reads the chosen `file` (.docx; .txt in UTF-8, UTF-16 or GB18030) into
/// a proposal against the plan's units `registry`; `year` is used when
/// the document names none. The worker reads the file itself. Old Word
/// (.doc) and WPS (.wps) files, PDF, Excel and damaged files are refused
/// with what to do instead.
pub async fn read_document(
    file: &web_sys::File,
    registry: &[Unit],
    year: i32,
) -> Result<Proposal, String> {
    if file.size() > MAX_FILE_BYTES {
        return Err("文件超过 64 MB，不像工作要点，未读取".into());
    }
    ask(
        "breakdown_read",
        &[
            file.into(),
            file.name().into(),
            registry_json(registry)?.into(),
            year.into(),
        ],
    )
    .await
}

/// Reads pasted `text` into a proposal, as `read_document`.
pub async fn read_text(text: &str, registry: &[Unit], year: i32) -> Result<Proposal, String> {
    ask(
        "breakdown_text",
        &[text.into(), registry_json(registry)?.into(), year.into()],
    )
    .await
}
