//! A task's 督办/催办 records: number, requirement, reply-by date, whether
//! answered (a progress update since counts as the reply), and a link to
//! print its notice.

use crate::model::date::format_date;
use crate::model::supervision::number_text;
use crate::model::TaskId;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn SupervisionRecords(id: TaskId) -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| {
        let today = state.today_date();
        state.doc.plan().with(|p| {
            let Some(t) = p.task(&id) else {
                return Vec::new();
            };
            let mut rows: Vec<_> = t
                .supervisions
                .iter()
                .map(|s| {
                    let state = if s.answered_by(t, today) {
                        ("answered", "已反馈")
                    } else if s.unanswered_late(t, today) {
                        ("late", "逾期未反馈")
                    } else {
                        ("waiting", "待反馈")
                    };
                    (s.clone(), number_text(p, s), state)
                })
                .collect();
            crate::model::sorting::sort_by_key(&mut rows, |r| std::cmp::Reverse(r.0.date));
            rows
        })
    });
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <section class="history">
                <h3>"督办记录"</h3>
                <ul class="supervisions">
                    {move || rows.get().into_iter().map(|(s, number, (key, label))| view! {
                        <li data-testid="supervision-record" data-state=key>
                            <div class="update-head">
                                <strong>{s.kind.label()}</strong>
                                <span>{number}</span>
                                <span class="muted">{format_date(s.date)}</span>
                                <span class=format!("reply-state reply-{key}") data-testid="reply-state">{label}</span>
                                <a class="link" data-testid="print-notice" href=format!("#/notice?ids={}", s.id)>
                                    {format!("打印{}", s.kind.notice_title())}
                                </a>
                            </div>
                            <p>{s.note.clone()}</p>
                            <p class="muted">{format!("反馈时限：{}", s.reply_due.map(format_date).unwrap_or_else(|| "未定".into()))}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
