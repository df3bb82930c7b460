//! Backups (本机备份) through the repository: set aside, listed, read,
//! removed, and the copy made before an import, which prunes old import
//! backups *before* writing the new one so that the 21st import does not
//! fail on a quota the 20 earlier copies filled.

use super::{Backend, Repo};
use crate::model::plan::Plan;
use crate::store::backups::{self, BEFORE_IMPORT, KEEP_IMPORT_BACKUPS};
use crate::store::codec;
use crate::store::{serialize, SaveError, RECOVERY_PREFIX};

impl<B: Backend> Repo<B> {
    /// Copies `text` aside under a backup key stamped with `now` and
    /// `reason` (a suffix is added if that key is taken, so no earlier copy
    /// is overwritten), packed; returns the key. The packed copy is checked
    /// before it is written: a backup that cannot be read back is none.
    pub fn set_aside(&self, text: &str, reason: &str, now: &str) -> Result<String, SaveError> {
        let stamp = backups::stamp(now, reason);
        let mut key = format!("{RECOVERY_PREFIX}{stamp}");
        let mut n = 1;
        while self.backend.size(&key)?.is_some() {
            n += 1;
            // The suffix goes on the time, before the reason, so the key
            // still parses as time and reason.
            key = format!(
                "{RECOVERY_PREFIX}{}",
                backups::stamp(&format!("{now}-{n}"), reason)
            );
        }
        let packed = codec::pack(text);
        if codec::unpack(&packed).ok().as_deref() != Some(text) {
            return Err(SaveError::Unavailable("备份压缩校验失败".into()));
        }
        self.backend.set(&key, &packed)?;
        Ok(key)
    }

    /// Backs up `plan` (the plan on screen) before an import replaces or
    /// merges into it. Old import backups past the limit are removed first.
    pub fn back_up_before_import(&self, plan: &Plan, now: &str) -> Result<String, String> {
        let text = serialize(plan, now).map_err(|e| e.to_string())?;
        let keys: Vec<String> = self
            .copies()
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        // One fewer than the limit, so the new one makes it up. Oldest
        // first: a delta names a newer backup, so none is left without
        // its base.
        for old in backups::to_prune(&keys, KEEP_IMPORT_BACKUPS.saturating_sub(1)) {
            self.remove_copy(&old)?;
        }
        let key = self.set_aside(&text, BEFORE_IMPORT, now).map_err(|e| {
            format!(
                "无法先备份当前计划（{}），没有导入。请到“数据管理”腾出空间后再试。",
                e.cause()
            )
        })?;
        self.shorten_older(&key, &text);
        Ok(key)
    }

    /// Backs up `plan` for `reason` (before restoring a backup over it,
    /// before giving it up in a conflict).
    pub fn back_up(&self, plan: &Plan, reason: &str, now: &str) -> Result<String, String> {
        let text = serialize(plan, now).map_err(|e| e.to_string())?;
        self.set_aside(&text, reason, now).map_err(|e| e.cause())
    }

    /// Every backup: (key, characters stored), oldest first.
    pub fn copies(&self) -> Result<Vec<(String, usize)>, SaveError> {
        let mut out = Vec::new();
        for key in self.backend.keys()? {
            if key.starts_with(RECOVERY_PREFIX) {
                let size = self.backend.size(&key)?.unwrap_or(0);
                out.push((key, size));
            }
        }
        crate::model::sorting::sort_by_key(&mut out, |(key, _)| backups::order_key(key));
        Ok(out)
    }

    /// The text of a backup, unpacked (rebuilt from the newer backup it
    /// is a delta against, if it is one); `Ok(None)` when it is gone.
    pub fn read_copy(&self, key: &str) -> Result<Option<String>, String> {
        self.copy_text(key)
    }

    /// Removes a backup (after the user agreed). Backups kept as deltas
    /// against it are rewritten first, so they stay readable.
    pub fn remove_copy(&self, key: &str) -> Result<(), String> {
        if !key.starts_with(RECOVERY_PREFIX) {
            return Err("不是备份".into());
        }
        self.unlink(key)?;
        self.backend
            .remove(key)
            .map_err(|e| format!("没有删除这份备份：{}", e.cause()))
    }
}
