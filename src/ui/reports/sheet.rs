//! The drafted 通报 as it prints: title, period, 主送, the four parts, the
//! list of attachments, the 落款, then each attachment on a page of its
//! own. Its headline counts are on the sheet for checking
//! (`data-total`, `data-closed`, `data-overdue`, `data-lagging`).

use crate::model::report::{Draft, Paragraph};
use crate::ui::reports::attachments::{LaggingTableView, SummaryTableView};
use leptos::prelude::*;

fn paragraph(p: Paragraph) -> impl IntoView {
    view! {
        <p class="doc-text">
            {(!p.lead.is_empty()).then(|| view! { <span class="doc-lead">{p.lead}</span> })}
            {p.text}
        </p>
    }
}

#[component]
pub fn ReportSheet(draft: Draft) -> impl IntoView {
    let h = draft.headline();
    let [summary_title, lagging_title] = draft.attachment_titles().map(str::to_string);
    let body = draft.body();
    let Draft {
        title,
        period_line,
        addressees,
        opening,
        issuer,
        date_line,
        summary,
        lagging,
        ..
    } = draft;
    view! {
        <div class="report-doc" data-testid="report-sheet"
            data-total=h.total.to_string() data-closed=h.closed.to_string()
            data-overdue=h.overdue.to_string() data-lagging=h.lagging.to_string()>
            <article class="doc-page">
                <h1 class="doc-title">{title}</h1>
                <p class="doc-period">{period_line}</p>
                <p class="doc-to">{addressees}</p>
                <p class="doc-text">{opening}</p>
                {body.into_iter().map(|s| view! {
                    <section class="doc-section">
                        <h2 class="doc-heading">{s.heading}</h2>
                        {s.paragraphs.into_iter().map(paragraph).collect_view()}
                    </section>
                }).collect_view()}
                <div class="doc-attachments">
                    <p class="doc-text"><span>"附件："</span>{format!("1. {summary_title}")}</p>
                    <p class="doc-text doc-attachment-next">{format!("2. {lagging_title}")}</p>
                </div>
                <div class="doc-sign">
                    <p>{issuer}</p>
                    <p>{date_line}</p>
                </div>
            </article>
            <article class="doc-page doc-annex" data-testid="report-annex-1">
                <p class="doc-annex-mark">"附件1"</p>
                <h1 class="doc-annex-title">{summary_title}</h1>
                <SummaryTableView table=summary />
            </article>
            <article class="doc-page doc-annex" data-testid="report-annex-2">
                <p class="doc-annex-mark">"附件2"</p>
                <h1 class="doc-annex-title">{lagging_title}</h1>
                <LaggingTableView list=lagging />
            </article>
        </div>
    }
}
