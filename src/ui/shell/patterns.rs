//! The fill patterns of the lights, defined once in the page so every
//! chart and the Gantt can tell states apart without colour (`fill-red`
//! and the rest in style/main.css refer to them by id).

use leptos::prelude::*;

#[component]
pub fn LightPatterns() -> impl IntoView {
    view! {
        <svg class="patterns" aria-hidden="true" focusable="false">
            <defs>
                // 逾期: diagonal stripes.
                <pattern id="pattern-red" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" fill="#c62828" />
                    <rect width="2" height="6" fill="#8e1b1b" />
                </pattern>
                // 预警: dots.
                <pattern id="pattern-yellow" width="5" height="5" patternUnits="userSpaceOnUse">
                    <rect width="5" height="5" fill="#e0a100" />
                    <circle cx="2.5" cy="2.5" r="1.1" fill="#7a5800" />
                </pattern>
                // 逾期办结: horizontal lines.
                <pattern id="pattern-done-late" width="5" height="5" patternUnits="userSpaceOnUse">
                    <rect width="5" height="5" fill="#8d6e63" />
                    <rect width="5" height="1.5" fill="#5d4037" />
                </pattern>
                // 暂缓/中止: cross-hatch.
                <pattern id="pattern-halted" width="6" height="6" patternUnits="userSpaceOnUse">
                    <rect width="6" height="6" fill="#90a4ae" />
                    <path d="M0,0 L6,6 M6,0 L0,6" stroke="#546e7a" stroke-width="1" />
                </pattern>
            </defs>
        </svg>
    }
}
