//! What the task editor saves: the draft a new task starts from, the
//! fields it takes over into the task as it is when saving, and typed
//! tags. Kept apart from the panel's view so the panel reads as a form.

use crate::model::edit::Place;
use crate::model::id::TaskId;
use crate::model::task::{Status, Task};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The draft a new task starts from: under a parent, its lead unit, leader
/// and dates are the likeliest; a new 要点 starts in the area it is added to.
pub(super) fn new_draft(state: AppState, place: &Place) -> Task {
    let mut t = Task::new(TaskId::random(), "");
    t.status = Status::NotStarted;
    if let Place::EndOfArea(area) = place {
        t.area = area.clone();
    }
    if let Place::LastChildOf(parent) | Place::After(parent) = place {
        state.doc.plan().with_untracked(|p| {
            if let Some(p) = p.task(parent) {
                t.lead_unit = p.lead_unit.clone();
                t.leader = p.leader.clone();
                t.start = p.start;
                t.due = p.due;
            }
        });
    }
    t
}

/// `current` with the editor's fields that the user changed (`edited`
/// differs from what was `loaded`): a field left alone keeps whatever
/// happened to it meanwhile — an extension moving the due date, a milestone
/// ticked in the 进展与办理 tab, an inline edit.
pub(super) fn with_editor_fields(mut current: Task, loaded: &Task, edited: Task) -> Task {
    macro_rules! take {
        ($($f:ident),*) => {$(
            if edited.$f != loaded.$f {
                current.$f = edited.$f;
            }
        )*};
    }
    take!(
        title,
        detail,
        deliverable,
        area,
        lead_unit,
        support_units,
        leader,
        owner,
        start,
        due,
        key_task,
        tags,
        recurrence
    );
    if edited.milestones != loaded.milestones {
        // Titles and dates come from the editor; whether each was reached
        // is the 进展 tab's, so it is kept from the task as it is now.
        let reached = |id: &str| {
            current
                .milestones
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.done_on)
        };
        let milestones = edited
            .milestones
            .into_iter()
            .map(|mut m| {
                if let Some(done) = reached(&m.id) {
                    m.done_on = done;
                }
                m
            })
            .collect();
        current.milestones = milestones;
    }
    current
}

/// Splits typed tags on commas, 、 and spaces.
pub(super) fn tags_from(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
