//! A one-shot timer that wakes a task: how polled code waits for time to pass.

use std::cell::Cell;
use std::rc::Rc;
use std::task::Context;

use gloo_timers::callback::Timeout;

/// Wakes the task that set it after a delay, and remembers that it rang.
///
/// Owns its `setTimeout`: setting it again or dropping it cancels the pending one, so a
/// dropped socket leaves no timer behind.
#[derive(Debug, Default)]
pub(crate) struct Alarm {
    timeout: Option<Timeout>,
    rang: Rc<Cell<bool>>,
}

impl Alarm {
    /// Rings after `millis`, waking the task polling with `cx`; replaces any earlier setting.
    pub(crate) fn set(&mut self, millis: u32, cx: &Context<'_>) {
        let waker = cx.waker().clone();
        let rang = Rc::new(Cell::new(false));
        let flag = Rc::clone(&rang);
        self.rang = rang;
        self.timeout = Some(Timeout::new(millis, move || {
            flag.set(true);
            waker.wake();
        }));
    }

    /// Whether it has rung since it was set.
    pub(crate) fn rang(&self) -> bool {
        self.rang.get()
    }

    /// Cancels it.
    pub(crate) fn clear(&mut self) {
        self.timeout = None;
        self.rang.set(false);
    }
}
