//! 导出 Excel: the ledger in the common layout, the per-unit summary with
//! the list of open items, and the ledger as CSV — all as of the day the
//! app judges by (today, or the day looked back to).

use crate::format::write_plan;
use crate::model::date::format_date;
use crate::model::package::sheet_file_name;
use crate::ui::clock::now_iso;
use crate::ui::download::download_bytes;
use crate::ui::excel::worker;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[component]
pub fn ExcelExportPanel() -> impl IntoView {
    let state = use_app();
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // What the worker makes, from the plan as stored and the day.
    #[derive(Clone, Copy)]
    enum Kind {
        Ledger,
        Summary,
        Csv,
    }
    let export = move |kind: Kind| {
        let today = state.today_date();
        let day = format_date(today);
        let (document, title) = state
            .doc
            .plan()
            .with_untracked(|p| (write_plan(p, &now_iso(), "导出"), p.title.clone()));
        let document = match document {
            Ok(d) => d,
            Err(e) => return message.set(Some(format!("未能导出：{e}"))),
        };
        let (what, extension) = match kind {
            Kind::Ledger => ("任务台账", "xlsx"),
            Kind::Summary => ("落实情况汇总表", "xlsx"),
            Kind::Csv => ("任务台账", "csv"),
        };
        let name = sheet_file_name(&title, what, &day, extension);
        busy.set(true);
        message.set(Some(format!("正在生成“{name}”……")));
        spawn_local(async move {
            let result = match kind {
                Kind::Ledger => worker::ledger_xlsx(&document, &day)
                    .await
                    .and_then(|b| download_bytes(&name, &b, XLSX)),
                Kind::Summary => worker::summary_xlsx(&document, &day)
                    .await
                    .and_then(|b| download_bytes(&name, &b, XLSX)),
                Kind::Csv => worker::ledger_csv(&document, &day)
                    .await
                    .and_then(|t| download_bytes(&name, t.as_bytes(), "text/csv;charset=utf-8")),
            };
            busy.try_set(false);
            message.try_set(Some(match result {
                Ok(()) => format!("已生成“{name}”，请在浏览器的下载列表中查看。"),
                Err(e) => format!("未能生成“{name}”：{e}。"),
            }));
        });
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
                    on:click=move |_| export(Kind::Ledger)>"导出任务台账（Excel）"</button>
                <button type="button" data-testid="export-summary-xlsx" disabled=move || busy.get()
                    on:click=move |_| export(Kind::Summary)>"导出汇总表和明细表（Excel）"</button>
                <button type="button" data-testid="export-csv" disabled=move || busy.get() on:click=move |_| export(Kind::Csv)>"导出任务台账（CSV）"</button>
            </div>
            {move || message.get().map(|m| view! { <p class="hint" data-testid="excel-status" role="status">{m}</p> })}
        </div>
    }
}
