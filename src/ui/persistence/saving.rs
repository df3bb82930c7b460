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
        state.doc.plan().track();
        state.storage.track_save_requests();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        state.storage.set_save_state(SaveState::Pending);
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
        state.storage.damage().track();
        state.storage.external_change().track();
        state.storage.save_error().track();
        if unsaved(state) && state.storage.save_state().get_untracked() == SaveState::Saved {
            state.storage.set_save_state(SaveState::NotSaved);
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
    // While the stored plan is being read, nothing on screen is the
    // user's: there is nothing to lose (and nothing is written).
    if state.storage.reading().with_untracked(Option::is_some) {
        return false;
    }
    if state.storage.damage().with_untracked(Option::is_some)
        || state.storage.external_change().get_untracked()
        || state.storage.save_error().with_untracked(Option::is_some)
    {
        return true;
    }
    state.doc.plan().with_untracked(|plan| {
        state.storage.with_synced(|s| match s {
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
    state.storage.set_save_state(now);
}

fn write_if_allowed(state: AppState) {
    if state.storage.damage().with_untracked(Option::is_some)
        || state.storage.external_change().get_untracked()
    {
        return; // the user has a decision to make first
    }
    if state.storage.with_synced(Option::is_none) {
        // Storage was unreadable at start (its message stays up), or the
        // stored plan is still being read.
        return;
    }
    let key = state.storage.plan_key().get_untracked();
    let outcome = state.doc.plan().with_untracked(|p| {
        state
            .storage
            .with_synced(|s| local::repo().save(&key, p, s.as_ref(), &now_iso()))
    });
    let storage = state.storage;
    match outcome {
        SaveOutcome::Blocked => {}
        SaveOutcome::Unchanged => storage.clear_error(),
        SaveOutcome::Conflict => storage.conflict(),
        SaveOutcome::Adopt(seen) => {
            storage.synced_to(Synced {
                plan: Some(state.doc.plan().get_untracked()),
                seen,
            });
            storage.clear_error();
        }
        SaveOutcome::Yield(plan, seen) => show_stored(state, *plan, seen),
        SaveOutcome::Unwritable(e) => storage.failed(format!("保存失败：{e}。")),
        SaveOutcome::Failed(e) => storage.failed(e.to_string()),
        SaveOutcome::Written { seen, list } => {
            storage.synced_to(Synced {
                plan: Some(state.doc.plan().get_untracked()),
                seen,
            });
            if let Some(list) = list {
                storage.listed(list);
            }
            storage.wrote();
            storage.clear_error();
        }
    }
}

/// Shows the plan another tab wrote, in place of this tab's untouched
/// sample (see `SaveOutcome::Yield`).
pub fn show_stored(state: AppState, plan: crate::model::plan::Plan, seen: store::Seen) {
    state.storage.synced_to(Synced {
        plan: Some(plan.clone()),
        seen,
    });
    let _ = state.dispatch(crate::ui::state::Change::Adopt(Box::new(plan)));
}
