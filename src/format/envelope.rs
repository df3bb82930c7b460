//! The envelope every saved or exported plan travels in:
//! `{"format": "luoshi/plan", "version": N, "exported_at": …, "source": …, "plan": …}`.

use crate::model::plan::Plan;
use serde::Serialize;

/// The `format` tag of a plan document.
pub const PLAN_FORMAT: &str = "luoshi/plan";
/// The schema version this build writes; `restore` reads this and older.
pub const CURRENT_VERSION: u32 = 3;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    exported_at: &'a str,
    source: &'a str,
    plan: &'a Plan,
}

/// Serialises `plan` in the current envelope. `exported_at` is passed in
/// (the clock is read by the caller); `source` says who wrote it, e.g.
/// "浏览器本地存储" or a unit's name. Fails rather than produce a stand-in:
/// whatever is written must be the whole plan, never something that could
/// replace good data with less.
pub fn write_plan(plan: &Plan, exported_at: &str, source: &str) -> Result<String, WriteError> {
    let env = EnvelopeOut {
        format: PLAN_FORMAT,
        version: CURRENT_VERSION,
        exported_at,
        source,
        plan,
    };
    serde_json::to_string(&env).map_err(|e| WriteError {
        detail: e.to_string(),
    })
}

/// The plan could not be turned into text; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError {
    /// serde's own words, for whoever supports the office.
    pub detail: String,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "无法把计划转换为数据文件（{}），没有写入任何内容，已保存的数据不受影响",
            self.detail
        )
    }
}

impl std::error::Error for WriteError {}
