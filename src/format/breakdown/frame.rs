//! The frame around the work a 工作要点 lists: its title lines, the
//! sections that frame rather than list (总体要求, 保障措施 …), and the
//! issuing office and date at its end.

use super::numbering::year_in;

/// Sections that frame the work rather than list it.
const FRAMING: [&str; 12] = [
    "总体要求",
    "指导思想",
    "主要目标",
    "工作目标",
    "目标任务",
    "基本原则",
    "保障措施",
    "工作要求",
    "组织保障",
    "组织领导",
    "有关要求",
    "几点要求",
];

/// A paragraph's beginning, for the list of what was passed over.
pub(super) fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

pub(super) fn framing(name: &str) -> Option<&'static str> {
    let n = name.trim_end_matches(['。', '：', ':', '；']).trim();
    FRAMING
        .iter()
        .find(|f| n == **f || (n.starts_with(**f) && n.chars().count() <= 8))
        .copied()
}

/// A short line with no sentence punctuation: a title, an office, a date.
pub(super) fn headline(line: &str) -> bool {
    line.chars().count() <= 40
        && !line.contains(['。', '，', '：', ':', '；'])
        && !line.starts_with(['（', '('])
}

/// The plan's title from the lines before the first number.
pub(super) fn title_of(preamble: &[&str]) -> Option<String> {
    let heads: Vec<&str> = preamble
        .iter()
        .take_while(|l| headline(l))
        .take(3)
        .copied()
        .collect();
    let upto = heads.iter().position(|l| l.contains("要点"))?;
    let mut title: String = heads[..=upto].concat();
    // 关于印发《2023年区委工作要点》的通知
    if let (Some(a), Some(b)) = (title.find('《'), title.rfind('》')) {
        if a < b {
            title = title[a + '《'.len_utf8()..b].to_string();
        }
    }
    Some(title.trim().to_string())
}

/// An issuing office: "中共××区委办公室".
pub(super) fn office(line: &str) -> bool {
    headline(line)
        && year_in(line).is_none()
        && (line.starts_with("中共")
            || ["委员会", "办公室", "区委", "政府", "委"]
                .iter()
                .any(|e| line.ends_with(e)))
}

/// An issue date: "2023年1月15日".
pub(super) fn issue_date(line: &str) -> Option<i32> {
    (headline(line) && line.contains('月') && line.ends_with('日'))
        .then(|| year_in(line))
        .flatten()
}
