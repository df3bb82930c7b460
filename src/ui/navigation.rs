//! Navigation: which page is shown and which tasks the ledger and the Gantt
//! select (filters, search, sort), both following the page address
//! (`#/ledger?q=…`). Changed only through the methods here.

use crate::model::query::Query;
use leptos::prelude::*;

/// Which page is shown; mirrors the address's `#/…` part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// 总览
    Dashboard,
    /// 进度计划 (Gantt)
    Gantt,
    Ledger,
    Data,
    /// 盲区排查
    Audit,
    /// 单位和领域名录
    Units,
    /// 督办: the red and yellow list and who has not reported.
    Supervision,
    /// 问题整改
    Problems,
    /// 设置
    Settings,
    /// Printable 督办通知单/催办单 (`#/notice?ids=…`).
    Notice,
    /// 从工作要点生成计划.
    Breakdown,
    /// 报告: the 落实情况通报.
    Reports,
}

impl Page {
    /// The page named by an address's `#/page?query` part.
    pub fn from_hash(hash: &str) -> Page {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('?').next().unwrap_or_default() {
            "data" => Page::Data,
            "audit" => Page::Audit,
            "units" => Page::Units,
            "supervision" => Page::Supervision,
            "dashboard" => Page::Dashboard,
            "gantt" => Page::Gantt,
            "problems" => Page::Problems,
            "settings" => Page::Settings,
            "notice" => Page::Notice,
            "breakdown" => Page::Breakdown,
            "reports" => Page::Reports,
            _ => Page::Ledger,
        }
    }
}

/// The `?query` part of an address's `#/page?query`, without the `?`.
pub fn hash_query(hash: &str) -> &str {
    hash.split_once('?').map_or("", |(_, q)| q)
}

/// The page and the query shown.
#[derive(Clone, Copy)]
pub struct Navigation {
    page: RwSignal<Page>,
    query: RwSignal<Query>,
    /// What the address's query part could not be read as, in Chinese.
    problems: RwSignal<Vec<String>>,
}

impl Default for Navigation {
    fn default() -> Self {
        Navigation::new()
    }
}

impl Navigation {
    pub fn new() -> Navigation {
        Navigation {
            page: RwSignal::new(Page::Ledger),
            query: RwSignal::new(Query::default()),
            problems: RwSignal::new(Vec::new()),
        }
    }

    pub fn page(&self) -> ReadSignal<Page> {
        self.page.read_only()
    }

    /// Which tasks the ledger and the Gantt show.
    pub fn query(&self) -> ReadSignal<Query> {
        self.query.read_only()
    }

    pub fn query_problems(&self) -> ReadSignal<Vec<String>> {
        self.problems.read_only()
    }

    /// Shows the page the address `hash` names, and, on the ledger and
    /// the Gantt, the tasks its query selects.
    pub fn follow(&self, hash: &str) {
        let page = Page::from_hash(hash);
        if self.page.get_untracked() != page {
            self.page.set(page);
        }
        if matches!(page, Page::Ledger | Page::Gantt) {
            let (query, problems) = Query::from_address(hash_query(hash));
            if self.query.with_untracked(|q| *q != query) {
                self.query.set(query);
            }
            self.problems.set(problems);
        }
    }

    /// Changes the query (the filter bar writes the address too).
    pub fn change_query(&self, change: impl FnOnce(&mut Query)) {
        self.query.update(change);
    }

    /// Drops every filter: they name one plan's units and areas.
    pub fn clear_query(&self) {
        self.query.set(Query::default());
    }
}
