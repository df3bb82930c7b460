//! What one item's text says besides the work itself: its units, leader
//! and deadline, in the forms documents use —
//! labelled ("牵头单位：区委组织部；配合单位：区委宣传部、区人社局"),
//! in brackets （…） or 【…】, inline ("区委组织部牵头，区人社局配合，
//! 年底前完成"), or a bracket of names alone ("（区委组织部、区人社局）").
//! Each part is read in one pass over the text; what is not read stays
//! as the task's words.

use super::units::{looks_like_unit, split_names, surely_unit};
use crate::model::plan::Unit;

/// What a label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Lead,
    /// 责任单位: the first is the lead, the others cooperate.
    Responsible,
    Support,
    Leader,
    Deadline,
}

/// Labels, longer ones before the shorter ones they contain.
const LABELS: [(&str, Field); 24] = [
    ("牵头单位", Field::Lead),
    ("牵头部门", Field::Lead),
    ("主办单位", Field::Lead),
    ("主责单位", Field::Lead),
    ("责任单位", Field::Responsible),
    ("责任部门", Field::Responsible),
    ("落实单位", Field::Responsible),
    ("配合单位", Field::Support),
    ("配合部门", Field::Support),
    ("参与单位", Field::Support),
    ("协办单位", Field::Support),
    ("协同单位", Field::Support),
    ("责任区领导", Field::Leader),
    ("分管区领导", Field::Leader),
    ("责任领导", Field::Leader),
    ("分管领导", Field::Leader),
    ("牵头领导", Field::Leader),
    ("牵头区领导", Field::Leader),
    ("完成时限", Field::Deadline),
    ("完成时间", Field::Deadline),
    ("时限要求", Field::Deadline),
    ("时间要求", Field::Deadline),
    ("时间节点", Field::Deadline),
    ("时限", Field::Deadline),
];

/// Clause endings that name the units before them, and their role.
const ROLE_ENDINGS: [(&str, Field); 12] = [
    ("牵头负责", Field::Lead),
    ("牵头落实", Field::Lead),
    ("牵头抓总", Field::Lead),
    ("牵头", Field::Lead),
    ("具体负责", Field::Responsible),
    ("负责落实", Field::Responsible),
    ("负责", Field::Responsible),
    ("配合落实", Field::Support),
    ("配合", Field::Support),
    ("参与", Field::Support),
    ("协助", Field::Support),
    ("协办", Field::Support),
];

/// Words that make a clause a deadline.
const DEADLINE_WORDS: [&str; 21] = [
    "月底",
    "月末",
    "月前",
    "日前",
    "号前",
    "月中旬",
    "月上旬",
    "月下旬",
    "月份",
    "年底",
    "年末",
    "年内",
    "上半年",
    "下半年",
    "季度",
    "每月",
    "按月",
    "每季",
    "按季",
    "每年",
    "按年",
];

/// Deadline words too common in running text ("持续深化…") to count
/// unless the clause is short or in a bracket.
const LOOSE_DEADLINE_WORDS: [&str; 5] = ["全年", "长期", "持续推进", "常态化", "持续"];

/// The characters of a clause that says only when ("年底前完成"), which
/// is then left out of the task's words.
const WHEN_CHARS: &str =
    "0123456789０１２３４５６７８９〇零一二三四五六七八九十两年月日号底前末季度上中下半内旬份全第每按长期坚持常态化持续推进完成办结到位见效 ";

const DELIMITERS: [char; 9] = ['，', ',', '；', ';', '。', '！', '？', '!', '?'];

/// What was read from one item's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Fields {
    /// The item's words with the parts read taken out.
    pub content: String,
    /// Names given as 牵头 (label or "…牵头").
    pub lead: Vec<String>,
    /// Names given as 责任单位 or in a bracket of names alone.
    pub responsible: Vec<String>,
    pub support: Vec<String>,
    pub leader: String,
    /// The words naming the deadline, as written, each with how plainly
    /// it was given: 0 labelled (完成时限：…), 1 in a bracket, 2 in the
    /// running text. Only the plainest are used, so "年内整顿15个" does
    /// not override "完成时限：9月30日前".
    pub deadline: Vec<(u8, String)>,
}

