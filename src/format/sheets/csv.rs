//! The ledger as CSV: the same columns as the workbook, one line per row
//! (the 要点 repeated on each of its measures), with a UTF-8 byte-order
//! mark and CRLF line ends so that Excel opens the Chinese text correctly.

use super::ledger::{lines, COLUMNS};
use crate::model::Plan;
use chrono::NaiveDate;

/// A field quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The ledger as of `today` as CSV text.
pub fn ledger_csv(plan: &Plan, today: NaiveDate) -> String {
    let mut out = String::from("\u{feff}");
    let mut push = |cells: Vec<String>| {
        let mut cells: Vec<String> = cells.iter().map(|c| field(c)).collect();
        cells.resize(COLUMNS.len(), String::new());
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    push(COLUMNS.iter().map(|c| c.to_string()).collect());
    for line in lines(plan, today) {
        push(line.cells());
    }
    out
}
