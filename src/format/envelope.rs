//! The envelope every saved or exported plan travels in:
//! `{"format": "luoshi/plan", "version": N, "exported_at": …, "source": …, "plan": …}`.

use crate::model::plan::Plan;
use serde::Serialize;

/// The `format` tag of a plan document.
pub const PLAN_FORMAT: &str = "luoshi/plan";
/// The schema version this build writes; `restore` reads this and older.
pub const CURRENT_VERSION: u32 = 1;

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
/// "浏览器本地存储" or a unit's name.
pub fn write_plan(plan: &Plan, exported_at: &str, source: &str) -> String {
    let env = EnvelopeOut {
        format: PLAN_FORMAT,
        version: CURRENT_VERSION,
        exported_at,
        source,
        plan,
    };
    // Serialising plain structs with string keys cannot fail; fall back to a
    // valid empty object rather than panic if it ever did.
    serde_json::to_string(&env).unwrap_or_else(|_| "{}".to_string())
}
