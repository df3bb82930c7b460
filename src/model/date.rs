//! Calendar dates as people type them: strict `YYYY-MM-DD`, with errors that
//! say in Chinese what was wrong, and serde helpers that use the same rules.

use chrono::NaiveDate;
use std::fmt;

/// Why a piece of text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The text as it was given, for the message.
    pub text: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "日期“{}”格式不正确，应为“年-月-日”（如 2022-06-30），且须是真实存在的日期",
            self.text
        )
    }
}

impl std::error::Error for DateError {}

/// Parses `YYYY-MM-DD` only. Other shapes (`2022/6/30`, `2022-6-30`,
/// `20220630`) are rejected rather than guessed, because a wrongly guessed
/// deadline is worse than a clear message.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let err = || DateError {
        text: text.to_string(),
    };
    let t = text.trim();
    let bytes = t.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(err());
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| err())
}

/// Formats a date the way `parse_date` reads it.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Serde helpers for `Option<NaiveDate>` fields: `null`, a missing field or an
/// empty string mean "no date"; anything else must be a valid `YYYY-MM-DD`.
pub mod opt_date {
    use super::{format_date, parse_date};
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => s.serialize_str(&format_date(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<serde_json::Value>::deserialize(d)? {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(serde_json::Value::String(s)) => {
                parse_date(&s).map(Some).map_err(D::Error::custom)
            }
            Some(other) => Err(D::Error::custom(format!(
                "日期应写成“年-月-日”文本，实际为 {other}"
            ))),
        }
    }
}

/// Serde helpers for required `NaiveDate` fields.
pub mod req_date {
    use super::{format_date, parse_date};
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(s) => parse_date(&s).map_err(D::Error::custom),
            other => Err(D::Error::custom(format!(
                "日期应写成“年-月-日”文本，实际为 {other}"
            ))),
        }
    }
}

/// The JSON Schema of dates in files (`docs/luoshi-plan.schema.json`):
/// text `YYYY-MM-DD`; optional ones may also be null or empty.
#[cfg(not(target_arch = "wasm32"))]
pub mod schema {
    use schemars::gen::SchemaGenerator;
    use schemars::schema::{InstanceType, Schema, SchemaObject, SingleOrVec, StringValidation};

    fn date_object(types: Vec<InstanceType>, pattern: &str) -> Schema {
        Schema::Object(SchemaObject {
            instance_type: Some(SingleOrVec::Vec(types)),
            format: Some("date".into()),
            string: Some(Box::new(StringValidation {
                pattern: Some(pattern.into()),
                ..Default::default()
            })),
            ..Default::default()
        })
    }

    pub fn required(_: &mut SchemaGenerator) -> Schema {
        date_object(vec![InstanceType::String], "^\\d{4}-\\d{2}-\\d{2}$")
    }

    pub fn optional(_: &mut SchemaGenerator) -> Schema {
        date_object(
            vec![InstanceType::String, InstanceType::Null],
            "^(\\d{4}-\\d{2}-\\d{2})?$",
        )
    }
}
