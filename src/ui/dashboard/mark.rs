//! What every chart mark does: shows its numbers in the tooltip on hover or
//! keyboard focus, and opens the ledger filtered to its items on click or
//! Enter.
//!
//! A mark carries what it does as two attributes — `data-tip`, its numbers,
//! and `data-href`, the address of its ledger — and the dashboard listens
//! once for all of them (`Listeners`, on the page). A dashboard has over a
//! hundred marks; six listeners and closures on each were the larger part
//! of drawing it on a cold start.

use crate::model::charts::Mark;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The tooltip text shown for the mark hovered or focused.
#[derive(Clone, Copy)]
pub struct Tip(pub RwSignal<Option<String>>);

/// What a mark shows and where it leads, as its attributes.
pub struct Marked {
    /// `data-tip`: its numbers, for the tooltip.
    pub tip: String,
    /// `data-href`: the ledger on exactly its items.
    pub href: String,
}

/// The attributes of `mark`.
pub fn marked(mark: &Mark) -> Marked {
    let address = mark.query.to_address();
    Marked {
        tip: mark.tip.clone(),
        href: if address.is_empty() {
            "#/ledger".to_string()
        } else {
            format!("#/ledger?{address}")
        },
    }
}

/// The mark an event happened in (or in a part of, such as a card's
/// number).
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-href]")
        .ok()?
}

fn open(mark: &web_sys::Element) {
    if let Some(href) = mark.get_attribute("data-href") {
        let _ = window().location().set_hash(&href);
    }
}

/// Shows the numbers of the mark the pointer or the keyboard came to.
fn show(tip: Tip, target: Option<web_sys::EventTarget>) {
    if let Some(text) = mark_of(target).and_then(|m| m.get_attribute("data-tip")) {
        tip.0.try_set(Some(text));
    }
}

/// Clears the tooltip when the pointer or the keyboard leaves a mark for
/// something outside it, and only if it still shows that mark (leaving one
/// mark must not hide another just focused).
fn leave(tip: Tip, target: Option<web_sys::EventTarget>, to: Option<web_sys::EventTarget>) {
    let Some(mark) = mark_of(target) else {
        return;
    };
    let to = to.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    if to.as_ref().is_some_and(|to| mark.contains(Some(to))) {
        return;
    }
    let text = mark.get_attribute("data-tip");
    // The page may be gone already (a click just opened the ledger): a
    // signal that was disposed is left alone.
    if tip.0.try_with_untracked(|t| *t == text) == Some(true) {
        tip.0.try_set(None);
    }
}

/// The dashboard's listeners for all its marks.
#[derive(Clone, Copy)]
pub struct Listeners {
    tip: Tip,
}

impl Listeners {
    pub fn new(tip: Tip) -> Self {
        Self { tip }
    }

    pub fn click(self) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
        move |e| {
            if let Some(mark) = mark_of(e.target()) {
                open(&mark);
            }
        }
    }

    /// Enter or space opens a mark, as a button would.
    pub fn key(self) -> impl Fn(leptos::ev::KeyboardEvent) + Clone + 'static {
        move |e| {
            if e.key() != "Enter" && e.key() != " " {
                return;
            }
            if let Some(mark) = mark_of(e.target()) {
                e.prevent_default();
                open(&mark);
            }
        }
    }

    pub fn over(self) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
        move |e| show(self.tip, e.target())
    }

    pub fn focus_in(self) -> impl Fn(leptos::ev::FocusEvent) + Clone + 'static {
        move |e| show(self.tip, e.target())
    }

    pub fn out(self) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
        move |e| leave(self.tip, e.target(), e.related_target())
    }

    pub fn focus_out(self) -> impl Fn(leptos::ev::FocusEvent) + Clone + 'static {
        move |e| leave(self.tip, e.target(), e.related_target())
    }
}
