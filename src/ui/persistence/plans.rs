//! Opening a plan from storage, at start-up or when switching, and the
//! plan-level actions (new, copy to next year, delete). Each goes through
//! the same steps as start-up: the stored text is read by the repository
//! (the fast pass, then the worker when that does not take it, see
//! `reading`), so a damaged or newer plan gets the damage panel, never a
//! silent replacement.

use crate::model::plan::Plan;
use crate::model::sample::sample_plan;
use crate::store::plans::{PlanList, LEGACY_KEY};
use crate::store::repo::{Opening, Unopened};
use crate::store::{self, local, Damage, Loaded, SaveError, Synced};
use crate::ui::clock::now_iso;
use crate::ui::persistence::{reading, saving};
use crate::ui::state::{AppState, Change, PlanStep};
use leptos::prelude::*;

/// What opening found: the plan to show, where it lives, damage to resolve,
/// and what storage was seen to hold (`None` if it could not be read).
pub struct Opened {
    pub plan: Plan,
    pub key: String,
    pub damage: Option<Damage>,
    pub synced: Option<Synced>,
    pub list: PlanList,
    pub message: Option<String>,
    /// The plan's text waits for the worker (`read_then_show`); `plan` is
    /// then only its entry's name.
    pub reading: Option<Unopened>,
}

/// Reads the plan in use at start-up (the sample on a first run), after
/// the repository has finished anything a crash interrupted.
pub fn at_start(year: i32) -> Opened {
    let unreadable = |e: SaveError| Opened {
        key: LEGACY_KEY.to_string(),
        plan: sample_plan(year),
        damage: None,
        synced: None,
        list: PlanList::default(),
        message: Some(store::read_failure_message(&e)),
        reading: None,
    };
    let repo = local::repo();
    // A list that could not be written back is read the same way again
    // at the next start; nothing depends on it now.
    let (list, _) = match repo.start() {
        Ok(found) => found,
        Err(e) => return unreadable(e),
    };
    // This tab's own plan first (a reload), then the one last in use.
    let own = local::tab_plan().and_then(|id| list.entry(&id).cloned());
    let Some(entry) = own.or_else(|| list.current_entry().cloned()) else {
        // A first run: the first plan takes the plain key, where older
        // versions (and people's scripts and backups) expect it.
        return Opened {
            key: LEGACY_KEY.to_string(),
            plan: sample_plan(year),
            damage: None,
            synced: Some(Synced::default()),
            list,
            message: None,
            reading: None,
        };
    };
    match repo.open(&entry, year, &now_iso()) {
        Ok(Opening::Opened(o)) => Opened {
            plan: o.plan,
            key: entry.key,
            damage: o.damage,
            synced: Some(o.synced),
            list,
            message: o.message,
            reading: None,
        },
        Ok(Opening::Unread(unopened)) => Opened {
            plan: placeholder(&unopened, year),
            key: entry.key,
            damage: None,
            synced: None,
            list,
            message: None,
            reading: Some(unopened),
        },
        Err(e) => unreadable(e),
    }
}

/// What stands for a plan while the worker reads it: its entry's id, title
/// and year, no tasks. Never saved (nothing is, while reading).
fn placeholder(unopened: &Unopened, year: i32) -> Plan {
    let entry = unopened.entry();
    let mut plan = Plan::empty(if entry.year != 0 { entry.year } else { year });
    plan.id = entry.id.clone();
    plan.title = entry.title.clone();
    plan
}

/// Has the worker read the plan `unopened` (its text not taken by the
/// page's fast pass), then shows it as opening it would have; until then
/// the page shows a status in place of the plan, and saves nothing. A
/// write by another tab meanwhile is a conflict, as at a save. `at_start`:
/// the state was made with its placeholder; a message goes where start-up
/// puts it.
pub fn read_then_show(state: AppState, unopened: Unopened, at_start: bool) {
    let key = unopened.key().to_string();
    let token = state.storage.began_reading(key.clone());
    leptos::task::spawn_local(async move {
        let restored = crate::ui::worker::plans::restore(unopened.text()).await;
        // Another plan was opened meanwhile: this answer is for nothing.
        if !state.storage.still_reading(token) {
            return;
        }
        let opened = restored.and_then(|r| {
            local::repo()
                .finish_open(unopened, r, &now_iso())
                .map_err(|e| e.to_string())
        });
        let opened = match opened {
            Ok(o) => o,
            Err(e) => {
                return state
                    .storage
                    .reading_failed(token, reading::failure_message(&e))
            }
        };
        let seen = opened.synced.seen.clone();
        state
            .storage
            .opened(key.clone(), opened.damage, opened.synced);
        let _ = state.dispatch(Change::Adopt(Box::new(opened.plan)));
        if let Some(m) = opened.message {
            if at_start {
                state.storage.failed(m);
            } else {
                state.edit_error.set(Some(m));
            }
        }
        if local::repo().changed_since(&key, &seen).unwrap_or(false) {
            state.storage.conflict();
        }
    });
}

