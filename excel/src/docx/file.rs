//! A chosen file's text for the 工作要点 reader, whatever it turns out to
//! be: a Word document (.docx), a text file (UTF-8, UTF-16 with its mark,
//! or GB18030/GBK as Chinese Windows saves it), or something to refuse with
//! what to do instead (old Word or WPS, RTF, PDF, another binary file).

use super::{docx_text, is_ole, DocxError};

/// The most a text file may hold: many times any real 工作要点.
pub const MAX_TEXT: usize = 16 * 1024 * 1024;

fn named(name: &str, extensions: &[&str]) -> bool {
    let lower = name.to_lowercase();
    extensions.iter().any(|e| lower.ends_with(&format!(".{e}")))
}

/// The text of the file `name` holding `bytes`. The kind is told by the
/// bytes first (a renamed file is read for what it is), then the name.
pub fn file_text(bytes: &[u8], name: &str) -> Result<String, DocxError> {
    if is_ole(bytes) || bytes.starts_with(b"PK\x03\x04") {
        return docx_text(bytes);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(DocxError::Rtf);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(DocxError::Pdf);
    }
    if named(name, &["doc", "dot", "wps", "wpt"]) {
        return Err(DocxError::OldFormat);
    }
    if named(name, &["docx", "docm", "dotx", "dotm"]) {
        return Err(DocxError::NotZip);
    }
    if bytes.len() > MAX_TEXT {
        return Err(DocxError::TextTooLarge);
    }
    decode_text(bytes)
}

/// Text in the encodings Chinese offices save it in.
fn decode_text(bytes: &[u8]) -> Result<String, DocxError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(|t| t.into_owned())
            .ok_or(DocxError::Undecodable);
    }
    // A NUL is no text's: a binary file (a picture, an archive).
    if bytes.contains(&0) {
        return Err(DocxError::NotText);
    }
    if let Ok(t) = std::str::from_utf8(bytes) {
        return Ok(t.to_string());
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
        .ok_or(DocxError::Undecodable)
}
