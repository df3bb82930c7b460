//! A file dropped anywhere on the page goes to the data page's import, or,
//! when it is a Word or text document, to 从工作要点生成计划: the drop is
//! taken here and handed over (the reading belongs to that page).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A file dropped on the page outside the data page, handed over to the
/// import panel there (which owns the import).
#[derive(Clone, Copy)]
pub struct DroppedFile(
    StoredValue<Option<(web_sys::File, bool)>, LocalStorage>,
    Trigger,
);

impl DroppedFile {
    fn new() -> DroppedFile {
        DroppedFile(StoredValue::new_local(None), Trigger::new())
    }

    fn hand_over(&self, file: web_sys::File, document: bool) {
        self.0.set_value(Some((file, document)));
        self.1.notify();
    }

    fn take_if(&self, document: bool) -> Option<web_sys::File> {
        self.1.track();
        self.0
            .try_update_value(|f| match f.take() {
                Some((file, d)) if d == document => Some(file),
                other => {
                    *f = other;
                    None
                }
            })
            .flatten()
    }

    /// The plan file or workbook dropped, once (tracked: called again on
    /// the next drop).
    pub fn take(&self) -> Option<web_sys::File> {
        self.take_if(false)
    }

    /// The Word or text document dropped, once (tracked).
    pub fn take_document(&self) -> Option<web_sys::File> {
        self.take_if(true)
    }
}

/// Lets a file be dropped anywhere on the page: it is handed to the data
/// page's import and the data page shown, or a document to the breakdown
/// page.
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
        let file: web_sys::File = file.unchecked_into();
        use crate::ui::breakdown::reading::{kind_of, Kind};
        let document = kind_of(&file.name()) != Kind::Other;
        dropped.hand_over(file, document);
        let _ = window()
            .location()
            .set_hash(if document { "#/breakdown" } else { "#/data" });
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}
