//! One kind of blind spot: its heading, count and hint, and its entries as
//! links to the task or unit editor.

use crate::model::audit::{BlindSpot, BlindSpotKind};
use leptos::prelude::*;

/// One kind's heading, count, hint and entries; says 未发现 when empty.
#[component]
pub fn AuditSection(
    /// Which kind of blind spot this section lists.
    kind: BlindSpotKind,
    /// The entries of that kind, in the audit's order.
    #[prop(into)]
    spots: Signal<Vec<BlindSpot>>,
) -> impl IntoView {
    let count = move || spots.with(Vec::len);
    let clear = move || count() == 0;
    let entries = move || {
        spots.with(|list| {
            list.iter()
                .map(|spot| {
                    let note = (!spot.note.is_empty()).then(|| {
                        view! { <span class="audit-note">{spot.note.clone()}</span> }
                    });
                    view! {
                        <li>
                            <a
                                class="audit-item"
                                data-testid="audit-item"
                                data-kind=kind.key()
                                href=spot.href()
                            >
                                <span class="audit-name">{spot.name.clone()}</span>
                                {note}
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section
            class="audit-section"
            class:is-clear=clear
            data-testid="audit-section"
            data-kind=kind.key()
        >
            <h3>
                {kind.label()}
                <span class="audit-count" data-testid="audit-count">{count}</span>
            </h3>
            <p class="hint">{kind.hint()}</p>
            <Show
                when=move || !clear()
                fallback=|| view! { <p class="audit-none">"未发现"</p> }
            >
                <ul class="audit-list">{entries}</ul>
            </Show>
        </section>
    }
}
