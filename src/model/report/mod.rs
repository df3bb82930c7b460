//! The monthly or quarterly 落实情况通报 for the committee, drafted from the
//! plan as of a day (issue 21): 总体情况, 主要成效, 存在问题, 下步工作, with
//! 附件1 落实情况汇总表 and 附件2 滞后事项清单; and the 领导版, a sheet per
//! 责任领导.
//!
//! Pure and clock-free like the rest of `model`: the page passes the period
//! and the judged day. Every figure is read off what the dashboard and the
//! ledger already count for that day (`stats::Tally`, `summary::unit_summary`,
//! `reporting::coverage`, the assessments of `rollup::assess_positions`), so
//! the 通报 cannot disagree with them. The draft is serde, to travel to the
//! worker that writes the .docx.
//!
//! Definitions, kept in one place:
//! - 办结率: closed work items over all work items, 暂缓 and 中止 included,
//!   one decimal — the dashboard's 完成率 (`Figures::rate`).
//! - 按序时推进 / 进度滞后 / 已逾期: open work items not past due and not
//!   behind / not past due and behind / past due; with 已办结 and 暂缓 they
//!   split the work items exactly (`Figures`).
//! - The change is measured from the last day of the period before (the day
//!   before the period starts) to the judged day, judging the plan on both
//!   (`draft::since_day`, `figures::change`); "recovered" means overdue or
//!   lagging then and closed or on schedule now.
//! - 本期未报送 follows the office's 报送周期 on the judged day, as the ledger
//!   and the supervision page do (`Troubles::reporting_period`).

mod achievements;
mod attachments;
mod draft;
mod figures;
mod items;
mod leaders;
mod overall;
mod period;
mod text;
mod troubles;

pub use achievements::{Achievements, Commended};
pub use attachments::{LaggingList, LaggingRow, SummaryTable};
pub use draft::{draft, since_day, Draft, Paragraph, Section};
pub use figures::{change, Change, ClosedItem, Figures, Headline};
pub use items::{ItemRef, ItemRow, Latest};
pub use leaders::{leader_sheets, leader_sheets_with, LeaderSheet, NO_LEADER};
pub use overall::Overall;
pub use period::{PeriodError, PeriodKind, ReportPeriod};
pub use troubles::{TroubleGroup, Troubles, Unanswered, Unreported};
