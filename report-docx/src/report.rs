//! The 通报 as a document: title, 主送, the body under its 一、 headings
//! with the （一） leads in 楷体, the 附件 note, the 落款 and date, then 附件1
//! and 附件2 each on a page of its own, 附件2 landscape.

use docx_rs::{Docx, Paragraph, Run, SpecialIndentType};
use luoshi::model::report::{Draft, Paragraph as DraftParagraph};

use crate::page::{blank_line, half_widths, style, styled, CHAR};
use crate::tables;

/// A body paragraph: the run-in lead (if any) in 楷体, then the text.
fn body_paragraph(p: &DraftParagraph) -> Paragraph {
    let mut out = Paragraph::new().style(style::BODY);
    if !p.lead.is_empty() {
        out = out.add_run(Run::new().style(style::LEAD).add_text(&p.lead));
    }
    out.add_run(Run::new().add_text(&p.text))
}

/// "附件：1．……" and the titles after the first aligned under it.
fn attachment_note(titles: &[&str]) -> Vec<Paragraph> {
    titles
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let n = i + 1;
            if i == 0 {
                styled(style::BODY, &format!("附件：{n}．{title}"))
            } else {
                // Two characters of indent and "附件：".
                Paragraph::new()
                    .style(style::BODY)
                    .indent(
                        Some(5 * CHAR),
                        Some(SpecialIndentType::FirstLine(0)),
                        None,
                        None,
                    )
                    .add_run(Run::new().add_text(format!("{n}．{title}")))
            }
        })
        .collect()
}

/// The 落款 over the date: the date four characters in from the right,
/// the issuer centred over it (GB/T 9704-2012 7.3.5.1, a sealed document).
fn signature(issuer: &str, date: &str) -> Vec<Paragraph> {
    let right = |halves: i32| {
        Paragraph::new().style(style::SIGNATURE).indent(
            Some(0),
            None,
            Some(halves.max(0) * CHAR / 2),
            None,
        )
    };
    let date_right = 8;
    let issuer_right = date_right + (half_widths(date) - half_widths(issuer)) / 2;
    let mut out = Vec::new();
    if !issuer.trim().is_empty() {
        out.push(right(issuer_right).add_run(Run::new().add_text(issuer.trim())));
    }
    if !date.trim().is_empty() {
        out.push(right(date_right).add_run(Run::new().add_text(date.trim())));
    }
    out
}

/// An attachment's page: "附件N" at the top left, its title, the day it
/// counts to, and the table. With `break_page`, it starts a page;
/// otherwise a section break before it does.
fn attachment(
    docx: Docx,
    n: usize,
    (title, as_of): (&str, &str),
    table: docx_rs::Table,
    break_page: bool,
) -> Docx {
    docx.add_paragraph(
        styled(style::ATTACHMENT_MARK, &format!("附件{n}")).page_break_before(break_page),
    )
    .add_paragraph(blank_line())
    .add_paragraph(styled(style::TITLE, title))
    .add_paragraph(styled(style::SUBTITLE, as_of))
    .add_paragraph(blank_line())
    .add_table(table)
}

/// The 通报 on the official page.
pub fn document(draft: &Draft) -> Docx {
    // The file's creation date (docProps): the day the draft is judged
    // as, rather than docx-rs's 1970 (it reads no clock).
    let created = format!("{}T00:00:00Z", draft.as_of.format("%Y-%m-%d"));
    let mut docx = crate::page::blank()
        .created_at(&created)
        .updated_at(&created)
        .add_paragraph(styled(style::TITLE, &draft.title))
        .add_paragraph(styled(style::SUBTITLE, &draft.period_line))
        .add_paragraph(blank_line())
        .add_paragraph(styled(style::FLUSH, &draft.addressees))
        .add_paragraph(styled(style::BODY, &draft.opening));
    for section in draft.body() {
        docx = docx.add_paragraph(styled(style::HEADING, &section.heading).keep_next(true));
        for p in &section.paragraphs {
            docx = docx.add_paragraph(body_paragraph(p));
        }
    }
    let titles = draft.attachment_titles();
    docx = docx.add_paragraph(blank_line());
    for p in attachment_note(&titles) {
        docx = docx.add_paragraph(p);
    }
    // Room for the seal above the 落款.
    docx = docx.add_paragraph(blank_line()).add_paragraph(blank_line());
    for p in signature(&draft.issuer, &draft.date_line) {
        docx = docx.add_paragraph(p);
    }
    let as_of = format!("（截至{}）", draft.as_of.format("%Y年%-m月%-d日"));
    docx = attachment(
        docx,
        1,
        (titles[0], &as_of),
        tables::summary(&draft.summary),
        true,
    );
    // 附件2's eight columns on a landscape page, a section of its own.
    docx = docx.add_paragraph(crate::page::end_portrait_section());
    docx = attachment(
        docx,
        2,
        (titles[1], &as_of),
        tables::lagging(&draft.lagging),
        false,
    );
    crate::page::landscape(docx.add_paragraph(Paragraph::new().style(style::CELL)))
}
