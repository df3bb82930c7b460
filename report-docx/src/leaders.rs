//! The 领导版 as a document: a page per 责任领导 (landscape, for the
//! table's seven columns), each with the leader's figures in a sentence
//! and the table of their work items.

use docx_rs::{Docx, Paragraph};
use luoshi::model::report::{Figures, LeaderSheet};

use crate::page::{blank_line, style, styled};
use crate::tables;

/// "共有工作事项8项，已办结3项，……办结率37.5%。"
pub fn figures_text(f: &Figures) -> String {
    let mut text = format!(
        "共有工作事项{}项，已办结{}项，按序时推进{}项，进度滞后{}项，已逾期{}项",
        f.total,
        f.closed(),
        f.on_schedule,
        f.lagging,
        f.overdue
    );
    if f.halted > 0 {
        text.push_str(&format!("，暂缓或中止{}项", f.halted));
    }
    text.push_str(&format!("，办结率{}。", f.rate_text()));
    text
}

/// Every leader's sheet, each starting a page.
pub fn document(sheets: &[LeaderSheet]) -> Docx {
    let mut docx = crate::page::landscape(crate::page::blank());
    if sheets.is_empty() {
        return docx.add_paragraph(styled(style::BODY, "没有工作事项。"));
    }
    for (i, sheet) in sheets.iter().enumerate() {
        docx = docx
            .add_paragraph(styled(style::TITLE, &sheet.title).page_break_before(i > 0))
            .add_paragraph(styled(
                style::SUBTITLE,
                &format!("（{}）", sheet.as_of_line),
            ))
            .add_paragraph(blank_line())
            .add_paragraph(styled(style::BODY, &figures_text(&sheet.figures)))
            .add_paragraph(blank_line())
            .add_table(tables::leader_items(&sheet.items));
    }
    docx.add_paragraph(Paragraph::new().style(style::CELL))
}