/// Shows `opened` in the page: a fresh start for the new plan (no undo
/// history from the previous one, no conflict or damage carried over).
fn show(state: AppState, key: String, plan: Plan, damage: Option<Damage>, synced: Synced) {
    leave_address(state, &plan);
    state.storage.opened(key, damage, synced);
    let _ = state.dispatch(Change::Adopt(Box::new(plan)));
}

/// The address and this tab's memory of its plan, as another plan is shown.
fn leave_address(state: AppState, plan: &Plan) {
    local::set_tab_plan(&plan.id);
    // Filters name this plan's units and areas; they mean nothing in
    // another. The address drops them too (and any `plan=`).
    state.nav.clear_query();
    if let Some(window) = web_sys::window() {
        let hash = window.location().hash().unwrap_or_default();
        if let Some((path, _)) = hash.split_once('?') {
            if let Ok(history) = window.history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
            }
        }
    }
}

/// Writes what is pending for the plan on screen before another is shown;
/// refuses when it cannot be written (a conflict, damage or a failed save
/// awaits the user), since showing another plan would drop it.
fn leave_current(state: AppState) -> Result<(), String> {
    saving::save(state);
    if saving::unsaved(state) {
        return Err(
            "本计划还有尚未保存的内容（见页面上方的提示）。请先处理好，再切换、新建或删除计划。"
                .into(),
        );
    }
    Ok(())
}

/// Switches to the plan with `id`, remembering it as the one in use.
pub fn open(state: AppState, id: &str) -> Result<(), String> {
    leave_current(state)?;
    open_now(state, id)
}

/// `open`, for when the plan on screen has already been dealt with.
fn open_now(state: AppState, id: &str) -> Result<(), String> {
    let repo = local::repo();
    let (list, entry) = repo.select(id)?;
    let year = state
        .today
        .with_untracked(|t| chrono::Datelike::year(&t.date));
    let opening = repo
        .open(&entry, year, &now_iso())
        .map_err(|e| e.to_string())?;
    state.storage.listed(list);
    match opening {
        Opening::Opened(opened) => {
            show(state, entry.key, opened.plan, opened.damage, opened.synced);
            if let Some(m) = opened.message {
                state.edit_error.set(Some(m));
            }
        }
        Opening::Unread(unopened) => {
            let plan = placeholder(&unopened, year);
            leave_address(state, &plan);
            read_then_show(state, unopened, false);
            let _ = state.dispatch(Change::Adopt(Box::new(plan)));
        }
    }
    Ok(())
}

/// Another plan of the list as stored, read and not opened (to copy its
/// units and areas from): nothing is written, the plan on screen stays.
/// Of damaged data, what could be read.
pub async fn read_other(state: AppState, id: &str) -> Result<Plan, String> {
    let key = state
        .storage
        .plans()
        .with_untracked(|l| {
            l.entry(id)
                .filter(|e| e.pending.is_none())
                .map(|e| e.key.clone())
        })
        .ok_or_else(|| "该计划已不存在（可能已在另一窗口删除）".to_string())?;
    match reading::read_whole(&key).await? {
        (Loaded::Plan { plan, .. }, _) => Ok(plan),
        (Loaded::Damaged(d), _) => d
            .plan
            .ok_or_else(|| "该计划的数据已损坏，无法读取".to_string()),
        (Loaded::Nothing, _) => Err("该计划还没有保存的数据".into()),
        // `read_whole` leaves nothing unread.
        (Loaded::Unread(_), _) => Err("该计划的数据未能读取".into()),
    }
}

/// Adds `plan` as a new plan and switches to it, as an undoable step
/// called `label`.
pub fn add(state: AppState, plan: Plan, label: &str) -> Result<(), String> {
    let back_to = state.doc.plan().with_untracked(|p| p.id.clone());
    let id = plan.id.clone();
    create(state, plan)?;
    state.storage.took_step(PlanStep::Added {
        id,
        back_to,
        label: label.to_string(),
    });
    Ok(())
}

/// True when undoing `step` loses nothing: an added plan only while it is
/// the plan shown, unchanged since it was added.
pub fn step_applies(state: AppState, step: &PlanStep) -> bool {
    match step {
        PlanStep::Added { id, .. } => state.doc.plan().with(|p| p.id == *id && p.revision == 0),
        PlanStep::Deleted { .. } => true,
    }
}

/// Undoes the latest step on whole plans; what undid it can be redone.
pub fn undo_plan_step(state: AppState) -> Result<(), String> {
    shift_plan_step(state, true)
}

/// Redoes the latest undone step on whole plans.
pub fn redo_plan_step(state: AppState) -> Result<(), String> {
    shift_plan_step(state, false)
}

