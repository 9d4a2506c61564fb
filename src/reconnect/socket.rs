//! The reconnecting socket: its handle methods, its event stream and its Sink in one value.

use std::fmt;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_core::Stream;

use super::driver::{Driver, ReconnectEvents};
use super::machine::ReconnectMachine;
use super::pending_sends::PendingSends;
use super::shared::Shared;
use crate::error::Error;
use crate::message::Message;
use crate::reconnect::event::ReconnectEvent;
use crate::reconnect::handle::ReconnectHandle;
use crate::socket::{WebSocket, WebSocketBuilder};

/// A WebSocket that reconnects after failures, queues sends while disconnected, and can
/// watch the connection with a heartbeat.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use std::time::Duration;
/// use browser_websocket::{Heartbeat, Message, ReconnectEvent, ReconnectPolicy, Sent, WebSocket};
/// use futures_util::StreamExt;
///
/// let mut ws = WebSocket::builder("wss://example.com/chat")
///     .reconnecting(ReconnectPolicy::default().max_delay(Duration::from_secs(10)))
///     .heartbeat(Heartbeat::new("ping", Duration::from_secs(20), Duration::from_secs(45)))
///     .connect()?;
///
/// // Sent now if open, queued until the next open otherwise: never lost silently.
/// match ws.send("hello")? {
///     Sent::Now | Sent::Queued => {}
///     Sent::QueuedDroppingOldest(dropped) => println!("dropped {dropped:?}"),
/// }
///
/// // Polling the stream is what drives reconnects and heartbeats.
/// while let Some(event) = ws.next().await {
///     match event {
///         ReconnectEvent::Message(Message::Text(text)) if text != "pong" => println!("{text}"),
///         ReconnectEvent::Reconnecting { attempt, delay } => {
///             println!("connection lost; retry {attempt} in {delay:?}")
///         }
///         ReconnectEvent::Closed(close) => println!("closed: {}", close.code),
///         _ => {}
///     }
/// }
/// let unsent = ws.take_unsent(); // what never got out, if the stream gave up
/// # Ok(()) }
/// ```
///
/// # How it retries
/// Exactly one retry per failure: the browser's `error` + `close` pair is one failure.
/// Retries follow the [`ReconnectPolicy`](crate::ReconnectPolicy): which closes retry, the backoff with full
/// jitter, the attempt limit. Your own [`close`](Self::close) never retries; a heartbeat
/// timeout always does.
///
/// # Driven by polling
/// Reconnects, queue flushes and heartbeats happen while the stream is polled; nothing is
/// spawned. Keep a task reading the stream (as an app does anyway).
///
/// # Sharing it
/// [`handle`](Self::handle) gives a cheap `Clone` [`ReconnectHandle`] with the same sends,
/// closes and status, for any number of components and closures; [`split`](Self::split)
/// gives a handle and the event stream ([`ReconnectEvents`]) for the task that reads it.
/// Neither needs a `RefCell`: every method takes `&self`.
///
/// # Drop
/// Dropping it (or, after `split`, the event stream) closes the current connection with
/// 1000 and cancels every timer and listener it holds; handles then report
/// [`ClosedBecause::Dropped`](crate::ClosedBecause::Dropped) and sends fail. Messages
/// still queued stay until taken with [`take_unsent`](Self::take_unsent).
pub struct ReconnectingWebSocket {
    /// What the `&self` methods (sends, close, status) touch.
    shared: Rc<Shared>,
    /// What only polling touches; it owns the connection.
    driver: Driver,
}

impl ReconnectingWebSocket {
    pub(crate) fn new(
        builder: WebSocketBuilder,
        url_provider: Option<Box<dyn FnMut() -> String>>,
        machine: ReconnectMachine,
        first: WebSocket,
        pending: PendingSends,
    ) -> ReconnectingWebSocket {
        let shared = Rc::new(Shared::new(first, pending));
        let driver = Driver::new(Rc::clone(&shared), builder, url_provider, machine);
        ReconnectingWebSocket { shared, driver }
    }

