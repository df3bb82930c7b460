//! The tables: 附件1 落实情况汇总表, 附件2 滞后事项清单 and a leader's
//! items in the 领导版. Each fills the text block's width with fixed
//! column widths, has single-line borders, and its header rows repeat at
//! the top of every page it runs onto.

use docx_rs::{
    HeightRule, Paragraph, Run, Table, TableAlignmentType, TableCell, TableLayoutType, TableRow,
    VAlignType, VMergeType, WidthType,
};
use luoshi::model::report::{ItemRow, LaggingList, SummaryTable};

use crate::page::{style, LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH};

/// How a cell's text sits.
#[derive(Clone, Copy)]
enum Align {
    Left,
    Center,
}

fn cell(text: &str, width: usize, paragraph_style: &str, align: Align) -> TableCell {
    let mut p = Paragraph::new().style(paragraph_style);
    if matches!(align, Align::Center) {
        p = p.align(docx_rs::AlignmentType::Center);
    }
    // One run per line, so text the draft wrote on several lines (a long
    // 最新进展 rarely has them) keeps its breaks.
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        p = p.add_run(run.add_text(line));
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(p)
}

fn head(text: &str, width: usize) -> TableCell {
    cell(text, width, style::HEAD_CELL, Align::Center)
}

fn body(text: &str, width: usize, align: Align) -> TableCell {
    cell(text, width, style::CELL, align)
}

/// A header row: repeated on each page (see `package`).
fn header_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

/// A row of the table's body, at least 7 mm high so a one-line row is
/// easy to read and to write in.
fn body_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells)
        .row_height(397.0)
        .height_rule(HeightRule::AtLeast)
}

fn table(widths: &[usize], rows: Vec<TableRow>) -> Table {
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(TableAlignmentType::Center)
}

/// Column widths summing to `total` (the text block's width): `shares`
/// in parts, the rounding left over added to the widest column.
fn widths(total: usize, shares: &[usize]) -> Vec<usize> {
    let parts: usize = shares.iter().sum();
    let mut out: Vec<usize> = shares.iter().map(|s| total * s / parts).collect();
    let left = total - out.iter().sum::<usize>();
    if let Some(widest) = (0..out.len()).max_by_key(|&i| out[i]) {
        out[widest] += left;
    }
    out
}

/// 附件1: two header rows as the Excel 汇总表 has them (序号, 牵头单位,
/// 暂缓/中止 and 合计 spanning both; 已办结 and 办理中 over their
/// columns), a row per lead unit, and 合计.
pub fn summary(t: &SummaryTable) -> Table {
    // 序号, 牵头单位, then the nine counts.
    let mut shares = vec![7, 16];
    shares.extend([6; 9]);
    let w = widths(TEXT_WIDTH, &shares);
    let mut upper = Vec::new();
    let mut lower = Vec::new();
    let mut col = 0;
    let mut sub = SummaryTable::COLUMNS.iter();
    for (name, span) in SummaryTable::GROUPS {
        if span == 1 {
            upper.push(head(name, w[col]).vertical_merge(VMergeType::Restart));
            lower.push(head("", w[col]).vertical_merge(VMergeType::Continue));
        } else {
            let width = w[col..col + span].iter().sum();
            upper.push(head(name, width).grid_span(span));
            for c in &w[col..col + span] {
                lower.push(head(sub.next().copied().unwrap_or_default(), *c));
            }
        }
        col += span;
    }
    let mut rows = vec![header_row(upper), header_row(lower)];
    let counts = |c: &luoshi::model::summary::UnitCounts, first: Vec<TableCell>| {
        let mut cells = first;
        for (i, n) in SummaryTable::counts(c).iter().enumerate() {
            cells.push(body(&n.to_string(), w[2 + i], Align::Center));
        }
        body_row(cells)
    };
    for (i, row) in t.rows.iter().enumerate() {
        rows.push(counts(
            row,
            vec![
                body(&(i + 1).to_string(), w[0], Align::Center),
                body(&row.unit, w[1], Align::Left),
            ],
        ));
    }
    rows.push(counts(
        &t.total,
        vec![head("合计", w[0] + w[1]).grid_span(2)],
    ));
    table(&w, rows)
}

/// A table `total` wide of `headers` over `rows` of text, columns in
/// `shares`; when there are no rows, one row saying `none` across it.
fn list(
    total: usize,
    headers: &[&str],
    shares: &[usize],
    rows: Vec<Vec<String>>,
    none: &str,
) -> Table {
    let w = widths(total, shares);
    let centred = |h: &str| matches!(h, "序号" | "完成时限" | "逾期天数" | "进度" | "责任领导");
    let mut out = vec![header_row(
        headers.iter().zip(&w).map(|(h, w)| head(h, *w)).collect(),
    )];
    if rows.is_empty() {
        out.push(body_row(vec![
            body(none, total, Align::Center).grid_span(headers.len())
        ]));
    }
    for row in rows {
        let cells = row
            .iter()
            .zip(headers.iter().zip(&w))
            .map(|(text, (h, w))| {
                body(
                    text,
                    *w,
                    if centred(h) {
                        Align::Center
                    } else {
                        Align::Left
                    },
                )
            })
            .collect();
        out.push(body_row(cells));
    }
    table(&w, out)
}

/// 附件2, or a row saying there is nothing overdue or lagging; on a
/// landscape page, as its eight columns need.
pub fn lagging(t: &LaggingList) -> Table {
    list(
        LANDSCAPE_TEXT_WIDTH,
        &LaggingList::HEADERS,
        // 序号, 事项, 牵头单位, 责任领导, 完成时限, 状态, 逾期天数, 最新进展.
        &[7, 30, 14, 14, 16, 14, 8, 36],
        t.rows.iter().map(|r| r.cells().to_vec()).collect(),
        "没有逾期或进度滞后的工作事项",
    )
}

/// The columns of a leader's table in the 领导版.
pub const LEADER_HEADERS: [&str; 7] = [
    "序号",
    "事项",
    "牵头单位",
    "完成时限",
    "状态",
    "进度",
    "最新进展",
];

/// A leader's work items, closed ones included, in the ledger's order;
/// on a landscape page like 附件2.
pub fn leader_items(items: &[ItemRow]) -> Table {
    list(
        LANDSCAPE_TEXT_WIDTH,
        &LEADER_HEADERS,
        &[7, 34, 15, 16, 15, 8, 44],
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                vec![
                    (i + 1).to_string(),
                    item.title.clone(),
                    item.lead_unit.clone(),
                    item.due_text(),
                    item.state.clone(),
                    format!("{}%", item.progress),
                    item.latest_text(),
                ]
            })
            .collect(),
        "没有工作事项",
    )
}
