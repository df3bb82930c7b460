//! The two attachments' tables: 附件1 落实情况汇总表 (the Excel 汇总表's
//! columns and counts) and 附件2 滞后事项清单.

use crate::model::report::{LaggingList, SummaryTable};
use leptos::prelude::*;

#[component]
pub fn SummaryTableView(table: SummaryTable) -> impl IntoView {
    let SummaryTable { rows, total, .. } = table;
    view! {
        <table class="doc-table doc-summary" data-testid="report-summary">
            <thead>
                <tr>
                    {SummaryTable::GROUPS.iter().map(|(name, span)| {
                        if *span > 1 {
                            view! { <th colspan=span.to_string()>{*name}</th> }.into_any()
                        } else {
                            view! { <th rowspan="2">{*name}</th> }.into_any()
                        }
                    }).collect_view()}
                </tr>
                <tr>{SummaryTable::COLUMNS.iter().map(|c| view! { <th>{*c}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {rows.into_iter().enumerate().map(|(i, r)| {
                    let counts = SummaryTable::counts(&r);
                    let unit = r.unit;
                    let key = unit.clone();
                    view! {
                        <tr data-unit=key>
                            <td>{(i + 1).to_string()}</td>
                            <td class="name">{unit}</td>
                            {counts.into_iter().map(|n| view! { <td>{n.to_string()}</td> }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
                <tr class="total">
                    <td colspan="2">"合计"</td>
                    {SummaryTable::counts(&total).into_iter().map(|n| view! { <td>{n.to_string()}</td> }).collect_view()}
                </tr>
            </tbody>
        </table>
    }
}

#[component]
pub fn LaggingTableView(list: LaggingList) -> impl IntoView {
    if list.rows.is_empty() {
        return view! { <p class="doc-text">"截至统计日，没有逾期或进度滞后的事项。"</p> }
            .into_any();
    }
    view! {
        <table class="doc-table doc-lagging" data-testid="report-lagging">
            <thead>
                <tr>{LaggingList::HEADERS.iter().map(|h| view! { <th>{*h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {list.rows.iter().map(|r| view! {
                    <tr>{r.cells().into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
