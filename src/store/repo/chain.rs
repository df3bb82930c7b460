//! Import backups kept as reverse deltas (see [`crate::store::delta`]): the
//! newest backup is whole, and an older one made before an import of the
//! same plan is stored as the difference from a newer one. Each backup is
//! still one key, written by one `set`, so the order of writes keeps every
//! backup readable whatever write a crash or a full quota stops at:
//!
//! | step | writes, in order |
//! |---|---|
//! | a new import backup | the new backup, whole → each of the few newest whole import backups before it rewritten as a delta against it, when that is less than half its size (a failed rewrite leaves it whole) |
//! | remove a backup | each backup rebuilt from it rewritten first (as a delta against the removed one's own base, or whole) → the backup removed |
//!
//! A delta always names a *newer* backup, so removing the oldest backups
//! first (as pruning does) never leaves a delta without its base.

use super::{Backend, Repo};
use crate::store::backups::{self, as_delta, DeltaCopy, BEFORE_IMPORT};
use crate::store::codec::{self, MAX_UNPACKED_BYTES};
use crate::store::delta;
use crate::store::RECOVERY_PREFIX;

/// How many whole import backups a new one tries to shorten: enough for
/// imports that alternate between a few plans, few enough that an import
/// does not wait on many differences.
const SHORTEN: usize = 3;
/// Longest chain of deltas read before giving up (a chain is at most as
/// long as the import backups kept).
const MAX_CHAIN: usize = 64;

impl<B: Backend> Repo<B> {
    /// The text of backup `key`, rebuilt through its chain of deltas;
    /// `Ok(None)` when it is gone.
    pub(super) fn copy_text(&self, key: &str) -> Result<Option<String>, String> {
        self.copy_text_at(key, 0)
    }

    fn copy_text_at(&self, key: &str, depth: usize) -> Result<Option<String>, String> {
        let Some(stored) = self.backend.get(key).map_err(|e| e.cause())? else {
            return Ok(None);
        };
        let Some(found) = as_delta(&stored) else {
            return codec::unpack(&stored)
                .map(|t| Some(t.into_owned()))
                .map_err(|e| e.to_string());
        };
        let d = found.map_err(|e| format!("备份数据已损坏（{e}）"))?;
        if depth >= MAX_CHAIN || backups::order_key(d.base) <= backups::order_key(key) {
            return Err("备份数据已损坏（差异备份的依据顺序不对）".into());
        }
        let base = self
            .copy_text_at(d.base, depth + 1)?
            .ok_or("这份备份只存了与较新一份导入前备份的差别，而那一份已不存在，无法还原")?;
        let fail = |why: String| format!("备份数据已损坏（{why}）");
        let instructions = codec::unpack_bytes(d.packed).map_err(|e| fail(e.detail()))?;
        let bytes = delta::apply(base.as_bytes(), &instructions, MAX_UNPACKED_BYTES)
            .map_err(|e| fail(e.to_string()))?;
        if bytes.len() != d.len || delta::fingerprint(&bytes) != d.print {
            return Err(fail("还原结果与校验值不符".into()));
        }
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| fail("还原结果不是有效文本".into()))
    }

    /// The backup that backup `key` is a delta against, read from the
    /// head of its value; `None` for a whole copy (or one that cannot be
    /// read).
    pub(super) fn base_of(&self, key: &str) -> Option<String> {
        let head = self.backend.head(key, backups::HEAD_CHARS).ok()??;
        backups::base_in(&head).map(str::to_string)
    }

    /// After import backup `new_key` holding `new_text` was written: the
    /// newest few whole import backups before it are rewritten as deltas
    /// against it where that saves at least half their size. Best effort:
    /// a backup that cannot be read or rewritten stays as it is.
    pub(super) fn shorten_older(&self, new_key: &str, new_text: &str) {
        let Ok(copies) = self.copies() else { return };
        let whole: Vec<(String, usize)> = copies
            .into_iter()
            .filter(|(k, _)| k != new_key && backups::parts(k).1 == Some(BEFORE_IMPORT))
            .filter(|(k, _)| backups::order_key(k) < backups::order_key(new_key))
            .filter(|(k, _)| self.base_of(k).is_none())
            .collect();
        for (key, size) in whole.iter().rev().take(SHORTEN) {
            let Ok(Some(text)) = self.copy_text(key) else {
                continue;
            };
            if let Some(value) = delta_value(new_key, new_text, &text) {
                if value.chars().count() * 2 < *size {
                    let _ = self.backend.set(key, &value);
                }
            }
        }
    }

    /// Before backup `key` is removed: every backup stored as a delta
    /// against it is rewritten, as a delta against the removed one's own
    /// base (when it has one and that is shorter) or whole.
    pub(super) fn unlink(&self, key: &str) -> Result<(), String> {
        let dependants: Vec<String> = self
            .backend
            .keys()
            .map_err(|e| e.cause())?
            .into_iter()
            .filter(|k| k.starts_with(RECOVERY_PREFIX) && self.base_of(k).as_deref() == Some(key))
            .collect();
        // Most removals (pruning the oldest) have none: then nothing is
        // rebuilt.
        if dependants.is_empty() {
            return Ok(());
        }
        let next_base = self.base_of(key);
        let next_text = next_base
            .as_deref()
            .and_then(|b| self.copy_text(b).ok().flatten());
        for dep in dependants {
            // A dependant that cannot be read is lost already; removing
            // its base does not make it worse.
            let Ok(Some(text)) = self.copy_text(&dep) else {
                continue;
            };
            let whole = codec::pack(&text);
            let value = match (next_base.as_deref(), &next_text) {
                (Some(b), Some(base_text)) => delta_value(b, base_text, &text)
                    .filter(|v| v.len() < whole.len())
                    .unwrap_or(whole),
                _ => whole,
            };
            self.backend.set(&dep, &value).map_err(|e| {
                format!(
                    "没有删除：较早的一份导入前备份只存了与这份的差别，需先把它改存为完整副本，但{}。请先删除更早的备份再试。",
                    e.cause()
                )
            })?;
        }
        Ok(())
    }
}

/// The stored value that rebuilds `text` from backup `base_key` holding
/// `base_text`, checked by rebuilding it; `None` if the check fails.
fn delta_value(base_key: &str, base_text: &str, text: &str) -> Option<String> {
    let instructions = delta::diff(base_text.as_bytes(), text.as_bytes());
    let packed = codec::pack_bytes(&instructions);
    let back = codec::unpack_bytes(&packed).ok()?;
    let rebuilt = delta::apply(base_text.as_bytes(), &back, MAX_UNPACKED_BYTES).ok()?;
    (rebuilt == text.as_bytes()).then(|| {
        DeltaCopy {
            base: base_key,
            len: text.len(),
            print: delta::fingerprint(text.as_bytes()),
            packed: &packed,
        }
        .value()
    })
}
