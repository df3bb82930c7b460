//! The spreadsheets Luoshi writes (`format::sheets`): the ledger in the
//! common layout with merged 重点任务 cells, the per-unit summary whose
//! numbers are the dashboard's, the open items, and CSV with a BOM —
//! written with the Excel worker's own code, read back with calamine, and
//! opened by LibreOffice.

// Native only: the reading and writing (the worker's crate with its io
// feature) and LibreOffice are not in the browser build.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::d;
use luoshi::format::sheets::{csv::ledger_csv, ledger, summary};
use luoshi::model::index::PlanIndex;
use luoshi::model::rollup::assess_positions;
use luoshi::model::sample::sample_plan;
use luoshi::model::stats::tally_indexed;
use luoshi::model::summary::unit_summary;
use luoshi_excel::{Cell, Range};
use std::process::Command;

fn today() -> chrono::NaiveDate {
    d("2026-06-30")
}

#[test]
fn the_ledger_has_every_task_but_the_points_with_measures_under_its_area() {
    let plan = sample_plan(2026);
    let index = PlanIndex::new(&plan);
    let lines = ledger::lines(&plan, today());
    let areas = lines
        .iter()
        .filter(|l| matches!(l, ledger::Line::Area { .. }))
        .count();
    assert!(areas >= 2);
    let ids: Vec<String> = lines
        .iter()
        .filter_map(|l| match l {
            ledger::Line::Task { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    let expected: Vec<String> = (0..index.len())
        .filter(|&i| !(index.depth(i) == 0 && index.is_parent(i)))
        .map(|i| index.id(i).to_string())
        .collect();
    assert_eq!(ids.len(), expected.len());
    let mut a = ids.clone();
    let mut b = expected.clone();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    // 序号 is the place path under the 要点: "1.1", "1.2", …
    let ledger::Line::Task { number, point, .. } = &lines[1] else {
        panic!("a task after the first area")
    };
    assert_eq!(number, "1.1");
    assert!(point.starts_with("（一）"), "{point}");
}

#[test]
fn the_ledger_workbook_reads_back_with_its_cells_and_merged_points() {
    let plan = sample_plan(2026);
    let spec = ledger::workbook(&plan, today());
    let bytes = luoshi_excel::write::write(&spec).expect("written");
    let book = luoshi_excel::read::read(&bytes).expect("read back");
    let sheet = &book.sheets[0];
    assert_eq!(sheet.name, "任务台账");
    assert!(sheet.rows[0][0].text().contains("任务台账"));
    let header: Vec<String> = sheet.rows[2].iter().map(Cell::text).collect();
    assert_eq!(header, ledger::COLUMNS);
    // Every cell written is there.
    for c in &spec.sheets[0].cells {
        let got = sheet.rows[c.row as usize]
            .get(c.col as usize)
            .map(Cell::text)
            .unwrap_or_default();
        let luoshi_excel::Value::Text(want) = &c.value else {
            continue;
        };
        assert_eq!(&got, want, "row {} col {}", c.row, c.col);
    }
    // The merged 重点任务 cells cover the rows of their measures.
    let points: Vec<&Range> = sheet
        .merged
        .iter()
        .filter(|r| r.first_col == 1 && r.last_col == 1)
        .collect();
    assert!(points.iter().any(|r| r.last_row > r.first_row));
    assert_eq!(
        points.len(),
        spec.sheets[0]
            .merges
            .iter()
            .filter(|m| m.range.first_col == 1 && m.range.last_col == 1)
            .count()
    );
}

#[test]
fn the_summary_counts_are_the_dashboards_and_add_up() {
    let plan = sample_plan(2026);
    let index = PlanIndex::new(&plan);
    let a = assess_positions(&index, today());
    let (rows, total) = unit_summary(&index, &a);
    let tally = tally_indexed(&index, |i| a.get(i));
    assert_eq!(total.total(), tally.total);
    assert_eq!(total.closed_on_time, tally.closed_on_time);
    assert_eq!(total.closed_late, tally.closed_late);
    assert_eq!(total.open_overdue, tally.overdue);
    assert_eq!(total.halted, tally.halted);
    assert_eq!(rows.iter().map(|r| r.total()).sum::<usize>(), tally.total);
    // As written: the total row's 合计 is the plan's work items.
    let spec = summary::workbook(&plan, today());
    let bytes = luoshi_excel::write::write(&spec).expect("written");
    let book = luoshi_excel::read::read(&bytes).expect("read back");
    let sheet = &book.sheets[0];
    assert_eq!(sheet.name, "汇总表");
    let last = sheet.rows.last().unwrap();
    assert_eq!(last[0].text(), "合计");
    assert_eq!(last[10], Cell::Number(tally.total as f64));
    // The two-row header: 已办结 over three columns, 序号 over two rows.
    assert!(sheet.merged.contains(&Range {
        first_row: 2,
        first_col: 2,
        last_row: 2,
        last_col: 4
    }));
    assert!(sheet.merged.contains(&Range {
        first_row: 2,
        first_col: 0,
        last_row: 3,
        last_col: 0
    }));
    // 明细表: every open work item, the overdue first.
    let detail = &book.sheets[1];
    let open = index.work_items().filter(|&i| a[i].level.is_open()).count();
    assert_eq!(detail.rows.len() - 3, open);
    assert!(detail.rows[3][6].text().starts_with("逾期"));
}

#[test]
fn csv_has_a_bom_crlf_and_quotes_what_needs_it() {
    let mut plan = sample_plan(2026);
    plan.tasks[1].title = "含逗号,和\"引号\"的任务".into();
    let text = ledger_csv(&plan, today());
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("\r\n"));
    assert!(text.contains("\"含逗号,和\"\"引号\"\"的任务\""));
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(header, ledger::COLUMNS.join(","));
}

/// Runs LibreOffice headless on `file`, converting it to `to` in `dir`.
fn soffice(dir: &std::path::Path, file: &str, to: &str) {
    let out = Command::new("soffice")
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(dir.join(file))
        .env("HOME", dir)
        .output()
        .expect("LibreOffice (soffice) is installed by scripts/setup.sh --test");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn libreoffice_opens_the_export_with_its_cells_and_merged_ranges() {
    let plan = sample_plan(2026);
    let spec = ledger::workbook(&plan, today());
    let bytes = luoshi_excel::write::write(&spec).expect("written");
    let dir = std::env::temp_dir().join(format!("luoshi-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ledger.xlsx"), &bytes).unwrap();
    // To CSV (UTF-8): the cells as LibreOffice reads them.
    soffice(
        &dir,
        "ledger.xlsx",
        "csv:Text - txt - csv (StarCalc):44,34,76",
    );
    let csv = std::fs::read_to_string(dir.join("ledger.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].contains("任务台账"), "{}", lines[0]);
    assert!(lines[2].starts_with("序号,重点任务,具体措施,责任领导,牵头单位"));
    let first_task = ledger::lines(&plan, today())
        .into_iter()
        .find_map(|l| match l {
            ledger::Line::Task { title, .. } if !title.is_empty() => Some(title),
            _ => None,
        })
        .unwrap();
    assert!(csv.contains(&first_task));
    // Saved by LibreOffice in its own format and back to .xlsx, the
    // merged ranges survive.
    soffice(&dir, "ledger.xlsx", "ods");
    let back = dir.join("back");
    std::fs::create_dir_all(&back).unwrap();
    std::fs::copy(dir.join("ledger.ods"), back.join("ledger.ods")).unwrap();
    soffice(&back, "ledger.ods", "xlsx");
    let again = luoshi_excel::read::read(&std::fs::read(back.join("ledger.xlsx")).unwrap())
        .expect("LibreOffice's file reads");
    let mut ours = luoshi_excel::read::read(&bytes).unwrap().sheets[0]
        .merged
        .clone();
    let mut theirs = again.sheets[0].merged.clone();
    let key = |r: &Range| (r.first_row, r.first_col, r.last_row, r.last_col);
    ours.sort_by_key(key);
    theirs.sort_by_key(key);
    assert_eq!(theirs, ours);
    let _ = std::fs::remove_dir_all(&dir);
}
