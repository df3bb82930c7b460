//! What one cell of a ledger's row says: a section heading (一、…), a
//! 要点 or measure with its number stripped, a due date, a percent.

use super::columns::text_at;
use super::deadline::{from_cell_date, parse_deadline, Deadline};
use chrono::NaiveDate;
use luoshi_excel::{Cell, Sheet};

/// "一、党的建设": a section heading (its numeral and name).
pub(super) fn section(text: &str) -> Option<String> {
    let t = text.trim();
    let (head, name) = t.split_once('、')?;
    let numeral = !head.is_empty() && head.chars().all(|c| "一二三四五六七八九十".contains(c));
    (numeral && !name.trim().is_empty()).then(|| name.trim().to_string())
}

/// "（一）…" or "(一)…": a 要点's number, stripped.
pub(super) fn strip_point_number(text: &str) -> String {
    let t = text.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = t.strip_prefix(open) {
            if let Some((n, after)) = rest.split_once(close) {
                if !n.is_empty()
                    && n.chars()
                        .all(|c| "一二三四五六七八九十".contains(c) || c.is_ascii_digit())
                {
                    return after.trim().to_string();
                }
            }
        }
    }
    t.to_string()
}

/// "3." "3、" "2.1" at the start of a measure's text, stripped.
pub(super) fn strip_measure_number(text: &str) -> String {
    let t = text.trim();
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    if digits == 0 {
        return t.to_string();
    }
    let rest = &t[digits..];
    let rest = rest
        .strip_prefix('、')
        .or_else(|| rest.strip_prefix('．'))
        .unwrap_or(rest);
    if t[..digits].ends_with('.') || t[digits..].starts_with('、') || t[digits..].starts_with('．')
    {
        rest.trim().to_string()
    } else {
        t.to_string()
    }
}

/// The due date a 完成时限 cell gives.
pub(super) fn deadline_of(sheet: &Sheet, row: u32, col: Option<u16>, year: i32) -> Deadline {
    let Some(c) = col else {
        return parse_deadline("", year);
    };
    let cell = sheet
        .rows
        .get(row as usize)
        .and_then(|r| r.get(c as usize))
        .cloned();
    match cell {
        Some(Cell::Date(y, m, d)) => from_cell_date(y, m, d),
        // An untyped Excel date: the days since 1899-12-30.
        Some(Cell::Number(n)) if (20000.0..80000.0).contains(&n) => {
            match NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|base| base.checked_add_days(chrono::Days::new(n as u64)))
            {
                Some(d) => from_cell_date(
                    chrono::Datelike::year(&d),
                    chrono::Datelike::month(&d),
                    chrono::Datelike::day(&d),
                ),
                None => parse_deadline(&n.to_string(), year),
            }
        }
        _ => parse_deadline(&text_at(sheet, row, c), year),
    }
}

/// "完成60%" → 60.
pub(super) fn percent_in(text: &str) -> u8 {
    let Some(at) = text.find(['%', '％']) else {
        return 0;
    };
    let digits: String = text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse::<u32>().map_or(0, |p| p.min(100) as u8)
}
