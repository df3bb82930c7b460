//! The only code that touches localStorage. `interpret` (pure, tested
//! natively) decides what a stored string means; `local` (browser only) reads
//! and writes. Stored data that fails to load is never overwritten: the raw
//! text stays under its key until the user has chosen what to do, and is
//! copied to a recovery key before anything replaces it.

use crate::format::{restore_plan, write_plan};
use crate::model::plan::Plan;

#[cfg(target_arch = "wasm32")]
pub mod local;

/// The key holding the current plan envelope.
pub const PLAN_KEY: &str = "luoshi.plan";
/// Prefix of keys holding raw text set aside during a recovery.
pub const RECOVERY_PREFIX: &str = "luoshi.recovered.";
/// Roughly what a browser allows one origin, in UTF-16 code units.
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// What was found in storage at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first run.
    Nothing,
    /// A plan that restored without a single problem.
    Plan(Plan),
    /// Stored text that did not restore cleanly. `raw` is kept untouched;
    /// `plan` is what could be read, if anything.
    Damaged(Damage),
}

/// Stored data that needs the user's decision before it may be replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Damage {
    pub raw: String,
    pub plan: Option<Plan>,
    /// One line per problem, in Chinese, each naming where.
    pub messages: Vec<String>,
}

/// Decides what a stored string means. Any problem, even one skipped field,
/// counts as damage: saving the repaired plan would silently drop that
/// field, so the user decides first.
pub fn interpret(raw: Option<String>) -> Loaded {
    let Some(raw) = raw else {
        return Loaded::Nothing;
    };
    match restore_plan(&raw) {
        Ok(r) if r.problems.is_empty() => Loaded::Plan(r.plan),
        Ok(r) => Loaded::Damaged(Damage {
            messages: r.problems.iter().map(ToString::to_string).collect(),
            plan: Some(r.plan),
            raw,
        }),
        Err(e) => Loaded::Damaged(Damage {
            raw,
            plan: None,
            messages: vec![e.to_string()],
        }),
    }
}

/// The text stored for a plan. `saved_at` is an ISO timestamp from the caller.
pub fn serialize(plan: &Plan, saved_at: &str) -> String {
    write_plan(plan, saved_at, "浏览器本地存储")
}

/// Why a write did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The origin's storage is full.
    Quota,
    /// Storage is switched off or unavailable (private mode, policy).
    Unavailable(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Quota => write!(
                f,
                "保存失败：浏览器本地存储空间已满。页面中的数据仍然保留，请先导出数据文件备份，再清理不需要的数据。"
            ),
            SaveError::Unavailable(why) => write!(
                f,
                "保存失败：浏览器不允许使用本地存储（{why}）。页面中的数据仍然保留，关闭页面前请导出数据文件。"
            ),
        }
    }
}

/// Share of the quota used by `chars` characters, in percent (0–100+).
pub fn usage_percent(chars: usize) -> f64 {
    chars as f64 * 100.0 / QUOTA_CHARS as f64
}
