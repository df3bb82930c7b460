//! What takes the space: each plan, each backup, plan keys no list names,
//! and the rest, measured as the browser's quota counts (UTF-16 units of
//! keys and values). The data page's meter and its advice when space runs
//! low read this after every save.

use super::{Backend, Repo};
use crate::store::backend::utf16_len;
use crate::store::plans::{is_plan_key, PlanEntry, PlanList};
use crate::store::{SaveError, RECOVERY_PREFIX};

/// Space used, by what uses it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Usage {
    /// Everything stored by this origin.
    pub used: usize,
    /// Each listed plan and its size.
    pub plans: Vec<(PlanEntry, usize)>,
    /// Each backup (key) and its size, oldest first.
    pub copies: Vec<(String, usize)>,
    /// Backups kept as deltas: (the backup, the newer one it is rebuilt
    /// from). Removing a backup others are built on frees little: they
    /// are rewritten first, one of them whole.
    pub built_on: Vec<(String, String)>,
    /// Plan keys no list names, and their sizes.
    pub found: Vec<(String, usize)>,
}

impl<B: Backend> Repo<B> {
    /// Measures what is stored, against `list`.
    pub fn usage(&self, list: &PlanList) -> Result<Usage, SaveError> {
        let mut usage = Usage::default();
        for key in self.backend.keys()? {
            let size = self.backend.size(&key)?.unwrap_or(0);
            usage.used += utf16_len(&key) + size;
            if let Some(entry) = list.plans.iter().find(|p| p.key == key) {
                usage.plans.push((entry.clone(), size));
            } else if is_plan_key(&key) {
                usage.found.push((key, size));
            } else if key.starts_with(RECOVERY_PREFIX) {
                if let Some(base) = self.base_of(&key) {
                    usage.built_on.push((key.clone(), base));
                }
                usage.copies.push((key, size));
            }
        }
        crate::model::sorting::sort_by_key(&mut usage.copies, |(key, _)| {
            crate::store::backups::order_key(key)
        });
        crate::model::sorting::sort(&mut usage.found);
        Ok(usage)
    }

    /// The size of the value under `key` as the quota counts it.
    pub fn stored_size(&self, key: &str) -> Result<Option<usize>, SaveError> {
        self.backend.size(key)
    }

    /// Plan keys that no entry of `list` names.
    pub fn found_plans(&self, list: &PlanList) -> Result<Vec<String>, SaveError> {
        let mut found: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| is_plan_key(k) && !list.plans.iter().any(|p| &p.key == k))
            .collect();
        crate::model::sorting::sort(&mut found);
        Ok(found)
    }
}

/// Above this share of the quota, the data page says what takes the space
/// and offers to download and remove it.
pub const LOW_SPACE_PERCENT: f64 = 80.0;

/// Something the user may download and remove to free space.
#[derive(Debug, Clone, PartialEq)]
pub enum Removable {
    /// A plan other than the one on screen.
    Plan(PlanEntry),
    /// A backup, by key.
    Backup(String),
}

impl Usage {
    /// True when space runs low.
    pub fn low(&self) -> bool {
        crate::store::usage_percent(self.used) > LOW_SPACE_PERCENT
    }

    /// About how much removing backup `key` of `size` frees: its size,
    /// unless other backups are rebuilt from it; then they are rewritten
    /// first (one of them whole, about as large as this one), and what is
    /// freed is about their present size.
    fn freed_by(&self, key: &str, size: usize) -> usize {
        let built: Vec<&String> = self
            .built_on
            .iter()
            .filter(|(_, base)| base == key)
            .map(|(dep, _)| dep)
            .collect();
        if built.is_empty() {
            return size;
        }
        self.copies
            .iter()
            .filter(|(k, _)| built.contains(&k))
            .map(|(_, s)| *s)
            .sum::<usize>()
            .min(size)
    }

    /// What may be removed to free space, largest first (by about what
    /// removing it frees): every plan but
    /// the one stored under `shown_key`, and every backup. Nothing here is
    /// removed; the page offers each to the user.
    pub fn removable(&self, shown_key: &str) -> Vec<(Removable, usize)> {
        let mut out: Vec<(Removable, usize)> = self
            .plans
            .iter()
            .filter(|(e, _)| e.key != shown_key && e.pending.is_none())
            .map(|(e, size)| (Removable::Plan(e.clone()), *size))
            .chain(
                self.copies
                    .iter()
                    .map(|(k, size)| (Removable::Backup(k.clone()), self.freed_by(k, *size))),
            )
            .collect();
        // Largest first; among equals, older backups and plans first.
        crate::model::sorting::sort_by_key(&mut out, |(_, size)| std::cmp::Reverse(*size));
        out
    }
}
