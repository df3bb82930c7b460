//! serde's error messages, which are English and technical, turned into
//! Chinese for office staff; anything unrecognised is kept word for word so
//! nothing is hidden.

/// Turns serde's English messages into Chinese where the pattern is known,
/// keeping the original words for anything else so nothing is hidden.
pub fn humanize(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return format!("缺少必填内容“{field}”");
    }
    let typed = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "));
    if let Some((found, expected)) = typed.and_then(|r| r.rsplit_once(", expected ")) {
        return format!(
            "内容应为{}，实际为{}",
            expected_kind(expected),
            found_kind(found)
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (value, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<String> = allowed
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split(", ")
            .map(|v| {
                let v = v.trim_matches('`');
                match variant_label(v) {
                    Some(label) => format!("{v}（{label}）"),
                    None => v.to_string(),
                }
            })
            .collect();
        return format!(
            "取值“{value}”无法识别，可用的取值为：{}",
            allowed.join("、")
        );
    }
    msg.to_string()
}

/// The Chinese name of an enum value the files use (task status, unit kind).
fn variant_label(value: &str) -> Option<&'static str> {
    use crate::model::{Status, UnitKind};
    let label = match value {
        "not_started" => Status::NotStarted.label(),
        "in_progress" => Status::InProgress.label(),
        "closed" => Status::Closed.label(),
        "paused" => Status::Paused.label(),
        "stopped" => Status::Stopped.label(),
        "monthly" => "每月",
        "quarterly" => "每季度",
        "yearly" => "每年",
        "supervise" => "督办",
        "chase" => "催办",
        "party_department" => UnitKind::PartyDepartment.label(),
        "government_department" => UnitKind::GovernmentDepartment.label(),
        "township" => UnitKind::Township.label(),
        "other" => UnitKind::Other.label(),
        _ => return None,
    };
    Some(label)
}

/// What serde expected, in words: "u8" → "整数".
fn expected_kind(expected: &str) -> String {
    match expected {
        "a string" => "文本".into(),
        "a boolean" => "是/否（true 或 false）".into(),
        "a sequence" => "列表".into(),
        e if e.starts_with("struct ") || e == "a map" => "对象".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "不小于 0 的整数".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" => "整数".into(),
        "f32" | "f64" | "a number" => "数字".into(),
        other => other.to_string(),
    }
}

/// What serde found, in words: `string "abc"` → `文本“abc”`.
fn found_kind(found: &str) -> String {
    let quoted = |s: &str| s.trim_matches('`').trim_matches('"').to_string();
    if let Some(v) = found.strip_prefix("string ") {
        return format!("文本“{}”", quoted(v));
    }
    for (prefix, word) in [
        ("integer ", "数字 "),
        ("floating point ", "数字 "),
        ("boolean ", "是/否值 "),
    ] {
        if let Some(v) = found.strip_prefix(prefix) {
            return format!("{word}{}", quoted(v));
        }
    }
    match found {
        "null" | "unit value" => "空值（null）".into(),
        "sequence" => "列表".into(),
        "map" => "对象".into(),
        other => other.to_string(),
    }
}
