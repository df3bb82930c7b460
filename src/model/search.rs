//! Search across a plan's text in Chinese, full pinyin and pinyin initials,
//! so `组织`, `zuzhibu` and `zzb` all find 区委组织部 and `dj` finds 党建.
//!
//! Typing in the search box re-runs the search on every keystroke over
//! thousands of tasks, so the costly part — resolving unit names and turning
//! Chinese into pinyin — happens once per plan in `SearchIndex::new`, and a
//! keystroke only runs substring searches over text prepared in advance.
//! All tasks' text lives in three shared buffers (lowercased text, full
//! pinyin, initials) with one offset triple per task: a few large strings
//! rather than many small ones keep memory modest at 5,000 tasks.
//!
//! Pinyin comes from the `pinyin` crate's data, one reading per character
//! (its most common one), kept in a compact table (`pinyin_table`): a
//! heteronym read otherwise in a word (行 in 银行) is found by its common
//! reading only. `ü` is written `v`, as pinyin input methods type it
//! (`lvse` finds 绿色). Full-width letters and digits
//! (`２０２６`) are folded to ASCII both in the text and in what is typed.

use crate::model::index::PlanIndex;
use crate::model::pinyin_table::reading;
use crate::model::task::Task;

/// Between two fields of a task, so that a term never matches across the
/// end of one field and the start of the next. Search terms are split on
/// whitespace, so they never contain it.
const FIELD_BREAK: char = '\n';

/// The searchable text of every task of one plan, prepared once.
///
/// Build it again when the plan changes: positions and text are those of
/// the plan it was built from.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every task's fields, lowercased, full-width forms folded to ASCII.
    text: String,
    /// The same fields in full pinyin without tones or separators; ASCII
    /// letters and digits kept (lowercased), everything else dropped.
    pinyin: String,
    /// The first letter of each Chinese character's pinyin; ASCII letters
    /// and digits kept (lowercased), everything else dropped.
    initials: String,
    /// Where task `pos` ends in each buffer; it starts where `pos - 1` ends.
    ends: Vec<[usize; 3]>,
}

impl SearchIndex {
    /// Prepares the text of every task of the indexed plan: title, 工作要求,
    /// 成果形式, the lead and support units' names and short names (an
    /// unknown unit id as itself, as the ledger shows it), 责任领导, 责任人,
    /// tags, and the text of every progress update (进展情况, 存在问题,
    /// 下步打算), whatever its date.
    pub fn new(index: &PlanIndex) -> SearchIndex {
        let mut out = SearchIndex {
            ends: Vec::with_capacity(index.len()),
            ..SearchIndex::default()
        };
        for pos in 0..index.len() {
            for_each_field(index, index.at(pos), |field| out.push_field(field));
            out.ends
                .push([out.text.len(), out.pinyin.len(), out.initials.len()]);
        }
        out
    }

    /// How many tasks the index covers.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True for the index of a plan without tasks.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// True when the task at `pos` contains every term (see `SearchTerms`).
    /// No terms match every task; a position outside the plan matches only
    /// when there are no terms.
    pub fn matches(&self, pos: usize, terms: &SearchTerms) -> bool {
        if terms.is_empty() {
            return true;
        }
        let Some(end) = self.ends.get(pos) else {
            return false;
        };
        let start = pos
            .checked_sub(1)
            .and_then(|p| self.ends.get(p))
            .copied()
            .unwrap_or([0; 3]);
        let text = self.text.get(start[0]..end[0]).unwrap_or("");
        let pinyin = self.pinyin.get(start[1]..end[1]).unwrap_or("");
        let initials = self.initials.get(start[2]..end[2]).unwrap_or("");
        // A Latin term found in the text is in the full pinyin as well (see
        // `push_field`), so it is looked for in the two pinyin forms only,
        // the short initials first: fewer bytes to scan on every keystroke.
        terms.terms.iter().all(|term| {
            let t = term.text.as_str();
            if term.latin {
                initials.contains(t) || pinyin.contains(t)
            } else {
                text.contains(t)
            }
        })
    }

