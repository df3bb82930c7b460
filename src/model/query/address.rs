//! A `Query` in the page address and back: `from_address` reads the part
//! after `?` (untrusted: what cannot be understood is dropped and reported
//! in Chinese), `to_address` writes it, `replace_in_address` keeps the
//! parameters other parts of the app own.

use super::{level_from_key, status_from_key, status_key, Query, Sort, SortKey, UnitRole, PARAMS};
use crate::model::date::{format_date, parse_date};
use std::borrow::Cow;

impl Query {
    /// Reads a query from the part of the address after `?` (a leading `?`
    /// is allowed). Parameters it does not own are ignored. A value it
    /// cannot understand is dropped, with a message for the user naming the
    /// parameter and value; the rest of the query still applies. A list
    /// parameter given twice adds up; any other, the last one counts.
    pub fn from_address(query_string: &str) -> (Query, Vec<String>) {
        let raw = query_string.strip_prefix('?').unwrap_or(query_string);
        let mut q = Query::default();
        let mut problems = Vec::new();
        let mut sort_key = None;
        let mut descending = false;
        for (name, value) in form_urlencoded::parse(raw.as_bytes()) {
            let value = value.as_ref();
            match name.as_ref() {
                "q" => q.text = value.to_string(),
                "area" => q.areas.extend(split_list(value)),
                "unit" => q.unit = Some(value.to_string()),
                "role" => match UnitRole::from_key(value) {
                    Some(role) => q.unit_role = role,
                    None => problems.push(unreadable("role", value)),
                },
                "leader" => q.leader = Some(value.to_string()),
                "level" => {
                    for item in split_list(value).filter(|i| !i.is_empty()) {
                        match level_from_key(&item) {
                            Some(level) => q.levels.push(level),
                            None => problems.push(unreadable("level", &item)),
                        }
                    }
                }
                "status" => {
                    for item in split_list(value).filter(|i| !i.is_empty()) {
                        match status_from_key(&item) {
                            Some(status) => q.statuses.push(status),
                            None => problems.push(unreadable("status", &item)),
                        }
                    }
                }
                "key" => match flag(value) {
                    Some(on) => q.key_only = on,
                    None => problems.push(unreadable("key", value)),
                },
                "tag" => q.tag = Some(value.to_string()),
                "warn" => {
                    for item in split_list(value).filter(|i| !i.is_empty()) {
                        match super::Warning::from_key(&item) {
                            Some(w) => q.warnings.push(w),
                            None => problems.push(unreadable("warn", &item)),
                        }
                    }
                }
                "from" | "to" => {
                    let date = if value.is_empty() {
                        Ok(None)
                    } else {
                        parse_date(value).map(Some)
                    };
                    match date {
                        Ok(date) if name == "from" => q.due_from = date,
                        Ok(date) => q.due_to = date,
                        Err(_) => problems.push(format!(
                            "{}（日期应写成“年-月-日”，如 2026-06-30）",
                            unreadable(&name, value)
                        )),
                    }
                }
                "sort" => match SortKey::from_key(value) {
                    Some(key) => sort_key = Some(key),
                    None if value.is_empty() => sort_key = None,
                    None => problems.push(unreadable("sort", value)),
                },
                "desc" => match flag(value) {
                    Some(on) => descending = on,
                    None => problems.push(unreadable("desc", value)),
                },
                _ => {}
            }
        }
        // `desc` means nothing without a column to sort by.
        q.sort = sort_key.map(|key| Sort { key, descending });
        (q, problems)
    }

