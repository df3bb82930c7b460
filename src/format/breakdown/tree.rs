//! The document's shape: its paragraphs walked once, top to bottom, into
//! areas, 要点 and items; the title, year and issuing office taken from
//! the paragraphs before the first number and after the last; then each
//! entry's words read for units, leader and deadline.

use super::fields::{read_fields, Fields};
use super::frame::{excerpt, framing, headline, issue_date, office, title_of};
use super::numbering::{opening, year_in, Mark};
use super::table;
use super::units::{Matcher, Resolved};
use super::{BreakdownError, Level, Node, Passage, Proposal};
use crate::format::sheets::intake::deadline::parse_deadline;
use crate::model::date::format_date;
use crate::model::plan::Unit;
use std::borrow::Cow;
use std::collections::HashSet;

/// The most cooperating units an item takes over from its 要点.
const MAX_INHERITED: usize = 20;

/// Title and requirement: a first sentence of one clause is the title
/// and the rest the 工作要求; a first sentence of several clauses gives
/// its first clause as the title and the whole text as the requirement,
/// so the quantities it names ("全年引进50名") stay in the 工作要求.
fn title_and_detail(content: &str) -> (String, String) {
    let content = content.trim();
    let cut = content.find(['。', '！', '？']);
    let (first, rest) = match cut {
        Some(at) => {
            let end = at + content[at..].chars().next().map_or(0, char::len_utf8);
            (&content[..at], content[end..].trim())
        }
        None => (content, ""),
    };
    let first = first.trim().trim_end_matches(['，', '；', '：', ':']);
    if let Some(comma) = first.find(['，', '；']) {
        return (first[..comma].trim().to_string(), content.to_string());
    }
    (first.to_string(), rest.to_string())
}

/// A node while the document is walked: its raw words gather any
/// continuation paragraphs.
struct Draft {
    level: Level,
    parent: Option<usize>,
    number: String,
    line: usize,
    raw: String,
}

