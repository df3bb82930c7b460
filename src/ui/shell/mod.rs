//! The frame around every page: header with navigation, alerts, and the
//! panel for stored data that failed to load.

pub mod alerts;
pub mod as_of;
pub mod confirm_dialog;
pub mod conflict_banner;
pub mod damage_panel;
pub mod focus;
pub mod header;
pub mod patterns;
pub mod sample_notice;
pub mod text_size;
pub mod undo_buttons;
