//! The office's settings: warning thresholds, the reporting cycle, how
//! lateness is judged, and what goes on printed notices.

use serde::{Deserialize, Serialize};

/// How often units report (报送周期).
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReportCycle {
    /// Every calendar month, due on `report_due_day`.
    #[default]
    Monthly,
    /// Every quarter, due on `report_due_day` of the quarter's last month.
    Quarterly,
    /// A rolling window of `report_period_days` since the last report.
    Rolling,
}

impl ReportCycle {
    pub const ALL: [ReportCycle; 3] = [
        ReportCycle::Monthly,
        ReportCycle::Quarterly,
        ReportCycle::Rolling,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ReportCycle::Monthly => "monthly",
            ReportCycle::Quarterly => "quarterly",
            ReportCycle::Rolling => "rolling",
        }
    }

    pub fn from_key(key: &str) -> Option<ReportCycle> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            ReportCycle::Monthly => "按月报送",
            ReportCycle::Quarterly => "按季度报送",
            ReportCycle::Rolling => "滚动周期（距上次报送天数）",
        }
    }
}

/// Which deadline lateness is judged against.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Lateness {
    /// The deadline first agreed: an extension does not hide lateness.
    #[default]
    Original,
    /// The deadline in force on the day, after extensions granted by then.
    Current,
}

impl Lateness {
    pub fn key(self) -> &'static str {
        match self {
            Lateness::Original => "original",
            Lateness::Current => "current",
        }
    }

    pub fn from_key(key: &str) -> Option<Lateness> {
        [Lateness::Original, Lateness::Current]
            .into_iter()
            .find(|c| c.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Lateness::Original => "按原定完成时限（延期不改变逾期判断）",
            Lateness::Current => "按延期后的现完成时限",
        }
    }
}

/// Thresholds of the warning rules and the office's details; the office may
/// change them on the settings page.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Settings {
    /// A task due within this many days is yellow (临近时限).
    pub due_soon_days: u32,
    /// A task whose progress is below this share (percent) of the expected
    /// progress is yellow (进度滞后).
    pub behind_share_percent: u32,
    /// The rolling window's length in days (`ReportCycle::Rolling`).
    pub report_period_days: u32,
    /// Days after its start during which a task is not yet judged behind.
    pub behind_grace_days: u32,
    /// How often units report.
    pub report_cycle: ReportCycle,
    /// The day of the month a period's report is due (1–28; 25 by default).
    pub report_due_day: u32,
    /// Which deadline lateness is judged against.
    pub lateness: Lateness,
    /// 落款 on notices, e.g. "中共××区委办公室".
    pub office_name: String,
    /// Number prefix of 督办通知单, e.g. "督字" → 督字〔2026〕3号.
    pub supervise_prefix: String,
    /// Number prefix of 催办单.
    pub chase_prefix: String,
    /// 下步工作: the fixed sentences that close the monthly 落实情况通报
    /// (`model::report`), one paragraph each, in the office's own words.
    /// Files without it read with `default_next_steps`.
    pub report_next_steps: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            due_soon_days: 7,
            behind_share_percent: 70,
            report_period_days: 30,
            behind_grace_days: 15,
            report_cycle: ReportCycle::Monthly,
            report_due_day: 25,
            lateness: Lateness::Original,
            office_name: String::new(),
            supervise_prefix: "督字".into(),
            chase_prefix: "催字".into(),
            report_next_steps: default_next_steps(),
        }
    }
}

/// The 下步工作 the office starts from: what a 通报 usually asks of the
/// units and promises of the office, with no date or figure in them, so
/// they stay true month after month until the office rewrites them.
pub fn default_next_steps() -> Vec<String> {
    [
        "坚持问题导向，对逾期和进度滞后事项实行清单化管理，逐项明确整改措施和完成时限，确保尽快赶上序时进度。",
        "压实工作责任，各牵头单位主要负责同志要亲自研究部署，责任领导要靠前指挥，配合单位要密切协同，形成工作合力。",
        "加大督查督办力度，对未按期报送进展、督办事项逾期未反馈的单位及时催办，重要情况及时向区委报告。",
        "严格落实报送制度，各单位要按照报送周期按时报送工作进展，确保情况真实准确、及时完整。",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

impl Settings {
    /// The due day, kept to a day every month has.
    pub fn due_day(&self) -> u32 {
        self.report_due_day.clamp(1, 28)
    }

    /// Problems with the values, as (field, message); empty when fine.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !(1..=28).contains(&self.report_due_day) {
            out.push((
                "report_due_day",
                "报送截止日应为每月 1 日到 28 日之间".to_string(),
            ));
        }
        if self.behind_share_percent > 100 {
            out.push((
                "behind_share_percent",
                "进度滞后比例应在 0 到 100 之间".to_string(),
            ));
        }
        if self.report_period_days == 0 || self.report_period_days > 366 {
            out.push((
                "report_period_days",
                "滚动周期天数应在 1 到 366 之间".to_string(),
            ));
        }
        if self.due_soon_days > 366 {
            out.push((
                "due_soon_days",
                "临近时限天数应在 0 到 366 之间".to_string(),
            ));
        }
        if self.behind_grace_days > 366 {
            out.push((
                "behind_grace_days",
                "起始宽限天数应在 0 到 366 之间".to_string(),
            ));
        }
        out
    }
}
