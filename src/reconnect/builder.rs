//! Options for a reconnecting socket.

use std::fmt;
use std::time::Duration;

use super::machine::{Lifecycle, ReconnectMachine};
use super::pending_sends::PendingSends;
use crate::error::Error;
use crate::reconnect::heartbeat::Heartbeat;
use crate::reconnect::offline_queue::OfflineQueue;
use crate::reconnect::policy::ReconnectPolicy;
use crate::reconnect::socket::ReconnectingWebSocket;
use crate::socket::WebSocketBuilder;

// On the plain builder, but here: the socket layer knows nothing of reconnecting.
impl WebSocketBuilder {
    /// Makes it a [`ReconnectingWebSocket`](crate::ReconnectingWebSocket) that retries
    /// after failures by `policy`; the options set so far apply to every connection.
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .protocols(["chat"])
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn reconnecting(self, policy: ReconnectPolicy) -> ReconnectingBuilder {
        ReconnectingBuilder::new(self, policy)
    }
}

/// Options for a [`ReconnectingWebSocket`]; made by
/// [`WebSocketBuilder::reconnecting`].
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::{Heartbeat, OfflineQueue, ReconnectPolicy, WebSocket, WhenFull};
///
/// let ws = WebSocket::builder("wss://example.com/chat")
///     .protocols(["chat"])
///     .reconnecting(ReconnectPolicy::default().max_attempts(Some(10)))
///     .url_provider(|| format!("wss://example.com/chat?token={}", "fresh-token"))
///     .offline_queue(OfflineQueue::new(500, WhenFull::DropOldest))
///     .heartbeat(Heartbeat::new("ping", Duration::from_secs(15), Duration::from_secs(40)))
///     .retry_on_online(true)
///     .connect()?;
/// # Ok::<(), browser_websocket::Error>(())
/// ```
#[must_use = "a builder does nothing until `connect` is called"]
pub struct ReconnectingBuilder {
    builder: WebSocketBuilder,
    policy: ReconnectPolicy,
    url_provider: Option<Box<dyn FnMut() -> String>>,
    queue: OfflineQueue,
    heartbeat: Option<Heartbeat>,
    lifecycle: Lifecycle,
}

impl ReconnectingBuilder {
    /// How long each connection may stay `CONNECTING` before it counts as failed, unless
    /// the [`WebSocketBuilder`] or [`connect_timeout`](Self::connect_timeout) set another.
    pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

    pub(crate) fn new(builder: WebSocketBuilder, policy: ReconnectPolicy) -> ReconnectingBuilder {
        let builder = if builder.connect_timeout_in_use().is_some() {
            builder
        } else {
            builder.connect_timeout(ReconnectingBuilder::DEFAULT_CONNECT_TIMEOUT)
        };
        ReconnectingBuilder {
            builder,
            policy,
            url_provider: None,
            queue: OfflineQueue::default(),
            heartbeat: None,
            lifecycle: Lifecycle::default(),
        }
    }

    /// Called before every retry for the URL to use, e.g. to put a fresh token in the
    /// query string. The first connection uses the builder's URL.
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat?token=first")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .url_provider(|| "wss://example.com/chat?token=next".to_owned())
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn url_provider(
        mut self,
        provider: impl FnMut() -> String + 'static,
    ) -> ReconnectingBuilder {
        self.url_provider = Some(Box::new(provider));
        self
    }

    /// Where sends wait while disconnected; [`OfflineQueue::default`] unless set.
    ///
    /// ```no_run
    /// use browser_websocket::{OfflineQueue, ReconnectPolicy, WebSocket, WhenFull};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .offline_queue(OfflineQueue::new(50, WhenFull::DropOldest))
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn offline_queue(mut self, queue: OfflineQueue) -> ReconnectingBuilder {
        self.queue = queue;
        self
    }

