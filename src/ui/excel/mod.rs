//! Excel in and out. The reading and writing run in a worker with their
//! own wasm, started on first use (`worker`); the layouts are the pure
//! `format::sheets`.

pub mod export_panel;
pub mod worker;
