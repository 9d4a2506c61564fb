//! Time in the browser tests: one test at a time, waiting for a condition, sleeping.

use std::cell::Cell;

thread_local! {
    /// Whether a test runs: the runner interleaves async tests, and the listener count
    /// is global.
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Runs the test alone: waits for the running one to end; the returned guard lets the
/// next one start.
pub async fn alone() -> Alone {
    while BUSY.with(|busy| busy.replace(true)) {
        sleep(20).await;
    }
    Alone
}

/// The turn [`alone`] took; dropping it ends the turn.
#[derive(Debug)]
#[must_use = "the turn ends when the guard drops"]
pub struct Alone;

impl Drop for Alone {
    fn drop(&mut self) {
        BUSY.with(|busy| busy.set(false));
    }
}

/// Waits (10 s at most) until `done` holds.
///
/// # Panics
/// On the timeout: "timed out waiting for `what`; " and what `seen` says.
pub async fn until(what: &str, mut done: impl FnMut() -> bool, seen: impl FnOnce() -> String) {
    for _ in 0..500 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}; {}", seen());
}

/// Waits (10 s at most) until `take` gives a value, and returns it: what a component
/// hands the test later, e.g. how a call it made ended.
///
/// # Panics
/// On the timeout: "timed out waiting for `what`".
pub async fn until_some<T>(what: &str, mut take: impl FnMut() -> Option<T>) -> T {
    let mut taken = None;
    until(
        what,
        || {
            taken = take();
            taken.is_some()
        },
        String::new,
    )
    .await;
    taken.expect("until returned, so it was taken")
}

/// Lets `ms` milliseconds pass (0: one turn of the event loop, after the tasks already
/// queued).
pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}
