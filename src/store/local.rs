//! localStorage, as the repository's `Backend` in the browser. Every call
//! returns a `Result`: storage can be missing, blocked, or full. Values are
//! read and written as raw text (never parsed here), so data that fails to
//! load stays byte for byte what it was.

use super::backend::Backend;
use super::repo::Repo;
use super::SaveError;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Storage;

#[wasm_bindgen]
extern "C" {
    /// localStorage seen with a `getItem` that returns the JavaScript
    /// string itself, so that a large value's length or first characters
    /// can be taken without copying it into the wasm memory.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
}

/// The origin's localStorage.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserStorage;

/// The repository over this origin's localStorage. It reads plans with
/// the fast typed pass alone: the page leaves what that does not take to
/// the worker (`ui::persistence::reading`), so the thorough restore is not
/// linked into the page's wasm.
pub fn repo() -> Repo<BrowserStorage> {
    Repo::fast(BrowserStorage)
}

/// The origin's storage. Asked of the window each time: blocked storage
/// becomes a message, not a crash screen.
fn storage() -> Result<Storage, SaveError> {
    let window =
        web_sys::window().ok_or_else(|| SaveError::Unavailable("没有浏览器窗口".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(SaveError::Unavailable("浏览器没有提供本地存储".into())),
        Err(e) => Err(SaveError::Unavailable(error_name(&e))),
    }
}

/// The `name` of a DOMException (e.g. "QuotaExceededError"), or "".
fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// A failed write, telling a full quota apart from other failures.
fn write_error(e: &JsValue) -> SaveError {
    let name = error_name(e);
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        SaveError::Quota
    } else {
        SaveError::Unavailable(name)
    }
}

/// The value under `key` as a JavaScript string, if set.
fn get_js(key: &str) -> Result<Option<js_sys::JsString>, SaveError> {
    let v = storage()?
        .unchecked_ref::<RawStorage>()
        .get_item_js(key)
        .map_err(|e| SaveError::Unavailable(error_name(&e)))?;
    Ok(v.dyn_into::<js_sys::JsString>().ok())
}

impl Backend for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        storage()?
            .get_item(key)
            .map_err(|e| SaveError::Unavailable(error_name(&e)))
    }

    fn head(&self, key: &str, chars: usize) -> Result<Option<String>, SaveError> {
        let end = u32::try_from(chars).unwrap_or(u32::MAX);
        Ok(get_js(key)?.map(|s| String::from(s.slice(0, end))))
    }

    fn size(&self, key: &str) -> Result<Option<usize>, SaveError> {
        Ok(get_js(key)?.map(|s| s.length() as usize))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        storage()?.set_item(key, value).map_err(|e| write_error(&e))
    }

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        storage()?
            .remove_item(key)
            .map_err(|e| SaveError::Unavailable(error_name(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, SaveError> {
        let s = storage()?;
        let n = s
            .length()
            .map_err(|e| SaveError::Unavailable(error_name(&e)))?;
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}

/// Key, in this tab's sessionStorage, of the plan this tab shows: a reload
/// stays on it even when another tab switched the plan list's "in use".
const TAB_PLAN: &str = "luoshi.tab-plan";

/// The plan id this tab showed last, if the browser keeps it.
pub fn tab_plan() -> Option<String> {
    web_sys::window()?
        .session_storage()
        .ok()??
        .get_item(TAB_PLAN)
        .ok()?
}

/// Remembers the plan this tab shows (best effort: only a convenience).
pub fn set_tab_plan(id: &str) {
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.set_item(TAB_PLAN, id);
    }
}
