//! A result that one piece of code settles and another awaits: how a `connect_with`
//! handler reports the end of a workload, and how a workload's own task reports to the
//! bench.

use std::cell::RefCell;
use std::future::{poll_fn, Future};
use std::rc::Rc;
use std::task::{Poll, Waker};

/// What a handler reports once: the workload's result, awaited by the code that started it.
pub struct Outcome<T> {
    slot: Rc<RefCell<Slot<T>>>,
}

struct Slot<T> {
    result: Option<Result<T, String>>,
    settled: bool,
    waker: Option<Waker>,
}

impl<T> Clone for Outcome<T> {
    fn clone(&self) -> Self {
        Outcome {
            slot: Rc::clone(&self.slot),
        }
    }
}

impl<T> Outcome<T> {
    pub fn new() -> Outcome<T> {
        Outcome {
            slot: Rc::new(RefCell::new(Slot {
                result: None,
                settled: false,
                waker: None,
            })),
        }
    }

    /// Settles it, unless it already is: the first word counts.
    pub fn settle(&self, result: Result<T, String>) {
        let waker = {
            let mut slot = self.slot.borrow_mut();
            if slot.settled {
                return;
            }
            slot.settled = true;
            slot.result = Some(result);
            slot.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    pub fn is_settled(&self) -> bool {
        self.slot.borrow().settled
    }

    pub async fn wait(&self) -> Result<T, String> {
        poll_fn(|cx| {
            let mut slot = self.slot.borrow_mut();
            match slot.result.take() {
                Some(result) => Poll::Ready(result),
                None => {
                    slot.waker = Some(cx.waker().clone());
                    Poll::Pending
                }
            }
        })
        .await
    }
}

/// Runs `future` as a task of its own (`spawn_local`), as an app runs its socket code,
/// and awaits its result.
///
/// So the bench measures what an app pays per wake: the test harness polls its test
/// through a JavaScript `try`/`catch` on every wake, which an app's task does not.
pub async fn in_own_task(
    future: impl Future<Output = Result<f64, String>> + 'static,
) -> Result<f64, String> {
    let outcome = Outcome::new();
    let settle = outcome.clone();
    wasm_bindgen_futures::spawn_local(async move { settle.settle(future.await) });
    outcome.wait().await
}
