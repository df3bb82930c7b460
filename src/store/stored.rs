//! How a plan is stored under its key: packed (the backup codec, about a
//! tenth of the JSON), behind a stamp that changes with every write.
//!
//! Why the stamp: before writing, a tab must know whether another tab wrote
//! the plan since it last looked. Comparing the whole stored text meant
//! bringing megabytes across from JavaScript on every save; the stamp sits
//! in the first few characters, which is all a save reads
//! (`Backend::head`).
//!
//! Format: [`STAMP_PREFIX`], the stamp (ASCII letters, digits and `-`, at
//! most [`STAMP_MAX`] characters), `;`, then the packed text
//! (`codec::pack`). Values written by older versions (plain JSON, or packed
//! without a stamp) are read as before; they carry no stamp, so whether
//! they changed is told by comparing them whole, and the first save
//! rewrites them in this form.

use super::codec::{self, CodecError};
use std::borrow::Cow;

/// Marks a stamped plan value.
pub const STAMP_PREFIX: &str = "luoshi-plan-1;";
/// The longest stamp.
pub const STAMP_MAX: usize = 48;
/// Characters of a value enough to read its stamp.
pub const HEAD_CHARS: usize = STAMP_PREFIX.len() + STAMP_MAX + 1;

/// The value to store for plan text `json` written with `stamp`. Packed
/// quickly (`codec::pack_fast`): every save does this while the user works.
pub fn encode(stamp: &str, json: &str) -> String {
    let packed = codec::pack_fast(json);
    let mut out = String::with_capacity(STAMP_PREFIX.len() + stamp.len() + 1 + packed.len());
    out.push_str(STAMP_PREFIX);
    out.push_str(stamp);
    out.push(';');
    out.push_str(&packed);
    out
}

/// The stamp of a stored value, read from its first [`HEAD_CHARS`]
/// characters (or the whole value); `None` when it has none.
pub fn stamp_of(head: &str) -> Option<&str> {
    let rest = head.strip_prefix(STAMP_PREFIX)?;
    let (stamp, _) = rest.split_once(';')?;
    valid_stamp(stamp).then_some(stamp)
}

fn valid_stamp(stamp: &str) -> bool {
    !stamp.is_empty()
        && stamp.len() <= STAMP_MAX
        && stamp
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The plan text inside a stored value: unpacked, or the value itself when
/// an older version wrote it plain.
///
/// # Errors
/// When the packed part is damaged (cut off, altered).
pub fn decode(stored: &str) -> Result<Cow<'_, str>, CodecError> {
    let body = match stored.strip_prefix(STAMP_PREFIX) {
        Some(rest) => match rest.split_once(';') {
            Some((stamp, body)) if valid_stamp(stamp) => body,
            _ => return Err(CodecError::BadLength),
        },
        None => stored,
    };
    codec::unpack(body)
}

/// The plan text of a stored value: unpacked when it unpacks, else the
/// value as it is (damaged data is kept, and offered, as found).
pub fn text_of(value: &str) -> String {
    match decode(value) {
        Ok(t) => t.into_owned(),
        Err(_) => value.to_string(),
    }
}

/// What a tab last saw under a plan's key, to tell later whether another
/// tab wrote there since.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Seen {
    /// The key was not set.
    #[default]
    Absent,
    /// A value written by this version, known by its stamp.
    Stamp(String),
    /// A value without a stamp (an older version's), known whole.
    Text(String),
}

impl Seen {
    /// What `value` (the whole stored value, or `None`) is seen as.
    pub fn of(value: Option<&str>) -> Seen {
        match value {
            None => Seen::Absent,
            Some(v) => match stamp_of(v) {
                Some(s) => Seen::Stamp(s.to_string()),
                None => Seen::Text(v.to_string()),
            },
        }
    }
}
