//! Years of data in one browser (issue 17's capacity target), measured as
//! the quota counts it (UTF-16 units of keys and values) through the same
//! repository the app uses, over an in-memory storage with the browser's
//! quota: three plans (2024–2026) of 300 tasks, every work item with twelve
//! monthly reports and their 留痕, and twenty import backups leave at least
//! 40 % of the quota free; a 5,000-task plan with twelve reports per item
//! still saves. Sizes, not times: deterministic, so asserted here; the
//! benchmark (`cargo bench --bench core`) prints the same figures.

#[path = "common/year.rs"]
mod year;

use luoshi::store::backend::MemoryStorage;
use luoshi::store::repo::SaveOutcome;
use luoshi::store::{usage_percent, Repo, Synced, QUOTA_CHARS};
use year::{before_last_reports, year_of_reports, Texture};

const AT: &str = "2026-12-07T08:00:00Z";

/// Three years of plans with reports of `texture`, then twenty backups made
/// before twenty weekly imports of the last month's reports (each a near
/// whole year: see `year::before_last_reports`). Returns the storage.
fn three_years_and_twenty_imports(texture: Texture) -> MemoryStorage {
    let mem = MemoryStorage::with_quota(QUOTA_CHARS);
    let repo = Repo::new(&mem);
    let mut last = None;
    for (i, year) in [2024, 2025, 2026].into_iter().enumerate() {
        let plan = year::year_of(300, year, 17 + i as u64, texture);
        assert!(plan
            .tasks
            .iter()
            .any(|t| t.updates.len() == 12 && !t.log.is_empty()));
        repo.create(&plan, true, AT).expect("the plan fits");
        last = Some(plan);
    }
    let plan = last.expect("three plans");
    for week in 0..20 {
        let now = format!("2026-12-{:02}T{:02}:00:00Z", 1 + week / 2, 8 + week % 2);
        let then = before_last_reports(&plan, week, 20);
        repo.back_up_before_import(&then, &now)
            .expect("the backup fits");
    }
    // Every backup reads back as the plan it was made of.
    let copies = repo.copies().unwrap();
    assert_eq!(copies.len(), 20);
    for (week, (key, _)) in copies.iter().enumerate() {
        let text = repo.read_copy(key).unwrap().expect("the backup is there");
        let back = luoshi::format::restore_plan(&text).expect("the backup reads");
        assert_eq!(back.plan, before_last_reports(&plan, week, 20), "{key}");
    }
    let used = repo.usage(&repo.list().unwrap().0).unwrap().used;
    assert_eq!(used, mem.used());
    mem
}

#[test]
fn three_years_of_300_task_plans_and_twenty_import_backups_leave_40_percent_free() {
    let mem = three_years_and_twenty_imports(Texture::Phrases);
    let free = 100.0 - usage_percent(mem.used());
    println!("three years and twenty backups: {free:.1} % free");
    assert!(
        free >= 40.0,
        "only {free:.1} % of the quota is free ({} of {QUOTA_CHARS} units)",
        mem.used()
    );
}

#[test]
fn the_same_with_reports_that_never_repeat_a_phrase_leave_40_percent_free() {
    let mem = three_years_and_twenty_imports(Texture::Unique);
    let free = 100.0 - usage_percent(mem.used());
    println!("unique report texts, three years and twenty backups: {free:.1} % free");
    assert!(
        free >= 40.0,
        "only {free:.1} % of the quota is free ({} of {QUOTA_CHARS} units)",
        mem.used()
    );
}

#[test]
fn a_5000_task_plan_with_twelve_reports_per_item_still_saves() {
    let mem = MemoryStorage::with_quota(QUOTA_CHARS);
    let repo = Repo::new(&mem);
    let plan = year_of_reports(5000, 2026, 5);
    let outcome = repo.save("luoshi.plan", &plan, Some(&Synced::default()), AT);
    assert!(
        matches!(outcome, SaveOutcome::Written { .. }),
        "the save gave {outcome:?}"
    );
    println!(
        "5,000 tasks with reports: {:.1} % of the quota",
        usage_percent(mem.used())
    );
    assert!(usage_percent(mem.used()) < 100.0);
}
