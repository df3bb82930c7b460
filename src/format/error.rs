//! What can be wrong with input: a fatal `RestoreError` (nothing usable) or a
//! `Problem` (one item or field skipped, the rest kept).

use std::fmt;

/// One thing that could not be read, at a path like `tasks[12].due`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// Where in the document, in JSON-path style; empty for the whole file.
    pub path: String,
    /// What was wrong and what was done about it, for a person.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}：{}", self.path, self.message)
        }
    }
}

/// Why a document could not be restored at all.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RestoreErrorKind {
    /// The text is empty.
    Empty,
    /// The text is not JSON (truncated, or another kind of file).
    NotJson,
    /// JSON, but not a Luoshi envelope (no `format`, or another format).
    NotLuoshi,
    /// Written by a newer Luoshi than this one.
    NewerVersion,
    /// A version this Luoshi has no migration for.
    UnknownVersion,
    /// The envelope has no usable `plan`.
    NoPlan,
}

/// A document that cannot be used, with a message that says what and where.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RestoreError {
    pub kind: RestoreErrorKind,
    /// Where the trouble is (e.g. `plan`, or a line and column), may be empty.
    pub path: String,
    /// A full sentence in Chinese.
    pub message: String,
}

impl RestoreError {
    pub fn new(
        kind: RestoreErrorKind,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        RestoreError {
            kind,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}（位置：{}）", self.message, self.path)
        }
    }
}

impl std::error::Error for RestoreError {}
