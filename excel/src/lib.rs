//! Spreadsheets for Luoshi: the shapes of the data the app and the Excel
//! worker exchange — a workbook as read (cells and merged ranges, nothing
//! interpreted) and a workbook to write (cells, styles, widths, merges) —
//! and, with the `io` feature, the reading (calamine) and writing
//! (rust_xlsxwriter) themselves, and the text of a Word document (`docx`,
//! for the 工作要点 reader).
//!
//! The app holds no spreadsheet code: what a ledger's columns mean, and
//! what the official layouts look like, is decided in the app's pure core
//! and tested natively; the worker only turns bytes into a `Book` and a
//! `WorkbookSpec` into bytes.

use serde::{Deserialize, Serialize};

#[cfg(feature = "io")]
pub mod docx;
#[cfg(feature = "io")]
pub mod read;
#[cfg(feature = "io")]
pub mod write;

/// A workbook as read: its sheets in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Book {
    pub sheets: Vec<Sheet>,
}

/// One sheet: rows of cells from A1 (leading empty rows and columns kept,
/// so row and column numbers are the spreadsheet's), and merged ranges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub merged: Vec<Range>,
}

/// A cell's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "t", content = "v")]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    /// A date cell, as year, month, day.
    Date(i32, u32, u32),
    Bool(bool),
    /// An error value such as #REF!.
    Error(String),
}

impl Cell {
    /// The cell as text, as it reads on screen (numbers without a needless
    /// ".0", dates as 2026-03-31).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
            Cell::Error(e) => e.clone(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A rectangle of cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub first_row: u32,
    pub first_col: u16,
    pub last_row: u32,
    pub last_col: u16,
}

impl Range {
    pub fn contains(&self, row: u32, col: u16) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// A workbook to write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct WorkbookSpec {
    pub sheets: Vec<SheetSpec>,
}

/// A sheet to write: cells by position, merged ranges with their text,
/// column widths (in characters), the rows frozen at the top, and how it
/// prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SheetSpec {
    pub name: String,
    pub widths: Vec<f64>,
    pub cells: Vec<CellSpec>,
    pub merges: Vec<MergeSpec>,
    /// Rows above this one stay in view when scrolling (and repeat on each
    /// printed page).
    pub freeze_rows: u32,
    pub landscape: bool,
    /// Row heights in points, where set.
    pub heights: Vec<(u32, f64)>,
    /// Columns kept but hidden (an id that lets the file come back to the
    /// same tasks).
    pub hidden: Vec<u16>,
}

/// One cell to write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellSpec {
    pub row: u32,
    pub col: u16,
    pub value: Value,
    pub style: Style,
}

/// A merged range to write, holding `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeSpec {
    pub range: Range,
    pub value: Value,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v")]
pub enum Value {
    Text(String),
    Number(f64),
}

/// The few looks a Luoshi workbook uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Style {
    /// The big bold title above the table.
    Title,
    /// A line under the title (unit, date).
    Subtitle,
    /// Column headings: bold, centred, bordered, shaded.
    Header,
    /// Body text: wrapped, top-aligned, bordered.
    Body,
    /// Body, centred (序号, numbers, dates).
    Center,
    /// A group's cell spanning its rows (重点任务): wrapped, centred
    /// vertically.
    Group,
    /// A total row: bold, bordered, centred.
    Total,
    /// A section row across the table (一、党的建设): bold, left, shaded.
    Section,
}
