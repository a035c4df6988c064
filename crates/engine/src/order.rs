//! One sort for the whole WebAssembly module.
//!
//! The standard library's sorts are compiled anew for every element type
//! and comparison: the engine and the app sorted thirty-odd kinds of list,
//! and the module carried 265 sort functions, 66 KB before compression
//! (docs/history/speed.md, "First load"). Here the sorting itself is one function over
//! indices that asks a `dyn` comparison; each call site adds only the code
//! that reads its keys and moves its elements. The lists sorted are short
//! (a report's findings, a sentence's spans), and a list already in order,
//! the common case, costs one pass.

/// The order of `n` items, stably, given `less(a, b)`: whether item `a`
/// goes before item `b`. Returns the items' indices in that order.
pub fn sorted_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<u32> {
    order_of(n, less).unwrap_or_else(|| (0..n as u32).collect())
}

/// [`sorted_order`], or `None` when the items are in order already (one
/// run): a caller that would move its items into that order has nothing
/// to move.
fn order_of(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Option<Vec<u32>> {
    assert!(n <= u32::MAX as usize, "more items than a u32 indexes");
    // The runs already in order: where each begins, then `n`. A list in
    // order is one run and costs this pass only; runs joined end to end
    // (`Incremental`'s findings, chunk by chunk, when too few for the
    // report's placed sort) cost a pass per halving of their number.
    // (Each item written as a run's start and kept by counting, not by a
    // branch on the comparison, which goes either way with the items;
    // `n + 2` places hold the starts and `n`, even of an empty list.)
    let mut bounds = vec![0usize; n + 2];
    let mut runs = 1;
    for i in 1..n {
        bounds[runs] = i;
        runs += usize::from(less(i, i - 1));
    }
    bounds[runs] = n;
    bounds.truncate(runs + 1);
    if bounds.len() <= 2 {
        return None;
    }
    let mut a: Vec<u32> = (0..n as u32).collect();
    // Runs merged in pairs, from `a` into `b`, taking the left run's item
    // unless the right one is less (stable), until one run is left.
    let mut b = vec![0u32; n];
    while bounds.len() > 2 {
        let mut merged = vec![0];
        for pair in bounds[1..].chunks(2) {
            let lo = *merged.last().expect("starts with 0");
            let mid = pair[0];
            let hi = *pair.get(1).unwrap_or(&mid);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // (The item taken and the run advanced chosen by
                // arithmetic, not a branch: which run's item is less goes
                // either way with the items. Told to the compiler, which
                // otherwise makes a branch of the choice.)
                let (left_item, right_item) = (a[i], a[j]);
                let right = less(right_item as usize, left_item as usize);
                b[k] = std::hint::select_unpredictable(right, right_item, left_item);
                j += usize::from(right);
                i += usize::from(!right);
                k += 1;
            }
            // One run is used up: the rest of the other follows, in order.
            let rest = mid - i;
            b[k..k + rest].copy_from_slice(&a[i..mid]);
            b[k + rest..hi].copy_from_slice(&a[j..hi]);
            merged.push(hi);
        }
        std::mem::swap(&mut a, &mut b);
        bounds = merged;
    }
    Some(a)
}

/// Lists up to this long are sorted in place by insertion, with no
/// allocation: most lists sorted per analysis are this short (a sentence's
/// words, a report's findings), and the code it adds per call site is a
/// loop of a few instructions.
pub(crate) const SHORT: usize = 24;

