//! [`Calls`]: a component's connection for calls with replies (features `ui` and `rpc`),
//! in terms any UI framework can wire to its lifecycle.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::reconnect::ReconnectPolicy;
use crate::rpc::{Call, Envelope, Rpc, RpcError};
use crate::socket::WebSocket;

/// A component's [`Rpc`]: it connects (again only when the URL changes), lets go on
/// [`stop`](Calls::stop), and answers a call with no connection with
/// [`RpcError::NotConnected`] at once. A framework crate's `use_rpc` calls
/// [`connect`](Calls::connect) and [`stop`](Calls::stop) from its lifecycle and forwards
/// [`call`](Calls::call): that is all of it.
///
/// ```no_run
/// use browser_websocket::rpc::JsonRpc;
/// use browser_websocket::ui::Calls;
///
/// # async fn run() {
/// let calls = Calls::<JsonRpc>::new();
/// calls.connect("/room/lobby/rpc"); // on mount, and whenever the URL changes
/// let members = calls.call::<Vec<String>>("members", &()).await; // waits for the open
/// calls.stop(); // on unmount: the socket closes, every listener and timer goes
/// # let _ = members;
/// # }
/// ```
///
/// Cloning is cheap and every clone is the same connection. The `Rpc` takes its
/// socket's messages over, so it is a connection of its own, not a
/// [`Session`](super::Session)'s. Outside a browser (a server render, a native test) it
/// never connects, so every call ends `NotConnected`.
pub struct Calls<E> {
    current: Rc<RefCell<Option<Connection<E>>>>,
}

/// One connection to one URL: dropping it drops the `Rpc`, which closes the socket.
struct Connection<E> {
    url: String,
    /// `None` for a URL the crate cannot use.
    rpc: Option<Rpc<E>>,
}

impl<E: Envelope> Calls<E> {
    /// Not connected yet: calls end `NotConnected` until [`connect`](Calls::connect).
    ///
    /// ```
    /// use browser_websocket::rpc::JsonRpc;
    /// use browser_websocket::ui::Calls;
    ///
    /// assert!(Calls::<JsonRpc>::new().rpc().is_none());
    /// ```
    pub fn new() -> Calls<E> {
        Calls {
            current: Rc::new(RefCell::new(None)),
        }
    }

    /// Connects to `url` with the default [`ReconnectPolicy`], unless connected to it
    /// already: a new URL closes the old connection first, and its calls in progress end
    /// with [`RpcError::Closed`]. A URL the crate cannot use leaves no connection (calls
    /// end `NotConnected`). Nothing happens outside a browser.
    ///
    /// ```no_run
    /// # fn run(calls: browser_websocket::ui::Calls<browser_websocket::rpc::JsonRpc>) {
    /// calls.connect("/room/lobby/rpc");
    /// calls.connect("/room/lobby/rpc"); // the same URL: nothing happens
    /// calls.connect("/room/garden/rpc"); // lobby closes, garden opens
    /// # }
    /// ```
    pub fn connect(&self, url: &str) {
        if !cfg!(target_arch = "wasm32") || self.url().as_deref() == Some(url) {
            return;
        }
        // The old socket closes before the new one opens.
        self.stop();
        let rpc = WebSocket::builder(url)
            .reconnecting(ReconnectPolicy::default())
            .connect()
            .ok()
            .map(Rpc::new);
        let connection = Connection {
            url: url.to_owned(),
            rpc,
        };
        if let Ok(mut current) = self.current.try_borrow_mut() {
            *current = Some(connection);
        }
    }

    /// Calls `method` with `params` on the connection of the moment: the core's
    /// [`Rpc::call`], or a call that ends at once with [`RpcError::NotConnected`] when
    /// there is none.
    ///
    /// ```no_run
    /// use browser_websocket::rpc::{JsonRpc, RpcError};
    /// use browser_websocket::ui::Calls;
    ///
    /// # async fn run() {
    /// let calls = Calls::<JsonRpc>::new(); // never connected
    /// let sum = calls.call::<i64>("add", &(1, 2)).await;
    /// assert_eq!(sum, Err(RpcError::NotConnected));
    /// # }
    /// ```
    ///
    /// # Errors
    /// The call resolves to an [`RpcError`]: see each variant.
    pub fn call<R: DeserializeOwned>(&self, method: &str, params: &impl Serialize) -> Call<R> {
        match self.rpc() {
            Some(rpc) => rpc.call(method, params),
            None => Call::from(RpcError::NotConnected),
        }
    }
}

