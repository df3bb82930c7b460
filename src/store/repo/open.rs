//! Opening a plan from its key: what to show (the plan, what could be
//! read of damaged data, or an empty plan under its entry), the copy set
//! aside before an older version's text is rewritten, and, for the page's
//! fast reader, the plan left unopened until the worker has read it.

use super::{Repo, NOT_READ};
use crate::format::{RestoreError, Restored};
use crate::model::plan::Plan;
use crate::store::backend::Backend;
use crate::store::plans::PlanEntry;
use crate::store::stored::{self, Seen};
use crate::store::{finish, Damage, Loaded, SaveError, Synced, Unread};

/// A plan read from its key.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedPlan {
    /// What to show: the plan, or what could be read of damaged data, or an
    /// empty plan under the entry's id when its key holds nothing.
    pub plan: Plan,
    /// Something the user should know about opening it.
    pub message: Option<String>,
    pub damage: Option<Damage>,
    /// What this tab now knows storage to hold.
    pub synced: Synced,
}

/// What opening a plan came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Opening {
    Opened(Box<OpenedPlan>),
    /// Its text needs the thorough restore (only from a fast reader):
    /// nothing was shown or written. Restore `Unopened::text` in the
    /// worker, then `Repo::finish_open`.
    Unread(Unopened),
}

impl Opening {
    /// The plan opened, unless it waits for the worker.
    pub fn opened(self) -> Option<OpenedPlan> {
        match self {
            Opening::Opened(o) => Some(*o),
            Opening::Unread(_) => None,
        }
    }
}

/// A plan whose text waits for the thorough restore, with what opening
/// it had found.
#[derive(Debug, Clone, PartialEq)]
pub struct Unopened {
    entry: PlanEntry,
    year: i32,
    unread: Unread,
    seen: Seen,
    stamped: bool,
}

impl Unopened {
    /// The plan's text, for the worker.
    pub fn text(&self) -> &str {
        &self.unread.raw
    }
    /// The key it is stored under.
    pub fn key(&self) -> &str {
        &self.entry.key
    }
    /// Its list entry.
    pub fn entry(&self) -> &PlanEntry {
        &self.entry
    }
}

impl<B: Backend> Repo<B> {
    /// Reads the plan a list entry names. Data written by an older version
    /// is set aside first (`升级数据格式前`), since the first save rewrites
    /// it; a value without a stamp (written before plans were packed) is
    /// rewritten by the first save too, but needs no copy: the plan is the
    /// same, only stored smaller. A fast reader leaves text it does not
    /// take unopened, for `finish_open`.
    pub fn open(&self, entry: &PlanEntry, year: i32, now: &str) -> Result<Opening, SaveError> {
        let value = self.backend.get(&entry.key)?;
        let stamped = value.as_deref().and_then(stored::stamp_of).is_some();
        let (loaded, seen) = self.read(value);
        Ok(match loaded {
            Loaded::Unread(unread) => Opening::Unread(Unopened {
                entry: entry.clone(),
                year,
                unread,
                seen,
                stamped,
            }),
            loaded => Opening::Opened(Box::new(
                self.opened(entry, year, now, loaded, seen, stamped, None)?,
            )),
        })
    }

    /// Opens what `open` left unopened, now that the worker's thorough
    /// restore gave `restored` for its text: exactly what a thorough
    /// reader's `open` gives for the same value. Storage is seen as it was
    /// when it was read, so a write by another tab meanwhile is a conflict
    /// at the first save.
    pub fn finish_open(
        &self,
        unopened: Unopened,
        restored: Result<Restored, RestoreError>,
        now: &str,
    ) -> Result<OpenedPlan, SaveError> {
        let Unopened {
            entry,
            year,
            unread,
            seen,
            stamped,
        } = unopened;
        // The text read is what is set aside before an upgrade, not
        // whatever the key holds by now.
        let older = restored
            .as_ref()
            .is_ok_and(|r| r.version != crate::format::CURRENT_VERSION)
            .then(|| unread.raw.clone());
        let loaded = finish(unread, restored);
        self.opened(&entry, year, now, loaded, seen, stamped, older)
    }

    /// What opening the plan of `entry` shows, its stored value read as
    /// `loaded` and `seen`; `older` is the text to set aside when that is
    /// an older version's plan (`None`: read it again).
    #[allow(clippy::too_many_arguments)]
    fn opened(
        &self,
        entry: &PlanEntry,
        year: i32,
        now: &str,
        loaded: Loaded,
        seen: Seen,
        stamped: bool,
        older: Option<String>,
    ) -> Result<OpenedPlan, SaveError> {
        let mut message = None;
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
                let mut copied = true;
                if !current {
                    // The text as the older version wrote it, kept before
                    // the first save rewrites it.
                    let text = match older {
                        Some(text) => Some(text),
                        None => {
                            self.stored_text(&entry.key)
                                .map_err(SaveError::Unavailable)?
                                .0
                        }
                    };
                    if let Some(text) = text {
                        copied = self.set_aside(&text, "升级数据格式前", now).is_ok();
                    }
                }
                // Rewritten by the first save when stored by an older
                // version or unpacked; but an older version's text is not
                // rewritten by itself when its copy could not be made: the
                // user is told, and it is written at their first change.
                let synced = ((current && stamped) || !copied).then(|| plan.clone());
                if !copied {
                    message = Some(
                        "本计划由旧版本保存，升级前未能另存旧版本的数据（存储空间不足）。第一次修改后将以新格式保存；如需保留旧版本的数据，请先到“数据管理”导出数据文件。"
                            .into(),
                    );
                }
                (plan, None, synced)
            }
            Loaded::Damaged(d) => (
                d.plan.clone().unwrap_or_else(|| Plan::empty(year)),
                Some(d),
                None,
            ),
            // Never shown: opening hands it back unopened.
            Loaded::Unread(_) => return Err(SaveError::Unavailable(NOT_READ.into())),
        };
        Ok(OpenedPlan {
            plan,
            message,
            damage,
            synced: Synced {
                plan: synced_plan,
                seen,
            },
        })
    }
}
