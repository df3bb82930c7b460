//! The app: loads the stored plan once, provides the state, saves every
//! change (see `saving`), follows other windows' writes, and lays out the
//! shell around the current page.

use crate::store::plans::LIST_KEY;
use crate::store::{self, local, Synced};
use crate::ui::clock::{today, watch_day};
use crate::ui::editor::actions::install_undo_keys;
use crate::ui::persistence::plans::{at_start, read_then_show, Opened};
use crate::ui::persistence::saving;
use crate::ui::shell::alerts::Alerts;
use crate::ui::shell::confirm_dialog::ConfirmDialog;
use crate::ui::shell::damage_panel::DamagePanel;
use crate::ui::shell::header::AppHeader;
use crate::ui::state::{hash_query, AppState};
use chrono::Datelike;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let today = today();
    let Opened {
        plan,
        key,
        damage,
        synced,
        list,
        message,
        reading,
    } = at_start(today.date.year());
    let state = AppState::new(plan, key, today, damage, synced, message);
    state.storage.listed(list);
    if let Some(unopened) = reading {
        read_then_show(state, unopened, true);
    }
    local::set_tab_plan(&state.doc.plan().with_untracked(|p| p.id.clone()));
    provide_context(state);
    saving::install(state);
    install_undo_keys(state);
    crate::ui::shell::text_size::apply_saved();
    crate::ui::sharing::dropped::install_drop();
    // The crash screen offers the plan this tab shows; it runs where no
    // Rust state can be trusted, so the key is kept on the page itself.
    Effect::new(move |_| {
        let key = state.storage.plan_key().get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-plan-key", &key);
        }
    });
    watch_day(state.today);

    follow_address(state);
    let hash_listener =
        window_event_listener(leptos::ev::hashchange, move |_| follow_address(state));
    let storage_listener = window_event_listener(leptos::ev::storage, move |e| {
        // Another window added, renamed or removed a plan.
        if e.key().as_deref() == Some(LIST_KEY) {
            if let Ok((list, _)) = local::repo().list() {
                state.storage.listed(list);
            }
            return;
        }
        // While the plan shown is being read, its read's end checks for
        // another tab's write.
        if state.storage.reading().with_untracked(Option::is_some) {
            return;
        }
        // No key means another tab cleared all storage.
        if e.key()
            .is_some_and(|k| k != state.storage.plan_key().get_untracked())
        {
            return;
        }
        // Storage still holding what this tab last saw is no news, whatever
        // the event says: it reports a write this tab has already read or
        // written over (Chromium hands a reloaded page the write made just
        // before the reload; taken as another tab's, it paused saving).
        let key = state.storage.plan_key().get_untracked();
        if !state
            .storage
            .with_synced(|s| local::repo().news_for(&key, s.as_ref()))
        {
            return;
        }
        // Another tab writing the very plan shown here is no conflict, unless
        // this tab still has damaged data to decide about.
        let text = e.new_value();
        let deciding = state.storage.damage().with_untracked(Option::is_some);
        let same = state
            .doc
            .plan()
            .with_untracked(|mine| store::repo::value_holds(text.as_deref(), mine));
        let untouched = state
            .storage
            .with_synced(|s| s.as_ref().is_some_and(|s| s.seen == store::Seen::Absent))
            && state.doc.plan().with_untracked(store::untouched_sample);
        if same && !deciding {
            // Whatever was in question, storage now holds this very plan.
            state.storage.conflict_settled(
                Synced {
                    plan: Some(state.doc.plan().get_untracked()),
                    seen: store::Seen::of(text.as_deref()),
                },
                None,
            );
        } else if untouched && !deciding && !state.storage.external_change().get_untracked() {
            match store::repo::read_value_fast(text) {
                (store::Loaded::Plan { plan, .. }, seen) => saving::show_stored(state, plan, seen),
                (store::Loaded::Unread(unread), seen) => yield_when_read(state, unread, seen),
                _ => state.storage.conflict(),
            }
        } else {
            state.storage.conflict();
        }
    });
    on_cleanup(move || {
        hash_listener.remove();
        storage_listener.remove();
    });

    // Pages show only once the plan to show is read (see `read_then_show`).
    let reading_now = Memo::new(move |_| state.storage.reading().with(Option::is_some));
    view! {
        <div class="app">
            <crate::ui::shell::patterns::LightPatterns />
            <AppHeader />
            <main class="page">
                <Alerts />
                <crate::ui::shell::as_of::AsOfBanner />
                <DamagePanel />
                <ConfirmDialog />
                {move || state.storage.reading().get().map(|r| view! {
                    <p class="reading-status" data-testid="reading-status" role="status">
                        {r.failed.unwrap_or_else(|| crate::ui::persistence::reading::READING.to_string())}
                    </p>
                })}
                {move || if reading_now.get() {
                    ().into_any()
                } else {
                    crate::ui::lazy_pages::page_view(state.nav.page().get())
                }}
            </main>
        </div>
    }
}

/// Another tab wrote text the fast pass does not take while this one shows
/// its untouched sample: shown in its place once the worker has read it,
/// if it is a plan and nothing changed meanwhile; otherwise a conflict.
fn yield_when_read(state: AppState, unread: store::Unread, seen: store::Seen) {
    let key = state.storage.plan_key().get_untracked();
    leptos::task::spawn_local(async move {
        let loaded = crate::ui::persistence::reading::finished(store::Loaded::Unread(unread)).await;
        let still = state.storage.plan_key().get_untracked() == key
            && !state.storage.external_change().get_untracked()
            && state.storage.damage().with_untracked(Option::is_none)
            && state.doc.plan().with_untracked(store::untouched_sample)
            && state
                .storage
                .with_synced(|s| s.as_ref().is_some_and(|s| s.seen == store::Seen::Absent))
            && local::repo()
                .changed_since(&key, &seen)
                .is_ok_and(|changed| !changed);
        match loaded {
            Ok(store::Loaded::Plan { plan, .. }) if still => saving::show_stored(state, plan, seen),
            _ => state.storage.conflict(),
        }
    });
}

/// Shows the page the address names (the ledger page opens the task panel
/// on `edit=<task id>` itself).
fn follow_address(state: AppState) {
    let hash = current_hash();
    // A view bookmarked or sent from another plan names it (`plan=`).
    let plan = form_urlencoded::parse(hash_query(&hash).as_bytes())
        .find(|(k, _)| k == "plan")
        .map(|(_, v)| v.into_owned());
    if let Some(id) = plan {
        let other = state.doc.plan().with_untracked(|p| p.id != id);
        if other
            && state
                .storage
                .plans()
                .with_untracked(|l| l.entry(&id).is_some())
        {
            if let Err(e) = crate::ui::persistence::plans::open(state, &id) {
                state
                    .edit_error
                    .set(Some(format!("地址中的计划未能打开：{e}")));
            }
        }
    }
    // After any switch of plan (which drops the filters): the page, and on
    // the ledger and the Gantt the tasks the address's filters select.
    state.nav.follow(&hash);
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}
