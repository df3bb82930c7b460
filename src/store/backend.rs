//! The storage under the repository (`repo`): a few calls on string keys,
//! the shape of the browser's localStorage. The app runs the repository
//! over localStorage (`local::BrowserStorage`); native tests run it over
//! [`MemoryStorage`], which keeps a quota as a browser does and can be told
//! to fail every write from the k-th on, as a crash or a full disk would
//! stop them. That is how every multi-key operation is shown to leave
//! readable plans and no orphan whatever write it stops at (SQLite's
//! `ioerr` tests are the model).

use super::SaveError;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// String keys to string values, each call able to fail.
pub trait Backend {
    /// The value under `key`; `Ok(None)` when it is not set.
    fn get(&self, key: &str) -> Result<Option<String>, SaveError>;
    /// The first `chars` characters of the value under `key`, without
    /// bringing the rest of a large value across (the browser slices it in
    /// JavaScript). Used to read a stored plan's stamp on every save.
    fn head(&self, key: &str, chars: usize) -> Result<Option<String>, SaveError>;
    /// The length of the value under `key` in UTF-16 code units, what the
    /// quota counts.
    fn size(&self, key: &str) -> Result<Option<usize>, SaveError>;
    /// Sets `key` to `value`; a full quota is `SaveError::Quota`.
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError>;
    /// Removes `key` (no error when it is not set).
    fn remove(&self, key: &str) -> Result<(), SaveError>;
    /// Every key stored, in no particular order.
    fn keys(&self) -> Result<Vec<String>, SaveError>;
}

/// UTF-16 code units of `s`, what a browser's quota counts.
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// An in-memory storage with a quota, for native tests, that can fail
/// writes on command.
#[derive(Debug, Default)]
pub struct MemoryStorage {
    inner: RefCell<Memory>,
}

#[derive(Debug, Default, Clone)]
struct Memory {
    values: BTreeMap<String, String>,
    /// Keys and values together may take at most this many UTF-16 units.
    quota: Option<usize>,
    /// Writes (sets and removes) attempted so far.
    writes: usize,
    /// Every write from this one (counted from 0) on fails.
    fail_from: Option<usize>,
    /// The writes made, in order: ("set" or "remove", key).
    log: Vec<(&'static str, String)>,
}

impl MemoryStorage {
    /// Empty, with no quota.
    pub fn new() -> MemoryStorage {
        MemoryStorage::default()
    }

    /// Empty, holding at most `chars` UTF-16 units of keys and values.
    pub fn with_quota(chars: usize) -> MemoryStorage {
        let s = MemoryStorage::default();
        s.inner.borrow_mut().quota = Some(chars);
        s
    }

    /// A storage holding exactly what `values` holds, with no quota.
    pub fn from_values(values: BTreeMap<String, String>) -> MemoryStorage {
        let s = MemoryStorage::default();
        s.inner.borrow_mut().values = values;
        s
    }

    /// Makes the `k`-th write from now (0 = the next one) and every write
    /// after it fail, as if the browser had stopped there.
    pub fn fail_from_write(&self, k: usize) {
        let mut m = self.inner.borrow_mut();
        m.fail_from = Some(m.writes + k);
    }

    /// Lets writes succeed again (the page started afresh).
    pub fn heal(&self) {
        self.inner.borrow_mut().fail_from = None;
    }

    /// Writes attempted so far, failed ones included.
    pub fn writes(&self) -> usize {
        self.inner.borrow().writes
    }

    /// Everything stored, for comparing before and after.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.inner.borrow().values.clone()
    }

    /// The writes that succeeded, in order: ("set" or "remove", key), so a
    /// test can check the order an operation wrote in.
    pub fn log(&self) -> Vec<(&'static str, String)> {
        self.inner.borrow().log.clone()
    }

    /// UTF-16 units of keys and values stored.
    pub fn used(&self) -> usize {
        let m = self.inner.borrow();
        m.values
            .iter()
            .map(|(k, v)| utf16_len(k) + utf16_len(v))
            .sum()
    }

    /// Counts a write and says whether it fails.
    fn write_fails(&self) -> bool {
        let mut m = self.inner.borrow_mut();
        let n = m.writes;
        m.writes += 1;
        m.fail_from.is_some_and(|k| n >= k)
    }
}

impl Backend for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        Ok(self.inner.borrow().values.get(key).cloned())
    }

    fn head(&self, key: &str, chars: usize) -> Result<Option<String>, SaveError> {
        Ok(self
            .inner
            .borrow()
            .values
            .get(key)
            .map(|v| v.chars().take(chars).collect()))
    }

    fn size(&self, key: &str) -> Result<Option<usize>, SaveError> {
        Ok(self.inner.borrow().values.get(key).map(|v| utf16_len(v)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if self.write_fails() {
            return Err(SaveError::Unavailable("模拟的写入失败".into()));
        }
        let used = self.used();
        let mut m = self.inner.borrow_mut();
        if let Some(quota) = m.quota {
            let old = m
                .values
                .get(key)
                .map_or(0, |v| utf16_len(key) + utf16_len(v));
            if used - old + utf16_len(key) + utf16_len(value) > quota {
                return Err(SaveError::Quota);
            }
        }
        m.values.insert(key.to_string(), value.to_string());
        m.log.push(("set", key.to_string()));
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        if self.write_fails() {
            return Err(SaveError::Unavailable("模拟的写入失败".into()));
        }
        let mut m = self.inner.borrow_mut();
        m.values.remove(key);
        m.log.push(("remove", key.to_string()));
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, SaveError> {
        Ok(self.inner.borrow().values.keys().cloned().collect())
    }
}
