//! What a string found in localStorage means (`store::interpret`): nothing,
//! a clean plan, or damage that keeps the raw text untouched for the user.

mod common;

use common::{fixture, is_chinese};
use luoshi::model::sample::sample_plan;
use luoshi::store::{interpret, serialize, usage_percent, Damage, Loaded, QUOTA_CHARS};

fn damage(loaded: Loaded) -> Damage {
    match loaded {
        Loaded::Damaged(d) => d,
        other => panic!("expected damage, got {other:?}"),
    }
}

#[test]
fn nothing_stored_is_a_first_run() {
    assert_eq!(interpret(None), Loaded::Nothing);
}

#[test]
fn clean_stored_plan_loads_as_plan() {
    let plan = sample_plan(2026);
    let loaded = interpret(Some(serialize(&plan, "2026-06-30T08:00:00").unwrap()));
    assert_eq!(
        loaded,
        Loaded::Plan {
            plan,
            current: true
        }
    );
}

#[test]
fn clean_fixture_loads_as_plan() {
    match interpret(Some(fixture("v1_valid.json"))) {
        Loaded::Plan { plan: p, .. } => assert_eq!(p.tasks.len(), 4),
        other => panic!("expected a plan, got {other:?}"),
    }
}

#[test]
fn one_skipped_field_is_damage_with_the_readable_plan_and_raw_text() {
    let raw = fixture("v1_bad_date.json");
    let d = damage(interpret(Some(raw.clone())));
    assert_eq!(d.raw, raw, "raw text is kept byte for byte");
    assert_eq!(d.plan.as_ref().map(|p| p.tasks.len()), Some(4));
    assert_eq!(d.messages.len(), 1);
    assert!(
        d.messages[0].starts_with("plan.tasks[1].due："),
        "{}",
        d.messages[0]
    );
    assert!(is_chinese(&d.messages[0]));
}

#[test]
fn every_broken_fixture_is_damage_keeping_raw_text_byte_for_byte() {
    // (fixture, whether part of a plan could still be read)
    let cases = [
        ("truncated.json", false),
        ("wrong_format.json", false),
        ("v99_newer.json", false),
        ("deeply_nested.json", false),
        ("non_object_root.json", false),
        ("v1_bad_date.json", true),
        ("v1_missing_id.json", true),
        ("v1_parent_cycle.json", true),
        ("v1_duplicate_ids.json", true),
        ("v1_bad_update.json", true),
    ];
    for (name, readable) in cases {
        let raw = fixture(name);
        let d = damage(interpret(Some(raw.clone())));
        assert_eq!(d.raw.as_bytes(), raw.as_bytes(), "{name}");
        assert_eq!(d.plan.is_some(), readable, "{name}");
        assert!(!d.messages.is_empty(), "{name}");
        assert!(
            d.messages.iter().all(|m| is_chinese(m)),
            "{name}: {:?}",
            d.messages
        );
    }
}

#[test]
fn newer_version_damage_message_mentions_the_version() {
    let d = damage(interpret(Some(fixture("v99_newer.json"))));
    assert_eq!(d.messages.len(), 1);
    assert!(d.messages[0].contains("99"), "{}", d.messages[0]);
}

#[test]
fn empty_or_odd_stored_text_is_damage_not_a_first_run() {
    for raw in [
        "",
        "   ",
        "undefined",
        "null",
        "\u{feff}{}",
        "{\"format\":\"luoshi/plan\"",
    ] {
        let d = damage(interpret(Some(raw.to_string())));
        assert_eq!(d.raw, raw);
        assert_eq!(d.plan, None, "{raw:?}");
    }
}

#[test]
fn raw_text_with_unusual_characters_is_kept_exactly() {
    let raw = "{\"format\":\"luoshi/plan\",\"version\":1,\"plan\":{\"tasks\":[{\"id\":\"a\",\"title\":\"甲\\u0000\u{2028}😀\",\"due\":\"2022-02-30\"}]}}\r\n";
    let d = damage(interpret(Some(raw.to_string())));
    assert_eq!(d.raw, raw);
    assert_eq!(
        d.plan.as_ref().map(|p| p.tasks[0].title.as_str()),
        Some("甲\u{0}\u{2028}😀")
    );
}

#[test]
fn usage_percent_is_a_share_of_the_quota() {
    assert_eq!(usage_percent(0), 0.0);
    assert_eq!(usage_percent(QUOTA_CHARS), 100.0);
    assert_eq!(usage_percent(QUOTA_CHARS / 2), 50.0);
    assert!(usage_percent(QUOTA_CHARS * 2) > 100.0);
}

#[test]
fn serialized_plan_names_browser_storage_as_its_source() {
    let text = serialize(&sample_plan(2026), "2026-06-30T08:00:00").unwrap();
    let r = luoshi::format::restore_plan(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.source, "浏览器本地存储");
    assert_eq!(r.exported_at, "2026-06-30T08:00:00");
}

#[test]
fn data_from_a_newer_luoshi_may_not_be_replaced_here() {
    let raw = r#"{"format":"luoshi/plan","version":99,"plan":{}}"#.to_string();
    match interpret(Some(raw)) {
        Loaded::Damaged(d) => assert!(!d.replaceable),
        other => panic!("expected damage, got {other:?}"),
    }
    match interpret(Some("{broken".to_string())) {
        Loaded::Damaged(d) => assert!(d.replaceable),
        other => panic!("expected damage, got {other:?}"),
    }
}