    /// Adds one field of the task being indexed to the three buffers.
    ///
    /// Every ASCII letter or digit of the lowercased text also goes to both
    /// pinyin forms, in order: so a term of ASCII letters and digits found
    /// in the text is always found in the full pinyin too, and `matches`
    /// need not look at the text for it.
    fn push_field(&mut self, field: &str) {
        if field.trim().is_empty() {
            return;
        }
        for c in field.chars().map(fold_width) {
            if c.is_ascii() {
                self.push_lowered(c.to_ascii_lowercase());
            } else if let Some(p) = reading(c) {
                // Characters with a reading (ideographs, 〇) have no case.
                self.text.push(c);
                self.push_reading(p);
            } else {
                for lower in c.to_lowercase() {
                    self.push_lowered(lower);
                }
            }
        }
        self.text.push(FIELD_BREAK);
        self.pinyin.push(FIELD_BREAK);
        self.initials.push(FIELD_BREAK);
    }

    /// Adds a toneless reading (ASCII letters, as typed) to the full
    /// pinyin, and its first letter to the initials.
    fn push_reading(&mut self, plain: &str) {
        self.pinyin.push_str(plain);
        if let Some(&b) = plain.as_bytes().first() {
            self.initials.push(char::from(b));
        }
    }

    /// Adds a lowercased character without a pinyin reading.
    fn push_lowered(&mut self, c: char) {
        self.text.push(c);
        if c.is_ascii_alphanumeric() {
            self.pinyin.push(c);
            self.initials.push(c);
        }
    }
}

/// Calls `f` with each searchable field of `task`.
fn for_each_field(index: &PlanIndex, task: &Task, mut f: impl FnMut(&str)) {
    f(&task.title);
    f(&task.detail);
    f(&task.deliverable);
    for id in task.lead_unit.iter().chain(&task.support_units) {
        match index.unit(id) {
            Some(unit) => {
                f(&unit.name);
                f(&unit.short_name);
            }
            None => f(id),
        }
    }
    f(&task.leader);
    f(&task.owner);
    for tag in &task.tags {
        f(tag);
    }
    for u in &task.updates {
        f(&u.progress);
        f(&u.problems);
        f(&u.next_steps);
    }
}

/// Full-width ASCII forms (`２０２６`, `ＡＢＣ`) as ASCII, and the
/// ideographic space as a space, so text typed with a Chinese input method
/// in full-width mode still matches.
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// What was typed in the search box, split into terms that must all match.
///
/// Terms are separated by whitespace, ASCII or the full-width space
/// (U+3000). A term matches a task when it is a substring of its text
/// (case-insensitive); a term of ASCII letters and digits only also
/// matches a substring of the full pinyin (`zuzhibu`) or of the initials
/// (`zzb`). Pinyin is matched without separators, so `zuzhib` and
/// `hibu` match too: what is typed is a prefix far more often than not,
/// and a too-generous match is cheap to narrow by typing on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchTerms {
    terms: Vec<Term>,
}

/// One search term, normalised as the index's text is.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    text: String,
    /// Only ASCII letters and digits, so it may be pinyin.
    latin: bool,
}

impl SearchTerms {
    /// Splits `input` into terms; blank input gives no terms.
    pub fn parse(input: &str) -> SearchTerms {
        let folded: String = input.chars().map(fold_width).collect();
        let terms = folded
            .split_whitespace()
            .map(|word| Term {
                text: word.to_lowercase(),
                latin: word.chars().all(|c| c.is_ascii_alphanumeric()),
            })
            .collect();
        SearchTerms { terms }
    }

    /// True when nothing was typed: every task matches.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms as they are matched (lowercased, full-width folded), e.g.
    /// to highlight them.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.text.as_str())
    }
}
