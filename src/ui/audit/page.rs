//! The audit page: the speech's demand, the total, then one section per kind
//! of blind spot. Recomputed whenever the plan changes or the day moves on.

use crate::model::audit::{audit, BlindSpotKind};
use crate::model::date::format_date;
use crate::ui::audit::section::AuditSection;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The 盲区排查 page: every blind spot of the plan on screen as of the
/// app's date, by kind, each a link to where it is fixed.
#[component]
pub fn AuditPage() -> impl IntoView {
    let state = use_app();
    let spots = Memo::new(move |_| {
        let today = state.today_date();
        state.doc.plan().with(|p| audit(p, today))
    });
    let total = move || spots.with(Vec::len);
    let any = move || total() != 0;
    // One memo per kind, so a section re-renders only when its own entries
    // change.
    let per_kind = BlindSpotKind::ALL.map(|kind| {
        let of_kind = Memo::new(move |_| {
            spots.with(|all| {
                all.iter()
                    .filter(|s| s.kind == kind)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        (kind, of_kind)
    });
    let sections = move || {
        per_kind
            .into_iter()
            .map(|(kind, of_kind)| view! { <AuditSection kind=kind spots=of_kind /> })
            .collect_view()
    };
    view! {
        <section class="audit-page" data-testid="audit-page">
            <h2>"盲区排查（无盲区、无死角）"</h2>
            <blockquote class="audit-intent">
                "“层层传导压力，确保无盲区、无死角，切实形成抓党建的强大合力。”"
            </blockquote>
            <p class="hint">
                {move || format!(
                    "按 {} 的情况逐项排查：每项任务是否明确牵头单位、完成时限和责任领导，每个单位是否牵头任务，重点任务是否设有进度节点，已启动的工作是否报送过进展。点击条目即可前往修改。",
                    format_date(state.today_date())
                )}
            </p>
            <Show
                when=any
                fallback=|| view! {
                    <div class="empty" data-testid="audit-empty">
                        <p>"未发现盲区：每项任务都有牵头单位、完成时限和责任领导，每个单位都有牵头任务，重点任务都设有节点，已启动的工作都报送过进展。"</p>
                    </div>
                }
            >
                <p class="audit-total" data-testid="audit-total">
                    {move || format!("共发现 {} 处盲区", total())}
                </p>
                {sections}
            </Show>
        </section>
    }
}
