//! What every chart mark does: shows its numbers in the tooltip on hover or
//! keyboard focus, and opens the ledger filtered to its items on click or
//! Enter.

use crate::model::charts::Mark;
use leptos::prelude::*;

/// Opens the ledger on exactly the items of `mark`.
pub fn open(mark: &Mark) {
    let address = mark.query.to_address();
    let hash = if address.is_empty() {
        "#/ledger".to_string()
    } else {
        format!("#/ledger?{address}")
    };
    let _ = window().location().set_hash(&hash);
}

/// The tooltip text shown for the mark hovered or focused.
#[derive(Clone, Copy)]
pub struct Tip(pub RwSignal<Option<String>>);

/// The event handlers of one mark.
#[derive(Clone)]
pub struct On {
    tip: Tip,
    mark: Mark,
}

/// Handlers for `mark`, showing its numbers in `tip`.
pub fn handlers(tip: Tip, mark: Mark) -> On {
    On { tip, mark }
}

impl On {
    pub fn hover(&self) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
        let (tip, text) = (self.tip, self.mark.tip.clone());
        move |_| {
            tip.0.try_set(Some(text.clone()));
        }
    }

    pub fn focus(&self) -> impl Fn(leptos::ev::FocusEvent) + Clone + 'static {
        let (tip, text) = (self.tip, self.mark.tip.clone());
        move |_| {
            tip.0.try_set(Some(text.clone()));
        }
    }

    /// Leaving a mark clears the tooltip only if it still shows this mark
    /// (the pointer leaving one mark must not hide another just focused).
    fn clear(&self) -> impl Fn() + Clone + 'static {
        let (tip, text) = (self.tip, self.mark.tip.clone());
        move || {
            // The page may be gone already (a click just opened the ledger):
            // a signal that was disposed is left alone.
            if tip
                .0
                .try_with_untracked(|t| t.as_deref() == Some(text.as_str()))
                == Some(true)
            {
                tip.0.try_set(None);
            }
        }
    }

    pub fn unhover(&self) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
        let clear = self.clear();
        move |_| clear()
    }

    pub fn blur(&self) -> impl Fn(leptos::ev::FocusEvent) + Clone + 'static {
        let clear = self.clear();
        move |_| clear()
    }

    pub fn click(&self) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
        let mark = self.mark.clone();
        move |_| open(&mark)
    }

    /// Enter or space opens it, as a button would.
    pub fn key(&self) -> impl Fn(leptos::ev::KeyboardEvent) + Clone + 'static {
        let mark = self.mark.clone();
        move |e: leptos::ev::KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                open(&mark);
            }
        }
    }
}
