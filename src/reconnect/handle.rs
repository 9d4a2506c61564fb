//! A cheap, cloneable handle on a reconnecting socket: sending, closing, status and the
//! offline queue, each a one-line forward to the state it shares with the socket.

use std::rc::Rc;

use super::outlet::Outlet;

/// Sends, closes and reads the status of a
/// [`ReconnectingWebSocket`](crate::ReconnectingWebSocket), from anywhere: `Clone` it
/// into every component and closure that needs it.
///
/// ```no_run
/// # fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{ReconnectEvent, ReconnectPolicy, WebSocket};
/// use futures_util::StreamExt;
///
/// let (chat, mut events) = WebSocket::builder("wss://example.com/chat")
///     .reconnecting(ReconnectPolicy::default())
///     .connect()?
///     .split();
/// let on_click = {
///     let chat = chat.clone();
///     move || chat.send("hello") // Sent::Now, or queued until the connection is back
/// };
/// wasm_bindgen_futures::spawn_local(async move {
///     while let Some(event) = events.next().await {
///         if let ReconnectEvent::Message(message) = event {
///             println!("{message:?}");
///         }
///     }
/// });
/// println!("{}", chat.status()); // "connecting"
/// # Ok(()) }
/// ```
///
/// A handle does not keep the connection alive: the event stream owns it. Once the
/// stream is dropped, sends fail with [`Error::NotOpen`](crate::Error::NotOpen) and the
/// status is [`ClosedBecause::Dropped`](crate::ClosedBecause::Dropped).
#[derive(Debug, Clone)]
pub struct ReconnectHandle {
    /// This tab's own connection, or one it shares with other tabs.
    outlet: Rc<dyn Outlet>,
}

impl ReconnectHandle {
    pub(crate) fn new(outlet: Rc<dyn Outlet>) -> ReconnectHandle {
        ReconnectHandle { outlet }
    }

    /// Sends a message now if the connection is open, or queues it until the next open.
    ///
    /// Queued messages go out in order right after the next open, before any later send.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::Sent;
    ///
    /// match chat.send("hello")? {
    ///     Sent::Now => {}
    ///     Sent::Queued => println!("will go out after the reconnect"),
    ///     Sent::QueuedDroppingOldest(old) => println!("queue full, dropped {old:?}"),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// - [`Error::QueueFull`](crate::Error::QueueFull): disconnected, and the queue is
    ///   full with [`WhenFull::RejectNew`](crate::WhenFull::RejectNew); the message is
    ///   not queued.
    /// - [`Error::NotOpen`](crate::Error::NotOpen): after your own `close`, or once the
    ///   socket is closed for good (the status is `Closed`).
    pub fn send(&self, message: impl Into<crate::Message>) -> Result<crate::Sent, crate::Error> {
        self.outlet.send(message.into())
    }

    /// Closes with 1000 for good: no reconnect follows. While waiting to retry, the
    /// event stream simply ends.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) -> Result<(), browser_websocket::Error> {
    /// chat.close()?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::AlreadyClosing`](crate::Error::AlreadyClosing) if you closed it before,
    /// or it is already closed for good.
    pub fn close(&self) -> Result<(), crate::Error> {
        self.outlet.close_with(crate::CloseCode::NORMAL, "")
    }

    /// Closes with a code and reason for good: no reconnect follows.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::CloseCode;
    /// chat.close_with(CloseCode::new(4000)?, "logged out")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::close_with`](crate::WebSocket::close_with) for the code and
    /// reason (nothing changes then);
    /// [`Error::AlreadyClosing`](crate::Error::AlreadyClosing) if you closed it before,
    /// or it is already closed for good.
    pub fn close_with(&self, code: crate::CloseCode, reason: &str) -> Result<(), crate::Error> {
        self.outlet.close_with(code, reason)
    }