impl Fields {
    /// The deadline words to read: the plainest given.
    pub fn deadline_words(&self) -> Option<String> {
        let best = self.deadline.iter().map(|(tier, _)| *tier).min()?;
        let words: Vec<&str> = self
            .deadline
            .iter()
            .filter(|(tier, _)| *tier == best)
            .map(|(_, w)| w.as_str())
            .collect();
        Some(words.join("，"))
    }

    /// How much has been read (to tell whether a bracket said anything).
    fn size(&self) -> usize {
        self.lead.len()
            + self.responsible.len()
            + self.support.len()
            + self.leader.len()
            + self.deadline.len()
    }

    fn add(&mut self, field: Field, value: &str) {
        let value = value
            .trim()
            .trim_matches(|c| "，,；;。：:".contains(c))
            .trim();
        if value.is_empty() {
            return;
        }
        match field {
            Field::Lead => self.lead.extend(split_names(value)),
            Field::Responsible => self.responsible.extend(split_names(value)),
            Field::Support => self.support.extend(split_names(value)),
            Field::Leader => {
                if !self.leader.is_empty() {
                    self.leader.push('、');
                }
                self.leader.push_str(value);
            }
            Field::Deadline => self.deadline.push((0, value.to_string())),
        }
    }
}

/// Reads `text` (an item without its number).
pub(super) fn read_fields(text: &str, registry: &[Unit]) -> Fields {
    let mut fields = Fields::default();
    let mut content = String::with_capacity(text.len());
    // Brackets at the top level, each read as a part of its own; one that
    // says nothing about units, leader or deadline stays in the words.
    let mut depth = 0usize;
    let mut open_at = 0usize;
    let mut plain_from = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' | '【' | '[' | '〔' => {
                if depth == 0 {
                    content.push_str(&text[plain_from..i]);
                    open_at = i;
                }
                depth += 1;
            }
            '）' | ')' | '】' | ']' | '〕' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let end = i + c.len_utf8();
                    let inner = &text
                        [open_at + text[open_at..].chars().next().map_or(0, char::len_utf8)..i];
                    let before = fields.size();
                    let rest = read_part(inner, true, registry, &mut fields);
                    if fields.size() == before {
                        content.push_str(&text[open_at..end]);
                    } else if !rest.is_empty() {
                        // "（新建10个，年底前完成）": the quantity stays.
                        content.push('（');
                        content.push_str(&rest);
                        content.push('）');
                    }
                    plain_from = end;
                }
            }
            _ => {}
        }
    }
    // An unclosed bracket: the rest is plain text.
    let tail_from = if depth > 0 { open_at } else { plain_from };
    content.push_str(&text[tail_from.min(text.len())..]);
    fields.content = read_part(&content, false, registry, &mut fields);
    fields
}

/// Where a label starts, where its value starts, and what it is.
struct Hit {
    start: usize,
    value: usize,
    field: Field,
}

/// Labels followed by a colon, left to right, not overlapping.
fn labels(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        if i < skip_to || !"牵主责落配参协分完时".contains(c) {
            continue;
        }
        let rest = &text[i..];
        if let Some((label, field)) = LABELS.iter().find(|(l, _)| rest.starts_with(l)) {
            let after = rest[label.len()..].trim_start();
            if let Some(colon) = after.chars().next().filter(|c| *c == '：' || *c == ':') {
                let value = text.len() - after.len() + colon.len_utf8();
                hits.push(Hit {
                    start: i,
                    value,
                    field: *field,
                });
                skip_to = value;
            }
        }
    }
    hits
}

