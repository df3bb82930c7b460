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

/// Marks a backup kept as a delta against a newer backup (see
/// [`crate::store::delta`]). Neither JSON nor a packed value starts so.
pub const DELTA_PREFIX: &str = "luoshi-delta-1\n";

/// A backup stored as a delta: `DELTA_PREFIX`, then one line each for the
/// key of the newer backup it is rebuilt from, the byte length and the
/// fingerprint (hex) of the text it rebuilds, then the packed instructions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeltaCopy<'a> {
    /// The key of the newer backup the text is rebuilt from.
    pub base: &'a str,
    /// Bytes of the rebuilt text.
    pub len: usize,
    /// [`crate::store::delta::fingerprint`] of the rebuilt text.
    pub print: u64,
    /// The instructions, packed by `codec::pack_bytes`.
    pub packed: &'a str,
}

impl DeltaCopy<'_> {
    /// The value to store.
    #[must_use]
    pub fn value(&self) -> String {
        format!(
            "{DELTA_PREFIX}{}\n{}\n{:016x}\n{}",
            self.base, self.len, self.print, self.packed
        )
    }
}

/// Reads a stored backup value as a delta: `None` when it is a whole copy,
/// `Some(Err)` when it is a delta whose header is damaged.
pub fn as_delta(stored: &str) -> Option<Result<DeltaCopy<'_>, String>> {
    let rest = stored.strip_prefix(DELTA_PREFIX)?;
    let mut lines = rest.splitn(4, '\n');
    let (Some(base), Some(len), Some(print), Some(packed)) =
        (lines.next(), lines.next(), lines.next(), lines.next())
    else {
        return Some(Err("差异备份的开头不完整".into()));
    };
    let (Ok(len), Ok(print)) = (len.parse(), u64::from_str_radix(print, 16)) else {
        return Some(Err("差异备份的长度或校验值格式不对".into()));
    };
    if !base.starts_with(RECOVERY_PREFIX) {
        return Some(Err("差异备份所依据的不是一份备份".into()));
    }
    Some(Ok(DeltaCopy {
        base,
        len,
        print,
        packed,
    }))
}

/// Characters of a stored backup that hold its delta header, if any: the
/// prefix, a key, a length and a fingerprint, with room to spare.
pub const HEAD_CHARS: usize = 400;

/// The key of the backup a stored value (or its first [`HEAD_CHARS`]) is
/// a delta against; `None` for a whole copy.
pub fn base_in(head: &str) -> Option<&str> {
    as_delta(head).and_then(Result::ok).map(|d| d.base)
}
