//! The plan work done in the worker (excel-worker/src/plans.rs): the
//! thorough restore of a file or a backup, an import's merge preview and
//! its confirmation. Each answers as JSON read by the page's one typed
//! reader (`format::json::from_text`, the one it reads its storage with),
//! so no second copy of the reading code is compiled in.

use crate::format::{RestoreError, Restored};
use crate::model::merge::{Choice, ConfirmReply, MergePreview};
use crate::ui::worker::client::ask_json as ask;

/// Restores `text` item by item (a backup, or stored text the page's fast
/// typed read did not take). The outer error: the worker did not answer.
pub async fn restore(text: &str) -> Result<Result<Restored, RestoreError>, String> {
    ask("restore", &[text.into()]).await
}

/// Restores `text` as the page's fast typed read does when it can (what
/// this Luoshi wrote), else item by item in the worker; errors in words.
pub async fn restore_any(text: &str) -> Result<Restored, String> {
    if let Some(done) = crate::format::restore_whole(text) {
        return Ok(done);
    }
    restore(text).await?.map_err(|e| e.to_string())
}

/// An imported file read and restored by the worker, its plan kept there
/// under `token`, with what the preview says of it.
#[derive(serde::Deserialize)]
pub struct Kept {
    pub token: u32,
    pub summary: crate::format::incoming::Summary,
}

/// Has the worker read the imported `file` (named `name`) and keep its
/// plan for the merge. The inner error is the message for the user.
pub async fn incoming_file(
    name: &str,
    file: &web_sys::File,
) -> Result<Result<Kept, String>, String> {
    ask("incoming", &[name.into(), file.into()]).await
}

/// The incoming plan `token` whole (to open it as a plan of its own).
pub async fn incoming_plan(token: u32) -> Result<Restored, String> {
    ask("incoming_plan", &[token.into()]).await
}

/// The preview of merging the incoming plan `token` into `document` (the
/// plan on screen as it is stored).
pub async fn merge_preview(token: u32, document: &str) -> Result<MergePreview, String> {
    ask("merge_preview", &[token.into(), document.into()]).await
}

/// Confirms the preview last shown of the incoming plan `token` (the
/// worker keeps it) against `document` (the plan with id `against` as it
/// is now) with the user's `choices`.
pub async fn merge_confirm(
    token: u32,
    document: &str,
    against: &str,
    choices: &[Choice],
    file: &str,
    now: &str,
) -> Result<ConfirmReply, String> {
    let choices = serde_json::to_string(choices).map_err(|e| e.to_string())?;
    ask(
        "merge_confirm",
        &[
            token.into(),
            document.into(),
            against.into(),
            choices.into(),
            file.into(),
            now.into(),
        ],
    )
    .await
}
