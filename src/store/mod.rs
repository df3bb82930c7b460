//! The only code that touches localStorage. `repo` holds every operation
//! on stored data, each with its order of writes decided once, over the
//! `backend::Backend` trait: localStorage in the browser (`local`), an
//! in-memory storage that fails on command in native tests. `interpret`
//! (pure) decides what a stored string means; `stored` how a plan is kept
//! under its key (packed, stamped).
//!
//! The page reads storage with the fast typed pass alone
//! (`interpret_fast`): what this version wrote itself, which is what it
//! finds on almost every start. Anything else (a plan stored by an older
//! version, damaged text, a field this version does not know) comes out
//! `Loaded::Unread`, is restored item by item in the worker, and is then
//! judged by `finish` exactly as `interpret` judges it, so the page's wasm
//! carries none of the thorough restore. Stored data that fails to load is never
//! overwritten: the raw text stays under its key until the user has chosen
//! what to do, and is copied to a backup before anything replaces it.

use crate::format::{
    restore_plan, restore_whole, write_plan, RestoreError, RestoreErrorKind, Restored, WriteError,
    CURRENT_VERSION,
};
use crate::model::plan::Plan;

pub mod backend;
pub mod backups;
pub mod codec;
pub mod delta;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod local;
pub mod plans;
pub mod repo;
pub mod stored;

pub use repo::Repo;
pub use stored::Seen;

/// Prefix of keys holding raw text set aside during a recovery.
pub const RECOVERY_PREFIX: &str = "luoshi.recovered.";
/// Roughly what a browser allows one origin, in UTF-16 code units.
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// What was found in storage at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first run.
    Nothing,
    /// A plan that restored without a single problem. `current` is false
    /// when it was written by an older version: the first save writes it
    /// again in the current one (with the ids restore filled in).
    Plan { plan: Plan, current: bool },
    /// Stored text that did not restore cleanly. `raw` is kept untouched;
    /// `plan` is what could be read, if anything.
    Damaged(Damage),
    /// Stored text the fast pass did not take (only from a fast reader):
    /// the worker restores it item by item, and `finish` says what it is.
    /// Until then it is neither shown nor written over.
    Unread(Unread),
}

/// Stored text that only the thorough restore can judge.
#[derive(Debug, Clone, PartialEq)]
pub struct Unread {
    /// The plan's text (unpacked when it was stored packed): what the
    /// worker restores.
    pub raw: String,
    /// The value exactly as stored, when it differs from `raw` (packed).
    pub stored: Option<String>,
}

/// Stored data that needs the user's decision before it may be replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Damage {
    /// The plan's text as read (unpacked when it was stored packed), to
    /// show and download.
    pub raw: String,
    /// The value exactly as stored under its key, when it differs from
    /// `raw` (it was packed): what is put back to go on deciding.
    pub stored: Option<String>,
    pub plan: Option<Plan>,
    /// One line per problem, in Chinese, each naming where.
    pub messages: Vec<String>,
    /// False when the data must not be replaced here at all: it was written
    /// by a newer Luoshi, and only that version can read it.
    pub replaceable: bool,
}

/// Decides what a stored string means. Any problem, even one skipped field,
/// counts as damage: saving the repaired plan would silently drop that
/// field, so the user decides first.
pub fn interpret(raw: Option<String>) -> Loaded {
    let Some(raw) = raw else {
        return Loaded::Nothing;
    };
    let restored = restore_plan(&raw);
    judge(raw, restored)
}

/// `interpret` with the fast typed pass alone: text it does not take is
/// `Loaded::Unread`, for the worker's thorough restore and `finish`.
pub fn interpret_fast(raw: String) -> Loaded {
    match restore_whole(&raw) {
        Some(restored) => judge(raw, Ok(restored)),
        None => Loaded::Unread(Unread { raw, stored: None }),
    }
}

/// What `unread` is, now that the thorough restore (in the worker) gave
/// `restored` for its text: exactly what `interpret` (and a repository's
/// thorough reading, `stored` included) gives for the same value.
pub fn finish(unread: Unread, restored: Result<Restored, RestoreError>) -> Loaded {
    match judge(unread.raw, restored) {
        Loaded::Damaged(mut d) => {
            d.stored = unread.stored;
            Loaded::Damaged(d)
        }
        other => other,
    }
}

