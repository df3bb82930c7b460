//! Deadlines as offices write them in a ledger's 完成时限 column, read
//! against the plan's year: "3月底前", "6月30日前", "年底前", "2022年9月",
//! "第三季度", "上半年", real dates in several shapes, and Excel date
//! cells; "每月"/"每季度" (standing work, due at the year's end) and
//! "长期坚持"/"持续推进" (no fixed date) are recognised and flagged. A cell
//! naming several dates ("6月底前出方案，12月底前完成") is due at the
//! latest, the earlier ones kept as milestones.

use crate::model::recurrence::Recurrence;
use chrono::NaiveDate;

/// What a 完成时限 cell says.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    /// The due date, when one can be read.
    pub due: Option<NaiveDate>,
    /// Earlier dates named in the same cell, with the words around them.
    pub milestones: Vec<(NaiveDate, String)>,
    /// Standing work: each period is to be reported.
    pub recurrence: Option<Recurrence>,
    /// "长期坚持", "持续推进": no fixed deadline (flagged in the preview).
    pub ongoing: bool,
    /// How it was read, for the preview ("按“3月底前”理解为 2026-03-31").
    pub note: String,
}

impl Deadline {
    fn none(note: impl Into<String>) -> Deadline {
        Deadline {
            due: None,
            milestones: Vec::new(),
            recurrence: None,
            ongoing: false,
            note: note.into(),
        }
    }
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    first_next.pred_opt()
}

/// 一 … 十二 and 1 … 12 as a number.
fn numeral(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', b] => Some(10 + digit(*b)?),
        [a, '十'] => Some(digit(*a)? * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        ['两'] => Some(2),
        [a] => digit(*a),
        _ => None,
    }
}

/// Splits text into runs of digits / Chinese numerals and other characters.
fn tokens(text: &str) -> Vec<String> {
    let is_num = |c: char| c.is_ascii_digit() || "〇一二三四五六七八九十两".contains(c);
    let mut out: Vec<String> = Vec::new();
    for c in text.chars() {
        match out.last_mut() {
            Some(last) if last.chars().last().is_some_and(is_num) == is_num(c) => last.push(c),
            _ => out.push(c.to_string()),
        }
    }
    out
}

/// The dates one clause names (one date per clause), read against `year`.
fn clause_date(clause: &str, year: i32) -> Option<NaiveDate> {
    let c: String = clause.chars().filter(|c| !c.is_whitespace()).collect();
    if c.is_empty() {
        return None;
    }
    // 2026-06-30, 2026/6/30, 2026.6.30
    for sep in ['-', '/', '.'] {
        let parts: Vec<&str> = c
            .trim_end_matches(|ch: char| !ch.is_ascii_digit())
            .split(sep)
            .collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|d| d.is_ascii_digit()))
        {
            let (y, m, d) = (
                parts[0].parse().ok()?,
                parts[1].parse().ok()?,
                parts[2].parse().ok()?,
            );
            return NaiveDate::from_ymd_opt(y, m, d);
        }
        if parts.len() == 2
            && parts[0].len() == 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|d| d.is_ascii_digit()))
        {
            return last_day(parts[0].parse().ok()?, parts[1].parse().ok()?);
        }
    }
    if c.contains("上半年") {
        return NaiveDate::from_ymd_opt(explicit_year(&c).unwrap_or(year), 6, 30);
    }
    if c.contains("下半年")
        || c.contains("年底")
        || c.contains("年末")
        || c.contains("年内")
        || c.contains("全年")
    {
        return NaiveDate::from_ymd_opt(explicit_year(&c).unwrap_or(year), 12, 31);
    }
    let t = tokens(&c);
    // 第三季度, 三季度末, 3季度
    if let Some(i) = t.iter().position(|s| s.starts_with("季度")) {
        let q = t
            .get(i.wrapping_sub(1))
            .and_then(|s| numeral(s))
            .filter(|q| (1..=4).contains(q))?;
        return last_day(explicit_year(&c).unwrap_or(year), q * 3);
    }
    // [2022年]9月[30日|底|末|中旬|上旬|下旬|份|前]
    let mut y = year;
    let mut month = None;
    let mut day = None;
    for (i, s) in t.iter().enumerate() {
        let unit = t.get(i + 1).map(String::as_str).unwrap_or("");
        let Some(n) = numeral(s) else { continue };
        if unit.starts_with('年') && n >= 1900 {
            y = n as i32;
        } else if unit.starts_with('月') && month.is_none() {
            month = Some(n);
        } else if (unit.starts_with('日') || unit.starts_with('号')) && month.is_some() {
            day = Some(n);
        }
    }
    let m = month.filter(|m| (1..=12).contains(m))?;
    match day {
        Some(d) => NaiveDate::from_ymd_opt(y, m, d),
        None if c.contains("上旬") => NaiveDate::from_ymd_opt(y, m, 10),
        None if c.contains("中旬") => NaiveDate::from_ymd_opt(y, m, 20),
        None => last_day(y, m),
    }
}

