//! Writes the sample plan's 通报 for November 2026 and its 领导版 into a
//! folder, to open in Word, WPS or LibreOffice and look at:
//!
//!     cargo run -p luoshi-report-docx --example sample -- /tmp/tongbao

use chrono::NaiveDate;
use luoshi::model::report::{draft, leader_sheets, ReportPeriod};
use luoshi::model::sample::sample_plan;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&out)?;
    let plan = sample_plan(2026);
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 30).ok_or("date")?;
    let period = ReportPeriod::parse("2026-11")?;
    let report = draft(&plan, period, as_of, &plan.settings.report_next_steps);
    std::fs::write(
        out.join("通报.docx"),
        luoshi_report_docx::report_docx(&report)?,
    )?;
    let sheets = leader_sheets(&plan, as_of);
    std::fs::write(
        out.join("领导版.docx"),
        luoshi_report_docx::leaders_docx(&sheets)?,
    )?;
    println!("{}", out.display());
    Ok(())
}
