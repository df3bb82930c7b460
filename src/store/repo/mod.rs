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
//! | create (new plan, copy to next year, restore as a plan, undo a deletion) | list entry marked adding → plan text → mark cleared (and selected) |
//! | delete | backup copy → list entry marked removing (another plan selected) → plan key removed → entry dropped |
//! | save | plan text (stamped, packed) → list entry's title and year, when they changed |
//! | back up before an import | oldest import backups removed down to the limit less one → the new backup |
//! | set aside (damaged data, either side of a conflict, before restoring a backup, before an upgrade) | one new backup key |
//! | start | list rebuilt from plan keys when missing; marked entries finished (adding: kept if its text reads, else dropped; removing: key removed, entry dropped); the list written once |
//! | adopt a found plan | its key listed (or, when its id is taken, created as a new plan and the found key removed) |

mod backups;
mod conflict;
mod plans;
mod prefs;
mod save;
mod space;

pub use conflict::KeepMine;
pub use plans::{Added, Removed};
pub use save::SaveOutcome;
pub use space::{Removable, Usage, LOW_SPACE_PERCENT};

use super::backend::Backend;
use super::plans::{is_plan_key, read_list, rebuild, PlanEntry, PlanList, LIST_KEY};
use super::stored::{self, Seen};
use super::{interpret, Damage, Loaded, SaveError, Synced};
use crate::model::plan::Plan;

/// The repository over a storage `B`.
pub struct Repo<B: Backend> {
    backend: B,
}

/// A plan read from its key.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedPlan {
    /// What to show: the plan, or what could be read of damaged data, or an
    /// empty plan under the entry's id when its key holds nothing.
    pub plan: Plan,
    pub damage: Option<Damage>,
    /// What this tab now knows storage to hold.
    pub synced: Synced,
}

impl<B: Backend> Repo<B> {
    pub fn new(backend: B) -> Repo<B> {
        Repo { backend }
    }

    pub fn backend(&self) -> &B {
        &self.backend
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
            match entry.pending {
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
                Some(Pending::Removing) => {
                    changed = true;
                    // Its copy was set aside before the mark was written.
                    self.backend.remove(&entry.key)?;
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

    /// True when `key` holds a plan that restores without a problem.
    fn reads_whole(&self, key: &str) -> Result<bool, SaveError> {
        let value = self.backend.get(key)?;
        let (loaded, _) = read_value(value);
        Ok(matches!(loaded, Loaded::Plan { .. }))
    }

    /// Reads the plan a list entry names. Data written by an older version
    /// is set aside first (`升级数据格式前`), since the first save rewrites
    /// it; a value without a stamp (written before plans were packed) is
    /// rewritten by the first save too, but needs no copy: the plan is the
    /// same, only stored smaller.
    pub fn open(&self, entry: &PlanEntry, year: i32, now: &str) -> Result<OpenedPlan, SaveError> {
        let value = self.backend.get(&entry.key)?;
        let stamped = value.as_deref().and_then(stored::stamp_of).is_some();
        let (loaded, seen) = read_value(value);
        let (plan, damage, synced_plan) = match loaded {
            Loaded::Nothing => {
                let mut plan = Plan::empty(if entry.year != 0 { entry.year } else { year });
                plan.id = entry.id.clone();
                if !entry.title.is_empty() {
                    plan.title = entry.title.clone();
                }
                (plan, None, None)
            }
            Loaded::Plan { plan, current } => {
                if !current {
                    if let Some(text) = self.plain_text(&entry.key)? {
                        // Best effort: the old text is still under its key
                        // until the first save, which a failed copy does
                        // not stop (the upgrade itself loses nothing).
                        let _ = self.set_aside(&text, "升级数据格式前", now);
                    }
                }
                let synced = (current && stamped).then(|| plan.clone());
                (plan, None, synced)
            }
            Loaded::Damaged(d) => (
                d.plan.clone().unwrap_or_else(|| Plan::empty(year)),
                Some(d),
                None,
            ),
        };
        Ok(OpenedPlan {
            plan,
            damage,
            synced: Synced {
                plan: synced_plan,
                seen,
            },
        })
    }

    /// The plan text under `key` (unpacked), if it reads as text.
    fn plain_text(&self, key: &str) -> Result<Option<String>, SaveError> {
        Ok(self
            .backend
            .get(key)?
            .and_then(|v| stored::decode(&v).ok().map(|t| t.into_owned())))
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
    /// damage decision), and how it is seen.
    pub fn stored(&self, key: &str) -> Result<(Loaded, Seen), SaveError> {
        Ok(read_value(self.backend.get(key)?))
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

    /// Writes back, as it was, the damaged text this tab was deciding about
    /// (another window wrote over it meanwhile, and the user keeps this
    /// tab's data). The text is stored as it is: it is what the user must
    /// still decide about.
    pub fn put_back(&self, key: &str, raw: &str) -> Result<Seen, SaveError> {
        self.backend.set(key, raw)?;
        Ok(Seen::of(Some(raw)))
    }
}

/// What a stored value means, and how it is seen. A packed value that does
/// not unpack is damage like any other, with the value itself kept as the
/// raw text.
pub fn read_value(value: Option<String>) -> (Loaded, Seen) {
    let seen = Seen::of(value.as_deref());
    let Some(value) = value else {
        return (Loaded::Nothing, seen);
    };
    let loaded = match stored::decode(&value) {
        Ok(text) => interpret(Some(text.into_owned())),
        Err(e) => Loaded::Damaged(Damage {
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
