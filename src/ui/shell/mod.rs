//! The frame around every page: header with navigation, alerts, and the
//! panel for stored data that failed to load.

pub mod alerts;
pub mod damage_panel;
pub mod header;
pub mod sample_notice;