    /// A cheap `Clone` handle with the same sends, closes and status, for components and
    /// closures; the socket keeps its event stream.
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) -> Result<(), browser_websocket::Error> {
    /// let handle = ws.handle();
    /// let send_hello = move || handle.send("hello");
    /// send_hello()?;
    /// # Ok(()) }
    /// ```
    pub fn handle(&self) -> ReconnectHandle {
        ReconnectHandle::new(self.shared.clone())
    }

    /// Splits into a cloneable [`ReconnectHandle`] and the [`ReconnectEvents`] stream,
    /// which owns the connection and drives the reconnects.
    ///
    /// ```no_run
    /// # fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let (handle, events) = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .connect()?
    ///     .split();
    /// # Ok(()) }
    /// ```
    pub fn split(self) -> (ReconnectHandle, ReconnectEvents) {
        let ReconnectingWebSocket { shared, driver } = self;
        (ReconnectHandle::new(shared), ReconnectEvents::new(driver))
    }

    // The same methods as `ReconnectHandle`'s, forwarded one by one.

    /// As [`ReconnectHandle::send`](crate::ReconnectHandle::send).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// ws.send("hello")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`ReconnectHandle::send`](crate::ReconnectHandle::send).
    pub fn send(&self, message: impl Into<crate::Message>) -> Result<crate::Sent, crate::Error> {
        self.shared.send(message.into())
    }

    /// As [`ReconnectHandle::close`](crate::ReconnectHandle::close).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// ws.close()?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`ReconnectHandle::close`](crate::ReconnectHandle::close).
    pub fn close(&self) -> Result<(), crate::Error> {
        self.shared.close_with(crate::CloseCode::NORMAL, "")
    }

    /// As [`ReconnectHandle::close_with`](crate::ReconnectHandle::close_with).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// ws.close_with(browser_websocket::CloseCode::new(4000)?, "done")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`ReconnectHandle::close_with`](crate::ReconnectHandle::close_with).
    pub fn close_with(&self, code: crate::CloseCode, reason: &str) -> Result<(), crate::Error> {
        self.shared.close_with(code, reason)
    }

    /// As [`ReconnectHandle::status`](crate::ReconnectHandle::status).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// let status = ws.status();
    /// # Ok(()) }
    /// ```
    pub fn status(&self) -> crate::ConnectionStatus {
        self.shared.status()
    }

    /// As [`ReconnectHandle::status_changes`](crate::ReconnectHandle::status_changes).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// let changes = ws.status_changes();
    /// # Ok(()) }
    /// ```
    pub fn status_changes(&self) -> crate::StatusChanges {
        crate::StatusChanges::new(self.shared.clone())
    }

    /// As [`ReconnectHandle::ready_state`](crate::ReconnectHandle::ready_state).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// let state = ws.ready_state();
    /// # Ok(()) }
    /// ```
    pub fn ready_state(&self) -> crate::ReadyState {
        self.shared.ready_state()
    }

    /// As [`ReconnectHandle::queued`](crate::ReconnectHandle::queued).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// let waiting = ws.queued();
    /// # Ok(()) }
    /// ```
    pub fn queued(&self) -> usize {
        self.shared.queued()
    }

    /// As [`ReconnectHandle::take_unsent`](crate::ReconnectHandle::take_unsent).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// let unsent = ws.take_unsent();
    /// # Ok(()) }
    /// ```
    pub fn take_unsent(&self) -> Vec<crate::Message> {
        self.shared.take_unsent()
    }

    /// As [`ReconnectHandle::binary_type`](crate::ReconnectHandle::binary_type).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// let binary_type = ws.binary_type();
    /// # Ok(()) }
    /// ```
    pub fn binary_type(&self) -> crate::BinaryType {
        self.shared.binary_type()
    }

    /// As [`ReconnectHandle::set_binary_type`](crate::ReconnectHandle::set_binary_type).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// ws.set_binary_type(browser_websocket::BinaryType::Blob);
    /// # Ok(()) }
    /// ```
    pub fn set_binary_type(&self, binary_type: crate::BinaryType) {
        self.shared.set_binary_type(binary_type)
    }

    /// As [`ReconnectHandle::with_socket`](crate::ReconnectHandle::with_socket).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::builder("wss://example.com/chat").reconnecting(browser_websocket::ReconnectPolicy::default()).connect()?;
    /// let url = ws.with_socket(|socket| socket.url());
    /// # Ok(()) }
    /// ```
    pub fn with_socket<T>(&self, f: impl FnOnce(&crate::WebSocket) -> T) -> Option<T> {
        self.shared.socket().map(|socket| f(&socket))
    }
}

/// Yields the events of each connection in turn and the reconnects between them; see
/// [`ReconnectEvent`].
impl ReconnectingWebSocket {
    /// The current connection, if any (not while waiting to retry).
    pub(crate) fn current_socket(&self) -> Option<Rc<WebSocket>> {
        self.shared.socket()
    }
}

impl Stream for ReconnectingWebSocket {
    type Item = ReconnectEvent;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<ReconnectEvent>> {
        self.get_mut().driver.poll_event(cx)
    }
}

impl fmt::Debug for ReconnectingWebSocket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReconnectingWebSocket")
            .field("ready_state", &self.ready_state())
            .field("driver", &self.driver)
            .field("queued", &self.queued())
            .finish()
    }
}

/// Sends through [`ReconnectingWebSocket::send`]: while disconnected, messages go to the
/// offline queue.
///
/// - `poll_ready` waits on the open socket's flow control; while disconnected it is ready
///   at once (the queue decides).
/// - `start_send` fails with [`Error::QueueFull`] when the queue refuses. With
///   [`WhenFull::DropOldest`](crate::WhenFull::DropOldest) the Sink cannot hand back what
///   it dropped: use [`send`](ReconnectingWebSocket::send) for that policy.
/// - `poll_flush` waits until the open socket's buffer is empty (queued messages count as
///   flushed: they wait for the next connection).
/// - `poll_close` closes for good, like [`close`](ReconnectingWebSocket::close), and
///   resolves at once; the stream's last event tells when the connection is gone.
impl futures_sink::Sink<Message> for ReconnectingWebSocket {
    type Error = Error;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        let this = self.get_mut();
        match this.shared.open_socket() {
            Some(socket) => this.driver.flow.poll_ready(socket.connection(), cx),
            None => Poll::Ready(Ok(())),
        }
    }

    fn start_send(self: Pin<&mut Self>, message: Message) -> Result<(), Error> {
        self.send(message).map(drop)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        let this = self.get_mut();
        match this.shared.open_socket() {
            Some(socket) => this.driver.flow.poll_flush(socket.connection(), cx),
            None => Poll::Ready(Ok(())),
        }
    }

    fn poll_close(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(self.close())
    }
}
