//! The two ways the app reads JSON into its types, and no other.
//!
//! serde copies a type's field-by-field reading code into the wasm once for
//! every kind of deserializer it is read with, and a plan reads every type
//! of the model: each extra kind (`serde_json::from_str`, `from_value`, a
//! different callback closure) cost tens of kilobytes (issue 19,
//! bench/weight.sh). So text is read by `from_text` alone (stored plans,
//! files of the current version, the Excel worker's answers, the plan list)
//! and a `Value` by `from_value` alone (the thorough restore item by item,
//! the merge). Both take the fields a type does not know through a `dyn`
//! callback, so the callback's type is one and the same everywhere.

use crate::format::path::{ignored_segments, Seg};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// What is called with each field that was not known, by its path.
pub(crate) type Unknown<'a> = &'a mut dyn FnMut(serde_ignored::Path);

/// Reads a whole JSON text as a `T`. The flag is true when the text had a
/// field `T` does not know (read past, as `serde_json::from_str` does).
#[cfg(not(page_read))]
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<(T, bool), serde_json::Error> {
    let mut unknown = false;
    let mut note = |_: serde_ignored::Path| unknown = true;
    let note: Unknown = &mut note;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_ignored::deserialize(&mut de, note)?;
    de.end()?;
    Ok((value, unknown))
}

/// The page's reader (build.rs sets `page_read` for the page's wasm): plain
/// serde_json, about a third quicker than reading through serde_ignored's
/// wrappers, which cost the start most of all (the stored plan, issue 19).
/// A field unknown to a type of the plan is an error here instead of a
/// flag — those types refuse unknown fields in this build
/// (`cfg_attr(page_read, serde(deny_unknown_fields))`) — so a stored plan
/// with one still goes to the worker's thorough restore, which reports the
/// field before anything is saved over it (tests/browser_store.rs checks
/// every object of a plan). The flag is always false.
#[cfg(page_read)]
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<(T, bool), serde_json::Error> {
    serde_json::from_str(text).map(|value| (value, false))
}

/// What reading a value once gives: the item and the paths of the fields
/// it did not know, or the error with its path.
pub(crate) type Attempt<T> =
    Result<(T, Vec<Vec<Seg>>), serde_path_to_error::Error<serde_json::Error>>;

/// Reads `value` as a `T` once, by reference (no copy of the value), with
/// the path of an error and of every field `T` does not know.
pub(crate) fn attempt<T: DeserializeOwned>(value: &Value) -> Attempt<T> {
    let mut ignored = Vec::new();
    let mut record = |p: serde_ignored::Path| ignored.push(ignored_segments(&p));
    let mut note: Unknown = &mut record;
    let item = serde_path_to_error::deserialize::<_, T>(serde_ignored::Deserializer::new(
        value, &mut note,
    ))?;
    Ok((item, ignored))
}

/// Reads `value` as a `T`, as `serde_json::from_value` does (fields `T`
/// does not know are read past), through `attempt`'s deserializer.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    attempt::<T>(value)
        .map(|(item, _)| item)
        .map_err(serde_path_to_error::Error::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::task::Status;

    #[test]
    fn text_and_values_read_as_serde_json_reads_them_and_unknown_fields_are_noted() {
        let (status, unknown): (Status, bool) = from_text("\"closed\"").expect("reads");
        assert_eq!(
            status,
            serde_json::from_str::<Status>("\"closed\"").expect("reads")
        );
        assert!(!unknown);
        let (_, unknown): (std::collections::BTreeMap<String, u8>, bool) =
            from_text("{\"a\":1}").expect("reads");
        assert!(!unknown);
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Two {
            a: u8,
        }
        let (two, unknown): (Two, bool) = from_text("{\"a\":1,\"b\":2}").expect("reads");
        assert_eq!(two, Two { a: 1 });
        assert!(unknown);
        assert!(from_text::<Two>("{\"a\":1} x").is_err(), "trailing text");
        let v = serde_json::json!({"a": 3, "c": [1]});
        assert_eq!(from_value::<Two>(&v).expect("reads"), Two { a: 3 });
        let bad = serde_json::json!({"a": "x"});
        assert_eq!(
            from_value::<Two>(&bad).expect_err("refused").to_string(),
            serde_json::from_value::<Two>(bad)
                .expect_err("refused")
                .to_string()
        );
    }
}
