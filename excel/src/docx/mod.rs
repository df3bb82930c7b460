//! The text of a Word document (.docx), for the 工作要点 reader
//! (`luoshi::format::breakdown`): one line per paragraph of the body in
//! order, each numbered paragraph with the number Word shows for it
//! (automatic numbering is not in the text: real 工作要点 number 一、
//! （一） 1. that way), and each table row as one line with its cells
//! separated by tabs, which is how the reader takes tables.
//!
//! Tracked changes read as if accepted: deleted text is left out,
//! inserted text kept. Old binary Word and WPS files, password-protected
//! files and files that are not Word documents are refused with a message
//! in Chinese saying what to do; no input makes this panic, and a part
//! that would unpack to more than `MAX_PART` bytes is not unpacked.

mod body;
mod file;
mod formats;
mod numbering;
mod xml;

pub use file::{file_text, MAX_TEXT};

use std::fmt;
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

/// The most a document's body (word/document.xml) may unpack to: far
/// above any real 工作要点 (a hundred pages is a few MB), low enough that a
/// zip bomb cannot exhaust the worker's memory.
pub const MAX_PART: u64 = 64 * 1024 * 1024;

/// The most numbering.xml, styles.xml and the relationship parts may
/// unpack to.
const MAX_SIDE_PART: u64 = 16 * 1024 * 1024;

/// Why a file gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// An OLE compound file: Word 97–2003 (.doc) or WPS (.wps).
    OldFormat,
    /// An OLE compound file holding an encrypted package: a .docx with an
    /// opening password.
    Encrypted,
    /// Not a zip archive at all.
    NotZip,
    /// A zip archive, but an Excel workbook.
    Spreadsheet,
    /// A zip archive without a Word document's body.
    NoDocument,
    /// A part would unpack to more than allowed.
    TooLarge { part: String, limit: u64 },
    /// A part could not be unpacked (damaged archive).
    Unreadable { part: String },
    /// An RTF file (Word sometimes saves one under .doc).
    Rtf,
    /// A PDF file.
    Pdf,
    /// A text file larger than `MAX_TEXT`.
    TextTooLarge,
    /// A binary file that is none of the above.
    NotText,
    /// A text file in an encoding not recognised.
    Undecodable,
    /// A part is not well-formed XML (or not UTF-8/UTF-16 text); `at` is
    /// the byte where reading stopped.
    Damaged { part: String, at: u64 },
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::OldFormat => f.write_str(
                "这是旧版 Word（.doc）或 WPS（.wps）格式，请在 Word 或 WPS 中“另存为” .docx 后再选择",
            ),
            DocxError::Encrypted => f.write_str(
                "这个 Word 文件设置了打开密码，无法读取：请在 Word 或 WPS 中取消密码（或另存为不加密的 .docx）后再选择",
            ),
            DocxError::NotZip => f.write_str(
                "不是有效的 .docx 文件：文件内容不是 Word 文档格式（可能已损坏，或只是改了扩展名）。请在 Word 或 WPS 中打开后“另存为” .docx 再选择",
            ),
            DocxError::Spreadsheet => f.write_str(
                "这是 Excel 表格文件，不是 Word 文档：请选择工作要点的 .docx 文件（Excel 台账请用“导入 Excel 台账”）",
            ),
            DocxError::NoDocument => f.write_str(
                "不是有效的 .docx 文件：文件中没有 Word 文档的正文（word/document.xml）",
            ),
            DocxError::TooLarge { part, limit } => write!(
                f,
                "文档内容解压后超过 {} MB（{part}），不像正常的工作要点，未读取（文件可能已损坏）",
                limit / (1024 * 1024)
            ),
            DocxError::Unreadable { part } => {
                write!(f, "文档已损坏，无法解压（{part}）：请在 Word 或 WPS 中打开后重新保存再选择")
            }
            DocxError::Rtf => f.write_str(
                "这是 RTF 格式的文档，请在 Word 或 WPS 中“另存为” .docx 后再选择",
            ),
            DocxError::Pdf => f.write_str(
                "这是 PDF 文件，无法取出其中的文字：请选择工作要点的 Word 文件（.docx），或把文字复制粘贴过来",
            ),
            DocxError::TextTooLarge => write!(
                f,
                "文件超过 {} MB，不像工作要点，未读取",
                MAX_TEXT / (1024 * 1024)
            ),
            DocxError::NotText => f.write_str(
                "不是 Word 文档（.docx）或文本文件（.txt），无法读取：请选择工作要点的 .docx 或 .txt 文件",
            ),
            DocxError::Undecodable => f.write_str(
                "文本文件的编码无法识别：请在记事本或 WPS 中“另存为” UTF-8 编码的 .txt 后再选择",
            ),
            DocxError::Damaged { part, at } => write!(
                f,
                "文档内容已损坏，无法读取（{part} 第 {at} 字节处）：请在 Word 或 WPS 中打开后重新保存再选择"
            ),
        }
    }
}

