//! 督办 numbers through a merge (`model::merge`): counters merge as the
//! larger, and an incoming record whose number is taken here gets the
//! next free one, which the preview says in words.

mod common;

use chrono::Datelike;
use common::{d, merged, plan_of, span};
use luoshi::model::merge::preview;
use luoshi::model::ops::apply;
use luoshi::model::supervision::{next_number, supervise, NoticeCounter, SuperviseForm};
use luoshi::model::task::SuperviseKind;
use luoshi::model::{Plan, TaskId};

const NOW: &str = "2026-07-25T09:00:00Z";

fn supervise_task(plan: &mut Plan, id: &str, day: &str) {
    let form = SuperviseForm {
        kind: SuperviseKind::Supervise,
        date: d(day),
        note: "请加快进度".into(),
        reply_due: Some(d("2026-08-31")),
    };
    let (op, _) = supervise(plan, &[TaskId::from(id)], &form, d("2026-07-31")).expect("valid");
    apply(plan, op, NOW).expect("applies");
}

/// Every 督办 number of 2026 in the plan, sorted.
fn numbers(plan: &Plan) -> Vec<u32> {
    let mut n: Vec<u32> = plan
        .tasks
        .iter()
        .flat_map(|t| &t.supervisions)
        .filter(|s| s.kind == SuperviseKind::Supervise && s.date.year() == 2026)
        .filter_map(|s| s.number)
        .collect();
    n.sort();
    n
}

#[test]
fn an_incoming_number_taken_here_is_renumbered_and_the_preview_says_so() {
    let mut office = plan_of(vec![
        span("a", "2026-01-01", "2026-06-30"),
        span("b", "2026-01-01", "2026-06-30"),
    ]);
    let mut other = office.clone();
    supervise_task(&mut office, "a", "2026-07-10");
    supervise_task(&mut office, "a", "2026-07-11");
    supervise_task(&mut other, "b", "2026-07-12");
    let pv = preview(&office, &other);
    assert_eq!(pv.renumbered.len(), 1);
    assert_eq!(
        pv.renumbered[0].text,
        "督字〔2026〕1号 本计划已有，导入后改为 督字〔2026〕3号"
    );
    let after = merged(&office, &other);
    assert_eq!(numbers(&after), [1, 2, 3], "unique after the merge");
    assert_eq!(next_number(&after, SuperviseKind::Supervise, 2026), 4);
    let again = merged(&after, &other);
    assert_eq!(
        numbers(&again),
        [1, 2, 3],
        "a second import renumbers nothing"
    );
}

#[test]
fn a_number_issued_here_whose_record_was_deleted_is_still_taken() {
    let mut office = plan_of(vec![span("a", "2026-01-01", "2026-06-30")]);
    let mut other = office.clone();
    supervise_task(&mut office, "a", "2026-07-10");
    let mut t = office.task("a").unwrap().clone();
    t.supervisions.clear();
    apply(
        &mut office,
        luoshi::model::ops::Op::PutTask {
            task: Box::new(t),
            at: None,
        },
        NOW,
    )
    .unwrap();
    supervise_task(&mut other, "a", "2026-07-12");
    let after = merged(&office, &other);
    assert_eq!(numbers(&after), [2], "1 was issued here, perhaps printed");
}

#[test]
fn notice_counters_merge_as_the_larger() {
    let mut office = plan_of(vec![span("a", "2026-01-01", "2026-06-30")]);
    office.notice_counters = vec![NoticeCounter {
        year: 2026,
        kind: SuperviseKind::Supervise,
        last: 3,
    }];
    let mut other = office.clone();
    other.notice_counters[0].last = 7;
    other.notice_counters.push(NoticeCounter {
        year: 2026,
        kind: SuperviseKind::Chase,
        last: 2,
    });
    let after = merged(&office, &other);
    assert_eq!(next_number(&after, SuperviseKind::Supervise, 2026), 8);
    assert_eq!(next_number(&after, SuperviseKind::Chase, 2026), 3);
    // The smaller file's counter does not lower ours.
    let back = merged(&after, &office);
    assert_eq!(next_number(&back, SuperviseKind::Supervise, 2026), 8);
}
