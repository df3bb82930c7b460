//! The spreadsheets Luoshi writes, laid out in pure Rust: the ledger in
//! the common layout (台账), the per-unit summary with its two-row header
//! and the list of open items (汇总表, 明细表), and the ledger as CSV.
//! The layouts are `WorkbookSpec`s; the Excel worker only turns them into
//! bytes, so what a sheet holds is tested here, natively.

pub mod csv;
pub mod intake;
pub mod ledger;
pub mod summary;

use luoshi_excel::{CellSpec, MergeSpec, Range, Style, Value};

pub(crate) fn text(row: u32, col: u16, s: impl Into<String>, style: Style) -> CellSpec {
    CellSpec {
        row,
        col,
        value: Value::Text(s.into()),
        style,
    }
}

pub(crate) fn number(row: u32, col: u16, n: usize, style: Style) -> CellSpec {
    CellSpec {
        row,
        col,
        value: Value::Number(n as f64),
        style,
    }
}

pub(crate) fn merged(
    (first_row, first_col): (u32, u16),
    (last_row, last_col): (u32, u16),
    s: impl Into<String>,
    style: Style,
) -> MergeSpec {
    MergeSpec {
        range: Range {
            first_row,
            first_col,
            last_row,
            last_col,
        },
        value: Value::Text(s.into()),
        style,
    }
}
