//! What every chart mark does: shows its numbers in the tooltip on hover or
//! keyboard focus, and opens the ledger filtered to its items on click or
//! Enter. The tooltip stands at the mark: above the pointer, or above a
//! mark reached by the keyboard.
//!
//! A mark carries what it does as two attributes — `data-tip`, its numbers,
//! and `data-href`, the address of its ledger — and the dashboard listens
//! once for all of them (`Listeners`, on the page). A dashboard has over a
//! hundred marks; six listeners and closures on each were the larger part
//! of drawing it on a cold start.

use crate::model::charts::Mark;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The tooltip shown for the mark hovered or focused.
#[derive(Clone, Copy)]
pub struct Tip(pub RwSignal<Option<Shown>>);

/// A tooltip's text and where it stands: the point it sits above, in CSS
/// pixels from the dashboard's top left corner, and which way it extends
/// from there.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub text: String,
    pub x: f64,
    pub y: f64,
    /// `"centre"`, or near an edge of the dashboard `"from-left"` (it
    /// extends rightwards) or `"from-right"`: always over the point and
    /// inside the page, which never scrolls sideways for it.
    pub anchor: &'static str,
}

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
/// number) that leads somewhere.
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    closest(target, "[data-href]")
}

/// The mark with numbers to show that an event happened in: every mark,
/// and the points of series that lead nowhere (the burn-up's 已办结).
fn tipped_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    closest(target, "[data-tip]")
}

fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

fn open(mark: &web_sys::Element) {
    if let Some(href) = mark.get_attribute("data-href") {
        let _ = window().location().set_hash(&href);
    }
}

/// Shows the numbers of the mark the pointer or the keyboard came to, at
/// `point` (the pointer, in viewport pixels) or, for the keyboard, above
/// the middle of the mark. `area` is the dashboard, which the tooltip is
/// placed in.
fn show(
    tip: Tip,
    target: Option<web_sys::EventTarget>,
    area: Option<web_sys::EventTarget>,
    point: Option<(f64, f64)>,
) {
    let Some(mark) = tipped_of(target) else {
        return;
    };
    let Some(text) = mark.get_attribute("data-tip") else {
        return;
    };
    let (x, y) = point.unwrap_or_else(|| {
        let r = mark.get_bounding_client_rect();
        (r.left() + r.width() / 2.0, r.top())
    });
    let (left, top, width, scale) = area
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|a| {
            let r = a.get_bounding_client_rect();
            // A larger text size zooms the page: the pointer and the boxes
            // are then in zoomed pixels, the tooltip's place in its own.
            let own = f64::from(a.offset_width());
            let scale = if own > 0.0 { r.width() / own } else { 1.0 };
            (r.left(), r.top(), own, scale)
        })
        .unwrap_or((0.0, 0.0, f64::MAX, 1.0));
    // The tooltip is at most 320 px wide (main.css): centred where there
    // is room for half of that on both sides, else turned inwards.
    let x = (x - left) / scale;
    let anchor = if x < 160.0 {
        "from-left"
    } else if width - x < 160.0 {
        "from-right"
    } else {
        "centre"
    };
    tip.0.try_set(Some(Shown {
        text,
        x,
        y: (y - top) / scale,
        anchor,
    }));
}

/// Clears the tooltip when the pointer or the keyboard leaves a mark for
/// something outside it, and only if it still shows that mark (leaving one
/// mark must not hide another just focused).
fn leave(tip: Tip, target: Option<web_sys::EventTarget>, to: Option<web_sys::EventTarget>) {
    let Some(mark) = tipped_of(target) else {
        return;
    };
    let to = to.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    if to.as_ref().is_some_and(|to| mark.contains(Some(to))) {
        return;
    }
    let text = mark.get_attribute("data-tip");
    // The page may be gone already (a click just opened the ledger): a
    // signal that was disposed is left alone.
    if tip
        .0
        .try_with_untracked(|t| t.as_ref().map(|s| &s.text) == text.as_ref())
        == Some(true)
    {
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
        move |e| {
            let point = (f64::from(e.client_x()), f64::from(e.client_y()));
            show(self.tip, e.target(), e.current_target(), Some(point))
        }
    }

    pub fn focus_in(self) -> impl Fn(leptos::ev::FocusEvent) + Clone + 'static {
        move |e| show(self.tip, e.target(), e.current_target(), None)
    }

    pub fn out(self) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
        move |e| leave(self.tip, e.target(), e.related_target())
    }

    pub fn focus_out(self) -> impl Fn(leptos::ev::FocusEvent) + Clone + 'static {
        move |e| leave(self.tip, e.target(), e.related_target())
    }
}
