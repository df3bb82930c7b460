//! The storage repository: every sequence of writes that touches more than
//! one key is one operation here, with its order decided once. Components
//! call these operations; they never write keys.
//!
//! The order follows SQLite's pager: write the new thing, then point to it,
//! then remove the old. The plan list (`luoshi.plans`) is the pointer; while
//! an operation on a plan is under way its entry carries a `pending` mark,
//! so a start after a crash (or a full quota half-way) finishes or undoes
//! it (`start`). Whatever write an operation stops at, every listed plan
//! reads back whole and no plan key is left that no list names
//! (`tests/store_repo.rs` stops each operation at each of its writes).
//!
//! | operation | writes, in order |
//! |---|---|
//! | create (new plan, copy to next year, restore as a plan, undo a deletion) | refused if the key holds anything (a found plan) → list entry marked adding → plan text → mark cleared (and selected) |
//! | delete | backup copy → list entry marked removing, with the stamp of the value copied (another plan selected) → plan key removed → entry dropped |
//! | delete a downloaded plan (space running low) | refused if the value is no longer the one downloaded → as delete, without the copy |
//! | save | refused if the value's stamp is not the one last seen, or the entry is marked removing (a conflict) → plan text (stamped, packed) → list entry's title and year, when they changed |
//! | back up before an import | oldest import backups removed down to the limit less one, oldest first → the new backup, whole → older import backups rewritten as deltas against it (`chain.rs`) |
//! | remove a backup | backups kept as deltas against it rewritten → the backup removed |
//! | set aside (damaged data, either side of a conflict, before restoring a backup, before an upgrade) | one new backup key; what replaces the data is written after it, by the next save |
//! | keep this tab's damaged data over another tab's write | the other tab's data set aside → the damaged value put back exactly as it was stored → its list entry, if the other tab had dropped it |
//! | keep this tab's plan over data from a newer version | this tab's plan set aside (the stored data is never replaced) |
//! | start | list rebuilt from plan keys when missing (never written empty); marked entries finished (adding: kept if its text reads, else its key removed; removing: key removed unless a save wrote another value since, then the mark is cleared), the list written once |
//! | adopt a found plan | its key listed (or, when its id is taken, created as a new plan and the found key removed) |
//!
//! A repository reads plans thoroughly (`Repo::new`: native tests, and
//! what they check) or with the fast typed pass alone (`Repo::fast`: the
//! page, whose wasm must not carry the thorough restore). A fast reader
//! hands text it does not take back as `Loaded::Unread` (or
//! `Opening::Unread`) without acting on it; the page has the worker
//! restore it, and the operation goes on from there (`finish_open`,
//! `take_read`, `keep_mine_read`, `adopt_read`) exactly as a thorough
//! reader's would. Before it writes, such an operation checks that the
//! value is still the one read.
//!
//! Sequences that end in an edit (restore a backup over the plan, an
//! import's merge, a damaged plan replaced) make their copy here first; the
//! edit is then written by the ordinary save, so a crash between the two
//! leaves the copy and the old plan.

mod backups;
mod chain;
mod conflict;
mod open;
mod plans;
mod prefs;
mod save;
mod space;

pub use conflict::KeepMine;
pub use open::{OpenedPlan, Opening, Unopened};
pub use plans::{Added, Removed};
pub use save::SaveOutcome;
pub use space::{Removable, Usage, LOW_SPACE_PERCENT};

use super::backend::Backend;
use super::plans::{is_plan_key, read_list, rebuild, PlanEntry, PlanList, LIST_KEY};
use super::stored::{self, Seen};
use super::{interpret, interpret_fast, Damage, Loaded, SaveError, Synced};
use crate::model::plan::Plan;

/// How a repository reads a plan's (unpacked) text.
pub type Reader = fn(String) -> Loaded;

/// The repository over a storage `B`.
pub struct Repo<B: Backend> {
    backend: B,
    /// Chosen at construction, so that a page built with `Repo::fast`
    /// links no code of the thorough restore.
    read: Reader,
}

/// The thorough reader.
fn thorough(text: String) -> Loaded {
    interpret(Some(text))
}

/// Why an operation that waited for the worker stops: the value it read
/// was written again meanwhile.
pub const CHANGED_WHILE_READING: &str =
    "读取期间这份数据又被另一窗口修改了，没有做任何改动。请再选择一次。";

/// Why a fast reader's operation refuses text it has not had judged.
pub(super) const NOT_READ: &str = "这份数据还没有读取完，没有做任何改动。请稍后再试。";

impl<B: Backend> Repo<B> {
    /// A repository that reads plans thoroughly.
    pub fn new(backend: B) -> Repo<B> {
        Repo {
            backend,
            read: thorough,
        }
    }