/// Reads one part (a bracket's inside, or the words outside brackets) into
/// `fields`; returns the words not read.
fn read_part(text: &str, in_bracket: bool, registry: &[Unit], fields: &mut Fields) -> String {
    let hits = labels(text);
    let mut plain = String::new();
    let mut from = 0;
    for (n, hit) in hits.iter().enumerate() {
        plain.push_str(&text[from..hit.start]);
        let next = hits.get(n + 1).map_or(text.len(), |h| h.start);
        // A value runs to the next label, or to the end of its sentence.
        let end = text[hit.value..next]
            .find('。')
            .map_or(next, |p| hit.value + p);
        fields.add(hit.field, &text[hit.value..end]);
        from = end;
    }
    plain.push_str(&text[from.min(text.len())..]);
    read_clauses(&plain, in_bracket, registry, fields)
}

/// Splits at the delimiters, keeping each clause's delimiter.
fn clauses(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if DELIMITERS.contains(&c) {
            let end = i + c.len_utf8();
            out.push((&text[from..i], &text[i..end]));
            from = end;
        }
    }
    if from < text.len() {
        out.push((&text[from..], ""));
    }
    out
}

fn read_clauses(text: &str, in_bracket: bool, registry: &[Unit], fields: &mut Fields) -> String {
    let mut kept = String::new();
    for (clause, delim) in clauses(text) {
        let c = clause.trim();
        if c.is_empty() {
            continue;
        }
        if let Some((field, names)) = role_clause(c, registry) {
            for name in names {
                match field {
                    Field::Lead => fields.lead.push(name),
                    Field::Support => fields.support.push(name),
                    _ => fields.responsible.push(name),
                }
            }
            continue;
        }
        if in_bracket {
            let names = split_names(c);
            if !names.is_empty() && names.iter().all(|n| surely_unit(n, registry)) {
                fields.responsible.extend(names);
                continue;
            }
        }
        if is_deadline(c, in_bracket) {
            fields
                .deadline
                .push((if in_bracket { 1 } else { 2 }, c.to_string()));
            if in_bracket || says_only_when(c) {
                continue;
            }
        }
        kept.push_str(c);
        kept.push_str(delim);
    }
    kept.trim()
        .trim_end_matches(['，', ',', '；', ';'])
        .trim()
        .to_string()
}

/// "区委组织部牵头", "由区人社局、区财政局配合": the role and the names.
fn role_clause(clause: &str, registry: &[Unit]) -> Option<(Field, Vec<String>)> {
    let (ending, field) = ROLE_ENDINGS.iter().find(|(e, _)| clause.ends_with(e))?;
    let before = clause[..clause.len() - ending.len()].trim();
    let names = split_names(before);
    (!names.is_empty() && names.iter().all(|n| looks_like_unit(n, registry)))
        .then_some((*field, names))
}

fn is_deadline(clause: &str, loose: bool) -> bool {
    if DEADLINE_WORDS.iter().any(|w| clause.contains(w)) || has_month_day(clause) {
        return true;
    }
    (loose || clause.chars().count() <= 6)
        && LOOSE_DEADLINE_WORDS.iter().any(|w| clause.contains(w))
}

/// "6月30日", "9月15号".
fn has_month_day(clause: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let mut prev_numeral = false;
    let mut after_month = false;
    let mut day_digits = false;
    for c in clause.chars() {
        if after_month {
            if numeral(c) {
                day_digits = true;
                continue;
            }
            if day_digits && (c == '日' || c == '号') {
                return true;
            }
            after_month = false;
            day_digits = false;
        }
        if c == '月' && prev_numeral {
            after_month = true;
        }
        prev_numeral = numeral(c);
    }
    false
}

/// A clause that says when and nothing else ("年底前完成", "6月底前").
fn says_only_when(clause: &str) -> bool {
    clause.chars().count() <= 12 && clause.chars().all(|c| WHEN_CHARS.contains(c))
}
