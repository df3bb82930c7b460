//! Stopping an operation at each of its writes in turn, as a crash or a
//! full quota would (SQLite's ioerr tests are the model). Shared by the
//! repository's tests through `#[path]`.

use luoshi::store::backend::MemoryStorage;
use luoshi::store::Repo;

/// Runs `op` on a copy of `start`'s storage stopped at each of its writes
/// in turn, until it runs to the end, and calls `check` on the storage
/// after each stop (once started again) with the write it stopped at
/// (`None`: it ran to the end).
pub fn at_every_write(
    start: &MemoryStorage,
    op: impl Fn(&Repo<&MemoryStorage>),
    check: impl Fn(&MemoryStorage, Option<usize>),
) {
    for k in 0.. {
        let mem = MemoryStorage::from_values(start.snapshot());
        mem.fail_from_write(k);
        let before = mem.writes();
        op(&Repo::new(&mem));
        let stopped = mem.writes() - before > k;
        mem.heal();
        check(&mem, stopped.then_some(k));
        if !stopped {
            assert!(k > 0, "the operation wrote nothing");
            return;
        }
    }
}
