//! 督办/催办 numbers kept unique through a merge. A number is taken here
//! when a record here carries it or the counter here has passed it (it
//! was issued, perhaps printed, even if its record is gone); an incoming
//! record with a taken number gets the next free one, after every counter
//! and number on either side, and the preview says so. Counters merge as
//! the larger.

use crate::model::plan::Plan;
use crate::model::supervision::NoticeCounter;
use crate::model::task::{SuperviseKind, Supervision};
use crate::model::TaskId;
use chrono::Datelike;
use std::collections::{HashMap, HashSet};

/// An incoming record given a new number.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Renumbered {
    pub task: TaskId,
    /// The record's id.
    pub record: String,
    pub kind: SuperviseKind,
    pub year: i32,
    pub from: u32,
    pub to: u32,
    /// In words: 督字〔2026〕3号 已有，导入后改为 督字〔2026〕5号.
    pub text: String,
}

type Key = (SuperviseKind, i32);

fn key(s: &Supervision) -> Key {
    (s.kind, s.date.year())
}

fn counter(counters: &[NoticeCounter], k: Key) -> u32 {
    counters
        .iter()
        .filter(|c| (c.kind, c.year) == k)
        .map(|c| c.last)
        .max()
        .unwrap_or(0)
}

/// New numbers for the incoming records (`task id`, record) that need one,
/// and the counters that must rise, given the plan here and the file's
/// counters. Records are taken in the order given.
pub(super) fn renumber(
    ours: &Plan,
    theirs_counters: &[NoticeCounter],
    incoming: &[(TaskId, Supervision)],
) -> (Vec<Renumbered>, Vec<NoticeCounter>) {
    let mut taken: HashSet<(Key, u32)> = ours
        .tasks
        .iter()
        .flat_map(|t| &t.supervisions)
        .filter_map(|s| s.number.map(|n| (key(s), n)))
        .collect();
    // The highest number seen anywhere, per year and kind: new numbers
    // come after it, so they collide with nothing on either side.
    let mut high: HashMap<Key, u32> = HashMap::new();
    let mut raise = |k: Key, n: u32| {
        let h = high.entry(k).or_insert(0);
        *h = (*h).max(n);
    };
    for c in ours.notice_counters.iter().chain(theirs_counters) {
        raise((c.kind, c.year), c.last);
    }
    for &(k, n) in &taken {
        raise(k, n);
    }
    for (_, s) in incoming {
        if let Some(n) = s.number {
            raise(key(s), n);
        }
    }
    let prefix = |kind| match kind {
        SuperviseKind::Supervise => &ours.settings.supervise_prefix,
        SuperviseKind::Chase => &ours.settings.chase_prefix,
    };
    let mut out = Vec::new();
    for (task, s) in incoming {
        let Some(n) = s.number else {
            continue;
        };
        let k = key(s);
        let issued_here = n <= counter(&ours.notice_counters, k);
        if !issued_here && taken.insert((k, n)) {
            continue;
        }
        let next = high.get(&k).copied().unwrap_or(0).saturating_add(1);
        high.insert(k, next);
        taken.insert((k, next));
        let p = prefix(s.kind);
        out.push(Renumbered {
            task: task.clone(),
            record: s.id.clone(),
            kind: s.kind,
            year: k.1,
            from: n,
            to: next,
            text: format!(
                "{p}〔{y}〕{n}号 本计划已有，导入后改为 {p}〔{y}〕{next}号",
                y = k.1
            ),
        });
    }
    // The counters here rise to the file's and to every number coming in.
    let mut rise: HashMap<Key, u32> = HashMap::new();
    let mut lift = |k: Key, n: u32| {
        if n > counter(&ours.notice_counters, k) {
            let r = rise.entry(k).or_insert(0);
            *r = (*r).max(n);
        }
    };
    for c in theirs_counters {
        lift((c.kind, c.year), c.last);
    }
    for (_, s) in incoming {
        let new = out.iter().find(|r| r.record == s.id).map(|r| r.to);
        if let Some(n) = new.or(s.number) {
            lift(key(s), n);
        }
    }
    let mut counters: Vec<NoticeCounter> = rise
        .into_iter()
        .map(|((kind, year), last)| NoticeCounter { year, kind, last })
        .collect();
    crate::model::sorting::sort_by_key(&mut counters, |c| (c.year, c.kind.key()));
    (out, counters)
}
