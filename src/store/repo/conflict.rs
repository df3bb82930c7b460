//! Another tab wrote the plan this one shows, and the user chooses whose
//! data to keep. Neither choice gives anything up without a copy: the side
//! given up is set aside first (unless the user downloaded it and agreed to
//! go on without one), and only then is the other side taken or written.
//!
//! Each choice reads what is stored (`stored`), then acts on that reading
//! (`take_read`, `keep_mine_read`): a fast reader's page has the worker
//! finish the reading in between, and the action checks first that the
//! value is still the one read.

use super::{Backend, Repo, CHANGED_WHILE_READING, NOT_READ};
use crate::model::plan::Plan;
use crate::store::stored::{self, Seen};
use crate::store::{Damage, Loaded};

/// What keeping this tab's data comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum KeepMine {
    /// What is stored was written by a newer Luoshi and is never replaced
    /// here: it is shown read-only instead.
    Newer(Box<Damage>, Seen),
    /// This tab's damaged text was put back, so the decision about it goes
    /// on.
    PutBack(Seen),
    /// The other side is set aside: this tab's plan may now be written over
    /// what is stored, seen as this.
    Write(Seen),
}

impl<B: Backend> Repo<B> {
    /// The plan text stored under `key` now, unpacked when it unpacks (else
    /// the value as stored), with how it is seen: for a download of "the
    /// other window's data".
    pub fn stored_text(&self, key: &str) -> Result<(Option<String>, Seen), String> {
        let value = self.backend.get(key).map_err(|e| e.to_string())?;
        let seen = Seen::of(value.as_deref());
        let text = value.as_deref().map(stored::text_of);
        Ok((text, seen))
    }

    /// Loads what another tab wrote under `key`. This tab's plan `mine` is
    /// set aside first when it differs from it (`mine` is `None` when the
    /// user downloaded it instead).
    pub fn take_theirs(
        &self,
        key: &str,
        mine: Option<&Plan>,
        now: &str,
    ) -> Result<(Loaded, Seen), String> {
        let (loaded, seen) = self.stored(key).map_err(|e| e.to_string())?;
        self.take_read(key, loaded, seen, mine, now)
    }

    /// `take_theirs`, for what is stored under `key` read (and judged
    /// whole) as `loaded`, seen as `seen`.
    pub fn take_read(
        &self,
        key: &str,
        loaded: Loaded,
        seen: Seen,
        mine: Option<&Plan>,
        now: &str,
    ) -> Result<(Loaded, Seen), String> {
        if matches!(loaded, Loaded::Unread(_)) {
            return Err(NOT_READ.into());
        }
        if self.changed_since(key, &seen).map_err(|e| e.to_string())? {
            return Err(CHANGED_WHILE_READING.into());
        }
        let same = matches!((&loaded, mine), (Loaded::Plan { plan, .. }, Some(m)) if plan == m);
        if let (Some(mine), false) = (mine, same) {
            self.back_up(mine, "冲突时另存本窗口数据", now).map_err(|e| {
                format!(
                    "无法把本窗口的数据另存备份（{e}）。请先点击“下载本窗口的数据”保存到文件，再载入另一窗口的数据。"
                )
            })?;
        }
        Ok((loaded, seen))
    }

    /// Keeps this tab's data over what another tab wrote under `key`, which
    /// is set aside first (unless `skip_copy`: the user downloaded it).
    /// `mine` is the plan on screen; `damaged` is this tab's damaged data
    /// when it was still being decided about: it is put back instead, as
    /// it was stored.
    pub fn keep_mine(
        &self,
        key: &str,
        mine: &Plan,
        damaged: Option<&Damage>,
        skip_copy: bool,
        now: &str,
    ) -> Result<KeepMine, String> {
        let (loaded, seen) = self.stored(key).map_err(|e| e.to_string())?;
        self.keep_mine_read(key, loaded, seen, mine, damaged, skip_copy, now)
    }

    /// `keep_mine`, for what is stored under `key` read (and judged whole)
    /// as `loaded`, seen as `seen`.
    #[allow(clippy::too_many_arguments)]
    pub fn keep_mine_read(
        &self,
        key: &str,
        loaded: Loaded,
        seen: Seen,
        mine: &Plan,
        damaged: Option<&Damage>,
        skip_copy: bool,
        now: &str,
    ) -> Result<KeepMine, String> {
        let value = self.backend.get(key).map_err(|e| e.to_string())?;
        if Seen::of(value.as_deref()) != seen {
            return Err(CHANGED_WHILE_READING.into());
        }
        // The other tab's text, unpacked when it unpacks: what is set aside.
        let theirs = value.as_deref().map(stored::text_of);
        if let Loaded::Unread(_) = loaded {
            // Whether it may be replaced at all is not known yet.
            return Err(NOT_READ.into());
        }
        if let Loaded::Damaged(d) = loaded {
            if !d.replaceable {
                // What is stored is never replaced here, and this tab's plan
                // can no longer be saved: it is kept as a backup.
                self.back_up(mine, "冲突时另存本窗口数据", now)
                    .map_err(|e| {
                        format!(
                            "另一窗口写入的是更新版本的数据，本窗口不能保存；本窗口的计划也无法另存备份（{e}）。请点击“下载本窗口的数据”保存到文件。"
                        )
                    })?;
                return Ok(KeepMine::Newer(Box::new(d), seen));
            }
        }
        // Text identical to this tab's damaged data needs no second copy.
        let damaged_raw = damaged.map(|d| d.raw.as_str());
        let copy_needed = theirs.is_some() && theirs.as_deref() != damaged_raw && !skip_copy;
        if let (Some(text), true) = (&theirs, copy_needed) {
            self.set_aside(text, "冲突时另存另一窗口数据", now).map_err(|e| {
                format!(
                    "无法把另一窗口的数据另存备份（{}），本窗口的数据没有保存。请先点击“下载另一窗口的数据”保存到文件，再以本窗口为准。",
                    e.cause()
                )
            })?;
        }
        match damaged {
            Some(d) => self
                .put_back(key, d.stored.as_deref().unwrap_or(&d.raw), mine)
                .map(KeepMine::PutBack)
                .map_err(|e| e.to_string()),
            None => Ok(KeepMine::Write(seen)),
        }
    }
}
