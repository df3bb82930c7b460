//! Saving. A change is written a moment after it is made, so a burst of
//! edits is one write and serialising a large plan never runs between two
//! keystrokes; it is written at once when the page is hidden or left
//! (`pagehide`, `visibilitychange`), and leaving while the plan on screen
//! is not what storage holds asks first (`beforeunload`). What may be
//! written, and how, is decided by the storage repository (`Repo::save`).

use crate::store::repo::SaveOutcome;
use crate::store::{self, local, Synced};
use crate::ui::clock::now_iso;
use crate::ui::state::{AppState, SaveState};
use leptos::prelude::*;
use std::time::Duration;

/// How long after the last change the save runs.
const DELAY: Duration = Duration::from_millis(250);

/// Saves every change from now on, flushes when the page goes away, and
/// warns before leaving unsaved work. Call once, inside the app's owner.
pub fn install(state: AppState) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let flush = move || {
        if let Some(h) = pending.get_value() {
            h.clear();
            pending.set_value(None);
        }
        save(state);
    };
    Effect::new(move |_| {
        state.plan.track();
        state.save_requested.track();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        state.save_state.set(SaveState::Pending);
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                save(state);
            },
            DELAY,
        );
        match handle {
            Ok(h) => pending.set_value(Some(h)),
            // No timer (should not happen in a browser): save right away.
            Err(_) => save(state),
        }
    });
    // A conflict or damage raised from outside a save shows at once.
    Effect::new(move |_| {
        state.damage.track();
        state.external_change.track();
        state.save_error.track();
        if unsaved(state) && state.save_state.get_untracked() == SaveState::Saved {
            state.save_state.set(SaveState::NotSaved);
        }
    });
    let hide = window_event_listener_untyped("pagehide", move |_| flush());
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = document().hidden();
        if hidden {
            flush();
        }
    });
    let leave = window_event_listener(leptos::ev::beforeunload, move |e| {
        flush();
        if unsaved(state) {
            // Browsers show their own words; this asks them to ask.
            e.prevent_default();
            e.set_return_value("本页面有尚未保存的修改");
        }
    });
    on_cleanup(move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        hide.remove();
        visibility.remove();
        leave.remove();
    });
}

/// True when the plan on screen is not what storage holds: a conflict or a
/// damage decision is pending, the last save failed, storage could not be
/// read, or the latest change is not written yet.
pub fn unsaved(state: AppState) -> bool {
    if state.damage.with_untracked(Option::is_some)
        || state.external_change.get_untracked()
        || state.save_error.with_untracked(Option::is_some)
    {
        return true;
    }
    state.plan.with_untracked(|plan| {
        state.synced.with_value(|s| match s {
            None => true,
            Some(s) => s.plan.as_ref() != Some(plan),
        })
    })
}

/// Writes the plan if the repository allows; reports failures and conflicts.
pub fn save(state: AppState) {
    write_if_allowed(state);
    let now = if unsaved(state) {
        SaveState::NotSaved
    } else {
        SaveState::Saved
    };
    if state.save_state.get_untracked() != now {
        state.save_state.set(now);
    }
}

fn write_if_allowed(state: AppState) {
    if state.damage.with_untracked(Option::is_some) || state.external_change.get_untracked() {
        return; // the user has a decision to make first
    }
    if state.synced.with_value(Option::is_none) {
        return; // storage was unreadable at start; its message stays up
    }
    let key = state.plan_key.get_untracked();
    let outcome = state.plan.with_untracked(|p| {
        state
            .synced
            .with_value(|s| local::repo().save(&key, p, s.as_ref(), &now_iso()))
    });
    match outcome {
        SaveOutcome::Blocked => {}
        SaveOutcome::Unchanged => clear_error(state),
        SaveOutcome::Conflict => state.external_change.set(true),
        SaveOutcome::Adopt(seen) => {
            state.synced.set_value(Some(Synced {
                plan: Some(state.plan.get_untracked()),
                seen,
            }));
            clear_error(state);
        }
        SaveOutcome::Yield(plan, seen) => show_stored(state, *plan, seen),
        SaveOutcome::Unwritable(e) => state.save_error.set(Some(format!("保存失败：{e}。"))),
        SaveOutcome::Failed(e) => state.save_error.set(Some(e.to_string())),
        SaveOutcome::Written { seen, list } => {
            state.synced.set_value(Some(Synced {
                plan: Some(state.plan.get_untracked()),
                seen,
            }));
            if let Some(list) = list {
                state.plans.set(list);
            }
            state.stored_at.update(|n| *n += 1);
            clear_error(state);
        }
    }
}

/// Storage holds what this tab shows: a failed save's message is over.
fn clear_error(state: AppState) {
    if state.save_error.with_untracked(Option::is_some) {
        state.save_error.set(None);
    }
}

/// Shows the plan another tab wrote, in place of this tab's untouched
/// sample (see `SaveOutcome::Yield`).
pub fn show_stored(state: AppState, plan: crate::model::plan::Plan, seen: store::Seen) {
    state.synced.set_value(Some(Synced {
        plan: Some(plan.clone()),
        seen,
    }));
    let _ = state.dispatch(crate::ui::state::Change::Adopt(Box::new(plan)));
}