    /// Pings while open and reconnects when replies stop; off unless set.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use browser_websocket::{Heartbeat, ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .heartbeat(Heartbeat::new("ping", Duration::from_secs(20), Duration::from_secs(45)))
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn heartbeat(mut self, heartbeat: Heartbeat) -> ReconnectingBuilder {
        self.heartbeat = Some(heartbeat);
        self
    }

    /// While waiting to retry, retry at once when the global scope (the window, or the
    /// worker) fires `online` (the device got its network back); on unless set.
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .retry_on_online(false) // always wait out the backoff
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn retry_on_online(mut self, retry: bool) -> ReconnectingBuilder {
        self.lifecycle.online = retry;
        self
    }

    /// While waiting to retry, retry at once when the page comes back from the
    /// back/forward cache (`pageshow` with `persisted`); while connected with a
    /// [`heartbeat`](Self::heartbeat), reconnect at once then if its deadline passed while
    /// the page was away. On unless set. (Workers have no `pageshow`.)
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .retry_on_page_restore(false)
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn retry_on_page_restore(mut self, retry: bool) -> ReconnectingBuilder {
        self.lifecycle.page_restore = retry;
        self
    }

    /// With a [`heartbeat`](Self::heartbeat): when the page becomes visible again and the
    /// heartbeat's deadline passed while it was hidden (browsers throttle hidden pages'
    /// timers, so nobody noticed), close the stale connection and reconnect at once,
    /// without a backoff. On unless set. (Workers have no document to become visible.)
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use browser_websocket::{Heartbeat, ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .heartbeat(Heartbeat::new("ping", Duration::from_secs(20), Duration::from_secs(45)))
    ///     .retry_on_visible(false)
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn retry_on_visible(mut self, retry: bool) -> ReconnectingBuilder {
        self.lifecycle.visible = retry;
        self
    }

    /// When a retry is due while `navigator.onLine` is false, make no attempt and wait
    /// for `online` instead, so an offline device does not use up
    /// [`max_attempts`](ReconnectPolicy::max_attempts). On unless set.
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default().max_attempts(Some(5)))
    ///     .pause_while_offline(false) // try even when the browser says it is offline
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn pause_while_offline(mut self, pause: bool) -> ReconnectingBuilder {
        self.lifecycle.pause_offline = pause;
        self
    }

    /// How long each connection may stay `CONNECTING` before it is abandoned and counts
    /// as one failed attempt; `None` waits as long as the browser does.
    /// [`DEFAULT_CONNECT_TIMEOUT`](Self::DEFAULT_CONNECT_TIMEOUT) (10 s) unless set here
    /// or on the [`WebSocketBuilder`].
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .connect_timeout(Some(Duration::from_secs(4)))
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn connect_timeout(mut self, timeout: Option<Duration>) -> ReconnectingBuilder {
        self.builder.set_connect_timeout(timeout);
        self
    }

    /// Starts the first connection; returns at once.
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`WebSocketBuilder::connect`] for the first URL. A failed *connection* is not an
    /// error here: it is retried.
    pub fn connect(self) -> Result<ReconnectingWebSocket, Error> {
        let socket = self.builder.clone().connect()?;
        let machine = ReconnectMachine::new(self.policy, self.heartbeat, self.lifecycle);
        Ok(ReconnectingWebSocket::new(
            self.builder,
            self.url_provider,
            machine,
            socket,
            PendingSends::new(self.queue),
        ))
    }

    /// What [`connect`](Self::connect) checks of the first URL and the subprotocols,
    /// without connecting.
    pub(crate) fn check(&self) -> Result<(), Error> {
        self.builder.check()
    }

    /// The binary type its connections start with.
    pub(crate) fn binary_type_in_use(&self) -> crate::binary_type::BinaryType {
        self.builder.binary_type_in_use()
    }
}

impl fmt::Debug for ReconnectingBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReconnectingBuilder")
            .field("builder", &self.builder)
            .field("policy", &self.policy)
            .field("url_provider", &self.url_provider.is_some())
            .field("queue", &self.queue)
            .field("heartbeat", &self.heartbeat)
            .field("lifecycle", &self.lifecycle)
            .finish()
    }
}
