//! localStorage access for the browser build, through `gloo-storage`.
//! Every call returns a `Result`: storage can be missing, blocked, or full.
//! Plan text is read and written as raw text (never parsed here), so data
//! that fails to load stays byte for byte what it was.

use super::codec;
use super::plans::{is_plan_key, read_list, rebuild, PlanList, LIST_KEY};
use super::{SaveError, RECOVERY_PREFIX};
use gloo_storage::{LocalStorage, Storage as _};
use web_sys::Storage;

/// The origin's storage. gloo's `raw()` throws (a crash) when storage is
/// blocked, so it is asked only after the same lookup has been tried here
/// and succeeded: blocked storage becomes a message, not a crash screen.
fn storage() -> Result<Storage, SaveError> {
    let window =
        web_sys::window().ok_or_else(|| SaveError::Unavailable("没有浏览器窗口".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        Ok(None) => Err(SaveError::Unavailable("浏览器没有提供本地存储".into())),
        Err(e) => Err(SaveError::Unavailable(error_name(&e))),
    }
}

/// The `name` of a DOMException (e.g. "QuotaExceededError"), or "".
fn error_name(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Reads a key; `Ok(None)` when it is not set.
pub fn read(key: &str) -> Result<Option<String>, SaveError> {
    storage()?
        .get_item(key)
        .map_err(|e| SaveError::Unavailable(error_name(&e)))
}

/// Writes a key, telling a full quota apart from other failures.
pub fn write(key: &str, value: &str) -> Result<(), SaveError> {
    storage()?.set_item(key, value).map_err(|e| {
        let name = error_name(&e);
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            SaveError::Quota
        } else {
            SaveError::Unavailable(name)
        }
    })
}

/// The plan list, rebuilt from the plan keys when it is missing or
/// unreadable (a first start after the single-plan version); the flag says
/// whether it was rebuilt (and so should be written).
pub fn read_plan_list() -> Result<(PlanList, bool), SaveError> {
    let text = read(LIST_KEY)?;
    if let Some(list) = read_list(text.as_deref()) {
        return Ok((list, false));
    }
    let s = storage()?;
    let n = s.length().unwrap_or(0);
    let mut stored = Vec::new();
    for i in 0..n {
        if let Some(key) = s.key(i).ok().flatten().filter(|k| is_plan_key(k)) {
            if let Some(text) = read(&key)? {
                stored.push((key, text));
            }
        }
    }
    Ok((rebuild(&stored), true))
}

/// Writes the plan list (as JSON, through gloo's typed `set`).
pub fn write_plan_list(list: &PlanList) -> Result<(), SaveError> {
    storage()?;
    let mut list = list.clone();
    list.format = "luoshi/plans".into();
    LocalStorage::set(LIST_KEY, &list).map_err(|e| match e {
        gloo_storage::errors::StorageError::JsError(js)
            if js.name.contains("Quota") || js.name == "NS_ERROR_DOM_QUOTA_REACHED" =>
        {
            SaveError::Quota
        }
        other => SaveError::Unavailable(other.to_string()),
    })
}

/// Copies raw text aside under a recovery key named by `stamp` (a suffix is
/// added if that key is taken, so no earlier copy is overwritten); returns
/// the key. The copy is compressed (`codec::pack`): a second full copy of a
/// large plan would not fit beside it. `read_copy` gives back the text
/// byte for byte.
pub fn set_aside(raw: &str, stamp: &str) -> Result<String, SaveError> {
    let mut key = format!("{RECOVERY_PREFIX}{stamp}");
    let mut n = 1;
    while read(&key)?.is_some() {
        n += 1;
        key = format!("{RECOVERY_PREFIX}{stamp}-{n}");
    }
    let packed = codec::pack(raw);
    // Check the copy before relying on it: a recovery copy that cannot be
    // read back is no copy at all.
    if codec::unpack(&packed).ok().as_deref() != Some(raw) {
        return Err(SaveError::Unavailable("备份压缩校验失败".into()));
    }
    write(&key, &packed)?;
    Ok(key)
}

/// The text of a recovery copy, unpacked; `Ok(None)` when it is gone.
pub fn read_copy(key: &str) -> Result<Option<String>, String> {
    match read(key) {
        Ok(Some(stored)) => codec::unpack(&stored)
            .map(|t| Some(t.into_owned()))
            .map_err(|e| e.to_string()),
        Ok(None) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Characters stored by this origin (keys and values), for the storage meter.
pub fn used_chars() -> usize {
    let Ok(s) = storage() else { return 0 };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .map(|k| {
            let v = s.get_item(&k).ok().flatten().unwrap_or_default();
            k.encode_utf16().count() + v.encode_utf16().count()
        })
        .sum()
}

/// Recovery copies set aside by earlier recoveries: (key, characters), oldest first.
pub fn recovery_copies() -> Vec<(String, usize)> {
    let Ok(s) = storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    let mut out: Vec<(String, usize)> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(RECOVERY_PREFIX))
        .map(|k| {
            let len = s
                .get_item(&k)
                .ok()
                .flatten()
                .map_or(0, |v| v.encode_utf16().count());
            (k, len)
        })
        .collect();
    out.sort();
    out
}

/// Removes a key.
pub fn remove(key: &str) -> Result<(), SaveError> {
    storage()?;
    LocalStorage::delete(key);
    Ok(())
}

/// Key, in this tab's sessionStorage, of the plan this tab shows: a reload
/// stays on it even when another tab switched the plan list's "in use".
const TAB_PLAN: &str = "luoshi.tab-plan";

/// The plan id this tab showed last, if the browser keeps it.
pub fn tab_plan() -> Option<String> {
    gloo_storage::SessionStorage::get::<String>(TAB_PLAN).ok()
}

/// Remembers the plan this tab shows (best effort: only a convenience).
pub fn set_tab_plan(id: &str) {
    let _ = gloo_storage::SessionStorage::set(TAB_PLAN, id);
}