    /// What it is doing now: connecting, open, waiting to retry (and for how long),
    /// closed and why.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) {
    /// use browser_websocket::ConnectionStatus;
    ///
    /// if let ConnectionStatus::Waiting { attempt, retry_in } = chat.status() {
    ///     println!("retry {attempt} in {retry_in:?}");
    /// }
    /// # }
    /// ```
    pub fn status(&self) -> crate::ConnectionStatus {
        self.outlet.status()
    }

    /// A stream of every change of [`status`](Self::status), starting with the current
    /// one, so a UI updates without polling.
    ///
    /// ```no_run
    /// # async fn run(chat: &browser_websocket::ReconnectHandle) {
    /// use futures_util::StreamExt;
    ///
    /// let mut changes = chat.status_changes();
    /// while let Some(status) = changes.next().await {
    ///     println!("now {status}");
    /// }
    /// # }
    /// ```
    pub fn status_changes(&self) -> crate::StatusChanges {
        crate::StatusChanges::new(Rc::clone(&self.outlet))
    }

    /// The current connection's state; `CLOSED` while waiting to retry.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) {
    /// let online = chat.ready_state() == browser_websocket::ReadyState::Open;
    /// # }
    /// ```
    pub fn ready_state(&self) -> crate::ReadyState {
        self.outlet.ready_state()
    }

    /// How many messages wait in the offline queue.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) {
    /// println!("{} messages wait for the connection", chat.queued());
    /// # }
    /// ```
    pub fn queued(&self) -> usize {
        self.outlet.queued()
    }

    /// Takes every message still queued, e.g. after the socket closed for good, to save
    /// or report them.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) {
    /// for message in chat.take_unsent() {
    ///     println!("never sent: {message:?}");
    /// }
    /// # }
    /// ```
    pub fn take_unsent(&self) -> Vec<crate::Message> {
        self.outlet.take_unsent()
    }

    /// How binary messages arrive, on this connection and every later one.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) {
    /// assert_eq!(chat.binary_type(), browser_websocket::BinaryType::ArrayBuffer);
    /// # }
    /// ```
    pub fn binary_type(&self) -> crate::BinaryType {
        self.outlet.binary_type()
    }

    /// Changes how binary messages arrive, from now on and on every reconnect.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) {
    /// chat.set_binary_type(browser_websocket::BinaryType::Blob);
    /// # }
    /// ```
    pub fn set_binary_type(&self, binary_type: crate::BinaryType) {
        self.outlet.set_binary_type(binary_type)
    }

    /// Runs `f` on the current connection, if there is one (not while waiting to
    /// retry, nor in a tab that shares another tab's connection).
    ///
    /// `f` may call this socket's other methods (`send`, `close`, `queued`, ...): no
    /// borrow is held while it runs.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) {
    /// if let Some(url) = chat.with_socket(|socket| socket.url()) {
    ///     println!("connected to {url}");
    /// }
    /// # }
    /// ```
    pub fn with_socket<T>(&self, f: impl FnOnce(&crate::WebSocket) -> T) -> Option<T> {
        self.outlet.socket().map(|socket| f(&socket))
    }

    /// Whether this tab holds the connection: always [`Role::Leader`](crate::Role::Leader)
    /// for a socket of its own; for one
    /// [shared across tabs](crate::ReconnectingBuilder::shared_across_tabs), whether this
    /// tab is the one that holds it now.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) {
    /// use browser_websocket::Role;
    ///
    /// if chat.role() == Role::Follower {
    ///     println!("another tab holds the connection");
    /// }
    /// # }
    /// ```
    pub fn role(&self) -> crate::Role {
        self.outlet.role()
    }

    /// How many tabs use the connection, this one included: 1 for a socket of its own.
    ///
    /// ```no_run
    /// # fn run(chat: &browser_websocket::ReconnectHandle) {
    /// println!("{} tabs share this connection", chat.tabs());
    /// # }
    /// ```
    pub fn tabs(&self) -> usize {
        self.outlet.tabs()
    }
}
