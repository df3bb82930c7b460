//! The next deadlines and the red list, each item a link to its task.

use crate::model::charts::ListedItem;
use leptos::prelude::*;

#[component]
pub fn ItemList(
    #[prop(into)] caption: Signal<String>,
    testid: &'static str,
    items: Signal<Vec<ListedItem>>,
    empty: &'static str,
) -> impl IntoView {
    view! {
        <figure class="chart item-list" data-testid=testid>
            <figcaption>{move || caption.get()}</figcaption>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="empty">{empty}</p>
            </Show>
            <ol>
                {move || items.get().into_iter().map(|i| view! {
                    <li>
                        <a href=format!("#/ledger?edit={}", i.id.0)>{i.title}</a>
                        <span class="muted">{format!(" {} · {}", i.unit, if i.days < 0 { format!("逾期 {} 天", -i.days) } else if i.days == 0 { "今天到期".to_string() } else { format!("还有 {} 天", i.days) })}</span>
                    </li>
                }).collect_view()}
            </ol>
        </figure>
    }
}
