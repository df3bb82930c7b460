//! 常态化 work: each occurrence so far (月/季/年), reported or missed.

use crate::model::recurrence::occurrences;
use crate::model::TaskId;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Occurrences(id: TaskId) -> impl IntoView {
    let state = use_app();
    let data = Memo::new(move |_| {
        let today = state.today_date();
        state.doc.plan().with(|p| {
            let t = p.task(&id)?;
            let rec = t.recurrence?;
            Some((rec.label(), occurrences(t, today)))
        })
    });
    move || {
        data.get().map(|(label, list)| {
            let missed = list.iter().filter(|o| o.missed).count();
            view! {
                <section class="history" data-testid="occurrences">
                    <h3>{format!("常态化工作（{label}报送）：已到 {} 期，漏报 {missed} 期", list.len())}</h3>
                    <ul class="chips">
                        {list.into_iter().map(|o| {
                            let (key, word) = if o.reported { ("reported", "已报") } else if o.missed { ("missed", "漏报") } else { ("open", "待报") };
                            view! { <li class=format!("occurrence occurrence-{key}") data-testid="occurrence" data-state=key>{format!("{} {word}", o.label)}</li> }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
