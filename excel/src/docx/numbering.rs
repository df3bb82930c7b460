//! Word's automatic numbering: the lists of numbering.xml (w:num →
//! w:abstractNum → w:lvl with its format, text and start), the numbering
//! paragraph styles carry (styles.xml), and the counting, done as Word
//! does: a count per list and level, lower levels starting again when a
//! higher one advances. Lists that share an abstract list count on from
//! one another, as in Word, unless a list restarts a level
//! (w:startOverride).

use super::formats::Format;
use super::xml::{attr, attr_num, on, walk, Ev, Ns};
use std::collections::{HashMap, HashSet};

/// Word's nine levels.
const LEVELS: usize = 9;

/// One level of a list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<u32>,
    format: Option<Format>,
    /// Set by a recognised w14 custom format, which the fallback that
    /// follows it must not undo.
    custom: bool,
    text: Option<String>,
    /// What follows the number: a tab (the default), a space or nothing.
    suffix_nothing: bool,
    /// w:lvlRestart: restart after this level (1-based) or higher is
    /// used; 0 never.
    restart: Option<u32>,
    /// w:isLgl: every level's count in decimal.
    legal: bool,
    /// The paragraph style tied to this level.
    style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// w:numStyleLink: the list is defined by a numbering style.
    style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// w:lvlOverride: a new start, or a whole level.
    starts: [Option<u32>; LEVELS],
    levels: [Option<Level>; LEVELS],
}

/// The lists of numbering.xml.
#[derive(Debug, Clone, Default)]
pub(super) struct Lists {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

fn level_index(el: &quick_xml::events::BytesStart<'_>) -> Option<usize> {
    attr_num(el, "ilvl")
        .filter(|l| (0..LEVELS as i64).contains(l))
        .map(|l| l as usize)
}

impl Lists {
    pub(super) fn read(xml: &str) -> Result<Lists, u64> {
        let mut lists = Lists::default();
        // Where we are: the abstract list or list being read, the level.
        let mut stack: Vec<String> = Vec::new();
        let mut abs: Option<(String, Abstract)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        walk(xml, |ev| match ev {
            Ev::Open { ns, name, el } => {
                let name = if ns == Ns::W { name } else { "" };
                match name {
                    "abstractNum" => {
                        abs = attr(el, "abstractNumId").map(|id| (id, Abstract::default()));
                    }
                    "num" if stack.last().is_some_and(|p| p == "numbering") => {
                        num = attr(el, "numId").map(|id| (id, Num::default()));
                    }
                    "abstractNumId" if num.is_some() => {
                        if let (Some((_, n)), Some(v)) = (num.as_mut(), attr(el, "val")) {
                            n.abstract_id = v;
                        }
                    }
                    "lvlOverride" => override_level = level_index(el),
                    "startOverride" => {
                        if let (Some((_, n)), Some(l), Some(v)) =
                            (num.as_mut(), override_level, attr_num(el, "val"))
                        {
                            n.starts[l] = u32::try_from(v).ok();
                        }
                    }
                    "lvl" => level = level_index(el).map(|l| (l, Level::default())),
                    "numStyleLink" => {
                        if let Some((_, a)) = abs.as_mut() {
                            a.style_link = attr(el, "val");
                        }
                    }
                    _ => {
                        if let Some((_, lv)) = level.as_mut() {
                            read_level(lv, name, el);
                        }
                    }
                }
                stack.push(name.to_string());
            }
            Ev::Close => match stack.pop().as_deref() {
                Some("lvl") => {
                    if let Some((l, lv)) = level.take() {
                        if let Some((_, n)) = num.as_mut().filter(|_| override_level.is_some()) {
                            n.levels[l] = Some(lv);
                        } else if let Some((_, a)) = abs.as_mut() {
                            a.levels[l] = Some(lv);
                        }
                    }
                }
                Some("lvlOverride") => override_level = None,
                Some("abstractNum") => {
                    if let Some((id, a)) = abs.take() {
                        lists.abstracts.entry(id).or_insert(a);
                    }
                }
                Some("num") => {
                    if let Some((id, n)) = num.take() {
                        lists.nums.entry(id).or_insert(n);
                    }
                }
                _ => {}
            },
            Ev::Text(_) => {}
        })?;
        Ok(lists)
    }
}

fn read_level(lv: &mut Level, name: &str, el: &quick_xml::events::BytesStart<'_>) {
    match name {
        "start" => lv.start = attr_num(el, "val").and_then(|v| u32::try_from(v).ok()),
        "numFmt" => {
            let value = attr(el, "val").unwrap_or_default();
            if value == "custom" {
                if let Some(f) = attr(el, "format").as_deref().and_then(Format::custom) {
                    lv.format = Some(f);
                    lv.custom = true;
                }
            } else if !lv.custom {
                lv.format = Some(Format::of(&value).unwrap_or_default());
            }
        }
        "lvlText" => lv.text = attr(el, "val"),
        "suff" => lv.suffix_nothing = attr(el, "val").as_deref() == Some("nothing"),
        "lvlRestart" => lv.restart = attr_num(el, "val").and_then(|v| u32::try_from(v).ok()),
        "isLgl" => lv.legal = on(el),
        "pStyle" => lv.style = attr(el, "val"),
        _ => {}
    }
}

/// What a style says of numbering.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    level: Option<usize>,
}

