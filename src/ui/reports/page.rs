//! The page: the choices, then the 通报 (or the 领导版) drafted from the
//! plan as of the judged day, redrawn whenever the plan or a choice
//! changes.

use crate::model::report::{draft, leader_sheets};
use crate::ui::reports::choice::Choice;
use crate::ui::reports::controls::ReportControls;
use crate::ui::reports::leaders::LeaderSheets;
use crate::ui::reports::sheet::ReportSheet;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let state = use_app();
    let choice = state.doc.plan().with_untracked(|p| {
        Choice::new(
            state.today.with_untracked(|t| t.date),
            p.settings.report_cycle,
        )
    });
    let judged = Memo::new(move |_| choice.judged(state.today_date()));
    let shown = move || {
        let as_of = judged.get();
        let period = choice.period.get();
        if choice.leaders.get() {
            let sheets = state.doc.plan().with(|p| leader_sheets(p, as_of));
            view! { <LeaderSheets sheets=sheets /> }.into_any()
        } else {
            let d = state
                .doc
                .plan()
                .with(|p| draft(p, period, as_of, &p.settings.report_next_steps));
            view! { <ReportSheet draft=d /> }.into_any()
        }
    };
    view! {
        <section class="report-page" data-testid="report-page">
            <h2 class="no-print">"落实情况通报"</h2>
            <p class="hint no-print">
                "按所选报告期和统计日自动起草，数字与总览、任务台账同日一致。可直接打印（A4 公文格式），"
                "或下载 Word 文档修改后印发；“下步工作”的固定表述可在“设置”中修改。"
            </p>
            <ReportControls choice=choice />
            {shown}
        </section>
    }
}
