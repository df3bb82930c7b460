//! The supervision page: the list grouped as chosen, then reporting
//! coverage per unit.

use crate::model::supervision::{list_at, GroupBy};
use crate::ui::state::use_app;
use crate::ui::supervision::unit_group::GroupCard;
use crate::ui::supervision::unreported::Unreported;
use leptos::prelude::*;

#[component]
pub fn SupervisionPage() -> impl IntoView {
    let state = use_app();
    let by = RwSignal::new(GroupBy::LeadUnit);
    let groups = Memo::new(move |_| {
        let by = by.get();
        state
            .doc
            .with_index(|index| state.doc.assessments().with(|a| list_at(index, a, by)))
    });
    let totals = move || {
        groups.with(|gs| {
            let rows = gs.iter().map(|g| g.rows.len()).sum::<usize>();
            let red = gs.iter().map(|g| g.red()).sum::<usize>();
            let unanswered = gs
                .iter()
                .flat_map(|g| &g.rows)
                .filter(|r| r.unanswered > 0)
                .count();
            format!(
                "需督办的{}：逾期 {red} 项，预警 {} 项；督办逾期未反馈 {unanswered} 项",
                crate::model::counting::work_items_text(rows),
                rows - red
            )
        })
    };
    view! {
        <section class="supervision-page">
            <h1>"督办清单"</h1>
            <p class="muted">"所有亮红灯（逾期）和黄灯（预警）的工作事项。点击事项名称查看、报送进展或督办。"</p>
            <div class="toolbar">
                <span data-testid="supervision-totals">{totals}</span>
                <span class="choice">
                    "分组："
                    <label class="check"><input type="radio" name="group-by" data-testid="group-by-unit"
                        prop:checked=move || by.get() == GroupBy::LeadUnit on:change=move |_| by.set(GroupBy::LeadUnit) />"按牵头单位"</label>
                    <label class="check"><input type="radio" name="group-by" data-testid="group-by-leader"
                        prop:checked=move || by.get() == GroupBy::Leader on:change=move |_| by.set(GroupBy::Leader) />"按责任领导"</label>
                </span>
            </div>
            <div data-testid="supervision-list" class="supervision-list">
                <Show when=move || groups.with(Vec::is_empty)>
                    <p class="empty">"目前没有逾期或预警的事项。"</p>
                </Show>
                {move || groups.get().into_iter().map(|group| view! { <GroupCard group=group by=by.get_untracked() /> }).collect_view()}
            </div>
            <Unreported />
        </section>
    }
}
