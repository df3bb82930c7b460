//! Importing an office's ledger from a workbook (.xlsx, .xls, .ods): the
//! file's bytes and the plan on screen go to the Excel worker, which reads
//! the cells against the plan (the pure `format::sheets::intake`); the
//! result goes through the same preview, confirmation and backup as a
//! Luoshi file. The user can correct a column's role in the preview,
//! which reads the workbook again with that correction.

use crate::format::sheets::intake::columns::{Header, Role};
use crate::format::sheets::intake::listing::{Listing, ROWS_PER_PAGE};
use crate::format::sheets::intake::RowResult;
use crate::format::write_plan;
use crate::model::plan::Plan;
use crate::ui::clock::now_iso;
use crate::ui::excel::worker::{intake_rows, intake_workbook};
use crate::ui::sharing::import_panel::{Incoming, Stage};
use crate::ui::sharing::run::Run;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// A workbook read, with what its rows became.
#[derive(Clone)]
pub struct SheetIncoming {
    /// The file's bytes, to read again when a column is corrected.
    pub bytes: Arc<Vec<u8>>,
    pub sheet: String,
    pub header: Header,
    /// The rows' results as first listed, with the counts of all (the
    /// worker keeps the rest for the pager); shared, not copied, each time
    /// the import's stage is read.
    pub rows: Arc<Listing>,
    /// The user's corrections to the columns found.
    pub roles: Vec<(u16, Role)>,
}

/// True for the spreadsheet files the worker reads.
pub fn is_workbook(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Reads the workbook against the plan on screen (or, for `as_new`, into
/// an empty plan, which takes its title and year from the sheet; the
/// file's name and the year on screen are what it keeps when the sheet
/// names neither).
pub async fn sheet_incoming(
    state: AppState,
    name: String,
    bytes: Arc<Vec<u8>>,
    roles: Vec<(u16, Role)>,
    as_new: bool,
) -> Result<Incoming, String> {
    let today = crate::model::date::format_date(state.today_date());
    let now = now_iso();
    let ours = state.doc.plan().with_untracked(|p| {
        if as_new {
            let mut empty = Plan::empty(p.year);
            empty.title = name
                .rsplit_once('.')
                .map_or(name.as_str(), |(stem, _)| stem)
                .to_string();
            empty.settings = p.settings.clone();
            empty
        } else {
            p.clone()
        }
    });
    let document = write_plan(&ours, &now, "导入").map_err(|e| e.to_string())?;
    let got = intake_workbook(&bytes, &document, &roles, &today, &now, as_new)
        .await
        .map_err(|e| format!("文件“{name}”无法导入：{e}。当前计划没有任何改动。"))?;
    let (token, merge, summary, got) = (got.token, got.merge, got.summary, got.intake);
    Ok(Incoming {
        against: ours.id.clone(),
        refreshed: false,
        name: name.clone(),
        token,
        summary,
        // Opened as a plan of its own, it is fetched from the worker.
        plan: None,
        merge: Some(merge),
        other_plan: None,
        sheet: Some(Box::new(SheetIncoming {
            bytes,
            sheet: got.sheet,
            header: got.header,
            rows: Arc::new(got.rows),
            roles,
        })),
    })
}

/// Starts importing a workbook: reads its bytes, has the worker read it
/// against the plan (progress shown as stages).
pub fn start_workbook(state: AppState, stage: RwSignal<Stage>, file: web_sys::File, run: Run) {
    let name = file.name();
    stage.set(Stage::Reading {
        name: name.clone(),
        loaded: 0.0,
        total: file.size(),
    });
    spawn_local(async move {
        let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                run.set(
                    stage,
                    Stage::Failed(format!(
                    "文件“{name}”读取失败（文件可能已被移动或没有读取权限），当前计划没有任何改动。"
                )),
                );
                return;
            }
        };
        if !run.is_current() {
            return;
        }
        stage.try_set(Stage::Parsing(name.clone()));
        let result = sheet_incoming(state, name, Arc::new(bytes), Vec::new(), false).await;
        run.set(
            stage,
            match result {
                Ok(incoming) => Stage::Ready(Box::new(incoming)),
                Err(e) => Stage::Failed(e),
            },
        );
    });
}