/// The paragraph and numbering styles of styles.xml.
#[derive(Debug, Clone, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    /// The paragraph style of paragraphs that name none.
    default: Option<String>,
}

impl Styles {
    pub(super) fn read(xml: &str) -> Result<Styles, u64> {
        let mut out = Styles::default();
        let mut stack: Vec<String> = Vec::new();
        let mut current: Option<(String, Style)> = None;
        walk(xml, |ev| match ev {
            Ev::Open { ns, name, el } => {
                let name = if ns == Ns::W { name } else { "" };
                let parent = stack.last().map(String::as_str);
                match (name, current.as_mut()) {
                    ("style", _) => {
                        let kind = attr(el, "type");
                        let paragraph = matches!(kind.as_deref(), Some("paragraph" | "numbering"));
                        current = attr(el, "styleId")
                            .filter(|_| paragraph)
                            .map(|id| (id, Style::default()));
                        if let Some((id, _)) = &current {
                            if kind.as_deref() == Some("paragraph")
                                && attr(el, "default").is_some_and(|v| v == "1" || v == "true")
                            {
                                out.default = Some(id.clone());
                            }
                        }
                    }
                    ("basedOn", Some((_, s))) if parent == Some("style") => {
                        s.based_on = attr(el, "val")
                    }
                    ("numId", Some((_, s))) if parent == Some("numPr") => {
                        s.num_id = attr(el, "val")
                    }
                    ("ilvl", Some((_, s))) if parent == Some("numPr") => {
                        s.level = level_index_val(el);
                    }
                    _ => {}
                }
                // Earlier properties in a tracked change are not the style's.
                let name = if name == "pPrChange" { "skip" } else { name };
                if stack.iter().any(|s| s == "skip") {
                    stack.push("skip".into());
                } else {
                    stack.push(name.to_string());
                }
            }
            Ev::Close => {
                if stack.pop().as_deref() == Some("style") {
                    if let Some((id, s)) = current.take() {
                        out.styles.entry(id).or_insert(s);
                    }
                }
            }
            Ev::Text(_) => {}
        })?;
        Ok(out)
    }
}

fn level_index_val(el: &quick_xml::events::BytesStart<'_>) -> Option<usize> {
    attr_num(el, "val")
        .filter(|l| (0..LEVELS as i64).contains(l))
        .map(|l| l as usize)
}

/// A paragraph's own numbering properties (w:pPr/w:numPr) and style.
#[derive(Debug, Clone, Default)]
pub(super) struct Para {
    pub style: Option<String>,
    pub num_id: Option<String>,
    pub level: Option<usize>,
}

/// The counting through one document.
pub(super) struct Counter<'a> {
    lists: &'a Lists,
    styles: &'a Styles,
    /// Per abstract list: the last count of each level (None: not yet
    /// used since it last started again).
    counts: HashMap<String, [Option<u32>; LEVELS]>,
    /// Per abstract list: the start a list's override set for a level.
    starts: HashMap<String, [Option<u32>; LEVELS]>,
    /// Lists already used (a restart applies at a list's first use).
    used: HashSet<String>,
}

