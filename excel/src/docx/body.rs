//! The body of word/document.xml walked once into lines: paragraphs with
//! their numbers, tables as tab-separated rows, tracked changes accepted.

use super::numbering::{Counter, Para};
use super::xml::{attr, attr_num, on, walk, Ev, Ns};
use super::DocxError;

/// The most columns a row is given (Word allows 63): a cell claiming to
/// span millions adds no more.
const MAX_COLUMNS: usize = 256;

/// What an open element is, as far as reading goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Paragraph,
    ParagraphProps,
    NumberingProps,
    RunProps,
    Run,
    Text,
    Table,
    Row,
    RowProps,
    Cell,
    CellProps,
    AlternateContent,
    /// Everything under it is left out (deleted text, earlier
    /// properties of a tracked change, field codes, a fallback).
    Skipped,
    Other,
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    props: Para,
    /// Its mark is deleted (tracked): it runs on into the next paragraph.
    mark_deleted: bool,
}

/// A table cell being read.
#[derive(Default)]
struct Cell {
    paragraphs: Vec<String>,
    span: usize,
    /// w:vMerge: Some(true) starts a merged range, Some(false) continues
    /// one.
    merge: Option<bool>,
}

/// A table being read.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Option<Vec<String>>,
    /// The row being read is a tracked deletion.
    row_deleted: bool,
    cell: Option<Cell>,
    /// The text of the range each column's cell is merged down from.
    merged: Vec<String>,
}

