//! A workbook's row results as the import preview lists them: the rows
//! not imported in full (those need a look), the imported ones a page at
//! a time. The worker keeps every row with the incoming plan and sends the
//! page the counts and the first page only: 5,000 rows' results were a
//! megabyte of JSON to read on the page's thread before the preview could
//! show (issue 19); the pager fetches the next imported rows on request
//! (`imported_page`).

use super::{Intake, RowResult};
use crate::format::sheets::intake::columns::Header;
use serde::{Deserialize, Serialize};

/// Imported rows in the first page, when there are more rows than this;
/// every row is listed at once when there are not more.
pub const ROWS_AT_ONCE: usize = 200;

/// Imported rows the pager fetches at a time.
pub const ROWS_PER_PAGE: usize = ROWS_AT_ONCE * 5;

fn is_imported(r: &RowResult) -> bool {
    r.outcome.key() == "imported"
}

/// The rows as first listed, with the counts of all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    /// Rows under the header.
    pub total: usize,
    pub imported: usize,
    pub skipped: usize,
    pub errors: usize,
    /// Listed at once: every row, in order, when there are at most
    /// `ROWS_AT_ONCE`; else the rows not imported, then the first
    /// `ROWS_AT_ONCE` imported ones.
    pub first: Vec<RowResult>,
}

impl Listing {
    pub fn of(rows: &[RowResult]) -> Listing {
        let count = |key: &str| rows.iter().filter(|r| r.outcome.key() == key).count();
        let first = if rows.len() <= ROWS_AT_ONCE {
            rows.to_vec()
        } else {
            let problems = rows.iter().filter(|r| !is_imported(r));
            problems
                .chain(rows.iter().filter(|r| is_imported(r)).take(ROWS_AT_ONCE))
                .cloned()
                .collect()
        };
        Listing {
            total: rows.len(),
            imported: count("imported"),
            skipped: count("skipped"),
            errors: count("error"),
            first,
        }
    }

    /// Imported rows listed in `first`: where the pager goes on from.
    pub fn imported_listed(&self) -> usize {
        self.first.iter().filter(|r| is_imported(r)).count()
    }
}

/// The imported rows from the `from`th imported one (counted from 0), at
/// most `count` of them: the pager's next page.
pub fn imported_page(rows: &[RowResult], from: usize, count: usize) -> Vec<RowResult> {
    rows.iter()
        .filter(|r| is_imported(r))
        .skip(from)
        .take(count)
        .cloned()
        .collect()
}

/// What the page gets of a workbook read: the sheet, how its columns were
/// understood, and its rows as first listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntakeShown {
    pub sheet: String,
    pub header: Header,
    pub rows: Listing,
}

impl Intake {
    pub fn shown(&self) -> IntakeShown {
        IntakeShown {
            sheet: self.sheet.clone(),
            header: self.header.clone(),
            rows: Listing::of(&self.rows),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::sheets::intake::Outcome;

    fn rows(n: u32, problem_every: u32) -> Vec<RowResult> {
        (1..=n)
            .map(|row| RowResult {
                row,
                title: format!("第{row}行"),
                outcome: if row % problem_every == 0 {
                    Outcome::Error("缺少任务名称".into())
                } else if row % problem_every == 1 {
                    Outcome::Skipped("空行".into())
                } else {
                    Outcome::Imported("新增任务".into())
                },
                notes: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn a_few_rows_are_listed_whole_in_order() {
        let all = rows(ROWS_AT_ONCE as u32, 10);
        let listing = Listing::of(&all);
        assert_eq!(listing.first, all);
        assert_eq!(listing.total, ROWS_AT_ONCE);
        assert_eq!(
            listing.imported + listing.skipped + listing.errors,
            listing.total
        );
        assert_eq!(listing.imported_listed(), listing.imported);
    }

    #[test]
    fn many_rows_list_the_problems_whole_then_the_first_imported_then_page_on() {
        let all = rows(5000, 100);
        let listing = Listing::of(&all);
        assert_eq!(
            (listing.total, listing.errors, listing.skipped),
            (5000, 50, 50)
        );
        assert_eq!(listing.imported, 4900);
        let problems: Vec<_> = all.iter().filter(|r| !is_imported(r)).cloned().collect();
        assert_eq!(listing.first[..100], problems[..]);
        assert_eq!(listing.imported_listed(), ROWS_AT_ONCE);
        assert!(listing.first[100..].iter().all(is_imported));
        assert_eq!(listing.first[100].row, 2);
        // The pages that follow, fetched one by one, are the rest of the
        // imported rows in order, each once.
        let mut seen: Vec<u32> = listing.first[100..].iter().map(|r| r.row).collect();
        loop {
            let page = imported_page(&all, seen.len(), ROWS_PER_PAGE);
            if page.is_empty() {
                break;
            }
            assert!(page.len() <= ROWS_PER_PAGE);
            seen.extend(page.iter().map(|r| r.row));
        }
        let imported: Vec<u32> = all
            .iter()
            .filter(|r| is_imported(r))
            .map(|r| r.row)
            .collect();
        assert_eq!(seen, imported);
        assert!(imported_page(&all, 99_999, ROWS_PER_PAGE).is_empty());
    }
}
