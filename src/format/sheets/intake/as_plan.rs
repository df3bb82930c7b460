//! A workbook opened as a plan of its own (`intake_as_plan`): the sheet
//! names the plan and its year (`title`), else the dates written out in
//! its 完成时限 column give the year; then its rows are read as any
//! workbook's (`super::read_rows`).

use super::cells::deadline_of;
use super::columns::{Header, Role};
use super::{locate, read_rows, title, Intake};
use crate::model::plan::Plan;
use chrono::NaiveDate;
use luoshi_excel::{Book, Sheet};
use std::collections::HashMap;

/// Reads `book` as a plan of its own, into `blank` (an empty plan): the
/// plan takes its title from the sheet's title row and its year from the
/// first year that row names, else from the year most of the dates
/// written out in the 完成时限 column fall in; free-text deadlines
/// ("3月底前", "年底前") are read against that year. `blank`'s title (the
/// file's name) is kept when the sheet has no title row, and its year when
/// neither the title nor the dates give one.
pub fn intake_as_plan(
    book: &Book,
    blank: &Plan,
    roles: &[(u16, Role)],
    today: NaiveDate,
    now: &str,
) -> Result<Intake, String> {
    let (sheet, header) = locate(book, roles)?;
    let named = title::sheet_title(sheet, &header);
    let mut plan = blank.clone();
    if let Some(t) = named.title {
        plan.title = t;
    }
    plan.year = named
        .year
        .or_else(|| usual_year(sheet, &header))
        .unwrap_or(blank.year);
    read_rows(sheet, header, &plan, today, now)
}

/// The year most of the dates written out in the 完成时限 column fall in
/// (the earlier year on a tie: a plan's work seldom falls due before its
/// year, a few items may run into the next); `None` when no cell names a
/// year.
fn usual_year(sheet: &Sheet, header: &Header) -> Option<i32> {
    let col = header.col_of(Role::Due)?;
    // Read against a year no office writes: any date at or after 1900
    // came from the cell itself ("2023-06-30", "2023年9月", a date cell),
    // not from free text read against the plan's year.
    const NO_YEAR: i32 = 1;
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for row in header.first_data_row..sheet.rows.len() as u32 {
        let d = deadline_of(sheet, row, Some(col), NO_YEAR);
        for date in d.due.iter().chain(d.milestones.iter().map(|(m, _)| m)) {
            let y = chrono::Datelike::year(date);
            if y >= 1900 {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, std::cmp::Reverse(*y)))
        .map(|(y, _)| y)
}
