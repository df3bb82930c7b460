//! The Excel worker's wasm: what the worker script (excel-worker.js) calls
//! with what the page sends it. Loaded on first use, so calamine,
//! rust_xlsxwriter and the spreadsheet layouts are never in the app's
//! start-up download. The page sends the plan as a Luoshi plan document
//! (what it stores) and the day it judges by; everything here is the pure
//! core's `format::sheets`, tested natively there. The plan work of
//! imports is in `plans`, the 工作要点 reader (.docx and text) in
//! `breakdown`. The 通报 drafted by the page (`model::report`) is written
//! as .docx by `luoshi-report-docx` (report-docx/), tested natively there.

#[cfg(target_arch = "wasm32")]
mod breakdown;
#[cfg(target_arch = "wasm32")]
mod plans;

#[cfg(target_arch = "wasm32")]
mod exports {
    use chrono::NaiveDate;
    use luoshi::format::restore_plan;
    use luoshi::format::sheets::intake::columns::Role;
    use luoshi::format::sheets::{csv, intake, ledger, summary};
    use luoshi::model::date::parse_date;
    use luoshi::model::plan::Plan;
    use wasm_bindgen::prelude::*;

    fn fail(message: impl Into<String>) -> JsValue {
        JsValue::from_str(&message.into())
    }

    fn plan(document: &str) -> Result<Plan, JsValue> {
        restore_plan(document)
            .map(|r| r.plan)
            .map_err(|e| fail(format!("计划数据无法读取：{e}")))
    }

    fn day(text: &str) -> Result<NaiveDate, JsValue> {
        parse_date(text).map_err(|e| fail(e.to_string()))
    }

    fn xlsx(spec: &luoshi_excel::WorkbookSpec) -> Result<Vec<u8>, JsValue> {
        luoshi_excel::write::write(spec).map_err(|e| fail(format!("无法写出 Excel 文件：{e}")))
    }

    /// The ledger workbook of `document` as of `today`.
    #[wasm_bindgen]
    pub fn ledger_xlsx(document: &str, today: &str) -> Result<Vec<u8>, JsValue> {
        xlsx(&ledger::workbook(&plan(document)?, day(today)?))
    }

    /// The summary workbook (汇总表, 明细表) of `document` as of `today`.
    #[wasm_bindgen]
    pub fn summary_xlsx(document: &str, today: &str) -> Result<Vec<u8>, JsValue> {
        xlsx(&summary::workbook(&plan(document)?, day(today)?))
    }

    /// The 通报 `draft` (a `model::report::Draft` as JSON) as a .docx file.
    #[wasm_bindgen]
    pub fn report_docx(draft: &str) -> Result<Vec<u8>, JsValue> {
        let draft: luoshi::model::report::Draft =
            serde_json::from_str(draft).map_err(|e| fail(format!("通报无法读取：{e}")))?;
        luoshi_report_docx::report_docx(&draft)
            .map_err(|e| fail(format!("无法写出 Word 文件：{e}")))
    }

    /// The 领导版 `sheets` (`model::report::LeaderSheet`s as JSON) as a
    /// .docx file, a page per leader.
    #[wasm_bindgen]
    pub fn leaders_docx(sheets: &str) -> Result<Vec<u8>, JsValue> {
        let sheets: Vec<luoshi::model::report::LeaderSheet> =
            serde_json::from_str(sheets).map_err(|e| fail(format!("领导版无法读取：{e}")))?;
        luoshi_report_docx::leaders_docx(&sheets)
            .map_err(|e| fail(format!("无法写出 Word 文件：{e}")))
    }

    /// The ledger of `document` as of `today` as CSV text.
    #[wasm_bindgen]
    pub fn ledger_csv(document: &str, today: &str) -> Result<String, JsValue> {
        Ok(csv::ledger_csv(&plan(document)?, day(today)?))
    }

    /// What `intake_workbook` answers: the sheet read, the token its plan
    /// and rows are kept under for the merge and the preview's pager (see
    /// `plans`), and the merge's preview.
    #[derive(serde::Serialize)]
    struct SheetRead {
        token: u32,
        /// The sheet, its columns and the rows listed first: its plan and
        /// the other rows are kept here under the token, so a large
        /// workbook is not read on the page's thread.
        intake: luoshi::format::sheets::intake::listing::IntakeShown,
        summary: luoshi::format::incoming::Summary,
        merge: luoshi::model::merge::MergePreview,
    }

    /// Reads a workbook's `bytes` against `document`, with the columns'
    /// roles corrected by `roles` (JSON: [[column, "role key"], …]);
    /// returns the sheet read as first listed (`Intake::shown`), its token
    /// and its merge preview as JSON.
    /// With `as_plan`, `document` is an empty plan the workbook becomes,
    /// named and dated by the sheet where it can (`intake_as_plan`).
    #[wasm_bindgen]
    pub fn intake_workbook(
        bytes: &[u8],
        document: &str,
        roles: &str,
        today: &str,
        now: &str,
        as_plan: bool,
    ) -> Result<String, JsValue> {
        let book = luoshi_excel::read::read(bytes).map_err(fail)?;
        let roles: Vec<(u16, String)> =
            serde_json::from_str(roles).map_err(|e| fail(e.to_string()))?;
        let roles: Vec<(u16, Role)> = roles
            .into_iter()
            .filter_map(|(c, k)| Role::from_key(&k).map(|r| (c, r)))
            .collect();
        let ours = plan(document)?;
        let read = if as_plan {
            intake::intake_as_plan
        } else {
            intake::intake
        };
        let mut got = read(&book, &ours, &roles, day(today)?, now).map_err(fail)?;
        let merge = luoshi::model::merge::preview(&ours, &got.plan);
        let restored = luoshi::format::Restored {
            plan: std::mem::take(&mut got.plan),
            problems: Vec::new(),
            version: luoshi::format::CURRENT_VERSION,
            exported_at: String::new(),
            source: String::new(),
        };
        let summary = luoshi::format::incoming::Summary::of(&restored);
        let page = merge.for_page();
        let shown = got.shown();
        let token = crate::plans::keep(restored.plan, Some(merge), got.rows);
        serde_json::to_string(&SheetRead {
            token,
            intake: shown,
            summary,
            merge: page,
        })
        .map_err(|e| fail(e.to_string()))
    }
}

fn main() {}
