//! The plan work done in the worker (excel-worker/src/plans.rs): the
//! thorough restore of a file or a backup, an import's merge preview and
//! its confirmation. Each answers as JSON read by the page's one typed
//! reader (`format::json::from_text`, the one it reads its storage with),
//! so no second copy of the reading code is compiled in.

use crate::format::{RestoreError, Restored};
use crate::model::merge::{Choice, ConfirmReply, MergePreview};
use crate::ui::worker::client::{ask_json as ask, call, text_of, UNAVAILABLE};
use wasm_bindgen::{JsCast, JsValue};

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
/// is now) with the user's `choices`. The merged plan comes a few hundred
/// tasks to a line (`ConfirmReply::to_lines`), each read in a task of its
/// own, so a large one never holds the page up.
pub async fn merge_confirm(
    token: u32,
    document: &str,
    against: &str,
    choices: &[Choice],
    file: &str,
    now: &str,
) -> Result<ConfirmReply, String> {
    let choices = serde_json::to_string(choices).map_err(|e| e.to_string())?;
    let args = js_sys::Array::new();
    for a in [
        JsValue::from(token),
        document.into(),
        against.into(),
        choices.into(),
        file.into(),
        now.into(),
    ] {
        args.push(&a);
    }
    let answer = call("merge_confirm", args, None).await?;
    // Split as a JS string, so that each line is copied into the wasm's
    // memory in its own task too (the whole 9 MB at once took 60 ms).
    let lines = answer
        .dyn_ref::<js_sys::JsString>()
        .map(|text| text.split("\n"))
        .ok_or_else(|| format!("{UNAVAILABLE}（答复格式不对）"))?;
    let unreadable = |e: serde_json::Error| format!("{UNAVAILABLE}（答复无法读取：{e}）");
    let mut lines = lines.iter();
    let first = text_of(lines.next().unwrap_or_default())?;
    let (mut reply, _): (ConfirmReply, bool) =
        crate::format::json::from_text(&first).map_err(unreadable)?;
    for line in lines {
        next_task().await;
        let (tasks, _) = crate::format::json::from_text(&text_of(line)?).map_err(unreadable)?;
        if !reply.add_tasks(tasks) {
            return Err(format!("{UNAVAILABLE}（答复不完整）"));
        }
    }
    Ok(reply)
}

/// Resolves in a later task of the page's event loop, so that the browser
/// draws and takes input meanwhile.
async fn next_task() {
    let later = js_sys::Promise::new(&mut |resolve, _| {
        let set = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
        if !matches!(set, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(later).await;
}