/// A four-digit year followed by 年, if the text has one.
fn explicit_year(c: &str) -> Option<i32> {
    let t = tokens(c);
    t.iter().enumerate().find_map(|(i, s)| {
        let n: i32 = s.parse().ok()?;
        (n >= 1900 && t.get(i + 1).is_some_and(|u| u.starts_with('年'))).then_some(n)
    })
}

/// Reads a 完成时限 cell's text against the plan's `year`.
pub fn parse_deadline(text: &str, year: i32) -> Deadline {
    let text = text.trim();
    if text.is_empty() {
        return Deadline::none("未填完成时限");
    }
    let recurrence = if text.contains("每月") || text.contains("按月") {
        Some(Recurrence::Monthly)
    } else if text.contains("每季") || text.contains("按季") {
        Some(Recurrence::Quarterly)
    } else if text.contains("每年") || text.contains("按年") {
        Some(Recurrence::Yearly)
    } else {
        None
    };
    let ongoing = ["长期", "持续", "常态", "经常性"]
        .iter()
        .any(|w| text.contains(w));
    // Clauses: "6月底前出方案，12月底前完成" names two dates.
    let mut dated: Vec<(NaiveDate, String)> = text
        .split(['，', ',', '；', ';', '、', '\n'])
        .filter_map(|clause| clause_date(clause, year).map(|d| (d, clause.trim().to_string())))
        .collect();
    crate::model::sorting::sort_by_key(&mut dated, |(d, _)| *d);
    dated.dedup_by_key(|(d, _)| *d);
    if let Some((due, _)) = dated.pop() {
        let note = if dated.is_empty() {
            format!("“{text}”按 {} 计", crate::model::date::format_date(due))
        } else {
            format!(
                "“{text}”按 {} 计，其余 {} 个时间作为进度节点",
                crate::model::date::format_date(due),
                dated.len()
            )
        };
        return Deadline {
            due: Some(due),
            milestones: dated,
            recurrence,
            ongoing: false,
            note,
        };
    }
    if let Some(r) = recurrence {
        // Standing work runs the year; each period is to be reported.
        return Deadline {
            due: NaiveDate::from_ymd_opt(year, 12, 31),
            milestones: Vec::new(),
            recurrence: Some(r),
            ongoing: false,
            note: format!("“{text}”为常态化工作（{}），完成时限按年底计", r.label()),
        };
    }
    if ongoing {
        return Deadline {
            ongoing: true,
            ..Deadline::none(format!("“{text}”没有明确完成时限，已标记待定"))
        };
    }
    Deadline::none(format!("未能识别完成时限“{text}”，请导入后补填"))
}

/// An Excel date cell.
pub fn from_cell_date(y: i32, m: u32, d: u32) -> Deadline {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(due) => Deadline {
            due: Some(due),
            milestones: Vec::new(),
            recurrence: None,
            ongoing: false,
            note: String::new(),
        },
        None => Deadline::none(format!("日期 {y}-{m}-{d} 不存在")),
    }
}
