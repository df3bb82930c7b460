//! The ledger in the layout everyone knows: 序号 / 重点任务 / 具体措施 /
//! 责任领导 / 牵头单位 / 配合单位 / 完成时限 / 进展情况 / 备注, a title and
//! the day above it, one section row per area, 重点任务 merged down the
//! rows of its measures, and a hidden last column with each task's id so
//! that the file, read back, comes back to the same tasks.

use super::{merged, text};
use crate::model::date::format_date;
use crate::model::hierarchy::{outline_of, OutlineEntry};
use crate::model::index::PlanIndex;
use crate::model::rollup::assess_positions;
use crate::model::supervision::chinese_date;
use crate::model::Plan;
use chrono::NaiveDate;
use luoshi_excel::{SheetSpec, Style, WorkbookSpec};

/// The columns, in order.
pub const COLUMNS: [&str; 10] = [
    "序号",
    "重点任务",
    "具体措施",
    "责任领导",
    "牵头单位",
    "配合单位",
    "完成时限",
    "进展情况",
    "备注",
    "系统编号（请勿修改）",
];

const WIDTHS: [f64; 10] = [7.0, 24.0, 38.0, 12.0, 14.0, 20.0, 12.0, 42.0, 20.0, 24.0];

/// One line of the ledger as exported.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// An area: "一、" and its name.
    Area { number: String, name: String },
    /// A task row. `point` is its 要点 (number and title), shared by the
    /// rows of one 要点; for a 要点 with no measures, `title` is empty.
    Task {
        point: String,
        number: String,
        title: String,
        leader: String,
        lead_unit: String,
        support_units: String,
        due: String,
        progress: String,
        remarks: String,
        id: String,
    },
}

impl Line {
    /// The cells of a task row, in `COLUMNS` order.
    pub fn cells(&self) -> Vec<String> {
        match self {
            Line::Area { number, name } => vec![format!("{number}{name}")],
            Line::Task {
                point,
                number,
                title,
                leader,
                lead_unit,
                support_units,
                due,
                progress,
                remarks,
                id,
            } => vec![
                number.clone(),
                point.clone(),
                title.clone(),
                leader.clone(),
                lead_unit.clone(),
                support_units.clone(),
                due.clone(),
                progress.clone(),
                remarks.clone(),
                id.clone(),
            ],
        }
    }
}

/// The 进展情况 cell of `task` as of `today`: its latest update with its
/// date and percent, then its problems and next steps.
pub fn progress_text(task: &crate::model::task::Task, today: NaiveDate) -> String {
    task.update_as_of(today)
        .map(|u| {
            let mut s = format!("（{}，{}%）{}", format_date(u.date), u.percent, u.progress);
            if !u.problems.trim().is_empty() {
                s.push_str(&format!("\n存在问题：{}", u.problems));
            }
            if !u.next_steps.trim().is_empty() {
                s.push_str(&format!("\n下步打算：{}", u.next_steps));
            }
            s
        })
        .unwrap_or_default()
}

/// The ledger's lines as of `today`: every area, then each of its tasks
/// but the 要点 that have measures (those are the merged 重点任务 cells).
/// 序号 is the task's place path under its 要点 ("2", "2.1", "2.1.3").
pub fn lines(plan: &Plan, today: NaiveDate) -> Vec<Line> {
    let index = PlanIndex::new(plan);
    let assessments = assess_positions(&index, today);
    let mut out = Vec::new();
    // Place paths, by depth: places[d] is the place at depth d.
    let mut places: Vec<usize> = Vec::new();
    let mut point = String::new();
    for entry in outline_of(&index) {
        match entry {
            OutlineEntry::Area { name, number, .. } => {
                places.clear();
                out.push(Line::Area { number, name });
            }
            OutlineEntry::Task { id, depth, number } => {
                let Some(pos) = index.position(&id) else {
                    continue;
                };
                places.truncate(depth + 1);
                while places.len() < depth + 1 {
                    places.push(0);
                }
                places[depth] += 1;
                let t = index.at(pos);
                if depth == 0 {
                    point = format!("{number}{}", t.title);
                    if index.is_parent(pos) {
                        continue;
                    }
                }
                let a = &assessments[pos];
                let path: Vec<String> = places.iter().map(|p| p.to_string()).collect();
                let mut remarks = vec![a.label()];
                if let Some(o) = t.original_due().filter(|o| Some(*o) != a.current_due) {
                    remarks.push(format!("原定完成时限 {}，已延期", format_date(o)));
                }
                if let Some(c) = a.closed_on {
                    remarks.push(format!("{}办结", chinese_date(c)));
                }
                out.push(Line::Task {
                    point: point.clone(),
                    number: path.join("."),
                    title: if depth == 0 {
                        String::new()
                    } else {
                        t.title.clone()
                    },
                    leader: t.leader.clone(),
                    lead_unit: index.lead_unit_name(t),
                    support_units: index.support_unit_names(t),
                    due: a.current_due.map(format_date).unwrap_or_default(),
                    progress: progress_text(t, today),
                    remarks: remarks.join("；"),
                    id: t.id.0.clone(),
                });
            }
        }
    }
    out
}

/// The ledger workbook as of `today`.
pub fn workbook(plan: &Plan, today: NaiveDate) -> WorkbookSpec {
    let last = (COLUMNS.len() - 2) as u16; // 备注: the id column is hidden
    let mut sheet = SheetSpec {
        name: "任务台账".into(),
        widths: WIDTHS.to_vec(),
        freeze_rows: 3,
        landscape: true,
        hidden: vec![(COLUMNS.len() - 1) as u16],
        heights: vec![(0, 30.0)],
        ..SheetSpec::default()
    };
    sheet.merges.push(merged(
        (0, 0),
        (0, last),
        format!("{}任务台账", plan.title),
        Style::Title,
    ));
    let office = plan.settings.office_name.trim();
    sheet.merges.push(merged(
        (1, 0),
        (1, last),
        format!(
            "{}{}统计日期：{}",
            office,
            if office.is_empty() { "" } else { "　　" },
            chinese_date(today)
        ),
        Style::Subtitle,
    ));
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet.cells.push(text(2, c as u16, *h, Style::Header));
    }
    let mut row = 3u32;
    // The 要点 cell spans the rows of its measures: (first row, text).
    let mut open: Option<(u32, String)> = None;
    let close = |sheet: &mut SheetSpec, open: &mut Option<(u32, String)>, end: u32| {
        if let Some((from, point)) = open.take() {
            sheet
                .merges
                .push(merged((from, 1), (end, 1), point, Style::Group));
        }
    };
    for line in lines(plan, today) {
        match &line {
            Line::Area { .. } => {
                close(&mut sheet, &mut open, row - 1);
                sheet.merges.push(merged(
                    (row, 0),
                    (row, last),
                    line.cells()[0].clone(),
                    Style::Section,
                ));
            }
            Line::Task { point, .. } => {
                if open.as_ref().is_some_and(|(_, p)| p != point) {
                    close(&mut sheet, &mut open, row - 1);
                }
                if open.is_none() {
                    open = Some((row, point.clone()));
                }
                for (c, v) in line.cells().into_iter().enumerate() {
                    if c == 1 {
                        continue;
                    }
                    let style = match c {
                        0 | 3 | 6 => Style::Center,
                        _ => Style::Body,
                    };
                    sheet.cells.push(text(row, c as u16, v, style));
                }
            }
        }
        row += 1;
    }
    close(&mut sheet, &mut open, row - 1);
    WorkbookSpec {
        sheets: vec![sheet],
    }
}
