//! The small pieces of official wording every part of a report shares:
//! dates as written on paper, lists of names, counts.

use chrono::{Datelike, NaiveDate};

/// 2026年11月30日.
pub fn date_text(d: NaiveDate) -> String {
    crate::model::supervision::chinese_date(d)
}

/// 11月30日.
pub fn month_day(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

/// A day within the plan's year as 11月30日, any other as 2026年11月30日,
/// the way a 通报 about one year's plan writes its dates.
pub fn day_in(d: NaiveDate, year: i32) -> String {
    if d.year() == year {
        month_day(d)
    } else {
        date_text(d)
    }
}

/// Names joined with "、".
pub fn join<S: AsRef<str>>(names: &[S]) -> String {
    let mut out = String::new();
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            out.push('、');
        }
        out.push_str(n.as_ref());
    }
    out
}

/// Closes a sentence with "。" unless it already ends with a stop, so
/// text the units typed runs on into the next sentence properly.
pub fn end_sentence(text: &mut String) {
    let ends = text
        .chars()
        .last()
        .is_none_or(|c| "。；！？.;!?".contains(c));
    if !ends {
        text.push('。');
    }
}

/// "“标题”（牵头单位）" for up to `most` items, then "等" when more were
/// left out: a sentence names a few, the attachment lists them all.
pub fn named_items(items: &[super::items::ItemRef], most: usize) -> String {
    let shown: Vec<String> = items
        .iter()
        .take(most)
        .map(|i| format!("“{}”（{}）", i.title, i.lead_unit))
        .collect();
    let mut out = join(&shown);
    if items.len() > most {
        out.push('等');
    }
    out
}
