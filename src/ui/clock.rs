//! The one place the UI reads the clock. `?today=YYYY-MM-DD` in the address
//! pins the date the app reasons with, so views and tests are reproducible.
//! Otherwise the date follows the computer's: a tab left open overnight
//! moves to the new day (checked every minute, and whenever the page
//! becomes visible again, as timers sleep with the computer).

use crate::model::date::{format_date, parse_date};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::time::Duration;

/// The date the app reasons with, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Today {
    pub date: NaiveDate,
    /// True when fixed by `?today=`.
    pub simulated: bool,
    /// A message when `?today=` was present but not a date.
    pub problem: Option<String>,
}

/// Reads `?today=` from the page address, falling back to the local date.
pub fn today() -> Today {
    let clock = local_date();
    let param = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("today"));
    match param {
        None => Today {
            date: clock,
            simulated: false,
            problem: None,
        },
        Some(text) => match parse_date(&text) {
            Ok(date) => Today {
                date,
                simulated: true,
                problem: None,
            },
            Err(e) => Today {
                date: clock,
                simulated: false,
                problem: Some(format!(
                    "地址中的模拟日期无效：{e}。已改用今天的日期 {}。",
                    format_date(clock)
                )),
            },
        },
    }
}

/// Keeps `today` on the computer's date, unless the address fixes it.
/// Call once, inside the app's owner; the watchers end with it.
pub fn watch_day(today: RwSignal<Today>) {
    // A day chosen to look back at (or fixed by the address) stays put.
    let check = move || {
        let clock = local_date();
        if today.with_untracked(|t| !t.simulated && t.date != clock) {
            today.update(|t| t.date = clock);
        }
    };
    let interval = set_interval_with_handle(check, Duration::from_secs(60)).ok();
    let visible = window_event_listener_untyped("visibilitychange", move |_| check());
    on_cleanup(move || {
        if let Some(h) = interval {
            h.clear();
        }
        visible.remove();
    });
}

/// Looks at the plan as of `date` (回看), or today again with `None`: the
/// whole app judges by it, and the address's `?today=` follows, so the view
/// can be bookmarked and compared.
pub fn look_back(today: RwSignal<Today>, date: Option<NaiveDate>) {
    let clock = local_date();
    let (date, simulated) = match date {
        Some(d) if d != clock => (d, true),
        _ => (clock, false),
    };
    today.set(Today {
        date,
        simulated,
        problem: None,
    });
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    if simulated {
        params.set("today", &format_date(date));
    } else {
        params.delete("today");
    }
    let query: String = params.to_string().into();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Today's date in the computer's time zone.
pub fn local_date() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The current moment as an ISO 8601 string, for `saved_at` stamps.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}