/// The workbook part of the preview: which sheet, how each column was
/// understood (with a choice to correct it), and every row's result (those
/// past the first page fetched from the worker, kept under `token`, on
/// request).
#[component]
pub fn SheetReport(
    sheet: SheetIncoming,
    token: u32,
    on_role: Callback<(u16, Role)>,
) -> impl IntoView {
    let rows = &sheet.rows;
    let summary = format!(
        "工作表“{}”，表头之下共 {} 行：导入 {} 行，跳过 {} 行，有问题 {} 行。",
        sheet.sheet, rows.total, rows.imported, rows.skipped, rows.errors
    );
    view! {
        <div class="sheet-report" data-testid="sheet-report">
            <p data-testid="sheet-summary">{summary}</p>
            <h4>"各列的用途（识别不对可在此更正）"</h4>
            <table class="mapping">
                <thead><tr><th>"列"</th><th>"表头"</th><th>"用途"</th></tr></thead>
                <tbody>
                    {sheet.header.columns.iter().map(|(col, text, role)| {
                        let (col, role) = (*col, *role);
                        view! {
                            <tr>
                                <td>{column_name(col)}</td>
                                <td>{text.clone()}</td>
                                <td>
                                    <select data-testid="import-mapping" data-col=col aria-label=format!("第 {} 列的用途", column_name(col))
                                        on:change=move |e| {
                                            if let Some(r) = Role::from_key(&event_target_value(&e)) {
                                                on_role.run((col, r));
                                            }
                                        }>
                                        {Role::ALL.into_iter().map(|r| view! {
                                            <option value=r.key() selected=r == role>{r.label()}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <h4>"逐行结果"</h4>
            <ImportRows rows=sheet.rows.clone() token=token />
        </div>
    }
}

/// Every row's result: what was not imported first in full, then the
/// imported rows (`Listing`); the rest of the imported rows a page at a
/// time on request, from the worker, so that neither reading the worker's
/// answer nor drawing the preview holds the page up.
#[component]
fn ImportRows(rows: Arc<Listing>, token: u32) -> impl IntoView {
    let first = rows.first.iter().map(row).collect_view();
    let listed = rows.imported_listed();
    let imported = rows.imported;
    // Pages fetched, each drawn once when it comes.
    let pages = RwSignal::new(Vec::<Arc<Vec<RowResult>>>::new());
    let fetched = move || pages.with(|p| p.iter().map(|page| page.len()).sum::<usize>());
    let rest = move || imported.saturating_sub(listed + fetched());
    let fetching = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let show_more = move |_| {
        if fetching.get_untracked() {
            return;
        }
        fetching.set(true);
        failed.set(None);
        let from =
            listed + pages.with_untracked(|p| p.iter().map(|page| page.len()).sum::<usize>());
        spawn_local(async move {
            // The preview may be gone by then (cancelled, another file):
            // its signals with it.
            match intake_rows(token, from, ROWS_PER_PAGE).await {
                Ok(page) if page.is_empty() => {
                    failed.try_set(Some("后台组件没有更多的行".into()));
                }
                Ok(page) => {
                    pages.try_update(|p| p.push(Arc::new(page)));
                }
                Err(e) => {
                    failed.try_set(Some(e));
                }
            }
            fetching.try_set(false);
        });
    };
    view! {
        <ol class="import-rows plain">
            {first}
            <For each=move || 0..pages.with(Vec::len) key=|i| *i let:i>
                {pages.with_untracked(|p| p.get(i).cloned()).map(|page| page.iter().map(row).collect_view())}
            </For>
        </ol>
        {move || (rest() > 0).then(|| view! {
            <p class="hint" data-testid="import-rows-more">
                {format!("另有 {} 行导入成功，未逐行列出。", rest())}
                <button type="button" data-testid="import-rows-show-more" disabled=fetching
                    on:click=show_more>{format!("再列出 {} 行", ROWS_PER_PAGE)}</button>
            </p>
        })}
        {move || failed.get().map(|e| view! {
            <p class="alert alert-error" data-testid="import-rows-error" role="alert">{format!("未能列出更多的行：{e}")}</p>
        })}
    }
}

fn row(r: &RowResult) -> impl IntoView {
    let (what, class) = match &r.outcome {
        crate::format::sheets::intake::Outcome::Imported(w) => (format!("导入：{w}"), "ok"),
        crate::format::sheets::intake::Outcome::Skipped(w) => (format!("跳过：{w}"), "muted"),
        crate::format::sheets::intake::Outcome::Error(w) => (format!("未导入：{w}"), "bad"),
    };
    let notes = if r.notes.is_empty() {
        String::new()
    } else {
        format!("（{}）", r.notes.join("；"))
    };
    view! {
        <li data-testid="import-row" data-result=r.outcome.key() data-row=r.row class=class>
            {format!("第 {} 行 {} — {what}{notes}", r.row, r.title)}
        </li>
    }
}

/// A, B, … Z, AA, …
fn column_name(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut s = String::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.insert(0, char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    s
}
