//! Luoshi (落实): a work-plan follow-through ledger that runs entirely in the
//! browser. `model` and `format` are pure and tested natively; `store`
//! decides what stored data means and, in the browser, reads and writes it;
//! `ui` holds the Leptos components (browser build only).

pub mod format;
pub mod model;
pub mod store;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
