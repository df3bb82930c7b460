//! `#/notice?ids=…`: the notices for the supervision records named, one
//! per page, with a print button that stays off the paper.

use crate::model::supervision::{notice, signature, signature_is_placeholder, Notice};
use crate::ui::notice::sheet::NoticeSheet;
use crate::ui::state::{hash_query, use_app};
use leptos::prelude::*;

/// The record ids the address names.
fn ids_from_address() -> Vec<String> {
    let hash = window().location().hash().unwrap_or_default();
    form_urlencoded::parse(hash_query(&hash).as_bytes())
        .filter(|(k, _)| k == "ids")
        .flat_map(|(_, v)| v.split(',').map(str::to_string).collect::<Vec<_>>())
        .filter(|s| !s.is_empty())
        .collect()
}

#[component]
pub fn NoticePage() -> impl IntoView {
    let state = use_app();
    let ids = RwSignal::new(ids_from_address());
    let listener =
        window_event_listener(leptos::ev::hashchange, move |_| ids.set(ids_from_address()));
    on_cleanup(move || listener.remove());
    let notices = Memo::new(move |_| {
        let wanted = ids.get();
        state.doc.plan().with(|p| {
            wanted
                .iter()
                .filter_map(|id| {
                    p.tasks.iter().find_map(|t| {
                        t.supervisions
                            .iter()
                            .find(|s| &s.id == id)
                            .map(|s| notice(p, t, s))
                    })
                })
                .collect::<Vec<Notice>>()
        })
    });
    let missing = move || ids.with(Vec::len) - notices.with(Vec::len);
    view! {
        <section class="notice-page">
            <div class="no-print toolbar">
                <button type="button" class="primary" data-testid="notice-print" on:click=move |_| { let _ = window().print(); }>
                    "打印"
                </button>
                <a href="#/supervision">"返回督办清单"</a>
                <span class="muted">{move || format!("共 {} 份，每份一页（A4）。", notices.with(Vec::len))}</span>
                <Show when=move || { missing() > 0 }>
                    <span class="field-error">{move || format!("有 {} 份通知单的督办记录已不存在（可能已撤销或删除）。", missing())}</span>
                </Show>
            </div>
            // Printing stays possible: the warning only says what is left
            // to fill in, and where.
            <Show when=move || state.doc.plan().with(|p| !notices.with(Vec::is_empty) && signature_is_placeholder(p))>
                <p class="no-print notice-warning" data-testid="notice-signature-warning" role="alert">
                    {move || state.doc.plan().with(|p| {
                        let s = signature(p);
                        if s.trim().is_empty() {
                            "通知单的落款还是空的。".to_string()
                        } else {
                            format!("通知单的落款还是示例“{s}”，请改为本单位的名称。")
                        }
                    })}
                    <a href="#/settings" data-testid="notice-settings-link">"到“设置”中填写落款单位"</a>
                    "；不改也可以打印。"
                </p>
            </Show>
            {move || notices.get().into_iter().map(|n| view! { <NoticeSheet notice=n /> }).collect_view()}
        </section>
    }
}
