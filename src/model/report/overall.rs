//! 一、总体情况: the figures on the judged day and the change since the
//! end of the period before, put into the sentences a 通报 opens with
//! ("截至11月30日，区委2026年工作要点共分解工作事项86项，已办结30项……").

use crate::model::report::figures::{Change, Figures};
use crate::model::report::text::day_in;
use crate::model::report::Paragraph;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// 总体情况.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    /// On the judged day.
    pub figures: Figures,
    /// Since the end of the period before.
    pub change: Change,
    /// The paragraphs as written (figures, then the change).
    pub paragraphs: Vec<Paragraph>,
}

/// "3项" parts with a count, zeros left out: an official text does not
/// say "暂缓0项".
fn counted(parts: &[(&str, usize)]) -> Vec<String> {
    parts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{what}{n}项"))
        .collect()
}

/// The figures sentence.
pub fn figures_text(f: &Figures, as_of: NaiveDate, year: i32) -> String {
    let day = day_in(as_of, year);
    if f.total == 0 {
        return format!("截至{day}，区委{year}年工作要点尚未分解工作事项。");
    }
    let closed = match (f.closed(), f.closed_on_time, f.closed_late) {
        (0, _, _) => "已办结0项".to_string(),
        (n, _, 0) => format!("已办结{n}项（均按时办结）"),
        (n, 0, _) => format!("已办结{n}项（均为逾期办结）"),
        (n, a, b) => format!("已办结{n}项（其中按时办结{a}项、逾期办结{b}项）"),
    };
    let mut text = format!(
        "截至{day}，区委{year}年工作要点共分解工作事项{}项，{closed}，办结率{}",
        f.total,
        f.rate_text()
    );
    let rest = counted(&[
        ("按序时推进", f.on_schedule),
        ("进度滞后", f.lagging),
        ("已逾期", f.overdue),
        ("暂缓或中止", f.halted),
    ]);
    if !rest.is_empty() {
        text.push('；');
        text.push_str(&rest.join("，"));
    }
    text.push('。');
    text
}

/// The change sentence: what moved since the end of the period before.
pub fn change_text(now: &Figures, c: &Change, year: i32) -> String {
    let Some(since) = c.since else {
        return String::new();
    };
    let mut parts = counted(&[("新办结", c.closed.len()), ("新增逾期", c.turned_red.len())]);
    if !c.recovered.is_empty() {
        parts.push(format!(
            "{}项逾期或滞后事项恢复正常或已办结",
            c.recovered.len()
        ));
    }
    let head = format!("与上期末（{}）相比", day_in(since, year));
    if parts.is_empty() {
        return format!("{head}，本期没有新办结、新增逾期或恢复正常的事项。");
    }
    let mut text = format!("{head}，本期{}", parts.join("，"));
    if c.previous.total > 0 && now.total > 0 {
        // Tenths of a point, as the rates are shown, so the words agree
        // with the two rates printed.
        let tenths = |f: &Figures| (f.rate() * 10.0).round() as i64;
        let delta = tenths(now) - tenths(&c.previous);
        if delta != 0 {
            let verb = if delta > 0 { "提高" } else { "下降" };
            let d = delta.abs();
            text.push_str(&format!("，办结率{verb}{}.{}个百分点", d / 10, d % 10));
        }
    }
    text.push('。');
    text
}

/// 总体情况 from the figures and the change.
pub fn overall(figures: Figures, change: Change, as_of: NaiveDate, year: i32) -> Overall {
    let mut paragraphs = vec![Paragraph::plain(figures_text(&figures, as_of, year))];
    let moved = change_text(&figures, &change, year);
    if !moved.is_empty() {
        paragraphs.push(Paragraph::plain(moved));
    }
    Overall {
        figures,
        change,
        paragraphs,
    }
}