/// Applies the last step to undo (`undo`) or redo, and keeps what
/// reverses it for the other way.
fn shift_plan_step(state: AppState, undo: bool) -> Result<(), String> {
    let Some(step) = state.storage.last_step(undo) else {
        return Ok(());
    };
    let inverse = apply_plan_step(state, &step)?;
    state.storage.shifted_step(undo, inverse);
    Ok(())
}

/// Carries out a step on whole plans and returns the step that reverses
/// it: an added plan is removed (a copy of it kept, like any deletion) and
/// the plan open before is shown again; a removed plan is restored from the
/// copy kept when it was removed, and shown.
fn apply_plan_step(state: AppState, step: &PlanStep) -> Result<Option<PlanStep>, String> {
    match step {
        PlanStep::Added { id, back_to, label } => {
            if !step_applies(state, step) {
                return Err("新建的计划已有改动或不在显示中，不能直接撤销；如需删除，请用“计划操作”中的“删除本计划”".into());
            }
            let entry = state
                .storage
                .plans()
                .with_untracked(|l| l.entry(id).cloned())
                .ok_or_else(|| "该计划已不存在".to_string())?;
            // Written first, so the copy kept on removal can bring it back.
            saving::save(state);
            let copy_key = remove(state, id, true)?;
            if state
                .storage
                .plans()
                .with_untracked(|l| l.entry(back_to).is_some())
            {
                open_now(state, back_to)?;
            }
            Ok(copy_key.map(|copy_key| PlanStep::Deleted {
                entry,
                copy_key,
                label: label.clone(),
            }))
        }
        PlanStep::Deleted {
            entry,
            copy_key,
            label,
        } => {
            let back_to = state.doc.plan().with_untracked(|p| p.id.clone());
            let list = local::repo().restore_deleted(entry, copy_key)?;
            state.storage.listed(list);
            open(state, &entry.id)?;
            Ok(Some(PlanStep::Added {
                id: entry.id.clone(),
                back_to,
                label: label.clone(),
            }))
        }
    }
}

/// Adds `plan` as a new plan (written at once) and switches to it.
pub fn create(state: AppState, plan: Plan) -> Result<(), String> {
    leave_current(state)?;
    create_now(state, plan)
}

/// `create`, for when the plan on screen has already been dealt with.
fn create_now(state: AppState, plan: Plan) -> Result<(), String> {
    let added = local::repo().create(&plan, true, &now_iso())?;
    state.storage.listed(added.list);
    show(state, added.key, plan, None, added.synced);
    Ok(())
}

/// Deletes the plan with `id` as an undoable step (see `remove`). The plan
/// on screen is saved first, so the copy kept (and what undo brings back)
/// is what the user sees; when it cannot be saved, it is not deleted.
pub fn delete(state: AppState, id: &str) -> Result<(), String> {
    let entry = state
        .storage
        .plans()
        .with_untracked(|l| l.entry(id).cloned());
    let showing = entry
        .as_ref()
        .is_some_and(|e| state.storage.plan_key().get_untracked() == e.key);
    if showing {
        leave_current(state)?;
    }
    let copy_key = remove(state, id, true)?;
    if let (Some(entry), Some(copy_key)) = (entry, copy_key) {
        let label = format!("删除计划“{}”", entry.title);
        state.storage.took_step(PlanStep::Deleted {
            entry,
            copy_key,
            label,
        });
    }
    Ok(())
}

/// Deletes a plan (never the one on screen) the user has downloaded,
/// without keeping a copy here (to free space when it runs low), provided
/// it is still what was downloaded (`seen`); not undoable, as the user was
/// told.
pub fn delete_downloaded(
    state: AppState,
    id: &str,
    seen: &crate::store::Seen,
) -> Result<(), String> {
    let removed = local::repo().delete_downloaded(id, seen, &now_iso())?;
    state.storage.listed(removed.list);
    Ok(())
}

/// Deletes the plan with `id` (its text set aside as a backup first when
/// `keep_copy`; the copy's key is returned), then shows the next plan, or
/// a new empty one when none is left.
fn remove(state: AppState, id: &str, keep_copy: bool) -> Result<Option<String>, String> {
    let key = state
        .storage
        .plans()
        .with_untracked(|l| l.entry(id).map(|e| e.key.clone()));
    let removed = local::repo().delete(id, keep_copy, &now_iso())?;
    let showing = key.is_some_and(|k| state.storage.plan_key().get_untracked() == k);
    let list = removed.list;
    state.storage.listed(list.clone());
    if showing {
        // The plan on screen is gone: nothing of it may be saved on the
        // way to the next one.
        state.storage.forget_synced();
        match list.current_entry() {
            Some(next) => open_now(state, &next.id.clone())?,
            None => {
                let year = state
                    .today
                    .with_untracked(|t| chrono::Datelike::year(&t.date));
                create_now(state, Plan::empty(year))?;
            }
        }
    }
    Ok(removed.copy_key)
}
