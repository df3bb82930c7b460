//! One group of the supervision list (a lead unit or a leader): its red and
//! yellow items, and — for a unit — 督办/催办 of all of them at once. Every
//! group's table has the same fixed columns, so the groups line up.

use crate::model::supervision::{Group, GroupBy};
use crate::ui::ledger::warning_badge::WarningBadge;
use crate::ui::progress::supervise_form::SuperviseForm;
use leptos::prelude::*;

fn days_text(days: Option<i64>) -> String {
    match days {
        Some(d) if d < 0 => format!("逾期 {} 天", -d),
        Some(d) => format!("剩余 {d} 天"),
        None => "未定时限".into(),
    }
}

#[component]
pub fn GroupCard(group: Group, by: GroupBy) -> impl IntoView {
    let supervising = RwSignal::new(false);
    let ids: Vec<_> = group.rows.iter().map(|r| r.id.clone()).collect();
    let count = group.rows.len();
    let red = group.red();
    let batch = by == GroupBy::LeadUnit && !group.key.is_empty();
    view! {
        <div class="supervision-group" data-testid="supervision-group" data-key=group.key.clone() data-count=count>
            <h2>
                {group.name.clone()}
                <span class="muted">{format!("（{count} 项，其中逾期 {red} 项）")}</span>
                {batch.then(|| view! {
                    <button type="button" data-testid="supervise-unit" on:click=move |_| supervising.set(true)>
                        "督办/催办本单位全部事项"
                    </button>
                })}
            </h2>
            <Show when=move || supervising.get()>
                <SuperviseForm ids=ids.clone()
                    on_done=Callback::new(move |records: Vec<String>| {
                        supervising.set(false);
                        let _ = window().location().set_hash(&format!("#/notice?ids={}", records.join(",")));
                    })
                    on_cancel=Callback::new(move |_| supervising.set(false)) />
            </Show>
            // The same columns in every group, so the groups line up.
            <div class="supervision-scroll">
            <table class="supervision-table">
                <colgroup>
                    <col class="s-item" /><col class="s-state" /><col class="s-days" /><col class="s-latest" /><col class="s-done" />
                </colgroup>
                <thead><tr><th>"事项"</th><th>"状态"</th><th>"时限"</th><th>"最近进展"</th><th>"督办"</th></tr></thead>
                <tbody>
                    {group.rows.into_iter().map(|r| view! {
                        <tr data-testid="supervision-row" data-task-id=r.id.0.clone() data-level=r.level.key()>
                            <td><a href=format!("#/ledger?edit={}", r.id.0)>{r.title}</a></td>
                            <td><WarningBadge level=r.level label=r.label /></td>
                            <td class="nowrap">{days_text(r.days_left)}</td>
                            <td>{match r.latest {
                                Some((d, text)) => format!("{}：{}", crate::model::date::format_date(d), text),
                                None => "尚未报送".into(),
                            }}</td>
                            <td>
                                <span class="nowrap">{if r.supervised > 0 { format!("已督办 {} 次", r.supervised) } else { "未督办".into() }}</span>
                                {(r.unanswered > 0).then(|| view! {
                                    <span class="tag tag-key" data-testid="unanswered">{format!("逾期未反馈 {}", r.unanswered)}</span>
                                })}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        </div>
    }
}
