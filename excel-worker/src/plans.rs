//! The plan work the page hands to the worker, so that none of its code is
//! in the page's wasm and none of it runs on the page's thread: the
//! thorough item-by-item restore of a file or a backup (with its
//! migrations and repairs), and the merge preview and merge of an import.
//!
//! An import's incoming plan stays here under a token between the preview
//! and the confirmation, with the preview last shown of it, so the page
//! sends neither back; the page sends its own plan as the document it
//! writes to storage.

use luoshi::format::incoming::{read_incoming, Summary};
use luoshi::format::sheets::intake::listing::imported_page;
use luoshi::format::sheets::intake::RowResult;
use luoshi::format::{restore_plan, Restored};
use luoshi::model::merge::{self, Choice, MergePreview};
use luoshi::model::plan::Plan;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;

/// Incoming plans kept: a preview and the one before it is plenty (the
/// page shows one import at a time).
const KEPT: usize = 4;

/// An incoming plan and the merge preview last sent to the page for it;
/// for a workbook, its rows' results, which the page lists a page at a
/// time (`intake_rows`).
struct Incoming {
    token: u32,
    plan: Plan,
    shown: Option<MergePreview>,
    rows: Vec<RowResult>,
}

thread_local! {
    static INCOMING: RefCell<(u32, VecDeque<Incoming>)> = const { RefCell::new((0, VecDeque::new())) };
}

fn fail(message: impl Into<String>) -> JsValue {
    JsValue::from_str(&message.into())
}

fn json(value: &impl Serialize) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| fail(format!("答复无法写出：{e}")))
}

/// Keeps `plan` as an incoming plan, with the preview `shown` of it and
/// the `rows` of the workbook it was read from; returns its token.
pub fn keep(plan: Plan, shown: Option<MergePreview>, rows: Vec<RowResult>) -> u32 {
    INCOMING.with(|k| {
        let (next, kept) = &mut *k.borrow_mut();
        *next += 1;
        kept.push_back(Incoming {
            token: *next,
            plan,
            shown,
            rows,
        });
        while kept.len() > KEPT {
            kept.pop_front();
        }
        *next
    })
}

fn with_incoming<T>(token: u32, f: impl FnOnce(&mut Incoming) -> T) -> Result<T, JsValue> {
    INCOMING.with(|k| {
        k.borrow_mut()
            .1
            .iter_mut()
            .find(|i| i.token == token)
            .map(f)
            .ok_or_else(|| fail("导入预览已失效（后台组件已重新启动），请重新选择文件"))
    })
}

/// The page's own plan, from the document it sends.
fn ours(document: &str) -> Result<Plan, JsValue> {
    restore_plan(document)
        .map(|r| r.plan)
        .map_err(|e| fail(format!("当前计划的数据无法读取：{e}")))
}

/// Restores `text` (a file's or a backup's) item by item; the answer is
/// `{"Ok": Restored}` or `{"Err": RestoreError}` as JSON.
#[wasm_bindgen]
pub fn restore(text: &str) -> Result<String, JsValue> {
    json(&restore_plan(text))
}

/// What `incoming` answers: the token the file's plan is kept under and
/// what the preview says of it (never the plan itself: see
/// `format::incoming`).
#[derive(Serialize)]
struct Kept {
    token: u32,
    summary: Summary,
}

/// Reads an imported file's `text` (the file `name`; the worker script
/// reads the file itself, so its text never passes through the page) and
/// keeps its plan for the merge; the answer is `{"Ok": {token, summary}}`
/// or `{"Err": message}`.
#[wasm_bindgen]
pub fn incoming(name: &str, text: &str) -> Result<String, JsValue> {
    match read_incoming(name, text) {
        Ok(restored) => {
            let summary = Summary::of(&restored);
            let token = keep(restored.plan, None, Vec::new());
            json(&Ok::<_, String>(Kept { token, summary }))
        }
        Err(e) => json(&Err::<Kept, _>(e)),
    }
}

/// The incoming plan `token` whole, as a `Restored` in JSON (to open it as
/// a plan of its own).
#[wasm_bindgen]
pub fn incoming_plan(token: u32) -> Result<String, JsValue> {
    let restored = with_incoming(token, |i| Restored {
        plan: i.plan.clone(),
        problems: Vec::new(),
        version: luoshi::format::CURRENT_VERSION,
        exported_at: String::new(),
        source: String::new(),
    })?;
    json(&restored)
}

/// The imported rows of the workbook read under `token`, from the
/// `from`th (counted from 0), at most `count`: the preview's next page of
/// them, as JSON (`[RowResult, …]`).
#[wasm_bindgen]
pub fn intake_rows(token: u32, from: u32, count: u32) -> Result<String, JsValue> {
    let page = with_incoming(token, |i| {
        imported_page(&i.rows, from as usize, count as usize)
    })?;
    json(&page)
}

/// The preview of merging the incoming plan `token` into `document`,
/// kept as the one shown.
#[wasm_bindgen]
pub fn merge_preview(token: u32, document: &str) -> Result<String, JsValue> {
    let ours = ours(document)?;
    let preview = with_incoming(token, |i| {
        let preview = merge::preview(&ours, &i.plan);
        let page = preview.for_page();
        i.shown = Some(preview);
        page
    })?;
    json(&preview)
}

/// Confirms the preview last shown of merging the incoming plan `token`
/// into `document` (the plan with id `against`, as it is now), with
/// `choices` (JSON: [[task id, key, "Ours"|"Theirs"], …]); the answer is a
/// `ConfirmReply` as JSON: the merged plan, or the changed preview (kept
/// as the one shown), or that the plan is another.
#[wasm_bindgen]
pub fn merge_confirm(
    token: u32,
    document: &str,
    against: &str,
    choices: &str,
    file: &str,
    now: &str,
) -> Result<String, JsValue> {
    let ours = ours(document)?;
    let choices: Vec<Choice> =
        serde_json::from_str(choices).map_err(|e| fail(format!("选择无法读取：{e}")))?;
    let done = with_incoming(token, |i| {
        let shown = i.shown.clone().unwrap_or_default();
        let done = merge::confirm(&ours, &i.plan, &shown, against, &choices, file, now);
        if let Ok(merge::Confirmation::Changed(fresh)) = &done {
            i.shown = Some((**fresh).clone());
        }
        done.and_then(|d| d.reply(&ours, now)).map(|mut reply| {
            reply.changed = reply.changed.map(|pv| pv.for_page());
            reply
        })
    })?;
    done.map_err(|e| fail(format!("导入未完成：{e}")))?
        .to_lines()
        .map_err(|e| fail(format!("答复无法写出：{e}")))
}
