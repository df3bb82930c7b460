//! Leptos components, one per file, grouped by page. Components read the
//! app state, call `model` functions and render the result; they hold no
//! business rules.

pub mod app;
pub mod audit;
pub mod breakdown;
pub mod clock;
pub mod crash_screen;
pub mod dashboard;
pub mod data;
pub mod document;
pub mod download;
pub mod editor;
pub mod excel;
pub mod gantt;
pub mod lazy_pages;
pub mod ledger;
pub mod navigation;
pub mod notice;
pub mod persistence;
pub mod plans;
pub mod problems;
pub mod progress;
pub mod registry;
pub mod reports;
pub mod settings;
pub mod sharing;
pub mod shell;
pub mod state;
pub mod supervision;
pub mod worker;
