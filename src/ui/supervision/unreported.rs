//! 本期未报送: per lead unit, the work items expected to report this
//! period that have not, with a count per unit.

use crate::model::reporting::{coverage, period_of};
use crate::model::supervision::chinese_date;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Unreported() -> impl IntoView {
    let state = use_app();
    let data = Memo::new(move |_| {
        let today = state.today_date();
        state.doc.with_index(|index| {
            let p = index.plan;
            let period = period_of(&p.settings, today);
            let units: Vec<_> = coverage(index, &p.settings, today)
                .into_iter()
                .map(|c| {
                    let titles: Vec<(String, String)> = c
                        .missing
                        .iter()
                        .filter_map(|id| index.task(id).map(|t| (id.0.clone(), t.title.clone())))
                        .collect();
                    (c.unit_name, c.expected, titles)
                })
                .collect();
            (period, units)
        })
    });
    let heading = move || {
        data.with(|(period, _)| match period {
            Some(p) => format!(
                "本期未报送（{}，截止 {}）",
                p.label(),
                chinese_date(p.deadline)
            ),
            None => "本期未报送".into(),
        })
    };
    view! {
        <section class="unreported" data-testid="unreported">
            <h1>{heading}</h1>
            <table class="unreported-table">
                <thead><tr><th>"牵头单位"</th><th>"未报送 / 应报送"</th><th>"未报送事项"</th></tr></thead>
                <tbody>
                    {move || data.get().1.into_iter().map(|(name, expected, missing)| {
                        let (unit, count) = (name.clone(), missing.len());
                        view! {
                        <tr data-testid="unreported-unit" data-unit=unit data-count=count>
                            <td>{name}</td>
                            <td class="nowrap">{format!("{} / {}", missing.len(), expected)}</td>
                            <td>
                                {if missing.is_empty() { view! { <span class="muted">"已全部报送"</span> }.into_any() } else {
                                    view! { <ul class="plain">{missing.into_iter().map(|(id, title)| view! {
                                        <li><a href=format!("#/ledger?edit={id}")>{title}</a></li>
                                    }).collect_view()}</ul> }.into_any()
                                }}
                            </td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
