//! Record ids filled in, by one rule wherever a record may come without
//! one (restore, ops, merge): a record with no id, or one its list already
//! used, gets an id derived from its task, kind, place and content. The
//! same record therefore gets the same id however and however often it is
//! read, and importing a file twice adds nothing the second time.
//!
//! Progress updates, extensions, milestones and supervision records keep
//! the rule they have had since version 2 (position and the fields of
//! version 1), so ids already given to old files do not change. 留痕
//! entries are matched by content alone (when, what, from, to, note, and
//! which repeat of that content it is), since an entry is its content and
//! its place in the log shifts as entries are merged in.

use crate::model::activity::LogEntry;
use crate::model::id::derived_id;
use crate::model::task::{Extension, Milestone, ProgressUpdate, Supervision, Task};
use std::collections::{HashMap, HashSet};

/// A repeated id replaced: which list, where, and the ids before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    pub list: &'static str,
    pub index: usize,
    pub was: String,
    pub now: String,
}

/// Whether any record of `task` lacks an id (the cheap check before a copy).
pub fn lacks_record_ids(task: &Task) -> bool {
    let empty = |id: &String| id.trim().is_empty();
    task.updates.iter().any(|r| empty(&r.id))
        || task.extensions.iter().any(|r| empty(&r.id))
        || task.milestones.iter().any(|r| empty(&r.id))
        || task.supervisions.iter().any(|r| empty(&r.id))
        || task.log.iter().any(|r| empty(&r.id))
}

/// Gives every record of `task` without an id (or with one repeated in its
/// list) its derived id; returns the repeated ids replaced.
pub fn fill_record_ids(task: &mut Task) -> Vec<Renamed> {
    let owner = task.id.0.clone();
    let mut out = Vec::new();
    fill(&owner, "updates", &mut task.updates, &mut out);
    fill(&owner, "extensions", &mut task.extensions, &mut out);
    fill(&owner, "milestones", &mut task.milestones, &mut out);
    fill(&owner, "supervisions", &mut task.supervisions, &mut out);
    fill(&owner, "log", &mut task.log, &mut out);
    out
}

/// A record whose id may be derived.
trait Derived {
    fn id(&mut self) -> &mut String;
    fn id_text(&self) -> &str;
    /// What the id is made of besides the owner and kind; `nth` is the
    /// record's place in its list, `repeat` how many earlier records of
    /// the list have the same content.
    fn parts(&self, nth: usize, repeat: usize) -> Vec<String>;
    /// The content that tells records apart.
    fn content(&self) -> String;
}

macro_rules! by_place {
    ($t:ty, |$r:ident| $content:expr) => {
        impl Derived for $t {
            fn id(&mut self) -> &mut String {
                &mut self.id
            }
            fn id_text(&self) -> &str {
                &self.id
            }
            fn parts(&self, nth: usize, _: usize) -> Vec<String> {
                // Kept as in version 2: [owner, kind, place, content].
                vec![nth.to_string(), self.content()]
            }
            fn content(&self) -> String {
                let $r = self;
                $content
            }
        }
    };
}

by_place!(ProgressUpdate, |r| format!(
    "{}|{}|{}|{}|{}|{}",
    r.date, r.percent, r.progress, r.problems, r.next_steps, r.by
));
by_place!(Extension, |r| format!(
    "{}|{}|{}|{}",
    r.date, r.previous_due, r.new_due, r.reason
));
by_place!(Milestone, |r| format!(
    "{}|{}|{:?}",
    r.title, r.due, r.done_on
));
by_place!(Supervision, |r| format!(
    "{}|{}|{:?}",
    r.date, r.note, r.reply_due
));

impl Derived for LogEntry {
    fn id(&mut self) -> &mut String {
        &mut self.id
    }
    fn id_text(&self) -> &str {
        &self.id
    }
    fn parts(&self, _: usize, repeat: usize) -> Vec<String> {
        vec![self.content(), repeat.to_string()]
    }
    fn content(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}",
            self.at, self.what, self.from, self.to, self.note
        )
    }
}

/// True when every record has an id of its own in its list: nothing to
/// fill, and no content to work out (what every plan this version wrote
/// comes to; working the contents out anyway cost a fifth of reading a
/// stored plan).
fn complete<T: Derived>(records: &[T]) -> bool {
    let mut seen: HashSet<&str> = HashSet::with_capacity(records.len());
    records.iter().all(|r| {
        let id = r.id_text();
        id.trim() == id && !id.is_empty() && seen.insert(id)
    })
}

fn fill<T: Derived>(owner: &str, kind: &'static str, records: &mut [T], out: &mut Vec<Renamed>) {
    if complete(records) {
        return;
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut repeats: HashMap<String, usize> = HashMap::new();
    for (n, record) in records.iter_mut().enumerate() {
        let content = record.content();
        let repeat = repeats.entry(content).or_insert(0);
        let this_repeat = *repeat;
        *repeat += 1;
        let current = record.id().trim().to_string();
        if !current.is_empty() && seen.insert(current.clone()) {
            continue;
        }
        let parts = record.parts(n, this_repeat);
        let all: Vec<&str> = [owner, kind]
            .into_iter()
            .chain(parts.iter().map(String::as_str))
            .collect();
        let fresh = derived_id(&all);
        if !current.is_empty() {
            out.push(Renamed {
                list: kind,
                index: n,
                was: current,
                now: fresh.clone(),
            });
        }
        seen.insert(fresh.clone());
        *record.id() = fresh;
    }
}