impl<E> Calls<E> {
    /// The [`Rpc`] of the moment, for what `Calls` does not offer (notifications, the
    /// default timeout, the socket's status); `None` when there is no connection. A clone
    /// held past [`stop`](Calls::stop) keeps the socket open: let it go.
    ///
    /// ```
    /// use browser_websocket::rpc::JsonRpc;
    /// use browser_websocket::ui::Calls;
    ///
    /// let calls = Calls::<JsonRpc>::new();
    /// if let Some(rpc) = calls.rpc() {
    ///     println!("{} calls in progress", rpc.in_progress());
    /// }
    /// ```
    pub fn rpc(&self) -> Option<Rpc<E>> {
        let current = self.current.try_borrow().ok()?;
        current.as_ref()?.rpc.clone()
    }

    /// The URL of the last [`connect`](Calls::connect) that is still in force; `None`
    /// before one and after [`stop`](Calls::stop).
    ///
    /// ```
    /// use browser_websocket::rpc::JsonRpc;
    /// use browser_websocket::ui::Calls;
    ///
    /// assert_eq!(Calls::<JsonRpc>::new().url(), None);
    /// ```
    pub fn url(&self) -> Option<String> {
        let current = self.current.try_borrow().ok()?;
        Some(current.as_ref()?.url.clone())
    }

    /// Drops the `Rpc`: the socket closes with 1000, its listeners and timers go, and
    /// every call in progress ends with [`RpcError::Closed`]. What an unmount does; a
    /// later [`connect`](Calls::connect) starts again.
    ///
    /// ```
    /// use browser_websocket::rpc::JsonRpc;
    /// use browser_websocket::ui::Calls;
    ///
    /// let calls = Calls::<JsonRpc>::new();
    /// calls.stop();
    /// assert!(calls.rpc().is_none());
    /// ```
    pub fn stop(&self) {
        // Taken out first, so that no borrow is held while the socket closes.
        let old = self
            .current
            .try_borrow_mut()
            .ok()
            .and_then(|mut current| current.take());
        drop(old);
    }

    /// Whether both are the same connection (clones of one `Calls`).
    ///
    /// ```
    /// use browser_websocket::rpc::JsonRpc;
    /// use browser_websocket::ui::Calls;
    ///
    /// let calls = Calls::<JsonRpc>::new();
    /// assert!(calls.ptr_eq(&calls.clone()));
    /// assert!(!calls.ptr_eq(&Calls::new()));
    /// ```
    pub fn ptr_eq(&self, other: &Calls<E>) -> bool {
        Rc::ptr_eq(&self.current, &other.current)
    }
}

impl<E: Envelope> Default for Calls<E> {
    fn default() -> Calls<E> {
        Calls::new()
    }
}

impl<E> Clone for Calls<E> {
    fn clone(&self) -> Calls<E> {
        Calls {
            current: Rc::clone(&self.current),
        }
    }
}

/// The URL and the connection's [`Rpc`].
impl<E> fmt::Debug for Calls<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calls")
            .field("url", &self.url())
            .field("rpc", &self.rpc())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use super::*;
    use crate::rpc::JsonRpc;

    /// The call's outcome if it has one without waiting.
    fn now<R>(call: Call<R>) -> Poll<Result<R, RpcError>>
    where
        Call<R>: Future<Output = Result<R, RpcError>>,
    {
        pin!(call).poll(&mut Context::from_waker(Waker::noop()))
    }

    #[test]
    fn outside_a_browser_nothing_connects_and_calls_end_not_connected() {
        let calls = Calls::<JsonRpc>::new();
        calls.connect("ws://127.0.0.1:1/rpc");
        assert_eq!(calls.url(), None);
        assert!(calls.rpc().is_none());
        let reply = now(calls.call::<i64>("add", &(1, 2)));
        assert_eq!(reply, Poll::Ready(Err(RpcError::NotConnected)));
    }

    #[test]
    fn stop_before_connect_is_harmless_and_clones_are_one() {
        let calls = Calls::<JsonRpc>::default();
        let clone = calls.clone();
        clone.stop();
        assert!(calls.ptr_eq(&clone));
        assert!(format!("{calls:?}").contains("url: None"));
    }
}
