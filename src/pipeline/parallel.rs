//! Per-article work spread over threads, results kept in input order.
//!
//! Analysis is independent from one article to the next, so `check`, `extract` and `diff` run
//! it on every core. Workers take the next article from a shared counter (long and short
//! articles even out) and send each result back with its index; the caller's thread puts them
//! in place, so the output is the same, byte for byte, whatever the number of threads.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// How many threads to use: `requested`, or with none (or 0) as many as the machine runs at
/// once.
pub fn threads(requested: Option<usize>) -> usize {
    match requested {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
    }
}

/// `f` of every item, in the items' order, on up to `threads` threads. `done` is told, on
/// the caller's thread, how many items are done: 0 first, then after each one.
pub fn map_in_order<T, R, F>(
    items: &[T],
    threads: usize,
    f: F,
    mut done: impl FnMut(usize),
) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let workers = threads.min(items.len());
    if workers <= 1 {
        return items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                done(index);
                f(item)
            })
            .collect();
    }
    done(0);
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel();
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let send = send.clone();
                let (next, f) = (&next, &f);
                scope.spawn(move || {
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else {
                            break;
                        };
                        if send.send((index, f(item))).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(send);
        for (count, (index, result)) in receive.iter().enumerate() {
            results[index] = Some(result);
            done(count + 1);
        }
        // A panic in a worker is a bug; re-raise it on this thread.
        for handle in handles {
            handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
    });
    results
        .into_iter()
        .map(|r| r.expect("every item's result was sent before its worker ended"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order_whatever_the_threads() {
        let items: Vec<u64> = (0..500).collect();
        // Uneven work, so that workers finish out of order.
        let slow_square = |x: &u64| {
            let mut spin = 0u64;
            for k in 0..(x % 7) * 1000 {
                spin = spin.wrapping_add(k);
            }
            std::hint::black_box(spin);
            x * x
        };
        let one = map_in_order(&items, 1, slow_square, |_| {});
        for threads in [2, 3, 8] {
            assert_eq!(map_in_order(&items, threads, slow_square, |_| {}), one);
        }
        assert_eq!(one[499], 499 * 499);
    }

    #[test]
    fn progress_counts_every_item_once() {
        let items: Vec<u32> = (0..40).collect();
        for threads in [1, 4] {
            let mut told = Vec::new();
            let _ = map_in_order(&items, threads, |x| x + 1, |n| told.push(n));
            told.sort_unstable();
            told.dedup();
            assert_eq!(told.first(), Some(&0));
            assert!(told.contains(&39), "{threads} threads: {told:?}");
        }
    }

    #[test]
    fn no_items_and_more_threads_than_items() {
        let none: Vec<u8> = Vec::new();
        assert!(map_in_order(&none, 4, |x| *x, |_| {}).is_empty());
        assert_eq!(map_in_order(&[1u8, 2], 16, |x| x * 2, |_| {}), vec![2, 4]);
    }

    #[test]
    fn threads_default_to_the_machine() {
        assert_eq!(threads(Some(3)), 3);
        assert!(threads(None) >= 1);
        assert_eq!(threads(Some(0)), threads(None));
    }
}
