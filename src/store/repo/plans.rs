//! Adding and removing whole plans. Each is one operation whose writes
//! follow the order in `repo`'s table; a failure part-way undoes what it
//! can at once, and the `pending` mark lets the next start finish the rest.

use super::{Backend, Repo};
use crate::model::id::new_id;
use crate::model::plan::Plan;
use crate::store::plans::{plan_key, Pending, PlanEntry, PlanList};
use crate::store::stored::{self, Seen};
use crate::store::{serialize, Synced};

/// A plan just added: the list as it now is, where the plan lives, and
/// what storage holds for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub list: PlanList,
    pub key: String,
    pub synced: Synced,
}

/// A plan just removed: the list as it now is and the key of the copy set
/// aside first (none when the user downloaded it instead, or it had no
/// text).
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub list: PlanList,
    pub copy_key: Option<String>,
}

impl<B: Backend> Repo<B> {
    /// Adds `plan` as a new plan under its own key, written at once, and
    /// selects it when `select`.
    pub fn create(&self, plan: &Plan, select: bool, now: &str) -> Result<Added, String> {
        let json = serialize(plan, now).map_err(|e| format!("无法保存新计划：{e}"))?;
        let entry = PlanEntry {
            id: plan.id.clone(),
            key: plan_key(&plan.id),
            title: plan.title.clone(),
            year: plan.year,
            pending: None,
        };
        let added = self.add_entry(entry, &json, select)?;
        Ok(Added {
            synced: Synced {
                plan: Some(plan.clone()),
                seen: added.1,
            },
            list: added.0,
            key: plan_key(&plan.id),
        })
    }

    /// Brings back a deleted plan from the copy set aside when it was
    /// deleted, under its old entry and key (undo of a deletion).
    pub fn restore_deleted(&self, entry: &PlanEntry, copy_key: &str) -> Result<PlanList, String> {
        let text = self
            .read_copy(copy_key)?
            .ok_or_else(|| "删除时保留的备份已不存在，无法恢复".to_string())?;
        if self
            .backend
            .size(&entry.key)
            .map_err(|e| e.to_string())?
            .is_some()
        {
            return Err("原存储位置已有其他数据，无法恢复；请到“数据管理”下载备份".into());
        }
        let mut entry = entry.clone();
        entry.pending = None;
        Ok(self.add_entry(entry, &text, false)?.0)
    }

    /// The create order: the entry listed as adding, the text written, the
    /// mark cleared. A failure after the mark removes the entry again (and
    /// if even that fails, the next start drops it: its text is missing).
    fn add_entry(
        &self,
        entry: PlanEntry,
        json: &str,
        select: bool,
    ) -> Result<(PlanList, Seen), String> {
        let (mut list, _) = self.list().map_err(|e| e.to_string())?;
        if list.entry(&entry.id).is_some() {
            return Err("已有同一编号的计划，没有重复添加".into());
        }
        // A key that holds something no list names is a found plan (see
        // `found_plans`): never written over; the user decides about it on
        // the data page. (So a start that finds this entry marked adding
        // removes only what this operation wrote.)
        if self
            .backend
            .size(&entry.key)
            .map_err(|e| e.to_string())?
            .is_some()
        {
            return Err(
                "本机存储中已有这个计划的另一份数据（见“数据管理”页的“找到的计划”），没有覆盖。请先打开、下载或删除那一份。"
                    .into(),
            );
        }
        let key = entry.key.clone();
        let id = entry.id.clone();
        let mut marked = entry;
        marked.pending = Some(Pending::Adding);
        list.plans.push(marked);
        self.write_list(&list).map_err(|e| e.to_string())?;
        let stamp = new_id();
        let written = self.backend.set(&key, &stored::encode(&stamp, json));
        if let Err(e) = written {
            list.plans.retain(|p| p.id != id);
            let _ = self.write_list(&list);
            return Err(format!("{}，计划没有添加。", e.cause()));
        }
        if let Some(e) = list.plans.iter_mut().find(|p| p.id == id) {
            e.pending = None;
        }
        if select || list.current.is_none() {
            list.current = Some(id);
        }
        // The text is whole: if clearing the mark fails, the next start
        // keeps the plan all the same.
        let _ = self.write_list(&list);
        Ok((list, Seen::Stamp(stamp)))
    }

