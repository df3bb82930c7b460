//! The 通报 drafted whole: its head (title, period, 主送), the four parts
//! of the body, the two attachments and the 落款, each in words and in the
//! numbers behind them. The page shows it and prints it; the worker writes
//! it to .docx from the same value (hence serde).

use crate::model::index::PlanIndex;
use crate::model::plan::{Plan, UnitKind};
use crate::model::report::achievements::{achievements, Achievements};
use crate::model::report::attachments::{LaggingList, SummaryTable};
use crate::model::report::figures::{change, Change, Figures, Headline};
use crate::model::report::overall::{overall, Overall};
use crate::model::report::period::ReportPeriod;
use crate::model::report::text::date_text;
use crate::model::report::troubles::{troubles, Troubles};
use crate::model::rollup::assess_positions;
use crate::model::summary::unit_summary;
use crate::model::supervision::signature;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A paragraph of the body: an optional run-in heading ("（一）……。",
/// printed in 楷体 by official convention) and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Empty for a plain paragraph.
    pub lead: String,
    pub text: String,
}

impl Paragraph {
    pub fn plain(text: impl Into<String>) -> Paragraph {
        Paragraph {
            lead: String::new(),
            text: text.into(),
        }
    }

    pub fn led(lead: impl Into<String>, text: impl Into<String>) -> Paragraph {
        Paragraph {
            lead: lead.into(),
            text: text.into(),
        }
    }

    /// The whole paragraph as one line of text.
    pub fn full(&self) -> String {
        format!("{}{}", self.lead, self.text)
    }
}

/// A part of the body under its heading ("一、总体情况", in 黑体).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
}

/// The drafted 通报.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// "关于区委2026年工作要点落实情况的通报".
    pub title: String,
    pub period: ReportPeriod,
    /// Under the title: "（2026年11月）".
    pub period_line: String,
    /// The day everything is judged as (the period's end by default).
    pub as_of: NaiveDate,
    /// 主送, ending with "：".
    pub addressees: String,
    /// The opening sentence.
    pub opening: String,
    /// 一、总体情况.
    pub overall: Overall,
    /// 二、主要成效.
    pub achievements: Achievements,
    /// 三、存在问题.
    pub troubles: Troubles,
    /// 四、下步工作: the office's fixed sentences, blank ones left out.
    pub next_steps: Vec<String>,
    /// 附件1.
    pub summary: SummaryTable,
    /// 附件2.
    pub lagging: LaggingList,
    /// 落款: the settings' office name, else the plan's issuer (as on
    /// 督办通知单).
    pub issuer: String,
    /// The date under the 落款: the judged day, written out; the page may
    /// put the day of issue instead.
    pub date_line: String,
}

impl Draft {
    /// The dashboard's and the ledger's 工作事项, 已办结, 已逾期 and 进度滞后
    /// for the judged day.
    pub fn headline(&self) -> Headline {
        self.overall.figures.headline()
    }

    /// The figures on the judged day.
    pub fn figures(&self) -> &Figures {
        &self.overall.figures
    }

    /// The change since the end of the period before.
    pub fn change(&self) -> &Change {
        &self.overall.change
    }

    /// The body in order, with its headings. 下步工作 is left out when
    /// the office has no sentence for it, rather than printed empty.
    pub fn body(&self) -> Vec<Section> {
        let section = |heading: &str, paragraphs: Vec<Paragraph>| Section {
            heading: heading.to_string(),
            paragraphs,
        };
        let mut out = vec![
            section("一、总体情况", self.overall.paragraphs.clone()),
            section("二、主要成效", self.achievements.paragraphs.clone()),
            section("三、存在问题", self.troubles.paragraphs.clone()),
        ];
        if !self.next_steps.is_empty() {
            out.push(section(
                "四、下步工作",
                self.next_steps.iter().map(Paragraph::plain).collect(),
            ));
        }
        out
    }

    /// The attachments' titles in order, for the "附件：" note after the
    /// body and the heading of each attachment page.
    pub fn attachment_titles(&self) -> [&str; 2] {
        [&self.summary.title, &self.lagging.title]
    }
}

/// 主送 from the kinds of unit in the plan's registry, in the usual order:
/// "各街道（乡镇），区委各部门，区政府各部门：".
fn addressees(plan: &Plan) -> String {
    let has = |k: UnitKind| plan.units.iter().any(|u| u.kind == k);
    let mut parts = Vec::new();
    if has(UnitKind::Township) {
        parts.push("各街道（乡镇）");
    }
    if has(UnitKind::PartyDepartment) {
        parts.push("区委各部门");
    }
    if has(UnitKind::GovernmentDepartment) {
        parts.push("区政府各部门");
    }
    if has(UnitKind::Other) || parts.is_empty() {
        parts.push("各有关单位");
    }
    format!("{}：", parts.join("，"))
}

/// "现将区委2026年工作要点11月落实情况通报如下。": the year is said once
/// when the period lies in the plan's year.
fn opening(period: ReportPeriod, year: i32) -> String {
    let when = if period.year() == year {
        period.in_year()
    } else {
        period.label()
    };
    format!("现将区委{year}年工作要点{when}落实情况通报如下。")
}

/// The day the change is measured from: the last day of the period before
/// (the day before `period` starts), when that is before `as_of`; none
/// when the report is judged before its period began, as nothing in it
/// has happened yet.
pub fn since_day(period: ReportPeriod, as_of: NaiveDate) -> Option<NaiveDate> {
    period.start().pred_opt().filter(|&s| s < as_of)
}

/// Drafts the 通报 for `period` from `plan` judged as of `as_of`, with the
/// change measured from `since_day`. `next_steps` are the 下步工作
/// sentences (normally `plan.settings.report_next_steps`).
pub fn draft(plan: &Plan, period: ReportPeriod, as_of: NaiveDate, next_steps: &[String]) -> Draft {
    let index = PlanIndex::new(plan);
    let year = plan.year;
    let now = assess_positions(&index, as_of);
    let figures = Figures::of(&index, &now);
    let moved = match since_day(period, as_of) {
        Some(since) => change(&index, &assess_positions(&index, since), &now, since),
        None => Change::default(),
    };
    let achievements = achievements(&index, &now, &moved.closed);
    let troubles = troubles(&index, &now, &figures, as_of);
    let (rows, total) = unit_summary(&index, &now);
    let lagging = LaggingList::of(
        format!("区委{year}年工作要点滞后事项清单"),
        &troubles.groups,
    );
    Draft {
        title: format!("关于区委{year}年工作要点落实情况的通报"),
        period,
        period_line: format!("（{}）", period.label()),
        as_of,
        addressees: addressees(plan),
        opening: opening(period, year),
        overall: overall(figures, moved, as_of, year),
        achievements,
        troubles,
        next_steps: next_steps
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        summary: SummaryTable {
            title: format!("区委{year}年工作要点落实情况汇总表"),
            rows,
            total,
        },
        lagging,
        issuer: signature(plan),
        date_line: date_text(as_of),
    }
}
