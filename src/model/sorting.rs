//! The one stable sort of the app's code, used instead of the slice's own
//! `sort_by` and its relatives.
//!
//! The standard library's stable sort is generic: every element type and
//! every order it is called with gets its own copy of the whole algorithm
//! in the wasm, about 5 KB each, 152 KB for Luoshi's 38 sorts (issue 19,
//! bench/weight.sh). Here the standard sort runs once, on positions
//! (`usize`) with the order behind a `dyn` call, and the elements are then
//! moved into place by a short generic loop. The result is exactly that of
//! the slice's stable sort with the same order: equal elements keep their
//! order (tests below compare the two).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items = &*items;
        sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    }
    permute(items, &order);
}

/// Sorts `items` by the key `key` gives, stably, as `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// As `slice::sort_by_cached_key`: `key` is called once per element.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, &order);
}

/// Sorts `items` in their own order, stably, as `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one copy of the standard stable sort: positions by a `dyn` order.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Puts `items` in the order `order` lists them (`order[k]` is the position
/// of the element that goes to `k`), in place: each swap puts one element
/// where it belongs.
fn permute<T>(items: &mut [T], order: &[usize]) {
    // `to[p]`: where the element now at `p` goes.
    let mut to = vec![0; order.len()];
    for (k, &p) in order.iter().enumerate() {
        to[p] = k;
    }
    for i in 0..items.len() {
        while to[i] != i {
            let j = to[i];
            items.swap(i, j);
            to.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no crate.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    // `sort_by` with a comparison, on purpose: that is what is compared.
    #[allow(clippy::unnecessary_sort_by)]
    fn the_same_order_as_the_standard_stable_sort_ties_included() {
        for (seed, n, range) in [
            (1, 0, 1),
            (2, 1, 5),
            (3, 2, 2),
            (4, 50, 3),
            (5, 1000, 40),
            (6, 5000, 5000),
        ] {
            // Each element carries its first position, so a tie broken
            // differently shows.
            let items: Vec<(u64, usize)> = numbers(seed, n, range).into_iter().zip(0..).collect();
            let mut ours = items.clone();
            let mut std = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by(|a, b| b.0.cmp(&a.0));
            assert_eq!(ours, std, "sort_by, {n} items");
            let (mut ours, mut std) = (items.clone(), items.clone());
            sort_by_key(&mut ours, |x| x.0 % 7);
            std.sort_by_key(|x| x.0 % 7);
            assert_eq!(ours, std, "sort_by_key, {n} items");
            let (mut ours, mut std) = (items.clone(), items.clone());
            sort_by_cached_key(&mut ours, |x| x.0.to_string());
            std.sort_by_cached_key(|x| x.0.to_string());
            assert_eq!(ours, std, "sort_by_cached_key, {n} items");
            let (mut ours, mut std) = (items.clone(), items);
            sort(&mut ours);
            std.sort();
            assert_eq!(ours, std, "sort, {n} items");
        }
    }

    #[test]
    fn elements_that_own_memory_are_moved_not_lost() {
        let mut names: Vec<String> = ["丙", "甲", "乙", "甲", ""].map(String::from).to_vec();
        let mut std = names.clone();
        sort(&mut names);
        std.sort();
        assert_eq!(names, std);
    }
}