/// Sorts `v` stably by `less(a, b)`: whether `a` goes before `b`.
fn sort_by<T>(v: &mut Vec<T>, less: &mut impl FnMut(&T, &T) -> bool) {
    if v.len() <= SHORT {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && less(&v[j], &v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    // A list in order already (most lists of hits) is left as it is.
    if let Some(order) = order_of(v.len(), &mut |a, b| less(&v[a], &v[b])) {
        put_in_order(v, &order);
    }
}

/// Moves `v`'s items into `order` (their indices, each once).
fn put_in_order<T>(v: &mut Vec<T>, order: &[u32]) {
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().map(|&i| items[i as usize].take().expect("an order names each item once")));
}

/// Sorts `v` stably by `keys`, one for each item, computed before (what
/// `v.sort_by_cached_key` does): for keys that cost more to make than to
/// compare, made once each rather than twice at each comparison. (For a
/// list of [`SHORT`] items or fewer, [`sort_by_key`] sorts in place with
/// no list of keys to allocate.)
pub fn sort_by_keys<T, K: Ord>(v: &mut Vec<T>, keys: Vec<K>) {
    assert_eq!(keys.len(), v.len(), "a key for each item");
    if let Some(order) = order_of(v.len(), &mut |a, b| keys[a] < keys[b]) {
        put_in_order(v, &order);
    }
}

/// [`sort_by_keys`] for items that each have a place among a few numbers:
/// `places[i]` is a function of `keys[i]` that never decreases as the key
/// grows (a report's findings: where their span starts). The items are
/// dealt into about as many ranges of places as there are items, in order,
/// by counting; only items of the same range can then be out of order, and
/// an insertion sort puts them in it. A report's findings come rule by
/// rule, each rule's in text order: the merge sort of [`sort_by_keys`]
/// took about 5 passes over the 585 findings of the 10,143 words, some
/// 200 k instructions, where this takes one pass and a few moves. Many
/// items at a few places, out of order, would make the insertion sort
/// quadratic: past a budget of moves, it is left to the merge sort. (The
/// order is the stable one whatever the places: they only make it quick.)
pub(crate) fn sort_by_placed_keys<T, K: Ord>(v: &mut Vec<T>, keys: Vec<K>, places: &[u32]) {
    assert!(keys.len() == v.len() && places.len() == v.len(), "a key and a place for each item");
    let n = v.len();
    assert!(n <= u32::MAX as usize, "more items than a u32 indexes");
    let (Some(&low), Some(&high)) = (places.iter().min(), places.iter().max()) else { return };
    // Ranges of 2^shift places, no more of them than items.
    let mut shift = 0;
    while ((high - low) >> shift) as usize >= n {
        shift += 1;
    }
    let range = |p: u32| ((p - low) >> shift) as usize;
    // (As `HitTables::from_found` counts: each range's count one place on,
    // then their sums, then each item placed moves its range's start on.)
    let mut starts = vec![0u32; range(high) + 2];
    for &p in places {
        starts[range(p) + 1] += 1;
    }
    for r in 1..starts.len() {
        starts[r] += starts[r - 1];
    }
    let mut order = vec![0u32; n];
    for (i, &p) in places.iter().enumerate() {
        let at = &mut starts[range(p)];
        order[*at as usize] = i as u32;
        *at += 1;
    }
    let mut budget = 8 * n + 64;
    for i in 1..n {
        let item = order[i];
        let mut j = i;
        while j > 0 && keys[item as usize] < keys[order[j - 1] as usize] {
            order[j] = order[j - 1];
            j -= 1;
            budget -= 1;
            if budget == 0 {
                return sort_by_keys(v, keys);
            }
        }
        order[j] = item;
    }
    if order.iter().enumerate().any(|(i, &k)| k as usize != i) {
        put_in_order(v, &order);
    }
}

/// Sorts `v` stably by `key` (what `v.sort_by_key(key)` does).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, &mut |a, b| key(a) < key(b));
}

/// Sorts `v` (what `v.sort()` does).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, &mut |a, b| a < b);
}