impl std::error::Error for DocxError {}

/// The first bytes of an OLE compound file (.doc, .wps, .xls, an
/// encrypted .docx).
pub const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// True when `bytes` begin as an OLE compound file.
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&OLE_MAGIC)
}

/// An encrypted Office file is a compound file with a stream named
/// "EncryptedPackage" (its directory entry names are UTF-16).
fn encrypted(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// The text of the .docx `bytes`, as described in the module's comment.
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    if is_ole(bytes) {
        return Err(if encrypted(bytes) {
            DocxError::Encrypted
        } else {
            DocxError::OldFormat
        });
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let main = main_part(&mut zip);
    let document = match read_part(&mut zip, &main, MAX_PART)? {
        Some(d) => d,
        None if has(&zip, "xl/workbook.xml") => return Err(DocxError::Spreadsheet),
        None => return Err(DocxError::NoDocument),
    };
    // The numbering and the styles, where the document's relationships
    // say they are (else where Word puts them).
    let rels = read_part(&mut zip, &rels_of(&main), MAX_SIDE_PART)
        .ok()
        .flatten()
        .map(|x| xml::relationships(&x, &main))
        .unwrap_or_default();
    let target = |kind: &str, default: &str| {
        rels.iter()
            .find(|(t, _)| t.rsplit('/').next() == Some(kind))
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| default.to_string())
    };
    let numbering_part = target("numbering", "word/numbering.xml");
    let styles_part = target("styles", "word/styles.xml");
    // Numbering or styles that cannot be read leave paragraphs unnumbered
    // rather than refuse the document: its words are what matter.
    let lists = read_part(&mut zip, &numbering_part, MAX_SIDE_PART)
        .ok()
        .flatten()
        .and_then(|x| numbering::Lists::read(&x).ok())
        .unwrap_or_default();
    let styles = read_part(&mut zip, &styles_part, MAX_SIDE_PART)
        .ok()
        .flatten()
        .and_then(|x| numbering::Styles::read(&x).ok())
        .unwrap_or_default();
    match body::text(&document, &main, numbering::Counter::new(&lists, &styles)) {
        Err(DocxError::NoDocument) if has(&zip, "xl/workbook.xml") => Err(DocxError::Spreadsheet),
        done => done,
    }
}

fn has(zip: &ZipArchive<Cursor<&[u8]>>, name: &str) -> bool {
    zip.file_names()
        .filter_map(Result::ok)
        .any(|n| n.eq_ignore_ascii_case(name))
}

/// The document's main part: the package's officeDocument relationship,
/// else word/document.xml.
fn main_part(zip: &mut ZipArchive<Cursor<&[u8]>>) -> String {
    // Damaged relationships leave the usual place.
    let from_rels = read_part(zip, "_rels/.rels", MAX_SIDE_PART)
        .ok()
        .flatten()
        .map(|x| xml::relationships(&x, ""))
        .unwrap_or_default()
        .into_iter()
        .find(|(t, p)| t.ends_with("/officeDocument") && has(zip, p))
        .map(|(_, p)| p);
    from_rels.unwrap_or_else(|| "word/document.xml".to_string())
}

/// "word/document.xml" → "word/_rels/document.xml.rels".
fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The text of the part `name` (matched ignoring ASCII case, as part
/// names are), or `None` when there is no such part.
fn read_part(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, DocxError> {
    let Some(index) = zip.index_for_name(name).or_else(|| {
        let found = zip
            .file_names()
            .filter_map(Result::ok)
            .find(|n| n.eq_ignore_ascii_case(name))?
            .into_owned();
        zip.index_for_name(&found)
    }) else {
        return Ok(None);
    };
    let unreadable = || DocxError::Unreadable {
        part: name.to_string(),
    };
    let file = match zip.by_index(index) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(unreadable()),
    };
    if file.size() > limit {
        return Err(DocxError::TooLarge {
            part: name.to_string(),
            limit,
        });
    }
    // The declared size may lie: never unpack more than the limit.
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| unreadable())?;
    if bytes.len() as u64 > limit {
        return Err(DocxError::TooLarge {
            part: name.to_string(),
            limit,
        });
    }
    xml::decode(bytes)
        .map(Some)
        .map_err(|at| DocxError::Damaged {
            part: name.to_string(),
            at,
        })
}
