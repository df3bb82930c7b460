//! The 红黄绿灯 light: a coloured dot and the words, so the meaning never
//! depends on colour alone. The words wrap inside the cell; where a row
//! has one fixed height (a windowed ledger) they end in "…" and the whole
//! of them is the badge's title.

use crate::model::schedule::Level;
use leptos::prelude::*;

#[component]
pub fn WarningBadge(
    /// Which light.
    level: Level,
    /// The words shown beside it, e.g. "预警：进度滞后".
    label: String,
) -> impl IntoView {
    let title = label.clone();
    view! {
        <span
            class=format!("warning warning-{}", level.key())
            data-testid="warning"
            data-level=level.key()
            title=title
        >
            <span class="dot" aria-hidden="true"></span>
            <span class="warning-label">{label}</span>
        </span>
    }
}
