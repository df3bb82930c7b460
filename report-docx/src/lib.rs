//! The 落实情况通报 (issue 21) as a Word document for the office to edit
//! before issuing: the pure core drafts it (`luoshi::model::report`), this
//! crate lays it out on the official page (GB/T 9704-2012 as far as
//! docx-rs writes it) and packs the .docx. It runs in the worker
//! (excel-worker/), loaded on first use, so docx-rs is never in the app's
//! start-up download; it is a crate of its own so the layout is tested
//! natively (tests/), as the worker has no library target.
//!
//! - `page`: the page, fonts, styles and page numbers;
//! - `report`: the 通报 with 附件1 and 附件2; `leaders`: the 领导版;
//! - `tables`: the three tables; `package`: the .docx bytes.

mod leaders;
mod package;
pub mod page;
mod report;
mod tables;

use luoshi::model::report::{Draft, LeaderSheet};

pub use leaders::figures_text;
pub use tables::LEADER_HEADERS;

/// The 通报 `draft` as a .docx file.
pub fn report_docx(draft: &Draft) -> Result<Vec<u8>, String> {
    package::pack(report::document(draft))
}

/// The 领导版 as a .docx file: a page per sheet.
pub fn leaders_docx(sheets: &[LeaderSheet]) -> Result<Vec<u8>, String> {
    package::pack(leaders::document(sheets))
}
