//! Backups (本机备份): compressed copies of stored plans set aside before
//! anything that replaces data — an import or merge, a plan's deletion, a
//! storage upgrade, a recovery. Each key says when and why:
//! `luoshi.recovered.<ISO time>|<reason>` (older copies have no reason).
//! Copies made automatically before imports are pruned past a visible
//! limit, oldest first and never the newest; others are kept until the
//! user deletes them.

use crate::store::RECOVERY_PREFIX;

/// How many automatic backups made before imports are kept.
pub const KEEP_IMPORT_BACKUPS: usize = 20;

/// Reason given to backups made before an import or merge.
pub const BEFORE_IMPORT: &str = "导入前";

/// The stamp (ISO time, maybe with a "-2" suffix) and reason of a backup key.
pub fn parts(key: &str) -> (&str, Option<&str>) {
    let rest = key.strip_prefix(RECOVERY_PREFIX).unwrap_or(key);
    match rest.split_once('|') {
        Some((stamp, reason)) => (stamp, Some(reason)),
        None => (rest, None),
    }
}

/// Sorts backups oldest first: by time, then by the number a second copy
/// made in the same millisecond carries (`…Z-2`, `…Z-10`), which plain text
/// order gets wrong (`-` sorts before `|`, `-10` before `-2`).
pub fn order_key(key: &str) -> (String, u32) {
    let (stamp, _) = parts(key);
    match stamp.rsplit_once('-') {
        Some((time, n)) if time.ends_with('Z') && n.bytes().all(|b| b.is_ascii_digit()) => {
            (time.to_string(), n.parse().unwrap_or(u32::MAX))
        }
        _ => (stamp.to_string(), 1),
    }
}

/// The stamp to pass to `set_aside` for a backup made at `now` for `reason`.
pub fn stamp(now: &str, reason: &str) -> String {
    format!("{now}|{reason}")
}

/// Of the backups `keys` (sorted oldest first, as listed), the ones to
/// delete so that at most `keep` made before imports remain; the newest is
/// never among them.
pub fn to_prune(keys: &[String], keep: usize) -> Vec<String> {
    let imports: Vec<&String> = keys
        .iter()
        .filter(|k| parts(k).1 == Some(BEFORE_IMPORT))
        .collect();
    let keep = keep.max(1);
    if imports.len() <= keep {
        return Vec::new();
    }
    imports[..imports.len() - keep]
        .iter()
        .map(|k| (*k).clone())
        .collect()
}
