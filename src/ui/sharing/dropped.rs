//! A file dropped anywhere on the page goes to the data page's import: the
//! drop is taken here and handed over (the import belongs to that page).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A file dropped on the page outside the data page, handed over to the
/// import panel there (which owns the import).
#[derive(Clone, Copy)]
pub struct DroppedFile(StoredValue<Option<web_sys::File>, LocalStorage>, Trigger);

impl DroppedFile {
    fn new() -> DroppedFile {
        DroppedFile(StoredValue::new_local(None), Trigger::new())
    }

    fn hand_over(&self, file: web_sys::File) {
        self.0.set_value(Some(file));
        self.1.notify();
    }

    /// The file dropped, once (tracked: called again on the next drop).
    pub fn take(&self) -> Option<web_sys::File> {
        self.1.track();
        self.0.try_update_value(Option::take).flatten()
    }
}

/// Lets a file be dropped anywhere on the page: it is handed to the data
/// page's import, and the data page shown.
pub fn install_drop() {
    let dropped = DroppedFile::new();
    provide_context(dropped);
    let over = window_event_listener(leptos::ev::dragover, |e| e.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |e: web_sys::DragEvent| {
        let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        e.prevent_default();
        dropped.hand_over(file.unchecked_into());
        let _ = window().location().set_hash("#/data");
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}
