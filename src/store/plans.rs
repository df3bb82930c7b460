//! Several plans side by side (e.g. 2025 and 2026): a small list under
//! `luoshi.plans` names each plan, its storage key and which one is in use;
//! each plan lives under its own key, so saving one plan writes only that
//! plan. Pure: decides what keys mean; `local` reads and writes them.
//!
//! Data from before there were several plans sits under the single key
//! `luoshi.plan`. It is migrated by writing the list only: that plan keeps
//! its key, so nothing is copied (a second copy of a large plan would not
//! fit), and nothing can be lost half-way.

use crate::format::head::plan_head;
use crate::model::id::derived_id;
use crate::model::plan::Plan;
use serde::{Deserialize, Serialize};

/// The key of the plan list.
pub const LIST_KEY: &str = "luoshi.plans";
/// The key of the one plan stored before there were several.
pub const LEGACY_KEY: &str = "luoshi.plan";
/// Prefix of the keys of plans created since.
pub const PLAN_PREFIX: &str = "luoshi.plan.";
/// The `format` tag of the list.
const LIST_FORMAT: &str = "luoshi/plans";

/// One plan in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub id: String,
    /// Where its text is stored.
    pub key: String,
    pub title: String,
    pub year: i32,
    /// Set while an operation on this plan is under way (see `repo`): a
    /// start that finds it completes or undoes what a crash interrupted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
}

/// An operation on a listed plan that has begun and not yet finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pending {
    /// Being added under a key that held nothing: its text may not be
    /// written yet. Kept if its text is there and reads, dropped otherwise.
    Adding,
    /// Being removed: a copy was set aside first of the value with this
    /// stamp (`None`: unstamped); its key is removed and the entry dropped,
    /// unless a save wrote another value since.
    Removing {
        #[serde(default)]
        stamp: Option<String>,
    },
}

/// The plans this browser holds, and the one in use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanList {
    #[serde(default)]
    pub format: String,
    /// Id of the plan in use.
    pub current: Option<String>,
    pub plans: Vec<PlanEntry>,
}

impl PlanList {
    /// The entry in use: `current` if listed, else the first.
    pub fn current_entry(&self) -> Option<&PlanEntry> {
        self.current
            .as_deref()
            .and_then(|id| self.plans.iter().find(|p| p.id == id))
            .or_else(|| self.plans.first())
    }

    pub fn entry(&self, id: &str) -> Option<&PlanEntry> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// Adds or updates the entry for `plan` (kept at `key`), and makes it
    /// current when `select`.
    pub fn upsert(&mut self, plan: &Plan, key: &str, select: bool) {
        let entry = PlanEntry {
            id: plan.id.clone(),
            key: key.to_string(),
            title: plan.title.clone(),
            year: plan.year,
            pending: None,
        };
        match self
            .plans
            .iter_mut()
            .find(|p| p.key == key || p.id == plan.id)
        {
            Some(e) => {
                // A plan replaced under its key keeps being the one in use.
                if self.current.as_deref() == Some(e.id.as_str()) {
                    self.current = Some(entry.id.clone());
                }
                *e = entry;
            }
            None => self.plans.push(entry),
        }
        if select {
            self.current = Some(plan.id.clone());
        }
    }

    /// Drops the entry with `id`; the current plan moves to the first left.
    pub fn remove(&mut self, id: &str) {
        self.plans.retain(|p| p.id != id);
        if self.current.as_deref() == Some(id) {
            self.current = self.plans.first().map(|p| p.id.clone());
        }
    }

    /// The list as stored.
    pub fn to_text(&self) -> String {
        let mut list = self.clone();
        list.format = LIST_FORMAT.to_string();
        // Plain strings and numbers: serialising cannot fail; an empty
        // string would only mean "rebuild the list from the plan keys".
        serde_json::to_string(&list).unwrap_or_default()
    }
}

/// The storage key for a new plan with `id`.
pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// True for keys that hold a plan.
pub fn is_plan_key(key: &str) -> bool {
    key == LEGACY_KEY || key.starts_with(PLAN_PREFIX)
}

/// Reads the stored list; `None` when it is missing or unreadable (it is
/// then rebuilt from the plan keys, see `rebuild`).
pub fn read_list(text: Option<&str>) -> Option<PlanList> {
    let (list, _): (PlanList, bool) = crate::format::json::from_text(text?).ok()?;
    (list.format == LIST_FORMAT).then_some(list)
}

/// A list rebuilt from the plan keys in storage (`(key, text)`), for a first
/// start after the single-plan version, or a list lost or damaged. A plan
/// that cannot be read is still listed (by its key), so its damage is shown
/// when it is opened rather than it being forgotten. Only each plan's id,
/// title and year are read (`format::head`), not the plan: a list names
/// plans, and the page reads them whole when it opens them.
pub fn rebuild(stored: &[(String, String)]) -> PlanList {
    let mut list = PlanList {
        format: LIST_FORMAT.to_string(),
        ..PlanList::default()
    };
    let mut keys: Vec<&(String, String)> = stored.iter().filter(|(k, _)| is_plan_key(k)).collect();
    // The legacy plan first: it was the one in use.
    crate::model::sorting::sort_by_key(&mut keys, |(k, _)| (k != LEGACY_KEY, k.clone()));
    for (key, text) in keys {
        let head = super::stored::decode(text).ok().and_then(|t| plan_head(&t));
        let entry = match head {
            Some(head) => PlanEntry {
                id: head.id,
                key: key.clone(),
                title: head.title,
                year: head.year,
                pending: None,
            },
            None => PlanEntry {
                id: derived_id(&["plan", key]),
                key: key.clone(),
                title: "无法读取的计划".into(),
                year: 0,
                pending: None,
            },
        };
        if list.entry(&entry.id).is_none() {
            list.plans.push(entry);
        }
    }
    list.current = list.plans.first().map(|p| p.id.clone());
    list
}
