//! What this browser remembers for the person at it, apart from any plan
//! (the text size): one small key each.

use super::{Backend, Repo};
use crate::store::SaveError;

/// Where the text size chosen on the settings page is kept.
const TEXT_SIZE_KEY: &str = "luoshi.textSize";

impl<B: Backend> Repo<B> {
    /// The text size remembered, if any (its key, as the setting names it).
    pub fn text_size(&self) -> Option<String> {
        self.backend.get(TEXT_SIZE_KEY).ok().flatten()
    }

    /// Remembers the text size.
    pub fn set_text_size(&self, size: &str) -> Result<(), SaveError> {
        self.backend.set(TEXT_SIZE_KEY, size)
    }
}
