//! The 工作要点 reader run in the worker (`luoshi::format::breakdown`), so
//! neither it nor the .docx reading (`luoshi_excel::docx`: zip and XML) is
//! in the page's wasm: a chosen file (a .docx, or a .txt in UTF-8, UTF-16
//! or GB18030) or pasted text read into a `Proposal`, and the accepted
//! proposal made into a `Plan`. Answers are JSON the page reads with its
//! one typed reader; refusals are messages for the user, in Chinese.

use luoshi::format::breakdown::{read_breakdown, to_plan, Proposal};
use luoshi::model::plan::Unit;
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn fail(message: impl Into<String>) -> JsValue {
    JsValue::from_str(&message.into())
}

fn json(value: &impl Serialize) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| fail(format!("答复无法写出：{e}")))
}

fn units(registry: &str) -> Result<Vec<Unit>, JsValue> {
    serde_json::from_str(registry).map_err(|e| fail(format!("单位名录无法读取：{e}")))
}

fn propose(text: &str, registry: &str, fallback_year: i32) -> Result<String, JsValue> {
    let proposal =
        read_breakdown(text, &units(registry)?, fallback_year).map_err(|e| fail(e.to_string()))?;
    json(&proposal)
}

/// Reads the chosen file `file_name` (its `bytes`: the worker script
/// reads the file itself) against the plan's units `registry` (JSON
/// `[Unit]`); `fallback_year` is used when the document names none. The
/// answer is the `Proposal` as JSON; the error says why nothing was read.
#[wasm_bindgen]
pub fn breakdown_read(
    bytes: &[u8],
    file_name: &str,
    registry: &str,
    fallback_year: i32,
) -> Result<String, JsValue> {
    let text = luoshi_excel::docx::file_text(bytes, file_name).map_err(|e| fail(e.to_string()))?;
    propose(&text, registry, fallback_year)
}

/// Reads pasted `text`, as `breakdown_read`.
#[wasm_bindgen]
pub fn breakdown_text(text: &str, registry: &str, fallback_year: i32) -> Result<String, JsValue> {
    propose(text, registry, fallback_year)
}

/// The new plan the accepted `proposal` (JSON, as the page holds it,
/// corrected by the user) makes with the units `registry` (JSON), stamped
/// `now` (ISO 8601); the answer is the `Plan` as JSON.
#[wasm_bindgen]
pub fn breakdown_plan(proposal: &str, registry: &str, now: &str) -> Result<String, JsValue> {
    let proposal: Proposal =
        serde_json::from_str(proposal).map_err(|e| fail(format!("拟建内容无法读取：{e}")))?;
    json(&to_plan(&proposal, &units(registry)?, now))
}