    /// Deletes the plan `id`: its text set aside as a backup first (unless
    /// `keep_copy` is false: the user downloaded it to free space), then
    /// marked, removed and dropped from the list. The plan in use moves to
    /// the first one left.
    pub fn delete(&self, id: &str, keep_copy: bool, now: &str) -> Result<Removed, String> {
        let (mut list, _) = self.list().map_err(|e| e.to_string())?;
        let entry = list
            .entry(id)
            .cloned()
            .ok_or_else(|| "该计划已不存在".to_string())?;
        // One read: the text to copy (unpacked, or as stored when it does
        // not unpack) and the stamp the mark names, so a tab that saves the
        // plan after this (not knowing of the deletion) makes the next start
        // keep it.
        let (text, seen) = self.stored_text(&entry.key)?;
        let mut copy_key = None;
        if let (true, Some(text)) = (keep_copy, text) {
            copy_key = Some(self.set_aside(&text, "删除计划前", now).map_err(|e| {
                format!(
                    "无法把要删除的计划另存备份（{}），计划没有删除。请先到“数据管理”导出数据文件并腾出空间。",
                    e.cause()
                )
            })?);
        }
        let stamp = match seen {
            Seen::Stamp(s) => Some(s),
            Seen::Absent | Seen::Text(_) => None,
        };
        if let Some(e) = list.plans.iter_mut().find(|p| p.id == id) {
            e.pending = Some(Pending::Removing { stamp });
        }
        if list.current.as_deref() == Some(id) {
            list.current = list
                .plans
                .iter()
                .find(|p| p.pending.is_none())
                .map(|p| p.id.clone());
        }
        self.write_list(&list).map_err(|e| e.to_string())?;
        // From here the plan is gone for the user; a failure below leaves
        // the mark, and the next start removes the rest.
        let _ = self.backend.remove(&entry.key);
        list.remove(id);
        let _ = self.write_list(&list);
        Ok(Removed { list, copy_key })
    }

    /// Deletes the plan `id` without a copy (the user downloaded it to free
    /// space), provided its stored value is still the one downloaded
    /// (`seen`): a save made since (in another window) would otherwise be
    /// lost with it.
    pub fn delete_downloaded(&self, id: &str, seen: &Seen, now: &str) -> Result<Removed, String> {
        let (list, _) = self.list().map_err(|e| e.to_string())?;
        let key = list
            .entry(id)
            .map(|e| e.key.clone())
            .ok_or_else(|| "该计划已不存在".to_string())?;
        if self.changed_since(&key, seen).map_err(|e| e.to_string())? {
            return Err("下载之后这个计划又有了修改（可能在另一个窗口），刚下载的文件已不是最新的，没有删除。请重新下载后再删除。".into());
        }
        self.delete(id, false, now)
    }

    /// Lists a plan key that no list names (left by an interrupted deletion
    /// in an older version, or by hand). Its own key is listed when its id
    /// is free; when a listed plan has its id, it is added as a new plan
    /// (a new id, "（找回）" in its title) and the found key removed.
    pub fn adopt_found(&self, key: &str, now: &str) -> Result<(PlanList, String), String> {
        let (loaded, seen) = self.stored(key).map_err(|e| e.to_string())?;
        self.adopt_read(key, loaded, &seen, now)
    }

    /// `adopt_found`, for what is stored under `key` read (and judged
    /// whole) as `loaded`, seen as `seen`.
    pub fn adopt_read(
        &self,
        key: &str,
        loaded: crate::store::Loaded,
        seen: &Seen,
        now: &str,
    ) -> Result<(PlanList, String), String> {
        let (mut list, _) = self.list().map_err(|e| e.to_string())?;
        if list.plans.iter().any(|p| p.key == key) {
            return Err("该计划已在计划列表中".into());
        }
        if self.changed_since(key, seen).map_err(|e| e.to_string())? {
            return Err(super::CHANGED_WHILE_READING.into());
        }
        let (id, title, year, plan) = match loaded {
            crate::store::Loaded::Plan { plan, .. } => {
                (plan.id.clone(), plan.title.clone(), plan.year, Some(plan))
            }
            crate::store::Loaded::Damaged(d) => {
                let (id, title, year) = d.plan.as_ref().map_or_else(
                    || (String::new(), "找回的计划".to_string(), 0),
                    |p| (p.id.clone(), p.title.clone(), p.year),
                );
                (id, title, year, None)
            }
            crate::store::Loaded::Nothing => return Err("该计划已不存在".into()),
            crate::store::Loaded::Unread(_) => return Err(super::NOT_READ.into()),
        };
        let id_free = !id.is_empty() && list.entry(&id).is_none();
        if id_free {
            list.plans.push(PlanEntry {
                id: id.clone(),
                key: key.to_string(),
                title,
                year,
                pending: None,
            });
            self.write_list(&list).map_err(|e| e.to_string())?;
            return Ok((list, id));
        }
        let Some(mut plan) = plan else {
            return Err(
                "这份计划数据无法完整读取，且编号与已有计划相同，不能直接打开；请下载后处理。"
                    .into(),
            );
        };
        plan.id = new_id();
        plan.title = format!("{}（找回）", plan.title);
        let added = self.create(&plan, false, now)?;
        // The copy is listed; the found key is the older of two.
        let _ = self.backend.remove(key);
        Ok((added.list, plan.id))
    }

    /// Removes a found plan key after the user agreed (and was offered to
    /// download it first).
    pub fn remove_found(&self, key: &str) -> Result<(), String> {
        let (list, _) = self.list().map_err(|e| e.to_string())?;
        if list.plans.iter().any(|p| p.key == key) {
            return Err("该计划在计划列表中，请用“计划操作”删除".into());
        }
        self.backend.remove(key).map_err(|e| e.to_string())
    }
}
