//! [`Call`]: one call's future, and the slot its outcome lands in.

use std::cell::RefCell;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::RpcError;
use super::calls::CallId;
use crate::typed::DecodeError;

/// Where a call's outcome lands, and who to wake.
#[derive(Debug, Default)]
pub(crate) struct Slot {
    outcome: RefCell<Option<Result<Value, RpcError>>>,
    waker: RefCell<Option<Waker>>,
}

impl Slot {
    pub(crate) fn finish(&self, outcome: Result<Value, RpcError>) {
        self.outcome.replace(Some(outcome));
        if let Some(waker) = self.waker.take() {
            waker.wake();
        }
    }
}

/// What a [`Call`] asks of the table it is in.
pub(crate) trait Calls {
    /// The caller let go: the entry goes, and a request not yet sent never is.
    fn cancel(&self, id: CallId);
    /// The call's deadline is now `made_at + timeout`.
    fn set_timeout(&self, id: CallId, made_at: f64, timeout: Duration);
}

/// A call in progress: await it for the result, decoded as `R`. It was sent (or queued
/// for the next open) when it was made; dropping it cancels it, and removes its entry.
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::rpc::{JsonRpc, Rpc};
///
/// # async fn run(rpc: Rpc<JsonRpc>) -> Result<(), browser_websocket::rpc::RpcError> {
/// let sum: i64 = rpc.call("add", &(1, 2)).timeout(Duration::from_secs(5)).await?;
/// # Ok(()) }
/// ```
#[must_use = "a call is cancelled when dropped; await it"]
pub struct Call<R> {
    state: State,
    result: PhantomData<fn() -> R>,
}

#[derive(Debug)]
enum State {
    /// It failed before it reached the table (closed for good, params not encodable).
    Failed(Option<RpcError>),
    InProgress {
        id: CallId,
        made_at: f64,
        slot: Rc<Slot>,
        calls: Weak<dyn Calls>,
    },
    Done,
}

impl<R> Call<R> {
    pub(crate) fn failed(error: RpcError) -> Call<R> {
        Call {
            state: State::Failed(Some(error)),
            result: PhantomData,
        }
    }

    pub(crate) fn in_progress(
        id: CallId,
        made_at: f64,
        slot: Rc<Slot>,
        calls: Weak<dyn Calls>,
    ) -> Call<R> {
        Call {
            state: State::InProgress {
                id,
                made_at,
                slot,
                calls,
            },
            result: PhantomData,
        }
    }

    /// Fails the call with [`RpcError::Timeout`] unless its reply arrives within
    /// `timeout` of when it was made (not of this line, nor of the first poll): time spent
    /// waiting for the connection counts, and a call that runs out of time before the
    /// connection opens is never sent. [`Rpc::DEFAULT_TIMEOUT`](super::Rpc::DEFAULT_TIMEOUT)
    /// unless set.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use browser_websocket::rpc::{JsonRpc, Rpc, RpcError};
    ///
    /// # async fn run(rpc: Rpc<JsonRpc>) {
    /// match rpc.call::<String>("slow", &()).timeout(Duration::from_millis(200)).await {
    ///     Err(RpcError::Timeout) => println!("gave up after 200 ms"),
    ///     other => println!("{other:?}"),
    /// }
    /// # }
    /// ```
    pub fn timeout(self, timeout: Duration) -> Call<R> {
        if let State::InProgress {
            id, made_at, calls, ..
        } = &self.state
        {
            if let Some(calls) = calls.upgrade() {
                calls.set_timeout(*id, *made_at, timeout);
            }
        }
        self
    }
}

impl<R: DeserializeOwned> Future for Call<R> {
    type Output = Result<R, RpcError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let outcome = match &mut this.state {
            State::Failed(error) => Err(error.take().unwrap_or(RpcError::Closed)),
            State::InProgress { slot, .. } => match slot.outcome.take() {
                Some(outcome) => outcome,
                None => {
                    slot.waker.replace(Some(cx.waker().clone()));
                    return Poll::Pending;
                }
            },
            State::Done => Err(RpcError::Closed),
        };
        this.state = State::Done;
        Poll::Ready(outcome.and_then(|value| {
            serde_json::from_value(value).map_err(|error| RpcError::Decode(DecodeError::new(error)))
        }))
    }
}

/// A call that failed before it was made, e.g. where a UI has no connection to call over:
/// awaiting it gives the error at once.
///
/// ```
/// use browser_websocket::rpc::{Call, RpcError};
/// use futures_util::FutureExt;
///
/// let call: Call<i64> = RpcError::NotConnected.into();
/// assert_eq!(call.now_or_never(), Some(Err(RpcError::NotConnected)));
/// ```
impl<R> From<RpcError> for Call<R> {
    fn from(error: RpcError) -> Call<R> {
        Call::failed(error)
    }
}

/// Dropped before its outcome: cancelled, and its entry removed.
impl<R> Drop for Call<R> {
    fn drop(&mut self) {
        if let State::InProgress { id, calls, .. } = &self.state {
            if let Some(calls) = calls.upgrade() {
                calls.cancel(*id);
            }
        }
    }
}

impl<R> std::fmt::Debug for Call<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call").field("state", &self.state).finish()
    }
}
