//! A one-shot timer that wakes a task: how polled code waits for time to pass.

use std::cell::Cell;
use std::rc::Rc;
use std::task::Waker;
use std::time::Duration;

use super::timeout::Timeout;

/// Wakes a task after a delay, and remembers that it rang.
///
/// Owns its `setTimeout` (on the global scope, so it works in workers too): setting it
/// again or dropping it cancels the pending one, so a dropped socket leaves no timer
/// behind.
#[derive(Debug, Default)]
pub(crate) struct Timer {
    timeout: Option<Timeout>,
    /// Made when first set: an unused timer allocates nothing.
    rang: Option<Rc<Cell<bool>>>,
}

impl Timer {
    /// Rings after `millis`, waking `waker`; replaces any earlier setting.
    pub(crate) fn set(&mut self, millis: u32, waker: &Waker) {
        let waker = waker.clone();
        let rang = Rc::new(Cell::new(false));
        let flag = Rc::clone(&rang);
        self.rang = Some(rang);
        self.timeout = Some(Timeout::new(millis, move || {
            flag.set(true);
            waker.wake();
        }));
    }

    /// Rings at `at` (milliseconds on [`now_ms`](super::now_ms)'s clock), `now` being
    /// the current time; at once if `at` has passed.
    pub(crate) fn set_at(&mut self, at: f64, now: f64, waker: &Waker) {
        self.set(millis_until(at, now), waker);
    }

    /// Whether it has rung since it was set.
    pub(crate) fn rang(&self) -> bool {
        self.rang.as_ref().is_some_and(|rang| rang.get())
    }

    /// Cancels it.
    pub(crate) fn clear(&mut self) {
        self.timeout = None;
        self.rang = None;
    }
}

/// Runs a callback once after a delay, unless dropped first.
#[derive(Debug)]
pub(crate) struct Countdown {
    _timeout: Timeout,
}

impl Countdown {
    /// Calls `ring` after `after` (whole milliseconds, rounded up).
    pub(crate) fn new(after: Duration, ring: impl FnOnce() + 'static) -> Countdown {
        let millis = u32::try_from(after.as_nanos().div_ceil(1_000_000)).unwrap_or(u32::MAX);
        Countdown {
            _timeout: Timeout::new(millis, ring),
        }
    }
}

/// Whole milliseconds from `now` until `at`, rounded up, 0 if `at` has passed.
fn millis_until(at: f64, now: f64) -> u32 {
    let wait = (at - now).ceil();
    if wait <= 0.0 {
        0
    } else if wait >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        wait as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_round_up_and_never_go_negative() {
        assert_eq!(millis_until(10.2, 0.0), 11);
        assert_eq!(millis_until(5.0, 5.0), 0);
        assert_eq!(millis_until(0.0, 100.0), 0);
        assert_eq!(millis_until(1e300, 0.0), u32::MAX);
    }
}