    /// A repository that reads plans with the fast typed pass alone (the
    /// page's): text it does not take comes back unread, for the worker.
    pub fn fast(backend: B) -> Repo<B> {
        Repo {
            backend,
            read: interpret_fast,
        }
    }

    /// What a stored value means to this repository's reader.
    fn read(&self, value: Option<String>) -> (Loaded, Seen) {
        read_value_with(self.read, value)
    }

    /// The plan list as stored, rebuilt from the plan keys (not written)
    /// when it is missing or unreadable; the flag says it was rebuilt.
    pub fn list(&self) -> Result<(PlanList, bool), SaveError> {
        let text = self.backend.get(LIST_KEY)?;
        if let Some(list) = read_list(text.as_deref()) {
            return Ok((list, false));
        }
        self.rebuilt_list()
    }

    /// The list rebuilt from the plan keys in storage.
    fn rebuilt_list(&self) -> Result<(PlanList, bool), SaveError> {
        let mut stored = Vec::new();
        for key in self.backend.keys()? {
            if is_plan_key(&key) {
                if let Some(value) = self.backend.get(&key)? {
                    stored.push((key, value));
                }
            }
        }
        Ok((rebuild(&stored), true))
    }

    /// Writes the plan list.
    fn write_list(&self, list: &PlanList) -> Result<(), SaveError> {
        self.backend.set(LIST_KEY, &list.to_text())
    }

    /// At start-up: the plan list, after finishing or undoing any operation
    /// a crash interrupted, and writing the list if that or a rebuild
    /// changed it. A failure to write it is not fatal (the next start does
    /// the same again), so it is returned beside the list.
    pub fn start(&self) -> Result<(PlanList, Option<SaveError>), SaveError> {
        let (mut list, mut rebuilt) = self.list()?;
        if list.plans.is_empty() && !rebuilt {
            // A list naming nothing while plans are stored (a first run
            // that never saved, then data put back by hand): the plans
            // are what counts.
            let (found, _) = self.rebuilt_list()?;
            if !found.plans.is_empty() {
                (list, rebuilt) = (found, true);
            }
        }
        let finished = self.finish_pending(&mut list)?;
        // An empty list is not written: nothing is stored to point to, and
        // a first save writes the list with its plan.
        let error = if (rebuilt && !list.plans.is_empty()) || finished {
            self.write_list(&list).err()
        } else {
            None
        };
        Ok((list, error))
    }

    /// Finishes what the `pending` marks say was under way; true when the
    /// list changed.
    fn finish_pending(&self, list: &mut PlanList) -> Result<bool, SaveError> {
        use super::plans::Pending;
        let mut changed = false;
        let mut keep = Vec::with_capacity(list.plans.len());
        for mut entry in std::mem::take(&mut list.plans) {
            match entry.pending.clone() {
                None => keep.push(entry),
                Some(Pending::Adding) => {
                    changed = true;
                    // Kept only if its text was written whole: a half-made
                    // plan is dropped, and nothing of the user's was in it
                    // yet that is not still where it came from.
                    if self.reads_whole(&entry.key)? {
                        entry.pending = None;
                        keep.push(entry);
                    } else {
                        self.backend.remove(&entry.key)?;
                    }
                }
                Some(Pending::Removing { stamp }) => {
                    changed = true;
                    // Its copy was set aside before the mark was written;
                    // a plan saved since (by a tab that went on with it)
                    // stays, unmarked: nothing written after the copy is
                    // thrown away.
                    let head = self.backend.head(&entry.key, stored::HEAD_CHARS)?;
                    let now = head
                        .as_deref()
                        .and_then(stored::stamp_of)
                        .map(str::to_string);
                    if head.is_some() && now != stamp {
                        entry.pending = None;
                        keep.push(entry);
                    } else {
                        self.backend.remove(&entry.key)?;
                    }
                }
            }
        }
        list.plans = keep;
        if list
            .current
            .as_deref()
            .is_some_and(|id| list.entry(id).is_none())
        {
            list.current = list.plans.first().map(|p| p.id.clone());
        }
        Ok(changed)
    }

    /// True when `key` holds a plan that restores without a problem. Text
    /// a fast reader does not take counts too: it was written whole (a
    /// write to storage is all or nothing), most likely by an older
    /// version, and is judged when it is opened (shown as damage if it is
    /// damaged) rather than removed unread.
    fn reads_whole(&self, key: &str) -> Result<bool, SaveError> {
        let value = self.backend.get(key)?;
        let (loaded, _) = self.read(value);
        Ok(matches!(loaded, Loaded::Plan { .. } | Loaded::Unread(_)))
    }

