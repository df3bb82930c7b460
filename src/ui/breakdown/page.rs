//! The page (`#/breakdown`): where the document comes in, then the
//! proposal to check and confirm.

use crate::ui::breakdown::preview::BreakdownPreview;
use crate::ui::breakdown::reading::read_file;
use crate::ui::breakdown::source::BreakdownSource;
use crate::ui::breakdown::state::Breakdown;
use crate::ui::sharing::dropped::DroppedFile;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn BreakdownPage() -> impl IntoView {
    let state = use_app();
    let bd = Breakdown::new();
    // A Word or text file dropped anywhere: the page came here for it.
    if let Some(dropped) = use_context::<DroppedFile>() {
        Effect::new(move |_| {
            if let Some(file) = dropped.take_document() {
                read_file(state, bd, file);
            }
        });
    }
    view! {
        <section class="breakdown-page" data-testid="breakdown-page">
            <h2>"从工作要点生成计划"</h2>
            <p class="hint">
                "粘贴区委年度工作要点的全文，或选择 Word 文档（.docx）、文本文件（.txt）。"
                "落实把“一、”“（一）”“1.”等编号的段落拆成领域、要点和工作事项，并读出牵头单位、配合单位、责任领导和完成时限。"
                "生成前可以逐条检查、修改；确认前不会新建或改动任何计划。"
            </p>
            <BreakdownSource bd=bd />
            <Show when=move || bd.proposal.with(Option::is_some)>
                <BreakdownPreview bd=bd />
            </Show>
        </section>
    }
}
