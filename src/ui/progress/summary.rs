//! The head of the 进展与办理 tab: the light and every reason for it in
//! words, expected against reported progress, reporting this period, and
//! the original and current deadlines.

use crate::model::date::format_date;
use crate::model::explain::{progress_line, reasons_at, reporting_line};
use crate::model::id::TaskId;
use crate::ui::ledger::warning_badge::WarningBadge;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn TaskSummary(id: TaskId) -> impl IntoView {
    let state = use_app();
    let view = Memo::new(move |_| {
        let today = state.today_date();
        state.doc.with_index(|index| {
            let p = index.plan;
            let pos = index.position(&id)?;
            let (a, reasons) = state.doc.assessments().with(|all| {
                let a = all.get(pos).cloned()?;
                Some((a, reasons_at(index, all, pos, today)))
            })?;
            let t = index.at(pos);
            let dues = match (t.original_due(), a.current_due) {
                (Some(o), Some(c)) if o != c => format!(
                    "原定完成时限 {}，现完成时限 {}（延期 {} 次）",
                    format_date(o),
                    format_date(c),
                    t.extensions.len()
                ),
                (_, Some(c)) => format!("完成时限 {}", format_date(c)),
                _ => "未定完成时限".into(),
            };
            Some((
                a.level,
                a.label(),
                reasons,
                progress_line(&a),
                if index.is_parent(pos) {
                    None
                } else {
                    // Whether it reported is the assessment's, not read back
                    // out of the sentence.
                    reporting_line(t, &p.settings, today)
                        .map(|line| (line, a.reported != Some(false)))
                },
                dues,
            ))
        })
    });
    move || {
        view.get().map(|(level, label, reasons, progress, reporting, dues)| {
            view! {
                <section class="task-summary" data-testid="task-summary">
                    <div class="summary-head">
                        <span data-testid="task-light" data-level=level.key()><WarningBadge level=level label=label /></span>
                    </div>
                    <ul class="reasons" data-testid="light-reasons">
                        {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                    </ul>
                    <p class="progress-line" data-testid="expected-vs-reported">{progress}</p>
                    <p class="dues" data-testid="task-dues">{dues}</p>
                    {reporting.map(|(r, reported)| {
                        let missing = !reported;
                        view! { <p class="reporting-line" class:missing=missing data-testid="reporting-status"
                            data-reported=if missing { "no" } else { "yes" }>{r}</p> }
                    })}
                </section>
            }
        })
    }
}