/// What a restore of stored text `raw` comes to.
fn judge(raw: String, restored: Result<Restored, RestoreError>) -> Loaded {
    match restored {
        Ok(r) if r.problems.is_empty() => Loaded::Plan {
            current: r.version == CURRENT_VERSION,
            plan: r.plan,
        },
        Ok(r) => Loaded::Damaged(Damage {
            stored: None,
            messages: r.problems.iter().map(ToString::to_string).collect(),
            plan: Some(r.plan),
            raw,
            replaceable: true,
        }),
        Err(e) => Loaded::Damaged(Damage {
            stored: None,
            raw,
            plan: None,
            messages: vec![e.to_string()],
            replaceable: e.kind != RestoreErrorKind::NewerVersion,
        }),
    }
}

/// The text stored for a plan. `saved_at` is an ISO timestamp from the caller.
pub fn serialize(plan: &Plan, saved_at: &str) -> Result<String, WriteError> {
    write_plan(plan, saved_at, SOURCE)
}

/// The `source` of text written to storage.
const SOURCE: &str = "浏览器本地存储";

/// What this tab last read from or wrote to a plan's key: the plan (when
/// it is one this tab can show) and how the stored value was seen (its
/// stamp), which tells whether someone else wrote there since.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Synced {
    /// The plan that value holds, when it is one this tab can show and
    /// needs no rewriting.
    pub plan: Option<Plan>,
    /// The value as seen.
    pub seen: Seen,
}

/// True for the sample as generated at start-up, before any change: a tab
/// showing it has nothing of its own to lose.
pub fn untouched_sample(plan: &Plan) -> bool {
    plan.sample && plan.revision == 0
}

/// True when `text` is exactly `plan` as this version writes it: another
/// tab wrote the very plan shown here, which is no conflict. Compared as
/// text (serialisation is deterministic and much cheaper than a lenient
/// restore of a large plan); text from another version, or with anything
/// this version would not write, never matches, so it is treated as a
/// conflict rather than silently adopted.
pub fn holds(text: Option<&str>, plan: &Plan) -> bool {
    let Some(text) = text else { return false };
    let Ok(body) = serde_json::to_string(plan) else {
        return false;
    };
    let head = format!(
        "{{\"format\":\"{}\",\"version\":{CURRENT_VERSION},",
        crate::format::PLAN_FORMAT
    );
    text.starts_with(&head)
        && text
            .strip_suffix('}')
            .and_then(|t| t.strip_suffix(body.as_str()))
            .is_some_and(|t| t.ends_with("\"plan\":"))
}

/// Why a write did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The origin's storage is full.
    Quota,
    /// Storage is switched off or unavailable (private mode, policy).
    Unavailable(String),
}

impl SaveError {
    /// The cause alone, without advice, for use inside other messages.
    pub fn cause(&self) -> String {
        match self {
            SaveError::Quota => "浏览器本地存储空间已满".into(),
            SaveError::Unavailable(why) => describe_unavailable(why),
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Quota => write!(
                f,
                "保存失败：浏览器本地存储空间已满。页面中的数据仍然保留，请先导出数据文件备份，再到“数据管理”删除不需要的备份以腾出空间。"
            ),
            SaveError::Unavailable(_) => write!(
                f,
                "保存失败：{}。页面中的数据仍然保留，关闭页面前请到“数据管理”导出数据文件。",
                self.cause()
            ),
        }
    }
}

/// A browser's reason for refusing storage, in words for office staff.
fn describe_unavailable(why: &str) -> String {
    match why {
        "SecurityError" => "浏览器的安全或隐私设置禁止本页面使用本地存储".into(),
        "" => "浏览器拒绝使用本地存储".into(),
        other if other.is_ascii() => format!("浏览器拒绝使用本地存储（{other}）"),
        other => other.into(),
    }
}

/// The message for a storage that could not be read at start-up.
pub fn read_failure_message(e: &SaveError) -> String {
    format!(
        "无法读取本机保存的数据：{}。为防止覆盖已有数据，本窗口的修改不会自动保存；请到“数据管理”导出数据文件留存。",
        e.cause()
    )
}

/// Share of the quota used by `chars` characters, in percent (0–100+).
pub fn usage_percent(chars: usize) -> f64 {
    chars as f64 * 100.0 / QUOTA_CHARS as f64
}
