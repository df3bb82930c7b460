//! Storage meter and a download of the current plan as a Luoshi file.

use crate::model::date::format_date;
use crate::model::package::{package_file_name, plan_file_name};
use crate::store;
use crate::ui::clock::now_iso;
use crate::ui::data::recovery_copies::RecoveryCopies;
use crate::ui::download::{download_text, stamped_name};
use crate::ui::sharing::export_panel::ExportPanel;
use crate::ui::sharing::import_panel::ImportPanel;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app();
    let today = move || state.today.with_untracked(|t| t.date);
    // While stored data awaits a decision, the plan on screen is only the
    // readable part of it; the file says so in its name.
    let partial = move || state.storage.damage().with(Option::is_some);
    // What happened, shown by the export panel beside the button.
    let export = move |_: ()| -> String {
        let what = if partial() {
            "可读取部分"
        } else {
            "数据"
        };
        let result = state
            .doc
            .plan()
            .with_untracked(|p| store::serialize(p, &now_iso()))
            .map_err(|e| e.to_string())
            .and_then(|text| {
                let name = if partial() {
                    stamped_name(what, today())
                } else {
                    // A unit returning its 填报包 sends a file named as one.
                    state.doc.plan().with_untracked(|p| match &p.package {
                        Some(pkg) => {
                            package_file_name(&p.title, &pkg.unit_name, &format_date(today()))
                        }
                        None => plan_file_name(&p.title, &format_date(today())),
                    })
                };
                download_text(&name, &text)
            });
        match result {
            Ok(()) => "已生成数据文件，请在浏览器的下载列表中查看。".into(),
            Err(e) => e,
        }
    };
    view! {
        <section class="data-page" data-testid="data-page">
            <h2>"数据管理"</h2>
            <p>"所有数据只保存在本机浏览器中。请定期导出数据文件留存，换电脑或清理浏览器前务必导出。"</p>
            <crate::ui::data::space::StorageSpace />
            <div class="breakdown-entry-point">
                <h3>"从工作要点生成计划"</h3>
                <p class="hint">"粘贴或选择区委年度工作要点（Word .docx 或文本），自动拆分为领域、要点和工作事项，检查修改后生成计划。"</p>
                <a class="button" href="#/breakdown" data-testid="breakdown-open">"从工作要点生成计划"</a>
            </div>
            <crate::ui::data::found_plans::FoundPlans />
            <ExportPanel on_export_plan=Callback::new(move |_| export(())) />
            <crate::ui::excel::export_panel::ExcelExportPanel />
            <Show when=move || state.storage.damage().with(Option::is_none)>
                <ImportPanel />
            </Show>
            <Show when=partial>
                <p class="hint" data-testid="export-partial">
                    "本机数据无法完整读取：完整的原始数据请在“任务台账”页的提示中下载。"
                </p>
            </Show>
            <RecoveryCopies />
        </section>
    }
}
