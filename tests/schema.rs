//! The published JSON Schema of Luoshi files (`docs/luoshi-plan.schema.json`)
//! is generated from the Rust types. This test fails when the types change
//! and the file was not regenerated; regenerate with
//! `LUOSHI_WRITE_SCHEMA=1 cargo test --test schema`.

// Native only: the generator and schema crates are not in the browser build.
#![cfg(not(target_arch = "wasm32"))]

use luoshi::format::{CURRENT_VERSION, PLAN_FORMAT};
use luoshi::model::Plan;
use schemars::JsonSchema;

/// The envelope every Luoshi file travels in.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(title = "落实（Luoshi）数据文件")]
struct Envelope {
    /// Always "luoshi/plan" (a 填报包 is a plan with `plan.package` set).
    format: String,
    /// Schema version; readers refuse versions newer than their own.
    version: u32,
    /// When the file was written (ISO 8601).
    exported_at: String,
    /// Who wrote it, e.g. an office or a unit's name.
    source: String,
    plan: Plan,
}

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/luoshi-plan.schema.json");

fn generated() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Envelope)).unwrap();
    // The constant parts, so other tools can check them.
    schema["properties"]["format"]["const"] = PLAN_FORMAT.into();
    schema["properties"]["version"]["maximum"] = CURRENT_VERSION.into();
    schema["$comment"] = format!(
        "Generated from the Rust types by tests/schema.rs for format version {CURRENT_VERSION}; do not edit by hand."
    )
    .into();
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

#[test]
fn the_published_schema_matches_the_types() {
    let now = generated();
    if std::env::var_os("LUOSHI_WRITE_SCHEMA").is_some() {
        std::fs::write(PATH, &now).unwrap();
    }
    let published = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        published == now,
        "docs/luoshi-plan.schema.json is out of date with the types: run `LUOSHI_WRITE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}

#[test]
fn the_schema_names_every_part_of_a_plan() {
    let schema: serde_json::Value = serde_json::from_str(&generated()).unwrap();
    let defs = schema["definitions"].as_object().unwrap();
    for name in [
        "Plan",
        "Task",
        "ProgressUpdate",
        "Extension",
        "Milestone",
        "Supervision",
        "LogEntry",
        "Problem",
        "PackageInfo",
        "Settings",
    ] {
        assert!(defs.contains_key(name), "{name}");
    }
    assert_eq!(defs["Task"]["properties"]["due"]["format"], "date");
}
