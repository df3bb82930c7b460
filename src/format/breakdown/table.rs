//! Tables in the document. A table copied from Word (or taken out of a
//! .docx by the worker's `luoshi_excel::docx`) arrives as one row per
//! line with its cells separated by tabs. A row whose cells name enough
//! columns, by the Excel import's own header words (`Role::of_header`:
//! 序号, 重点任务, 具体措施, 牵头单位, 配合单位, 责任领导, 完成时限 …), is
//! the header; each row under it is rewritten as the numbered, labelled
//! line the rest of the reader understands, e.g.
//! "3. 任务（牵头单位：…；配合单位：…；责任领导：…；完成时限：…）".
//! A 重点任务 cell (written once over the rows it spans) becomes a 要点.

use super::numbering::{opening, Mark};
use crate::format::sheets::intake::columns::Role;
use std::borrow::Cow;

/// The columns of a table's header.
struct Columns(Vec<Option<Role>>);

impl Columns {
    /// The header a row's cells make, if they name a task column and at
    /// least one other.
    fn of(cells: &[&str]) -> Option<Columns> {
        let roles: Vec<Option<Role>> = cells.iter().map(|c| Role::of_header(c)).collect();
        let named = roles.iter().flatten().count();
        let task = roles
            .iter()
            .any(|r| matches!(r, Some(Role::Point | Role::Measure)));
        (task && named >= 2).then_some(Columns(roles))
    }

    fn cell<'a>(&self, cells: &[&'a str], role: Role) -> &'a str {
        self.0
            .iter()
            .position(|r| *r == Some(role))
            .and_then(|i| cells.get(i))
            .copied()
            .unwrap_or("")
    }
}

/// A row under the header as numbered lines (a 要点 line first when the
/// row opens one). `items` counts the table's task rows, so a row without
/// a 序号 (a table with no such column) is numbered by its place, not read
/// as words running on from the row above.
fn row_lines(
    cols: &Columns,
    cells: &[&str],
    point: &mut String,
    groups: &mut u32,
    items: &mut u32,
) -> String {
    let mut out = String::new();
    // "1." or "1、" (typed, or Word's numbering in the 序号 column) is 1.
    let number = cols
        .cell(cells, Role::Number)
        .trim_end_matches(['.', '．', '、'])
        .trim();
    let mut task = cols.cell(cells, Role::Measure).to_string();
    let p = cols.cell(cells, Role::Point);
    if !p.is_empty() && p != point.as_str() {
        *point = p.to_string();
        if task.is_empty() {
            task = p.to_string();
        } else {
            *groups += 1;
            out.push_str(&format!("（{}）{p}\n", cn(*groups)));
        }
    }
    if task.is_empty() {
        return out;
    }
    *items += 1;
    let numbered = if number.chars().all(|c| c.is_ascii_digit()) && !number.is_empty() {
        format!("{number}. {task}")
    } else if !number.is_empty() && number.chars().all(|c| "一二三四五六七八九十".contains(c))
    {
        format!("{number}、{task}")
    } else {
        format!("{items}. {task}")
    };
    out.push_str(&numbered);
    let mut labels = Vec::new();
    for (role, label) in [
        (Role::Lead, "牵头单位"),
        (Role::Support, "配合单位"),
        (Role::Leader, "责任领导"),
        (Role::Due, "完成时限"),
    ] {
        let v = cols.cell(cells, role);
        if !v.is_empty() {
            labels.push(format!("{label}：{v}"));
        }
    }
    if !labels.is_empty() {
        out.push('（');
        out.push_str(&labels.join("；"));
        out.push('）');
    }
    out
}

/// 1 → 一 … 99 → 九十九, for the 要点 a table's rows open.
fn cn(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", D[(n % 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => "一".to_string(),
    }
}

fn trim(l: &str) -> &str {
    l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// The document's lines, numbered from 1 and trimmed, with table rows
/// rewritten (a header row becomes an empty line).
pub(super) fn lines(text: &str) -> Vec<(usize, Cow<'_, str>)> {
    let mut out = Vec::new();
    let mut table: Option<Columns> = None;
    let mut point = String::new();
    let mut groups = 0;
    let mut items = 0;
    for (i, raw) in text.lines().enumerate() {
        if !raw.contains('\t') {
            table = None;
            out.push((i + 1, Cow::Borrowed(trim(raw))));
            continue;
        }
        let cells: Vec<&str> = raw.split('\t').map(trim).collect();
        if let Some(cols) = Columns::of(&cells) {
            table = Some(cols);
            point.clear();
            items = 0;
            out.push((i + 1, Cow::Borrowed("")));
            continue;
        }
        let line = match &table {
            Some(cols) => {
                // A row with one filled cell is a heading inside the table
                // ("一、党的建设" across the row).
                let filled: Vec<&&str> = cells.iter().filter(|c| !c.is_empty()).collect();
                let heading = filled.len() == 1
                    && matches!(opening(filled[0]).mark, Mark::Section | Mark::Group);
                if heading {
                    filled[0].to_string()
                } else {
                    row_lines(cols, &cells, &mut point, &mut groups, &mut items)
                }
            }
            None => cells
                .iter()
                .filter(|c| !c.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" "),
        };
        // A 要点 line and its item are two lines of the same row.
        for part in line.split('\n') {
            out.push((i + 1, Cow::Owned(part.to_string())));
        }
    }
    out
}
