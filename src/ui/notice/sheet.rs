//! One 督办通知单 or 催办单 in the usual official layout.

use crate::model::supervision::Notice;
use leptos::prelude::*;

#[component]
pub fn NoticeSheet(notice: Notice) -> impl IntoView {
    let Notice {
        title,
        addressee,
        copied,
        verb,
        number,
        matter,
        lead_unit,
        support_units,
        leader,
        original_due,
        current_due,
        days_label,
        days,
        latest,
        requirement,
        reply_due,
        office,
        date,
    } = notice;
    view! {
        <article class="notice-sheet" data-testid="notice-sheet">
            <h1 class="notice-title">{title}</h1>
            <p class="notice-number" data-testid="notice-number">{number}</p>
            <p class="notice-to" data-testid="notice-to">{format!("主送：{addressee}")}</p>
            <table class="notice-table">
                <tbody>
                    <tr><th>{format!("{verb}事项")}</th><td colspan="3">{matter}</td></tr>
                    <tr><th>"牵头单位"</th><td>{lead_unit}</td><th>"配合单位"</th><td>{support_units}</td></tr>
                    <tr><th>"责任领导"</th><td>{leader}</td><th>{days_label}</th><td>{days}</td></tr>
                    <tr><th>"原定完成时限"</th><td>{original_due}</td><th>"现完成时限"</th><td>{current_due}</td></tr>
                    <tr class="tall"><th>"最近进展"</th><td colspan="3">{latest}</td></tr>
                    <tr class="tall"><th>{format!("{verb}要求")}</th><td colspan="3">{requirement}</td></tr>
                    <tr><th>"反馈时限"</th><td colspan="3">{format!("请于{reply_due}前将办理情况书面反馈。")}</td></tr>
                </tbody>
            </table>
            <div class="notice-sign">
                <p>{office}</p>
                <p>{date}</p>
            </div>
            {(!copied.is_empty()).then(|| view! {
                <p class="notice-copied" data-testid="notice-copied">{format!("抄送：{copied}")}</p>
            })}
        </article>
    }
}
