//! The two attachments: 附件1 落实情况汇总表, per lead unit with a total
//! row, taken whole from `summary::unit_summary` (the Excel 汇总表's own
//! counts); and 附件2 滞后事项清单, the overdue and lagging items of
//! 存在问题 numbered in the same order.

use crate::model::report::items::ItemRow;
use crate::model::report::troubles::TroubleGroup;
use crate::model::summary::UnitCounts;
use serde::{Deserialize, Serialize};

/// 附件1 落实情况汇总表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryTable {
    pub title: String,
    /// One row per lead unit, in the plan's unit order (no lead unit last).
    pub rows: Vec<UnitCounts>,
    /// 合计.
    pub total: UnitCounts,
}

impl SummaryTable {
    /// The header as the Excel 汇总表 has it: the upper row's groups with
    /// how many columns each spans, then the lower row under them.
    pub const GROUPS: [(&'static str, usize); 6] = [
        ("序号", 1),
        ("牵头单位", 1),
        ("已办结", 3),
        ("办理中", 4),
        ("暂缓/中止", 1),
        ("合计", 1),
    ];
    /// The lower header row under 已办结 and 办理中 (the other groups
    /// span both rows).
    pub const COLUMNS: [&'static str; 7] = [
        "按时办结",
        "逾期办结",
        "小计",
        "未到完成时限",
        "逾期未办结",
        "无明确完成时限",
        "小计",
    ];

    /// The nine counts of a row, in column order after 序号 and 牵头单位
    /// (the Excel 汇总表's own, `UnitCounts::columns`).
    pub fn counts(c: &UnitCounts) -> [usize; 9] {
        c.columns()
    }
}

/// One row of 附件2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LaggingRow {
    /// 序号, from 1.
    pub seq: usize,
    pub item: ItemRow,
}

impl LaggingRow {
    /// The cells under `LaggingList::HEADERS`, as printed.
    pub fn cells(&self) -> [String; 8] {
        let i = &self.item;
        [
            self.seq.to_string(),
            i.title.clone(),
            i.lead_unit.clone(),
            i.leader_text(),
            i.due_text(),
            i.state.clone(),
            i.days_overdue_text(),
            i.latest_text(),
        ]
    }
}

/// 附件2 滞后事项清单.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LaggingList {
    pub title: String,
    pub rows: Vec<LaggingRow>,
}

impl LaggingList {
    pub const HEADERS: [&'static str; 8] = [
        "序号",
        "事项",
        "牵头单位",
        "责任领导",
        "完成时限",
        "状态",
        "逾期天数",
        "最新进展",
    ];

    /// The rows of `groups`, in their order.
    pub fn of(title: String, groups: &[TroubleGroup]) -> LaggingList {
        let rows = groups
            .iter()
            .flat_map(|g| &g.items)
            .enumerate()
            .map(|(i, item)| LaggingRow {
                seq: i + 1,
                item: item.clone(),
            })
            .collect();
        LaggingList { title, rows }
    }
}
