//! Identities. Every plan, task and record carries an id that never changes
//! when things move, so views, undo, merging and files can say "this one".
//!
//! New ids are random (UUID v4 from the `uuid` crate; in the browser its
//! `js` feature draws on `crypto.getRandomValues`): two offices that both
//! started from the sample must not produce the same ids. They are written
//! as 22 base-62 characters, about half a hyphenated UUID, because a plan of
//! thousands of tasks with their records carries tens of thousands of ids and
//! storage is counted in characters. Ids from older data are kept as they
//! were; any non-empty string is a valid id.

use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;

/// The id of a task. Tasks are known by id everywhere, never by their
/// position in the plan's list: positions shift on every insert and move.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct TaskId(pub String);

impl TaskId {
    /// A fresh random id.
    pub fn random() -> TaskId {
        TaskId(new_id())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Borrow<str> for TaskId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for TaskId {
    fn from(s: &str) -> TaskId {
        TaskId(s.to_string())
    }
}

impl From<String> for TaskId {
    fn from(s: String) -> TaskId {
        TaskId(s)
    }
}

impl PartialEq<str> for TaskId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for TaskId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// 22 base-62 digits hold any 128-bit number (62^22 > 2^128).
fn base62(n: u128) -> String {
    base62_digits::<22>(n)
}

/// `n` in `N` base-62 digits (the caller picks `N` large enough).
fn base62_digits<const N: usize>(mut n: u128) -> String {
    let mut out = [b'0'; N];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    out.iter().map(|&b| char::from(b)).collect()
}

/// A fresh random id for a plan, task or record: 64 random bits in 11
/// base-62 digits (62^11 > 2^64).
///
/// Why 64 bits and not a whole UUID: ids are most of what a plan stores
/// that does not compress. A year of monthly reports gives every work item
/// two dozen records and 留痕 entries, each with an id; at 128 bits the ids
/// were half of a packed plan. Two offices merging a million records
/// between them meet a repeated 64-bit id with a chance of about one in
/// thirty million; merges match records by id within one plan's tasks.
pub fn new_id() -> String {
    // The UUID's fixed version bits (in the high half) and variant bits (in
    // the low half) never coincide, so every bit of the XOR is random.
    let (hi, lo) = uuid::Uuid::new_v4().as_u64_pair();
    base62_digits::<11>(u128::from(hi ^ lo))
}

/// An id derived from `parts` alone: the same parts always give the same id.
/// Used when older data without ids is read, so importing the same file
/// twice gives its records the same ids both times (and a merge can tell
/// them apart from new ones). FNV-1a over 128 bits: stable across Rust
/// versions and platforms, unlike `std`'s hasher, and not meant to resist
/// anyone, only to spread.
pub fn derived_id(parts: &[&str]) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h = OFFSET;
    for part in parts {
        // A separator byte that UTF-8 text never contains keeps ["ab","c"]
        // and ["a","bc"] apart.
        for &b in part.as_bytes().iter().chain(std::iter::once(&0xFF)) {
            h ^= u128::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    base62(h)
}

impl std::ops::Deref for TaskId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}
