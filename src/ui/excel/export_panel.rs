//! 导出 Excel: the ledger in the common layout, the per-unit summary with
//! the list of open items, and the ledger as CSV — all as of the day the
//! app judges by (today, or the day looked back to).

use crate::format::sheets::{csv::ledger_csv, ledger, summary};
use crate::model::date::format_date;
use crate::model::package::sheet_file_name;
use crate::ui::download::{download_bytes, download_text};
use crate::ui::excel::worker::write_workbook;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[component]
pub fn ExcelExportPanel() -> impl IntoView {
    let state = use_app();
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let workbook = move |what: &'static str, summary_sheets: bool| {
        let today = state.today_date();
        let (spec, name) = state.plan.with_untracked(|p| {
            let spec = if summary_sheets {
                summary::workbook(p, today)
            } else {
                ledger::workbook(p, today)
            };
            (
                spec,
                sheet_file_name(&p.title, what, &format_date(today), "xlsx"),
            )
        });
        busy.set(true);
        message.set(Some("正在生成 Excel 文件……".into()));
        spawn_local(async move {
            let result = match write_workbook(&spec).await {
                Ok(bytes) => download_bytes(&name, &bytes, XLSX),
                Err(e) => Err(e),
            };
            busy.try_set(false);
            message.try_set(Some(match result {
                Ok(()) => format!("已生成“{name}”，请在浏览器的下载列表中查看。"),
                Err(e) => format!("未能生成 Excel 文件：{e}。可先导出 CSV 文件。"),
            }));
        });
    };
    let csv = move |_| {
        let today = state.today_date();
        let (text, name) = state.plan.with_untracked(|p| {
            (
                ledger_csv(p, today),
                sheet_file_name(&p.title, "任务台账", &format_date(today), "csv"),
            )
        });
        message.set(Some(match download_text(&name, &text) {
            Ok(()) => format!("已生成“{name}”，请在浏览器的下载列表中查看。"),
            Err(e) => e,
        }));
    };
    view! {
        <div class="panel" data-testid="excel-export">
            <h3>"导出 Excel"</h3>
            <p class="hint">
                {move || format!(
                    "按 {} 的状态导出。任务台账为通用格式（序号、重点任务、具体措施、责任领导、牵头单位、配合单位、完成时限、进展情况、备注），可在 Excel、WPS 中打开，改后也可再导入。",
                    crate::model::supervision::chinese_date(state.today_date())
                )}
            </p>
            <div class="actions">
                <button type="button" data-testid="export-xlsx" disabled=move || busy.get()
                    on:click=move |_| workbook("任务台账", false)>"导出任务台账（Excel）"</button>
                <button type="button" data-testid="export-summary-xlsx" disabled=move || busy.get()
                    on:click=move |_| workbook("落实情况汇总表", true)>"导出汇总表和明细表（Excel）"</button>
                <button type="button" data-testid="export-csv" on:click=csv>"导出任务台账（CSV）"</button>
            </div>
            {move || message.get().map(|m| view! { <p class="hint" data-testid="excel-status" role="status">{m}</p> })}
        </div>
    }
}
