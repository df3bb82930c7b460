//! Dates as stored and typed: `parse_date` and `format_date` read and write
//! by hand (they run for every date of a plan on start and on save), so they
//! are checked against chrono's own `%Y-%m-%d` parser and formatter, which
//! they replaced, on generated text and dates; and the serde helpers keep
//! their rules and messages.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, NaiveDate};
use luoshi::model::date::{format_date, opt_date, parse_date, req_date};
use proptest::prelude::*;
use serde::Deserialize;

/// What the strict rule was before: the shape checked, then chrono.
fn by_chrono(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let b = t.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    shape
        .then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .flatten()
}

proptest! {
    #[test]
    fn reads_what_chrono_read(text in "[ ]?[0-9]{4}-[0-9]{2}-[0-9]{2}[ ]?|[0-9-/年月日 ]{0,12}|.{0,12}") {
        prop_assert_eq!(parse_date(&text).ok(), by_chrono(&text));
    }

    #[test]
    fn writes_what_chrono_wrote(days in 0i32..3_652_059) {
        // Every day from 0000-01-01 to 9999-12-31.
        let date = NaiveDate::from_ymd_opt(0, 1, 1).unwrap() + chrono::Duration::days(days.into());
        let text = format_date(date);
        prop_assert_eq!(&text, &date.format("%Y-%m-%d").to_string());
        prop_assert_eq!(parse_date(&text), Ok(date));
    }
}

#[test]
fn real_days_only() {
    assert_eq!(
        parse_date("2024-02-29"),
        Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap())
    );
    assert!(parse_date("2026-02-29").is_err());
    assert!(parse_date("2026-13-01").is_err());
    assert!(parse_date("2026-00-10").is_err());
    assert!(parse_date("2026-04-31").is_err());
    assert!(parse_date("2026-6-30").is_err());
    assert!(parse_date("2026/06/30").is_err());
    assert!(
        parse_date("２０２６-06-30").is_err(),
        "full-width digits are not read"
    );
    assert_eq!(parse_date(" 2026-06-30 ").map(|d| d.day()), Ok(30));
    let err = parse_date("6月30日").unwrap_err().to_string();
    assert!(
        err.contains("“6月30日”") && err.contains("年-月-日"),
        "{err}"
    );
}

#[test]
fn years_beyond_four_digits_still_written() {
    for (y, m, d) in [
        (12345, 1, 2),
        (10000, 12, 31),
        (-1, 6, 30),
        (-12345, 2, 28),
        (262_142, 3, 4),
    ] {
        let far = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(format_date(far), far.format("%Y-%m-%d").to_string());
    }
}

proptest! {
    /// The day of a stamp the app writes (`2026-06-30T09:00:00Z`) reads as
    /// with chrono's `%Y-%m-%d` parser, which it replaced (issue 19).
    #[test]
    fn the_day_of_a_stamp_is_what_chrono_read(day in "[0-9]{4}-[0-9]{2}-[0-9]{2}", rest in "(T[0-9:.Z+-]{0,20})?") {
        let stamp = format!("{day}{rest}");
        let chrono = NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok();
        prop_assert_eq!(luoshi::model::tombstone::day_of(&stamp), chrono);
    }
}

#[derive(Deserialize, Debug)]
struct Dates {
    #[serde(default, with = "opt_date")]
    maybe: Option<NaiveDate>,
    #[serde(with = "req_date")]
    due: NaiveDate,
}

fn read(json: &str) -> Result<Dates, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn stored_dates_read_as_before() {
    let d = read(r#"{"maybe": "2026-03-31", "due": "2026-06-30"}"#).unwrap();
    assert_eq!(d.maybe, NaiveDate::from_ymd_opt(2026, 3, 31));
    assert_eq!(d.due, NaiveDate::from_ymd_opt(2026, 6, 30).unwrap());
    for none in [
        r#""maybe": null,"#,
        r#""maybe": "","#,
        r#""maybe": "  ","#,
        "",
    ] {
        let d = read(&format!(r#"{{{none} "due": "2026-06-30"}}"#)).unwrap();
        assert_eq!(d.maybe, None, "{none}");
    }
    let wrong = read(r#"{"maybe": 20260331, "due": "2026-06-30"}"#).unwrap_err();
    assert!(
        wrong.contains("日期应写成“年-月-日”文本，实际为 20260331"),
        "{wrong}"
    );
    let wrong = read(r#"{"maybe": true, "due": "2026-06-30"}"#).unwrap_err();
    assert!(wrong.contains("实际为 true"), "{wrong}");
    let wrong = read(r#"{"maybe": "2026/3/31", "due": "2026-06-30"}"#).unwrap_err();
    assert!(wrong.contains("“2026/3/31”"), "{wrong}");
    let wrong = read(r#"{"maybe": {"y": 2026}, "due": "2026-06-30"}"#).unwrap_err();
    assert!(wrong.contains("年-月-日"), "{wrong}");
    for missing in [r#""due": null"#, r#""due": """#] {
        let wrong = read(&format!("{{{missing}}}")).unwrap_err();
        assert!(wrong.contains("缺少日期"), "{missing}: {wrong}");
    }
}
