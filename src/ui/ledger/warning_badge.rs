//! The 红黄绿灯 light: a coloured dot and the words, so the meaning never
//! depends on colour alone.

use crate::model::schedule::Level;
use leptos::prelude::*;

#[component]
pub fn WarningBadge(
    /// Which light.
    level: Level,
    /// The words shown beside it, e.g. "预警：进度滞后".
    label: String,
) -> impl IntoView {
    view! {
        <span
            class=format!("warning warning-{}", level.key())
            data-testid="warning"
            data-level=level.key()
        >
            <span class="dot" aria-hidden="true"></span>
            {label}
        </span>
    }
}
