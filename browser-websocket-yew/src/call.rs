//! [`RpcCall`]: what [`UseRpc::call`](crate::UseRpc::call) returns, a call in progress
//! or one that failed before it was made.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use browser_websocket::rpc::{Call, RpcError};
use serde::de::DeserializeOwned;

/// A call made through [`UseRpc`](crate::UseRpc): await it for the result, decoded as
/// `R`. The core's [`Call`] when there is a connection, or an [`RpcError::Closed`] that is
/// ready at once when there is none (on the server, before the first effect, after an
/// unmount). Dropping it cancels the call.
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket_yew::{JsonRpc, UseRpc};
///
/// # async fn run(rpc: UseRpc<JsonRpc>) {
/// match rpc.call::<Vec<String>>("members", &()).timeout(Duration::from_secs(5)).await {
///     Ok(members) => println!("{} here", members.len()),
///     Err(error) => println!("no list: {error}"),
/// }
/// # }
/// ```
#[must_use = "a call is cancelled when dropped; await it"]
pub struct RpcCall<R> {
    /// `Err` holds the error until it is polled once.
    call: Result<Call<R>, Option<RpcError>>,
}

impl<R> RpcCall<R> {
    pub(crate) fn made(call: Call<R>) -> RpcCall<R> {
        RpcCall { call: Ok(call) }
    }

    pub(crate) fn failed(error: RpcError) -> RpcCall<R> {
        RpcCall {
            call: Err(Some(error)),
        }
    }

    /// Fails the call with [`RpcError::Timeout`] unless its reply arrives within
    /// `timeout` of when it was made; see the core's [`Call::timeout`].
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use browser_websocket_yew::{JsonRpc, UseRpc};
    ///
    /// # async fn run(rpc: UseRpc<JsonRpc>) {
    /// let members = rpc.call::<Vec<String>>("members", &()).timeout(Duration::from_secs(2)).await;
    /// # }
    /// ```
    pub fn timeout(self, timeout: Duration) -> RpcCall<R> {
        match self.call {
            Ok(call) => RpcCall::made(call.timeout(timeout)),
            failed => RpcCall { call: failed },
        }
    }
}

impl<R: DeserializeOwned> Future for RpcCall<R> {
    type Output = Result<R, RpcError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match &mut self.get_mut().call {
            Ok(call) => Pin::new(call).poll(cx),
            Err(error) => Poll::Ready(Err(error.take().unwrap_or(RpcError::Closed))),
        }
    }
}

impl<R> fmt::Debug for RpcCall<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.call {
            Ok(call) => call.fmt(f),
            Err(error) => f.debug_tuple("RpcCall::Failed").field(error).finish(),
        }
    }
}