impl<'a> Counter<'a> {
    pub(super) fn new(lists: &'a Lists, styles: &'a Styles) -> Counter<'a> {
        Counter {
            lists,
            styles,
            counts: HashMap::new(),
            starts: HashMap::new(),
            used: HashSet::new(),
        }
    }

    /// The style and its ancestors (a cycle or a very long chain is cut).
    fn chain(&self, id: &str) -> Vec<(&'a str, &'a Style)> {
        let mut out = Vec::new();
        let mut at = Some(id);
        while let Some(id) = at {
            let Some((key, s)) = self.styles.styles.get_key_value(id) else {
                break;
            };
            if out.len() >= 16 || out.iter().any(|(k, _)| *k == key.as_str()) {
                break;
            }
            out.push((key.as_str(), s));
            at = s.based_on.as_deref();
        }
        out
    }

    /// The list and level of a paragraph: its own numbering, else its
    /// style's.
    fn list_of(&self, p: &Para) -> Option<(String, usize)> {
        let style = p.style.as_deref().or(self.styles.default.as_deref());
        let chain = style.map(|s| self.chain(s)).unwrap_or_default();
        let from_style = chain
            .iter()
            .find_map(|(id, s)| s.num_id.as_ref().map(|n| (*id, n, s.level)));
        let num_id = p
            .num_id
            .clone()
            .or_else(|| from_style.map(|(_, n, _)| n.clone()))?;
        if num_id == "0" {
            return None;
        }
        let level = p
            .level
            .or_else(|| from_style.and_then(|(_, _, l)| l))
            .or_else(|| {
                // The level the list ties to the paragraph's style, or to
                // the nearest style it is based on.
                let (abs, _) = self.abstract_of(&num_id)?;
                chain.iter().find_map(|(id, _)| {
                    abs.levels
                        .iter()
                        .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(*id))
                })
            })
            .unwrap_or(0);
        Some((num_id, level))
    }

    /// A list's abstract list (through a numbering style's link) and its
    /// id.
    fn abstract_of(&self, num_id: &str) -> Option<(&'a Abstract, &'a str)> {
        let mut num = self.lists.nums.get(num_id)?;
        for _ in 0..4 {
            let (key, abs) = self.lists.abstracts.get_key_value(&num.abstract_id)?;
            let Some(link) = &abs.style_link else {
                return Some((abs, key.as_str()));
            };
            let linked = self
                .styles
                .styles
                .get(link)
                .and_then(|s| s.num_id.as_deref())
                .and_then(|n| self.lists.nums.get(n));
            match linked {
                Some(n) if !std::ptr::eq(n, num) => num = n,
                _ => return Some((abs, key.as_str())),
            }
        }
        None
    }

    /// The number Word shows before the paragraph (with the space that
    /// stands for its tab), counting it; `None` when it is not numbered
    /// or is a bullet.
    pub(super) fn number(&mut self, p: &Para) -> Option<String> {
        let (num_id, level) = self.list_of(p)?;
        let num = self.lists.nums.get(&num_id)?;
        let (abs, abs_id) = self.abstract_of(&num_id)?;
        let def = |l: usize| num.levels[l].as_ref().or(abs.levels[l].as_ref());
        let lv = def(level)?;
        let starts = self
            .starts
            .entry(abs_id.to_string())
            .or_insert([None; LEVELS]);
        let counts = self
            .counts
            .entry(abs_id.to_string())
            .or_insert([None; LEVELS]);
        if self.used.insert(num_id.clone()) {
            for (l, s) in num.starts.iter().enumerate() {
                if let Some(s) = s {
                    starts[l] = Some(*s);
                    counts[l] = None;
                }
            }
        }
        let start = |l: usize| {
            starts[l]
                .or_else(|| def(l).and_then(|d| d.start))
                .unwrap_or(1)
        };
        let value = counts[level].map_or_else(|| start(level), |v| v.saturating_add(1));
        counts[level] = Some(value);
        for (lower, count) in counts.iter_mut().enumerate().skip(level + 1) {
            let restart = def(lower).and_then(|d| d.restart);
            // By default a level starts again after any higher level.
            if restart.is_none_or(|r| r > 0 && (level as u32) < r) {
                *count = None;
            }
        }
        let format = lv.format.unwrap_or_default();
        if format == Format::Bullet {
            return None;
        }
        let text = lv.text.as_deref()?;
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let k = match (c, chars.peek()) {
                ('%', Some(d)) if ('1'..='9').contains(d) => *d as usize - '1' as usize,
                _ => {
                    out.push(c);
                    continue;
                }
            };
            chars.next();
            let v = if k <= level {
                counts[k].unwrap_or_else(|| start(k))
            } else {
                start(k)
            };
            let f = match def(k).and_then(|d| d.format).unwrap_or_default() {
                Format::Bullet | Format::None if k != level => Format::None,
                f if lv.legal && k < level => match f {
                    Format::None => f,
                    _ => Format::Decimal,
                },
                f => f,
            };
            out.push_str(&f.write(v));
        }
        if out.trim().is_empty() {
            return None;
        }
        if !lv.suffix_nothing {
            out.push(' ');
        }
        Some(out)
    }
}
