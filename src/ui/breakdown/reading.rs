//! Reading pasted text or a chosen file into a proposal, in the worker.
//! The file's kind is told by its name first, so an old Word or WPS file
//! is refused at once with what to do (the worker checks its bytes too).

use crate::format::breakdown::BreakdownError;
use crate::ui::breakdown::state::{registry, Breakdown, Stage};
use crate::ui::state::AppState;
use chrono::Datelike;
use leptos::prelude::*;

use crate::ui::worker::breakdown::MAX_FILE_BYTES;

/// What a file's name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Docx,
    Text,
    /// .doc / .wps: an old binary format the reader cannot open.
    OldWord,
    Other,
}

pub fn kind_of(name: &str) -> Kind {
    let lower = name.to_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "docx" => Kind::Docx,
        "txt" | "text" => Kind::Text,
        "doc" | "wps" | "wpt" | "dot" => Kind::OldWord,
        _ => Kind::Other,
    }
}

/// Said for a .doc or .wps file.
pub const OLD_WORD: &str = "这是旧版 Word（.doc）或 WPS（.wps）格式的文件，无法直接读取。请在 Word 或 WPS 中打开它，选择“另存为”，保存类型选“Word 文档（*.docx）”，再选择保存好的 .docx 文件；也可以复制全文后粘贴到上面的文本框。";

fn fallback_year(state: AppState) -> i32 {
    state.today.with_untracked(|t| t.date.year())
}

/// Reads the pasted text.
pub fn read_pasted(state: AppState, bd: Breakdown) {
    let text = bd.text.get_untracked();
    if text.trim().is_empty() {
        bd.stage
            .set(Stage::Failed(BreakdownError::Empty.to_string()));
        return;
    }
    let run = bd.begin("正在读取粘贴的文字……".into());
    let units = registry(state);
    let year = fallback_year(state);
    leptos::task::spawn_local(async move {
        let found = crate::ui::worker::breakdown::read_text(&text, &units, year).await;
        bd.finish(run, "粘贴的文字".into(), found);
    });
}

/// Reads a chosen or dropped file.
pub fn read_file(state: AppState, bd: Breakdown, file: web_sys::File) {
    let name = file.name();
    match kind_of(&name) {
        Kind::OldWord => return bd.stage.set(Stage::Failed(format!("“{name}”：{OLD_WORD}"))),
        Kind::Other => {
            return bd.stage.set(Stage::Failed(format!(
                "“{name}”不是 Word 文档（.docx）或文本文件（.txt），无法读取工作要点。"
            )))
        }
        Kind::Docx | Kind::Text => {}
    }
    if file.size() > MAX_FILE_BYTES {
        return bd.stage.set(Stage::Failed(format!(
            "“{name}”有 {:.0} MB，超过 64 MB，不像工作要点文件，未读取。",
            file.size() / 1024.0 / 1024.0
        )));
    }
    let run = bd.begin(format!("正在读取“{name}”……"));
    let units = registry(state);
    let year = fallback_year(state);
    leptos::task::spawn_local(async move {
        let found = crate::ui::worker::breakdown::read_document(&file, &units, year).await;
        bd.finish(run, format!("文件“{name}”"), found);
    });
}