/// Reads the plain text of a 工作要点 against the plan's unit `registry`;
/// `fallback_year` is used when neither the title nor the issue date
/// names a year.
pub fn read_breakdown(
    text: &str,
    registry: &[Unit],
    fallback_year: i32,
) -> Result<Proposal, BreakdownError> {
    let owned: Vec<(usize, Cow<str>)> = table::lines(text);
    let lines: Vec<(usize, &str)> = owned
        .iter()
        .map(|(n, l)| (*n, l.as_ref()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(BreakdownError::Empty);
    }
    let opened: Vec<_> = lines.iter().map(|(_, l)| opening(l)).collect();
    let structural = |m: Mark| m != Mark::Text;
    let first = opened
        .iter()
        .position(|o| structural(o.mark))
        .ok_or(BreakdownError::NoItems)?;
    let last = opened
        .iter()
        .rposition(|o| structural(o.mark))
        .unwrap_or(first);

    let mut passed = Vec::new();
    let pass = |passed: &mut Vec<Passage>, i: usize, why: &str| {
        passed.push(Passage {
            line: lines[i].0,
            text: excerpt(lines[i].1),
            why: why.to_string(),
        })
    };
    let preamble: Vec<&str> = lines[..first].iter().map(|(_, l)| *l).collect();
    let title = title_of(&preamble);
    for (i, (_, l)) in lines.iter().enumerate().take(first) {
        let why = if title
            .as_deref()
            .is_some_and(|t| headline(l) && (t.contains(l) || l.contains(t)))
        {
            "标题"
        } else {
            "开头部分，不是任务"
        };
        pass(&mut passed, i, why);
    }

    // The walk.
    let mut drafts: Vec<Draft> = Vec::new();
    let mut area: Option<usize> = None;
    let mut group: Option<usize> = None;
    let mut item: Option<usize> = None;
    let mut last_entry: Option<usize> = None;
    let mut framing_part: Option<&'static str> = None;
    for i in first..=last {
        let o = &opened[i];
        let line = lines[i].0;
        if o.mark == Mark::Section {
            let name = o.rest.split('。').next().unwrap_or("").trim();
            framing_part = framing(name);
            group = None;
            item = None;
            last_entry = None;
            area = None;
            if let Some(f) = framing_part {
                pass(&mut passed, i, &format!("“{f}”部分，不是任务"));
                continue;
            }
            drafts.push(Draft {
                level: Level::Area,
                parent: None,
                number: o.number.trim_end_matches('、').to_string(),
                line,
                raw: name.trim_end_matches(['：', ':']).to_string(),
            });
            area = Some(drafts.len() - 1);
            continue;
        }
        if let Some(f) = framing_part {
            pass(&mut passed, i, &format!("“{f}”部分，不是任务"));
            continue;
        }
        let (level, parent) = match o.mark {
            Mark::Group => (Level::Group, area),
            Mark::Item => (Level::Item, group.or(area)),
            Mark::Sub => (Level::Item, item.or(group).or(area)),
            _ => {
                match last_entry {
                    Some(e) => {
                        let raw = &mut drafts[e].raw;
                        raw.push('\n');
                        raw.push_str(o.rest);
                    }
                    None => pass(&mut passed, i, "领域的说明文字，不是任务"),
                }
                continue;
            }
        };
        drafts.push(Draft {
            level,
            parent,
            number: o.number.to_string(),
            line,
            raw: o.rest.to_string(),
        });
        let at = drafts.len() - 1;
        match o.mark {
            Mark::Group => {
                group = Some(at);
                item = None;
            }
            Mark::Item => item = Some(at),
            _ => {}
        }
        last_entry = Some(at);
    }

    // The closing: instructions, the office, the date.
    let mut issuer = String::new();
    let mut issued: Option<i32> = None;
    for (i, (_, l)) in lines.iter().enumerate().skip(last + 1) {
        let why = if let Some(y) = issue_date(l) {
            issued = Some(y);
            "落款日期"
        } else if office(l) {
            if issuer.is_empty() {
                issuer = l.to_string();
            }
            "落款单位"
        } else if let Some(f) = framing_part {
            // Still inside a closing 工作要求 section.
            pass(&mut passed, i, &format!("“{f}”部分，不是任务"));
            continue;
        } else {
            "结尾部分，不是任务"
        };
        pass(&mut passed, i, why);
    }

    let from_title = title.as_deref().and_then(year_in);
    let (year, year_from) = match (from_title, issued) {
        (Some(y), _) => (y, "标题".to_string()),
        (None, Some(y)) => (y, "落款日期".to_string()),
        (None, None) => (
            fallback_year,
            format!("文中未写年份，按 {fallback_year} 年"),
        ),
    };
    let title = title.unwrap_or_else(|| format!("{year}年区委工作要点"));

    let mut matcher = Matcher::new(registry);
    let mut nodes: Vec<Node> = Vec::with_capacity(drafts.len());
    for d in drafts {
        let node = if d.level == Level::Area {
            blank(&d, d.raw.clone())
        } else {
            entry(&d, year, &mut matcher)
        };
        nodes.push(node);
    }
    let mut proposal = Proposal {
        title,
        year,
        year_from,
        issuer,
        nodes,
        new_units: matcher.new_units,
        passed,
    };
    proposal.recheck();
    inherit(&mut proposal.nodes);
    proposal.recheck();
    if !proposal.nodes.iter().any(|n| n.work_item) {
        return Err(BreakdownError::NoItems);
    }
    Ok(proposal)
}

fn blank(d: &Draft, title: String) -> Node {
    Node {
        level: d.level,
        parent: d.parent,
        number: d.number.clone(),
        line: d.line,
        title,
        detail: String::new(),
        lead: None,
        support: Vec::new(),
        general: Vec::new(),
        leader: String::new(),
        deadline_text: String::new(),
        due: None,
        milestones: Vec::new(),
        recurrence: None,
        ongoing: false,
        work_item: false,
        read: Vec::new(),
        missing: Vec::new(),
        notes: Vec::new(),
    }
}

/// A 要点 or item with its words read.
fn entry(d: &Draft, year: i32, matcher: &mut Matcher) -> Node {
    let f: Fields = read_fields(&d.raw, matcher.registry());
    let (mut title, detail) = title_and_detail(&f.content);
    if title.is_empty() {
        title = excerpt(d.raw.trim());
    }
    if title.is_empty() {
        title = "（未写内容）".to_string();
    }
    let mut n = blank(d, title);
    n.detail = detail;
    units_of(&mut n, &f, matcher);
    if !f.leader.is_empty() {
        n.leader = f.leader.clone();
        n.read.push(format!("责任领导：{}", n.leader));
    }
    if let Some(words) = f.deadline_words() {
        let dl = parse_deadline(&words, year);
        n.due = dl.due;
        n.milestones = dl.milestones;
        n.recurrence = dl.recurrence;
        n.ongoing = dl.ongoing;
        match (dl.due, dl.recurrence) {
            (_, Some(r)) => n
                .read
                .push(format!("常态化工作：{}（“{words}”）", r.label())),
            (Some(due), None) => n
                .read
                .push(format!("完成时限：{words}（{}）", format_date(due))),
            (None, None) if dl.ongoing => n.read.push(format!("完成时限：{words}（无固定日期）")),
            (None, None) => n.notes.push(dl.note),
        }
        if !n.milestones.is_empty() {
            n.read
                .push(format!("其余 {} 个时间作为进度节点", n.milestones.len()));
        }
        n.deadline_text = words;
    }
    n
}

/// Lead and cooperating units from the names read: the first named as
/// 牵头 leads (else the first 责任单位); every other unit cooperates.
fn units_of(n: &mut Node, f: &Fields, matcher: &mut Matcher) {
    let mut named: Vec<(&str, &String)> = Vec::new();
    named.extend(f.lead.iter().map(|x| ("牵头", x)));
    named.extend(f.responsible.iter().map(|x| ("负责", x)));
    named.extend(f.support.iter().map(|x| ("配合", x)));
    if f.lead.len() > 1 {
        n.notes.push(format!(
            "牵头单位写了 {} 个，第一个作牵头，其余作配合",
            f.lead.len()
        ));
    } else if f.lead.is_empty() && f.responsible.len() > 1 {
        n.notes.push(format!(
            "责任单位写了 {} 个，第一个作牵头，其余作配合",
            f.responsible.len()
        ));
    }
    // Units already placed, so a name written twice counts once (a set:
    // a scan per name would grow as the square of a long list).
    let mut placed: HashSet<String> = HashSet::new();
    for (role, written) in named {
        match matcher.resolve(written) {
            Resolved::Unit(u) => {
                if !placed.insert(u.unit_id.clone()) {
                    continue;
                }
                if u.new {
                    n.notes
                        .push(format!("单位“{}”不在单位名录中，将新增", u.written));
                }
                if n.lead.is_none() && role != "配合" {
                    n.lead = Some(u);
                } else {
                    n.support.push(u);
                }
            }
            Resolved::General(g) => {
                n.notes.push(format!("“{g}”为泛指，未作为单位"));
                n.general.push(format!("{g}（{role}）"));
            }
            Resolved::NotAName(t) => {
                n.notes
                    .push(format!("“{}”不像单位名称，未作为单位", excerpt(&t)));
            }
        }
    }
    if let Some(l) = &n.lead {
        n.read.push(format!("牵头单位：{}", l.written));
    }
    if !n.support.is_empty() {
        let names: Vec<&str> = n.support.iter().map(|u| u.written.as_str()).collect();
        n.read.push(format!("配合单位：{}", names.join("、")));
    }
    if !n.general.is_empty() {
        n.read.push(format!("泛指：{}", n.general.join("、")));
    }
}

/// A work item that names no lead unit, leader or deadline takes its
/// 要点's (documents often write "（一）…（区委组织部牵头）" once for all
/// the items under it), said in its notes.
fn inherit(nodes: &mut [Node]) {
    for i in 0..nodes.len() {
        let Some(p) = nodes[i].parent.filter(|p| *p < i) else {
            continue;
        };
        if nodes[p].level == Level::Area {
            continue;
        }
        let (head, tail) = nodes.split_at_mut(i);
        let (up, n) = (&head[p], &mut tail[0]);
        if n.lead.is_none() && up.lead.is_some() {
            n.lead = up.lead.clone();
            // A real 要点 names a few cooperating units; a list of hundreds
            // is not copied into every item (that would grow as the square
            // of the text).
            if up.support.len() <= MAX_INHERITED {
                let have: HashSet<String> = n.support.iter().map(|x| x.unit_id.clone()).collect();
                for s in &up.support {
                    if !have.contains(&s.unit_id) {
                        n.support.push(s.clone());
                    }
                }
            }
            n.notes.push(format!("牵头单位沿用上级“{}”", up.title));
        }
        if n.leader.is_empty() && !up.leader.is_empty() {
            n.leader = up.leader.clone();
            n.notes.push(format!("责任领导沿用上级“{}”", up.title));
        }
        if n.due.is_none() && !n.ongoing && n.recurrence.is_none() && up.due.is_some() {
            n.due = up.due;
            n.deadline_text = up.deadline_text.clone();
            n.notes.push(format!("完成时限沿用上级“{}”", up.title));
        }
    }
}
