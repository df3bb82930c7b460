//! Packing a document into .docx bytes, with the two things docx-rs 0.4.22
//! cannot say, added to the parts it renders before it zips them:
//!
//! - the font table: docx-rs always writes the same three Latin fonts; ours
//!   lists the Chinese fonts the styles name, each with its GB 2312
//!   character set and the alternative name of the font a computer without
//!   it uses (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体),
//!   which Word and WPS look fonts up by;
//! - repeated header rows: docx-rs has no `w:tblHeader`. The writer marks
//!   header rows, and only them, with `w:cantSplit` (a header row should
//!   not break either), and each such mark gains a `w:tblHeader` here. The
//!   pinned version writes the mark as `<w:cantSplit />` (checked by the
//!   tests, which count the header rows).

use docx_rs::Docx;
use std::io::Cursor;

use crate::page::{BODY_FONT, HEADING_FONT, LEAD_FONT, NUMBER_FONT, TITLE_FONT};

/// How the writer marks a header row (`TableRow::cant_split`).
const HEADER_MARK: &str = "<w:cantSplit />";
const HEADER_ROW: &str = "<w:cantSplit /><w:tblHeader />";

/// The fonts named anywhere in the document, with the name of the font to
/// use where they are missing (`w:altName`).
const FONTS: [(&str, &str); 5] = [
    (TITLE_FONT, "宋体"),
    (BODY_FONT, "仿宋"),
    (HEADING_FONT, "SimHei"),
    (LEAD_FONT, "楷体"),
    (NUMBER_FONT, "SimSun"),
];

/// The font table part. The names are the constants above (no text from
/// the draft), so nothing here needs escaping.
fn font_table() -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    for (name, alt) in FONTS {
        // charset 86: GB 2312.
        xml.push_str(&format!(
            r#"<w:font w:name="{name}"><w:altName w:val="{alt}" /><w:charset w:val="86" /><w:family w:val="modern" /><w:pitch w:val="fixed" /></w:font>"#
        ));
    }
    xml.push_str(
        r#"<w:font w:name="Times New Roman"><w:charset w:val="00" /><w:family w:val="roman" /><w:pitch w:val="variable" /></w:font></w:fonts>"#,
    );
    xml.into_bytes()
}

/// The document part with every marked header row made a repeated one.
fn repeat_header_rows(document: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(document) {
        Ok(text) => text.replace(HEADER_MARK, HEADER_ROW).into_bytes(),
        // docx-rs writes UTF-8; were it not to, the rows would still be
        // there, only not repeated.
        Err(e) => e.into_bytes(),
    }
}

/// The .docx file of `docx`.
pub fn pack(docx: Docx) -> Result<Vec<u8>, String> {
    let mut parts = docx.build();
    parts.font_table = font_table();
    parts.document = repeat_header_rows(parts.document);
    let mut out = Cursor::new(Vec::new());
    parts.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
