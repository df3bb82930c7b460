//! One description of "which tasks": filters, search and sort, as the page
//! address carries them and as every view applies them.
//!
//! The ledger, the charts, the supervision list and reports all select
//! tasks through `select`, so a chart mark that says 7 leads to exactly
//! those 7 tasks, and a view sent to a colleague as an address opens the
//! same way for them (`from_address` / `to_address`).
//!
//! The address is untrusted input (typed, bookmarked, pasted): a value that
//! cannot be understood is dropped and reported in Chinese, never guessed,
//! and parameters that belong to other parts of the app (`today`, `edit`)
//! are left alone.
//!
//! Lists (`area`, `level`, `status`) are comma-separated. An area id that
//! itself contains a comma or `%` is escaped inside the list (`,` as `%2C`,
//! `%` as `%25`, before the address encoding), so every value round-trips;
//! ids the app makes never need it.

mod select;

pub use select::{select, SelectedRow, Selection};

use crate::model::date::{format_date, parse_date};
use crate::model::schedule::Level;
use crate::model::search::SearchTerms;
use crate::model::task::Status;
use chrono::NaiveDate;
use std::borrow::Cow;

/// The area key that means 未分领域: tasks under no known area (see
/// `PlanIndex::area_of`). An area whose id is literally `none` is selected
/// by it as well.
pub const NO_AREA_KEY: &str = "none";

/// The address parameters a `Query` owns; every other one is left to the
/// rest of the app.
pub const PARAMS: [&str; 13] = [
    "q", "area", "unit", "role", "leader", "level", "status", "key", "tag", "from", "to", "sort",
    "desc",
];

/// Which tasks to show, how to order them, and what to search for. The
/// default selects every task in hierarchy order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// What was typed in the search box (see `SearchTerms`), kept as typed.
    pub text: String,
    /// Area ids; `NO_AREA_KEY` means 未分领域. Any of them (blank ids are
    /// ignored).
    pub areas: Vec<String>,
    /// A unit id; blank means no unit filter.
    pub unit: Option<String>,
    /// How `unit` must take part in a task; ignored without a unit.
    pub unit_role: UnitRole,
    /// 责任领导, compared exactly after trimming both; blank means no filter.
    pub leader: Option<String>,
    /// Warning levels on the day, any of them (a parent's is its rolled-up
    /// light).
    pub levels: Vec<Level>,
    /// Recorded statuses, any of them.
    pub statuses: Vec<Status>,
    /// Only 重点任务.
    pub key_only: bool,
    /// A 专项 tag, compared exactly after trimming; blank means no filter.
    pub tag: Option<String>,
    /// The due date in force on the day (`Assessment::due`) is on or after
    /// this. A task without a due date fails any date bound.
    pub due_from: Option<NaiveDate>,
    /// The due date in force on the day is on or before this.
    pub due_to: Option<NaiveDate>,
    /// `None` keeps the hierarchy, with ancestors shown as context.
    pub sort: Option<Sort>,
}

/// How a unit filter reads a task's units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum UnitRole {
    /// The task's 牵头单位.
    Lead,
    /// One of the task's 配合单位.
    Support,
    /// Either.
    #[default]
    Either,
}

impl UnitRole {
    /// Every role, in the order a picker lists them.
    pub const ALL: [UnitRole; 3] = [UnitRole::Either, UnitRole::Lead, UnitRole::Support];

    /// The name in the address (`role=`).
    pub fn key(self) -> &'static str {
        match self {
            UnitRole::Lead => "lead",
            UnitRole::Support => "support",
            UnitRole::Either => "either",
        }
    }

    /// The role named `key` in the address.
    pub fn from_key(key: &str) -> Option<UnitRole> {
        UnitRole::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Chinese label for the picker.
    pub fn label(self) -> &'static str {
        match self {
            UnitRole::Lead => "牵头",
            UnitRole::Support => "配合",
            UnitRole::Either => "牵头或配合",
        }
    }
}

/// An order for the rows instead of the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Largest (or, for `Level`, least urgent) first.
    pub descending: bool,
}

/// The column to sort by. In both directions, tasks without a value (no
/// due date, no lead unit, blank leader …) come last, and ties keep
/// hierarchy order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// 具体措施, by code point (not by pinyin).
    Title,
    /// 牵头单位 by name, by code point.
    LeadUnit,
    /// 配合单位 by their names joined with "、", by code point.
    SupportUnits,
    /// 责任领导, by code point.
    Leader,
    /// The due date in force on the day.
    Due,
    /// Rolled-up progress, lowest first when ascending.
    Progress,
    /// Urgency: ascending puts the most urgent first (逾期, 预警, 正常,
    /// 逾期办结, 按时办结).
    Level,
    /// Status in the order work goes: 未启动, 推进中, 暂缓, 已办结.
    Status,
}

impl SortKey {
    /// Every key, in the order of the ledger's columns.
    pub const ALL: [SortKey; 8] = [
        SortKey::Title,
        SortKey::LeadUnit,
        SortKey::SupportUnits,
        SortKey::Leader,
        SortKey::Due,
        SortKey::Progress,
        SortKey::Level,
        SortKey::Status,
    ];

    /// The name in the address (`sort=`).
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Title => "title",
            SortKey::LeadUnit => "lead",
            SortKey::SupportUnits => "support",
            SortKey::Leader => "leader",
            SortKey::Due => "due",
            SortKey::Progress => "progress",
            SortKey::Level => "level",
            SortKey::Status => "status",
        }
    }

    /// The key named `key` in the address.
    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The column's name, as the ledger heads it.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Title => "任务",
            SortKey::LeadUnit => "牵头单位",
            SortKey::SupportUnits => "配合单位",
            SortKey::Leader => "责任领导",
            SortKey::Due => "完成时限",
            SortKey::Progress => "进度",
            SortKey::Level => "灯色",
            SortKey::Status => "状态",
        }
    }
}

/// Every warning level, in the order a picker lists them.
pub const LEVELS: [Level; 5] = [
    Level::Red,
    Level::Yellow,
    Level::Green,
    Level::DoneOnTime,
    Level::DoneLate,
];

/// Every status, in the order a picker lists them.
pub const STATUSES: [Status; 4] = [
    Status::NotStarted,
    Status::InProgress,
    Status::Paused,
    Status::Closed,
];

/// The level named by `Level::key`.
fn level_from_key(key: &str) -> Option<Level> {
    LEVELS.into_iter().find(|l| l.key() == key)
}

/// A status's name in the address: the same as in files (its serde name).
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not_started",
        Status::InProgress => "in_progress",
        Status::Closed => "closed",
        Status::Paused => "paused",
    }
}

/// The status named by `status_key`.
fn status_from_key(key: &str) -> Option<Status> {
    STATUSES.into_iter().find(|s| status_key(*s) == key)
}

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

    /// True when the query selects every task in hierarchy order: no search
    /// text, no filter that excludes anything, no sort.
    pub fn is_empty(&self) -> bool {
        SearchTerms::parse(&self.text).is_empty() && !self.filters() && self.sort.is_none()
    }

    /// True when some filter (not the search) can exclude a task.
    pub fn filters(&self) -> bool {
        self.areas.iter().any(|a| !a.trim().is_empty())
            || given(&self.unit).is_some()
            || given(&self.leader).is_some()
            || !self.levels.is_empty()
            || !self.statuses.is_empty()
            || self.key_only
            || given(&self.tag).is_some()
            || self.due_from.is_some()
            || self.due_to.is_some()
    }
}

/// The value of an optional text filter, when it says something.
pub(crate) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
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