    /// Makes `id` the plan in use; returns the list and its entry.
    pub fn select(&self, id: &str) -> Result<(PlanList, PlanEntry), String> {
        let (mut list, _) = self.list().map_err(|e| e.to_string())?;
        let entry = list
            .entry(id)
            .filter(|e| e.pending.is_none())
            .cloned()
            .ok_or_else(|| "该计划已不存在（可能已在另一窗口删除）".to_string())?;
        list.current = Some(entry.id.clone());
        self.write_list(&list).map_err(|e| e.to_string())?;
        Ok((list, entry))
    }

    /// What storage holds under `key` now, read whole (for a conflict or a
    /// damage decision), and how it is seen. A fast reader may leave it
    /// `Loaded::Unread`.
    pub fn stored(&self, key: &str) -> Result<(Loaded, Seen), SaveError> {
        Ok(self.read(self.backend.get(key)?))
    }

    /// True when storage under `key` is no longer what `seen` says: another
    /// tab wrote (or removed) it. Reads only a value's first characters
    /// when it is stamped.
    pub fn changed_since(&self, key: &str, seen: &Seen) -> Result<bool, SaveError> {
        Ok(match seen {
            Seen::Absent => self.backend.size(key)?.is_some(),
            Seen::Stamp(s) => {
                let head = self.backend.head(key, stored::HEAD_CHARS)?;
                head.as_deref().and_then(stored::stamp_of) != Some(s.as_str())
            }
            Seen::Text(t) => self.backend.get(key)?.as_deref() != Some(t.as_str()),
        })
    }

    /// True when a storage event for `key` may tell this tab something:
    /// storage there no longer holds what `synced` says this tab last saw
    /// (or that is unknown). Chromium can hand a page a write made before
    /// it loaded, by the page it replaced in the same tab (a reload right
    /// after a write): the value this tab read at start, or has written
    /// over since, is no other tab's write.
    pub fn news_for(&self, key: &str, synced: Option<&Synced>) -> bool {
        synced.is_none_or(|s| self.changed_since(key, &s.seen).unwrap_or(true))
    }

    /// Writes back, exactly as it was stored, the damaged value this tab
    /// was deciding about (another window wrote over it meanwhile, or
    /// deleted the plan, and the user keeps this tab's data), then lists
    /// the plan again if the other window had dropped it (`plan` gives its
    /// id, title and year).
    pub fn put_back(&self, key: &str, value: &str, plan: &Plan) -> Result<Seen, SaveError> {
        self.backend.set(key, value)?;
        let (mut list, _) = self.list()?;
        if !list
            .plans
            .iter()
            .any(|e| e.key == key && e.pending.is_none())
        {
            list.plans.retain(|e| e.key != key);
            list.upsert(plan, key, false);
            self.write_list(&list)?;
        }
        Ok(Seen::of(Some(value)))
    }
}

/// What a stored value means, read thoroughly, and how it is seen. A
/// packed value that does not unpack is damage like any other, with the
/// value itself kept as the raw text.
pub fn read_value(value: Option<String>) -> (Loaded, Seen) {
    read_value_with(thorough, value)
}

/// `read_value` with the fast pass alone: what it does not take is
/// `Loaded::Unread` (see `store::finish`).
pub fn read_value_fast(value: Option<String>) -> (Loaded, Seen) {
    read_value_with(interpret_fast, value)
}

fn read_value_with(read: Reader, value: Option<String>) -> (Loaded, Seen) {
    let seen = Seen::of(value.as_deref());
    let Some(value) = value else {
        return (Loaded::Nothing, seen);
    };
    let loaded = match stored::decode(&value) {
        Ok(text) => match read(text.into_owned()) {
            Loaded::Damaged(mut d) => {
                if d.raw != value {
                    d.stored = Some(value);
                }
                Loaded::Damaged(d)
            }
            Loaded::Unread(mut u) => {
                if u.raw != value {
                    u.stored = Some(value);
                }
                Loaded::Unread(u)
            }
            other => other,
        },
        Err(e) => Loaded::Damaged(Damage {
            stored: None,
            raw: value.clone(),
            plan: None,
            messages: vec![format!(
                "本机保存的计划数据已损坏，无法解压：{}。原始数据已原样保留，可下载。",
                e.detail()
            )],
            replaceable: true,
        }),
    };
    (loaded, seen)
}

/// True when the stored `value` holds exactly `plan` as this version
/// writes it (another tab wrote the very plan shown here).
pub fn value_holds(value: Option<&str>, plan: &Plan) -> bool {
    value
        .and_then(|v| stored::decode(v).ok())
        .is_some_and(|text| super::holds(Some(&text), plan))
}

impl<B: Backend> Backend for &B {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        (*self).get(key)
    }
    fn head(&self, key: &str, chars: usize) -> Result<Option<String>, SaveError> {
        (*self).head(key, chars)
    }
    fn size(&self, key: &str) -> Result<Option<usize>, SaveError> {
        (*self).size(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        (*self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), SaveError> {
        (*self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, SaveError> {
        (*self).keys()
    }
}