    /// The query as the part of the address after `?` (without it): only
    /// parameters that differ from the default, always in the order of
    /// `PARAMS`, so the same query always gives the same address. Empty for
    /// the default query. Lists keep their commas readable.
    pub fn to_address(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.text.is_empty() {
            pairs.push(("q", encode(&self.text)));
        }
        if !self.areas.is_empty() {
            let items = self.areas.iter().map(|a| escape_item(a));
            pairs.push(("area", encode_list(items)));
        }
        if let Some(unit) = &self.unit {
            pairs.push(("unit", encode(unit)));
        }
        if self.unit_role != UnitRole::Either {
            pairs.push(("role", self.unit_role.key().to_string()));
        }
        if let Some(leader) = &self.leader {
            pairs.push(("leader", encode(leader)));
        }
        if !self.levels.is_empty() {
            let items = self.levels.iter().map(|l| Cow::Borrowed(l.key()));
            pairs.push(("level", encode_list(items)));
        }
        if !self.statuses.is_empty() {
            let items = self.statuses.iter().map(|s| Cow::Borrowed(status_key(*s)));
            pairs.push(("status", encode_list(items)));
        }
        if self.key_only {
            pairs.push(("key", "1".to_string()));
        }
        if let Some(tag) = &self.tag {
            pairs.push(("tag", encode(tag)));
        }
        if !self.warnings.is_empty() {
            let items = self.warnings.iter().map(|w| Cow::Borrowed(w.key()));
            pairs.push(("warn", encode_list(items)));
        }
        if let Some(from) = self.due_from {
            pairs.push(("from", format_date(from)));
        }
        if let Some(to) = self.due_to {
            pairs.push(("to", format_date(to)));
        }
        if let Some(sort) = self.sort {
            pairs.push(("sort", sort.key.key().to_string()));
            if sort.descending {
                pairs.push(("desc", "1".to_string()));
            }
        }
        join_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    }

    /// `existing` (the part of the address after `?`) with this query's
    /// parameters put in place of whatever it said about them; every other
    /// parameter (`today`, `edit`, …) is kept, in its order, before them.
    pub fn replace_in_address(&self, existing: &str) -> String {
        let raw = existing.strip_prefix('?').unwrap_or(existing);
        let others: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
            .filter(|(name, _)| !PARAMS.contains(&name.as_ref()))
            .map(|(name, value)| (encode(&name), encode(&value)))
            .collect();
        let mine = self.to_address();
        let kept = join_pairs(others.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        match (kept.is_empty(), mine.is_empty()) {
            (true, _) => mine,
            (false, true) => kept,
            (false, false) => format!("{kept}&{mine}"),
        }
    }
}

/// The message for a parameter value that cannot be understood.
fn unreadable(name: &str, value: &str) -> String {
    const MAX: usize = 40;
    let shown: String = if value.chars().count() > MAX {
        value.chars().take(MAX).chain(['…']).collect()
    } else {
        value.to_string()
    };
    format!("地址中的筛选条件“{name}={shown}”无法识别，已忽略")
}

/// `1`/`true` and `0`/`false` (or nothing) for a checkbox in the address.
fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" => Some(true),
        "0" | "false" | "" => Some(false),
        _ => None,
    }
}

/// The items of a comma-separated list value, unescaped (see the module
/// notes). Blank items are kept, so every list round-trips; the filters
/// ignore them.
fn split_list(value: &str) -> impl Iterator<Item = String> + '_ {
    value.split(',').map(unescape_item)
}

/// A list item with `%` and `,` escaped so the list can be split on commas.
fn escape_item(item: &str) -> Cow<'_, str> {
    if item.contains(['%', ',']) {
        Cow::Owned(item.replace('%', "%25").replace(',', "%2C"))
    } else {
        Cow::Borrowed(item)
    }
}

/// The inverse of `escape_item`; a `%` that starts no escape is kept.
fn unescape_item(item: &str) -> String {
    let mut out = String::with_capacity(item.len());
    let mut rest = item;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let code = after.get(..2);
        if code.is_some_and(|c| c.eq_ignore_ascii_case("2c")) {
            out.push(',');
            rest = &after[2..];
        } else if code == Some("25") {
            out.push('%');
            rest = &after[2..];
        } else {
            out.push('%');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Percent-encodes a value for the address (`application/x-www-form-
/// urlencoded`, as `from_address` reads it).
fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Encodes escaped list items joined by commas, leaving the separating
/// commas readable: once items are escaped, an encoded `%2C` can only be a
/// separator, since an item's own commas became `%252C`.
fn encode_list<'a>(items: impl Iterator<Item = Cow<'a, str>>) -> String {
    let joined: Vec<Cow<str>> = items.collect();
    encode(&joined.join(",")).replace("%2C", ",")
}

/// `name=value` pairs, already encoded, joined with `&`.
fn join_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    }
    out
}
