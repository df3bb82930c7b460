//! 下载 Word 文档: the draft on screen (or the 领导版) written to .docx by
//! the worker, which loads on first use, and saved by the browser.

use crate::model::report::{draft, leader_sheets};
use crate::ui::download::download_bytes;
use crate::ui::reports::choice::Choice;
use crate::ui::state::AppState;
use crate::ui::worker::report::DOCX;
use leptos::prelude::*;

/// Whether a document is being written, and what became of the last one.
#[derive(Clone, Copy)]
pub struct Busy {
    busy: RwSignal<bool>,
    message: RwSignal<Option<String>>,
}

impl Busy {
    pub fn new() -> Busy {
        Busy {
            busy: RwSignal::new(false),
            message: RwSignal::new(None),
        }
    }

    pub fn is_busy(&self) -> bool {
        self.busy.get()
    }

    pub fn message(&self) -> Option<String> {
        self.message.get()
    }
}

impl Default for Busy {
    fn default() -> Self {
        Busy::new()
    }
}

/// Writes what is shown as a Word document and downloads it.
pub fn download_docx(state: AppState, choice: Choice, busy: Busy) {
    if busy.busy.get_untracked() {
        return;
    }
    let today = state.today.with_untracked(|t| t.date);
    let as_of = choice
        .as_of
        .get_untracked()
        .unwrap_or_else(|| choice.period.with_untracked(|p| p.end().min(today)));
    let period = choice.period.get_untracked();
    let leaders = choice.leaders.get_untracked();
    busy.busy.set(true);
    busy.message.set(None);
    let plan_title = state.doc.plan().with_untracked(|p| p.title.clone());
    let (name, job) = if leaders {
        let sheets = state.doc.plan().with_untracked(|p| leader_sheets(p, as_of));
        (
            format!("{plan_title}-落实情况（领导版）-{}.docx", period.label()),
            Job::Leaders(sheets),
        )
    } else {
        let d = state
            .doc
            .plan()
            .with_untracked(|p| draft(p, period, as_of, &p.settings.report_next_steps));
        (
            format!("{}（{}）.docx", d.title, period.label()),
            Job::Report(Box::new(d)),
        )
    };
    leptos::task::spawn_local(async move {
        let bytes = match &job {
            Job::Report(d) => crate::ui::worker::report::report_docx(d).await,
            Job::Leaders(s) => crate::ui::worker::report::leaders_docx(s).await,
        };
        let result = bytes.and_then(|b| download_bytes(&name, &b, DOCX));
        busy.busy.set(false);
        busy.message.set(Some(match result {
            Ok(()) => format!(
                "已生成“{name}”，请在浏览器的下载列表中查看；可用 Word 或 WPS 打开修改后印发。"
            ),
            Err(e) => format!("Word 文档未能生成：{e}"),
        }));
    });
}

enum Job {
    Report(Box<crate::model::report::Draft>),
    Leaders(Vec<crate::model::report::LeaderSheet>),
}
