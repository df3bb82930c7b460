//! Reading a workbook (.xlsx, .xls, .xlsb, .ods) into a `Book` with
//! calamine: every sheet's cells from A1 and its merged ranges.

use crate::{Book, Cell, Range, Sheet};
use calamine::{open_workbook_auto_from_rs, Data, Reader, Sheets};
use std::io::Cursor;

/// Reads `bytes`; the error says, in Chinese, why the file is not a
/// workbook this can read.
pub fn read(bytes: &[u8]) -> Result<Book, String> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("不是可读取的 Excel 或 WPS 表格文件（{e}）"))?;
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => return Err(format!("工作表“{name}”无法读取（{e}）")),
        };
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell));
            while cells.last().is_some_and(|c| *c == Cell::Empty) {
                cells.pop();
            }
            rows.push(cells);
        }
        let merged = merges(&mut book, &name);
        sheets.push(Sheet { name, rows, merged });
    }
    Ok(Book { sheets })
}

fn merges(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<Range> {
    // A sheet whose merged ranges cannot be read is still read, without
    // them (its cells are what matter).
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    dims.into_iter()
        .map(|d| Range {
            first_row: d.start.0,
            first_col: d.start.1.min(u16::MAX as u32) as u16,
            last_row: d.end.0,
            last_col: d.end.1.min(u16::MAX as u32) as u16,
        })
        .collect()
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(y as i32, m as u32, d as u32)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => match iso_date(s) {
            Some((y, m, d)) => Cell::Date(y, m, d),
            None => Cell::Text(s.clone()),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e:?}")),
    }
}

/// "2026-03-31" or "2026-03-31T00:00:00" as a date.
fn iso_date(s: &str) -> Option<(i32, u32, u32)> {
    let day = s.get(..10)?;
    let mut parts = day.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}
