//! Calendar dates as people type them: strict `YYYY-MM-DD`, with errors that
//! say in Chinese what was wrong, and serde helpers that use the same rules.

use chrono::{Datelike, NaiveDate};
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
    // Read by hand rather than with chrono's format parser: every date of
    // a stored plan passes here on start (tens of thousands at 5,000
    // tasks), and the general parser is several times slower.
    let b = text.trim().as_bytes();
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (number(&b[..4]), number(&b[5..7]), number(&b[8..])) {
            // Four digits fit an i32.
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Ok(date);
            }
        }
    }
    Err(DateError {
        text: text.to_string(),
    })
}

/// Formats a date the way `parse_date` reads it.
pub fn format_date(date: NaiveDate) -> String {
    let y = date.year();
    if !(0..=9999).contains(&y) {
        // chrono's own writing (`+10000-01-01`), the same as its
        // `format("%Y-%m-%d")`, without the format machinery in the wasm.
        return date.to_string();
    }
    // By hand, as `parse_date`: every date of the plan is written on save.
    fn push(out: &mut String, n: u32, width: u32) {
        for place in (0..width).rev() {
            out.push(char::from(b'0' + (n / 10u32.pow(place) % 10) as u8));
        }
    }
    let mut out = String::with_capacity(10);
    push(&mut out, y as u32, 4);
    out.push('-');
    push(&mut out, date.month(), 2);
    out.push('-');
    push(&mut out, date.day(), 2);
    out
}

/// Serde helpers for `Option<NaiveDate>` fields: `null`, a missing field or an
/// empty string mean "no date"; anything else must be a valid `YYYY-MM-DD`.
pub mod opt_date {
    use super::format_date;
    use chrono::NaiveDate;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => s.serialize_str(&format_date(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_any(super::DateVisitor)
    }
}

/// Reads a stored date: text `YYYY-MM-DD`; null or empty text for none
/// (`req_date` refuses those). Straight from the JSON text, without
/// building a `serde_json::Value` for each date first.
struct DateVisitor;

impl<'de> serde::de::Visitor<'de> for DateVisitor {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("“年-月-日”文本形式的日期")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
        if s.trim().is_empty() {
            return Ok(None);
        }
        parse_date(s).map(Some).map_err(E::custom)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Err(not_text(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Err(not_text(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Err(not_text(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(not_text(v))
    }
}

fn not_text<E: serde::de::Error>(v: impl fmt::Display) -> E {
    E::custom(format!("日期应写成“年-月-日”文本，实际为 {v}"))
}

/// Serde helpers for required `NaiveDate` fields.
pub mod req_date {
    use super::format_date;
    use chrono::NaiveDate;
    use serde::{de::Error, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        match d.deserialize_any(super::DateVisitor)? {
            Some(date) => Ok(date),
            None => Err(D::Error::custom("缺少日期（应写成“年-月-日”文本）")),
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
