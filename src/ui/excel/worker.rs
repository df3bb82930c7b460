//! Excel through the worker (`ui::worker::client`): it writes the ledger,
//! the summary and CSV, and reads offices' workbooks, with calamine and
//! rust_xlsxwriter in its own wasm, so none of that is in the start-up
//! download.

use crate::format::sheets::intake::columns::Role;
use crate::format::sheets::intake::listing::IntakeShown;
use crate::format::sheets::intake::RowResult;
use crate::model::merge::MergePreview;
use crate::ui::worker::client::{ask_json, bytes_of, call, text_of, UNAVAILABLE};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;

/// The ledger workbook of `document` (a plan document) as of `today`.
pub async fn ledger_xlsx(document: &str, today: &str) -> Result<Vec<u8>, String> {
    bytes_of(
        call(
            "ledger_xlsx",
            Array::of2(&document.into(), &today.into()),
            None,
        )
        .await?,
    )
}

/// The summary workbook (汇总表, 明细表) of `document` as of `today`.
pub async fn summary_xlsx(document: &str, today: &str) -> Result<Vec<u8>, String> {
    bytes_of(
        call(
            "summary_xlsx",
            Array::of2(&document.into(), &today.into()),
            None,
        )
        .await?,
    )
}

/// The ledger of `document` as of `today` as CSV text.
pub async fn ledger_csv(document: &str, today: &str) -> Result<String, String> {
    text_of(
        call(
            "ledger_csv",
            Array::of2(&document.into(), &today.into()),
            None,
        )
        .await?,
    )
}

/// A workbook read by the worker: the rows read against the plan as the
/// preview first lists them, the token its resulting plan and all its
/// rows are kept under there for the merge (`ui::worker::plans`) and the
/// pager (`intake_rows`), and that merge's preview.
#[derive(serde::Deserialize)]
pub struct SheetRead {
    pub token: u32,
    pub intake: IntakeShown,
    pub summary: crate::format::incoming::Summary,
    pub merge: MergePreview,
}

/// Reads a workbook against `document`, with the columns' roles corrected
/// by `roles`; with `as_plan`, into `document` (an empty plan) as a plan
/// of its own, named and dated by the sheet.
pub async fn intake_workbook(
    bytes: &[u8],
    document: &str,
    roles: &[(u16, Role)],
    today: &str,
    now: &str,
    as_plan: bool,
) -> Result<SheetRead, String> {
    let buffer = Uint8Array::from(bytes).buffer();
    let roles: Vec<(u16, &str)> = roles.iter().map(|(c, r)| (*c, r.key())).collect();
    let roles = serde_json::to_string(&roles).map_err(|e| e.to_string())?;
    let args = Array::new();
    for a in [
        JsValue::from(buffer.clone()),
        document.into(),
        roles.into(),
        today.into(),
        now.into(),
        as_plan.into(),
    ] {
        args.push(&a);
    }
    let json = text_of(call("intake_workbook", args, Some(buffer.into())).await?)?;
    crate::format::json::from_text(&json)
        .map(|(read, _)| read)
        .map_err(|e| format!("{UNAVAILABLE}（答复无法读取：{e}）"))
}

/// The imported rows of the workbook read under `token`, from the `from`th
/// (counted from 0), at most `count`: the preview's next page of them.
pub async fn intake_rows(token: u32, from: usize, count: usize) -> Result<Vec<RowResult>, String> {
    ask_json(
        "intake_rows",
        &[token.into(), (from as u32).into(), (count as u32).into()],
    )
    .await
}
