//! What a ledger says about its plan above the header: the title row
//! ("2023年区委工作要点落实情况台账", "关于印发《中共××区委2023年工作要点》
//! 任务分解的通知") names the plan and its year. Used only when a workbook
//! is opened as a plan of its own: merged into the plan on screen, the
//! rows are read against that plan's year and title.
//!
//! The title is the name of the document followed through, as Luoshi's own
//! plans are named ("2023年区委工作要点"): the name inside 《》 when the row
//! quotes one, with the words that describe the ledger rather than the
//! plan (任务分解, 落实情况, 台账, 表 …) taken off the end — but only when
//! what is left still names a document (…要点, …计划, …方案): a row such
//! as "重点工作推进情况表" names nothing shorter, and is kept whole.

use super::columns::Header;
use luoshi_excel::{Cell, Sheet};

/// The plan's name and year as the rows above the header give them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetTitle {
    /// The title row, cleaned (see the module's note); `None` when the
    /// sheet has no title row.
    pub title: Option<String>,
    /// The first year (19xx/20xx followed by 年) a title row names.
    pub year: Option<i32>,
}

/// Reads the title row(s) above `header`: rows that are not a 附件 mark,
/// a 填报单位/联系人/日期 line or a note in brackets ("（截至6月30日）").
/// Of several, the one naming a year is the title (a first line holding
/// only the issuer, "中共××区委办公室", is passed over), else the first.
pub fn sheet_title(sheet: &Sheet, header: &Header) -> SheetTitle {
    let rows: Vec<String> = (0..header.first_row)
        .map(|r| row_text(sheet, r))
        .filter(|t| is_title_like(t))
        .collect();
    let chosen = rows
        .iter()
        .find(|t| year_in(t).is_some())
        .or_else(|| rows.first());
    SheetTitle {
        title: chosen.map(|t| plan_title(t)).filter(|t| !t.is_empty()),
        year: rows.iter().find_map(|t| year_in(t)),
    }
}

/// A row's text: its cells' own texts in order (a title merged across the
/// row is in its first cell), with every space taken out, as Chinese titles
/// are spaced only for looks ("台　账").
fn row_text(sheet: &Sheet, row: u32) -> String {
    sheet
        .rows
        .get(row as usize)
        .map(|cells| {
            cells
                .iter()
                .filter_map(|c| match c {
                    Cell::Text(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect::<String>()
        })
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn is_title_like(text: &str) -> bool {
    if text.chars().count() < 2 {
        return false;
    }
    // 附件1, 附件二：
    if let Some(rest) = text.strip_prefix("附件") {
        if rest
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十：:".contains(c))
        {
            return false;
        }
    }
    // A line of particulars ("填报单位：…　联系人：…"): the day it was
    // filled in is not the plan's year (last year's ledger is reported in
    // January).
    const PARTICULARS: [&str; 9] = [
        "填报",
        "联系人",
        "电话",
        "报送",
        "制表",
        "审核",
        "日期",
        "时间",
        "单位",
    ];
    let colon = text.contains(['：', ':']);
    if PARTICULARS
        .iter()
        .any(|w| text.starts_with(w) || (colon && text.contains(w)))
        || text.starts_with("截至")
        || text.starts_with("截止")
    {
        return false;
    }
    let bracketed = |open: char, close: char| text.starts_with(open) && text.ends_with(close);
    !(bracketed('（', '）') || bracketed('(', ')'))
}

/// The first year, written "2023年" or "二〇二三年", that `text` names.
pub fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: char| {
        c.to_digit(10).or_else(|| {
            "〇一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map(|p| p as u32)
        })
    };
    chars.windows(5).enumerate().find_map(|(i, w)| {
        if w[4] != '年' {
            return None;
        }
        // Four digits of one kind, not the end of a longer number.
        let ascii = w[..4].iter().all(char::is_ascii_digit);
        let chinese = w[..4].iter().all(|c| "〇一二三四五六七八九".contains(*c));
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        if !(ascii || chinese) || before.is_some_and(|c| digit(c).is_some()) {
            return None;
        }
        let n = w[..4]
            .iter()
            .try_fold(0u32, |n, c| digit(*c).map(|d| n * 10 + d))?;
        (1900..=2099).contains(&n).then_some(n as i32)
    })
}

/// Words at the end of a ledger's title that describe the ledger, not the
/// plan; taken off one after another (a longer word before a shorter one
/// it ends with: "分解表" before "表").
const LEDGER_WORDS: [&str; 20] = [
    "的通知",
    "通知",
    "台账",
    "一览表",
    "统计表",
    "明细表",
    "情况表",
    "分解表",
    "清单",
    "表",
    "落实情况",
    "推进情况",
    "完成情况",
    "进展情况",
    "责任分工",
    "任务分解",
    "分工",
    "分解",
    "落实",
    "任务",
];

/// What a plan's name ends with.
const DOCUMENT_WORDS: [&str; 6] = ["要点", "计划", "方案", "规划", "意见", "部署"];

/// The plan's name a title row gives (see the module's note).
pub fn plan_title(row: &str) -> String {
    let text: String = row.chars().filter(|c| !c.is_whitespace()).collect();
    // "附件1：2023年…台账" in one cell.
    let text = match text.strip_prefix("附件") {
        Some(rest) => match rest.split_once(['：', ':']) {
            Some((n, after))
                if n.chars()
                    .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c)) =>
            {
                after.to_string()
            }
            _ => text,
        },
        None => text,
    };
    // The document a 通知 sends out is named in 《》.
    let named = text
        .split_once('《')
        .and_then(|(_, rest)| rest.split_once('》'))
        .map(|(inside, _)| inside.to_string())
        .filter(|inside| !inside.is_empty())
        .unwrap_or(text);
    let mut short = named.as_str();
    while let Some(rest) = LEDGER_WORDS
        .iter()
        .find_map(|w| short.strip_suffix(w).filter(|r| r.chars().count() >= 2))
    {
        short = rest;
    }
    if DOCUMENT_WORDS.iter().any(|w| short.ends_with(w)) {
        short.to_string()
    } else {
        named
    }
}
