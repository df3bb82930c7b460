//! The summary workbook the committee receives: 汇总表, per lead unit
//! with the two-row header (已办结: 按时办结 / 逾期办结 / 小计; 办理中: 未到
//! 完成时限 / 逾期未办结 / 无明确完成时限 / 小计; 暂缓/中止; 合计) and a total
//! row; and 明细表, every open work item, overdue first.

use super::{merged, number, text};
use crate::model::date::format_date;
use crate::model::index::PlanIndex;
use crate::model::rollup::assess_positions;
use crate::model::schedule::Level;
use crate::model::summary::{unit_summary, UnitCounts};
use crate::model::supervision::chinese_date;
use crate::model::Plan;
use chrono::NaiveDate;
use luoshi_excel::{SheetSpec, Style, WorkbookSpec};

fn summary_sheet(
    plan: &Plan,
    today: NaiveDate,
    rows: &[UnitCounts],
    total: &UnitCounts,
) -> SheetSpec {
    let mut s = SheetSpec {
        name: "汇总表".into(),
        widths: vec![6.0, 20.0, 10.0, 10.0, 8.0, 12.0, 12.0, 14.0, 8.0, 10.0, 8.0],
        freeze_rows: 4,
        landscape: true,
        heights: vec![(0, 30.0)],
        ..SheetSpec::default()
    };
    s.merges.push(merged(
        (0, 0),
        (0, 10),
        format!("{}落实情况汇总表", plan.title),
        Style::Title,
    ));
    s.merges.push(merged(
        (1, 0),
        (1, 10),
        format!("统计日期：{}", chinese_date(today)),
        Style::Subtitle,
    ));
    s.merges.push(merged((2, 0), (3, 0), "序号", Style::Header));
    s.merges
        .push(merged((2, 1), (3, 1), "牵头单位", Style::Header));
    s.merges
        .push(merged((2, 2), (2, 4), "已办结", Style::Header));
    s.merges
        .push(merged((2, 5), (2, 8), "办理中", Style::Header));
    s.merges
        .push(merged((2, 9), (3, 9), "暂缓/中止", Style::Header));
    s.merges
        .push(merged((2, 10), (3, 10), "合计", Style::Header));
    for (c, h) in [
        (2, "按时办结"),
        (3, "逾期办结"),
        (4, "小计"),
        (5, "未到完成时限"),
        (6, "逾期未办结"),
        (7, "无明确完成时限"),
        (8, "小计"),
    ] {
        s.cells.push(text(3, c, h, Style::Header));
    }
    let counts = UnitCounts::columns;
    let mut row = 4u32;
    for (i, r) in rows.iter().enumerate() {
        s.cells.push(number(row, 0, i + 1, Style::Center));
        s.cells.push(text(row, 1, r.unit.clone(), Style::Body));
        for (k, n) in counts(r).into_iter().enumerate() {
            s.cells.push(number(row, 2 + k as u16, n, Style::Center));
        }
        row += 1;
    }
    s.merges
        .push(merged((row, 0), (row, 1), "合计", Style::Total));
    for (k, n) in counts(total).into_iter().enumerate() {
        s.cells.push(number(row, 2 + k as u16, n, Style::Total));
    }
    s
}

fn detail_sheet(plan: &Plan, today: NaiveDate) -> SheetSpec {
    let index = PlanIndex::new(plan);
    let a = assess_positions(&index, today);
    let mut s = SheetSpec {
        name: "明细表".into(),
        widths: vec![6.0, 40.0, 14.0, 20.0, 12.0, 12.0, 14.0, 12.0, 42.0],
        freeze_rows: 3,
        landscape: true,
        heights: vec![(0, 30.0)],
        ..SheetSpec::default()
    };
    s.merges.push(merged(
        (0, 0),
        (0, 8),
        format!("{}未办结事项明细表", plan.title),
        Style::Title,
    ));
    s.merges.push(merged(
        (1, 0),
        (1, 8),
        format!("统计日期：{}", chinese_date(today)),
        Style::Subtitle,
    ));
    for (c, h) in [
        "序号",
        "事项",
        "牵头单位",
        "配合单位",
        "责任领导",
        "完成时限",
        "状态",
        "逾期/剩余天数",
        "最近进展",
    ]
    .into_iter()
    .enumerate()
    {
        s.cells.push(text(2, c as u16, h, Style::Header));
    }
    let mut open: Vec<usize> = index
        .work_items_in_order()
        .filter(|&i| a[i].level.is_open())
        .collect();
    // Overdue first, longest overdue first; then warnings; then the rest,
    // each in the ledger's order.
    let rank = |l: Level| match l {
        Level::Red => 0,
        Level::Yellow => 1,
        _ => 2,
    };
    crate::model::sorting::sort_by_key(&mut open, |&i| {
        (
            rank(a[i].level),
            if a[i].level == Level::Red {
                a[i].days_left.unwrap_or(0)
            } else {
                0
            },
        )
    });
    for (n, &i) in open.iter().enumerate() {
        let row = 3 + n as u32;
        let t = index.at(i);
        let days = match a[i].days_left {
            Some(d) if d < 0 => format!("逾期 {} 天", -d),
            Some(d) => format!("剩余 {d} 天"),
            None => "无明确时限".into(),
        };
        let cells = [
            (n + 1).to_string(),
            t.title.clone(),
            index.lead_unit_name(t),
            index.support_unit_names(t),
            t.leader.clone(),
            a[i].current_due.map(format_date).unwrap_or_default(),
            a[i].label(),
            days,
            t.update_as_of(today)
                .map(|u| format!("（{}，{}%）{}", format_date(u.date), u.percent, u.progress))
                .unwrap_or_else(|| "尚未报送".into()),
        ];
        for (c, v) in cells.into_iter().enumerate() {
            let style = if matches!(c, 0 | 4 | 5 | 7) {
                Style::Center
            } else {
                Style::Body
            };
            s.cells.push(text(row, c as u16, v, style));
        }
    }
    s
}

/// The summary workbook (汇总表 and 明细表) as of `today`.
pub fn workbook(plan: &Plan, today: NaiveDate) -> WorkbookSpec {
    let index = PlanIndex::new(plan);
    let a = assess_positions(&index, today);
    let (rows, total) = unit_summary(&index, &a);
    WorkbookSpec {
        sheets: vec![
            summary_sheet(plan, today, &rows, &total),
            detail_sheet(plan, today),
        ],
    }
}