/// Keeps the first item of each `key`, in their order: what a `HashSet` of
/// the keys seen so far would keep, with no hash table compiled for it.
pub fn first_of_each<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_order(keys.len(), &mut |a, b| keys[a] < keys[b]);
    let mut keep = vec![true; keys.len()];
    for w in order.windows(2) {
        // Stable: of equal keys, the earliest comes first and stays.
        if keys[w[0] as usize] == keys[w[1] as usize] {
            keep[w[1] as usize] = false;
        }
    }
    let mut k = 0;
    v.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key that counts its comparisons.
    #[derive(PartialEq, Eq)]
    struct Counted(u64);
    thread_local!(static COMPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) });
    impl PartialOrd for Counted {
        fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Counted {
        fn cmp(&self, other: &Self) -> std::cmp::Ordering {
            COMPARED.with(|c| c.set(c.get() + 1));
            self.0.cmp(&other.0)
        }
    }

    /// Review (session 45): the insertion sort's budget bounds the work of
    /// any order of items at few places (all at one, in reverse; two
    /// places, each half reversed; sawtooth runs), to a few comparisons
    /// per item more than the merge sort's n log n.
    #[test]
    fn placed_keys_in_an_adversarial_order_cost_n_log_n() {
        let n = 20_000usize;
        let orders: Vec<(&str, Vec<u64>, Vec<u32>)> = vec![
            ("one place, reversed", (0..n as u64).rev().collect(), vec![5; n]),
            (
                "two places, each reversed",
                (0..n as u64)
                    .map(|i| if i < n as u64 / 2 { n as u64 / 2 - i } else { 3 * n as u64 / 2 - i + n as u64 })
                    .collect(),
                (0..n).map(|i| u32::from(i >= n / 2)).collect(),
            ),
            ("sawtooth at one place", (0..n as u64).map(|i| (i % 64) * 1000 + i / 64).collect(), vec![0; n]),
        ];
        for (name, keys, places) in orders {
            let mut v: Vec<u64> = keys.clone();
            let mut expected = keys.clone();
            expected.sort();
            COMPARED.with(|c| c.set(0));
            sort_by_placed_keys(&mut v, keys.into_iter().map(Counted).collect(), &places);
            let compared = COMPARED.with(|c| c.get());
            assert_eq!(v, expected, "{name}");
            let bound = 8 * n + 64 + n + n * (usize::BITS - n.leading_zeros()) as usize * 2;
            assert!(compared <= bound, "{name}: {compared} comparisons for {n} items (bound {bound})");
        }
    }

    /// A small deterministic generator, so the test needs no crate.
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
    fn it_sorts_as_the_standard_stable_sort_does() {
        for n in [0, 1, 2, 3, 7, 8, 9, SHORT, SHORT + 1, 31, 64, 100, 1000] {
            for (seed, range) in [(1, 5), (2, 1000), (3, u64::MAX)] {
                // Pairs of (key, original position): equal keys must keep
                // their order, so the whole pair is compared after.
                let keys = numbers(seed + n as u64, n, range);
                let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut std = ours.clone();
                let mut cached = ours.clone();
                sort_by_key(&mut ours, |p| p.0);
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "n = {n}, range {range}");
                sort_by_keys(&mut cached, keys.clone());
                assert_eq!(cached, std, "n = {n}, range {range}, keys made before");
                // Placed by the key's bits from `shift` on (saturated to a
                // u32, so places never decrease as keys grow), or all at
                // one place (which leaves the insertion sort's budget to
                // the merge sort).
                let by_bits = |shift: u32| -> Vec<u32> {
                    keys.iter().map(|&k| (k >> shift).min(u64::from(u32::MAX)) as u32).collect()
                };
                for (what, places) in
                    [("bits from 3", by_bits(3)), ("bits from 40", by_bits(40)), ("one place", vec![7; n])]
                {
                    let mut placed: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                    sort_by_placed_keys(&mut placed, keys.clone(), &places);
                    assert_eq!(placed, std, "n = {n}, range {range}, placed by {what}");
                }
            }
        }
        // Runs already in order joined end to end, as `Incremental` gives
        // a report's findings, and a list in reverse.
        for runs in [2, 3, 7, 100] {
            let mut keys: Vec<u64> = Vec::new();
            for r in 0..runs {
                let mut run = numbers(r as u64 + 11, 40, 50);
                run.sort();
                keys.extend(run);
            }
            keys.extend((0..30).rev());
            let mut ours: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
            let mut std = ours.clone();
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "{runs} runs");
        }
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f')];
        first_of_each(&mut items, |i| i.0);
        assert_eq!(items, [(3, 'a'), (1, 'b'), (2, 'd')]);
        let mut sorted: Vec<u32> = (0..50).collect();
        sort(&mut sorted);
        assert_eq!(sorted, (0..50).collect::<Vec<u32>>());
        let mut reversed: Vec<u32> = (0..50).rev().collect();
        sort(&mut reversed);
        assert_eq!(reversed, sorted);
    }
}