/// A cell's or a nested table's text on one line: tabs and line breaks
/// would split the row.
fn one_line(s: &str) -> String {
    s.split(['\t', '\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

struct Walker<'c> {
    counter: Counter<'c>,
    out: Vec<String>,
    tags: Vec<Tag>,
    paragraphs: Vec<Paragraph>,
    tables: Vec<Table>,
    /// For each open mc:AlternateContent: whether a choice was taken.
    alternates: Vec<bool>,
    /// The run being read is hidden (w:vanish).
    hidden: bool,
    /// Text of paragraphs whose mark was deleted, for the next one.
    carried: String,
    /// Inside w:body (headers and the like are elsewhere).
    in_body: bool,
}

impl Walker<'_> {
    fn parent(&self, back: usize) -> Option<Tag> {
        self.tags.len().checked_sub(back + 1).map(|i| self.tags[i])
    }

    fn open(&mut self, ns: Ns, name: &str, el: &quick_xml::events::BytesStart<'_>) -> Tag {
        if self.tags.last() == Some(&Tag::Skipped) {
            return Tag::Skipped;
        }
        if ns == Ns::Mc {
            return match name {
                "AlternateContent" => {
                    self.alternates.push(false);
                    Tag::AlternateContent
                }
                // The first choice is read; further choices and the
                // fallback repeat the same content for older readers.
                "Choice" | "Fallback" => match self.alternates.last_mut() {
                    Some(taken) if !*taken => {
                        *taken = true;
                        Tag::Other
                    }
                    _ => Tag::Skipped,
                },
                _ => Tag::Other,
            };
        }
        if ns != Ns::W {
            return Tag::Other;
        }
        if name == "body" {
            self.in_body = true;
        }
        let parent = self.parent(0);
        match name {
            "p" => {
                self.paragraphs.push(Paragraph::default());
                Tag::Paragraph
            }
            "pPr" if parent == Some(Tag::Paragraph) => Tag::ParagraphProps,
            "pStyle" if parent == Some(Tag::ParagraphProps) => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.props.style = attr(el, "val");
                }
                Tag::Other
            }
            "numPr" if parent == Some(Tag::ParagraphProps) => Tag::NumberingProps,
            "numId" if parent == Some(Tag::NumberingProps) => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.props.num_id = attr(el, "val");
                }
                Tag::Other
            }
            "ilvl" if parent == Some(Tag::NumberingProps) => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.props.level = attr_num(el, "val")
                        .filter(|l| (0..9).contains(l))
                        .map(|l| l as usize);
                }
                Tag::Other
            }
            "rPr" => Tag::RunProps,
            // The paragraph mark deleted: its text joins the next.
            "del"
                if parent == Some(Tag::RunProps) && self.parent(1) == Some(Tag::ParagraphProps) =>
            {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.mark_deleted = true;
                }
                Tag::Skipped
            }
            // A deleted row (tracked) is left out whole.
            "del" if parent == Some(Tag::RowProps) => {
                if let Some(t) = self.tables.last_mut() {
                    t.row_deleted = true;
                }
                Tag::Skipped
            }
            "vanish" if parent == Some(Tag::RunProps) && self.parent(1) == Some(Tag::Run) => {
                self.hidden = on(el);
                Tag::Other
            }
            "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "pPrChange"
            | "rPrChange" | "sectPrChange" | "tblPrChange" | "trPrChange" | "tcPrChange"
            | "tblGridChange" | "numberingChange" | "footnoteReference" | "endnoteReference"
            | "commentReference" => Tag::Skipped,
            "r" => {
                self.hidden = false;
                Tag::Run
            }
            "t" if parent == Some(Tag::Run) => Tag::Text,
            "tab" | "ptab" if parent == Some(Tag::Run) => {
                self.push_text("\t");
                Tag::Other
            }
            "br" | "cr" if parent == Some(Tag::Run) => {
                // Page and column breaks are layout; a line break is a
                // new line.
                if !matches!(attr(el, "type").as_deref(), Some("page" | "column")) {
                    self.push_text("\n");
                }
                Tag::Other
            }
            "noBreakHyphen" if parent == Some(Tag::Run) => {
                self.push_text("-");
                Tag::Other
            }
            "tbl" => {
                // Text run on from a paragraph whose mark was deleted
                // stays before the table.
                if !self.carried.is_empty() {
                    let rest = std::mem::take(&mut self.carried);
                    self.emit(rest);
                }
                self.tables.push(Table::default());
                Tag::Table
            }
            "tr" if parent == Some(Tag::Table) => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Vec::new());
                    t.row_deleted = false;
                }
                Tag::Row
            }
            "trPr" if parent == Some(Tag::Row) => Tag::RowProps,
            "gridBefore" if parent == Some(Tag::RowProps) => {
                let n = attr_num(el, "val")
                    .unwrap_or(0)
                    .clamp(0, MAX_COLUMNS as i64) as usize;
                if let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) {
                    row.resize((row.len() + n).min(MAX_COLUMNS), String::new());
                }
                Tag::Other
            }
            "tc" if parent == Some(Tag::Row) => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(Cell {
                        span: 1,
                        ..Cell::default()
                    });
                }
                Tag::Cell
            }
            "tcPr" if parent == Some(Tag::Cell) => Tag::CellProps,
            "gridSpan" | "vMerge" if parent == Some(Tag::CellProps) => {
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    if name == "gridSpan" {
                        c.span = attr_num(el, "val")
                            .unwrap_or(1)
                            .clamp(1, MAX_COLUMNS as i64) as usize;
                    } else {
                        c.merge = Some(attr(el, "val").as_deref() == Some("restart"));
                    }
                }
                Tag::Other
            }
            _ => Tag::Other,
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.hidden || !self.in_body {
            return;
        }
        if let Some(p) = self.paragraphs.last_mut() {
            p.text.push_str(s);
        }
    }

    fn close(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.end_paragraph(),
            Tag::Cell => self.end_cell(),
            Tag::Row => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(row) = t.row.take().filter(|_| !t.row_deleted) {
                        t.rows.push(row);
                    }
                }
            }
            Tag::Table => self.end_table(),
            Tag::AlternateContent => {
                self.alternates.pop();
            }
            Tag::Run => self.hidden = false,
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.paragraphs.pop() else {
            return;
        };
        if !self.in_body {
            return;
        }
        if p.mark_deleted {
            self.carried.push_str(&p.text);
            return;
        }
        let mut line = self.counter.number(&p.props).unwrap_or_default();
        line.push_str(&std::mem::take(&mut self.carried));
        line.push_str(&p.text);
        self.emit(line);
    }

    /// A paragraph's line goes into the open cell, if any, else out.
    fn emit(&mut self, line: String) {
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => cell.paragraphs.push(one_line(&line)),
            None => self.out.push(line),
        }
    }

    fn end_cell(&mut self) {
        if !self.carried.is_empty() {
            let rest = std::mem::take(&mut self.carried);
            self.emit(rest);
        }
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let (Some(cell), Some(row)) = (t.cell.take(), t.row.as_mut()) else {
            return;
        };
        let mut text = cell
            .paragraphs
            .iter()
            .filter(|p| !p.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let col = row.len();
        if col >= MAX_COLUMNS {
            return;
        }
        if t.merged.len() <= col {
            t.merged.resize(col + 1, String::new());
        }
        // A cell merged down from the one above reads as that one (a
        // 牵头单位 or 完成时限 written once for several rows).
        match cell.merge {
            Some(true) => t.merged[col] = text.clone(),
            Some(false) if text.is_empty() => text = t.merged[col].clone(),
            _ => t.merged[col].clear(),
        }
        row.push(text);
        let end = (col + cell.span).min(MAX_COLUMNS);
        row.resize(end, String::new());
    }

    fn end_table(&mut self) {
        let Some(t) = self.tables.pop() else {
            return;
        };
        let nested = self.tables.last().is_some_and(|t| t.cell.is_some());
        if nested {
            // A table in a cell: its rows on the cell's one line.
            let text = t
                .rows
                .iter()
                .map(|r| one_line(&r.join(" ")))
                .filter(|r| !r.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            self.emit(text);
            return;
        }
        for row in t.rows {
            self.emit(row.join("\t"));
        }
        // A line without a tab ends the table for the reader, so the
        // paragraph after it is not taken as a row.
        self.emit(String::new());
    }
}

/// The lines of `xml` (the part `part`), joined by newlines.
pub(super) fn text(xml: &str, part: &str, counter: Counter<'_>) -> Result<String, DocxError> {
    let mut w = Walker {
        counter,
        out: Vec::new(),
        tags: Vec::new(),
        paragraphs: Vec::new(),
        tables: Vec::new(),
        alternates: Vec::new(),
        hidden: false,
        carried: String::new(),
        in_body: false,
    };
    walk(xml, |ev| match ev {
        Ev::Open { ns, name, el } => {
            let tag = w.open(ns, name, el);
            w.tags.push(tag);
        }
        Ev::Close => {
            if let Some(tag) = w.tags.pop() {
                w.close(tag);
            }
        }
        Ev::Text(t) => {
            if w.tags.last() == Some(&Tag::Text) {
                w.push_text(&t);
            }
        }
    })
    .map_err(|at| DocxError::Damaged {
        part: part.to_string(),
        at,
    })?;
    // Not a Word document's body (a workbook or a presentation the
    // package calls its main part).
    if !w.in_body {
        return Err(DocxError::NoDocument);
    }
    if !w.carried.is_empty() {
        let rest = std::mem::take(&mut w.carried);
        w.out.push(rest);
    }
    while w.out.last().is_some_and(|l| l.is_empty()) {
        w.out.pop();
    }
    Ok(w.out.join("\n"))
}
