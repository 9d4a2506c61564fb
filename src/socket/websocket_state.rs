//! [`WebSocket`]'s state, closing and subscriptions: one-line forwards to the
//! connection underneath, where the work is done.

use crate::socket::websocket::WebSocket;

impl WebSocket {
    /// Waits until the connection is open.
    ///
    /// Resolves at once if it has already opened. Does not take the `Open` event from
    /// any stream.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{Error, WebSocket};
    ///
    /// let ws = WebSocket::connect("wss://example.com/chat")?;
    /// match ws.opened().await {
    ///     Ok(()) => ws.send_text("hi")?,
    ///     Err(Error::ConnectFailed(close)) => println!("could not connect: {}", close.code),
    ///     Err(other) => return Err(other),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::ConnectFailed`](crate::Error::ConnectFailed) when the connection closed
    /// before opening: refused, unreachable, a rejected handshake, or closed while
    /// connecting. The browser's `error` and `close` pair counts as this one error.
    pub async fn opened(&self) -> Result<(), crate::Error> {
        std::future::poll_fn(|cx| self.connection.poll_opened(cx)).await
    }

    /// Waits until the connection has closed, and says how.
    ///
    /// Resolves at once if it has already closed. Does not take the `Closed` event
    /// from any stream.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{CloseCode, WebSocket};
    ///
    /// let ws = WebSocket::connect("wss://example.com/chat")?;
    /// ws.opened().await?;
    /// ws.close_with(CloseCode::new(4000)?, "logged out")?;
    /// let close = ws.closed().await;
    /// assert!(close.was_clean);
    /// # Ok(()) }
    /// ```
    pub async fn closed(&self) -> crate::CloseEvent {
        std::future::poll_fn(|cx| self.connection.poll_closed(cx)).await
    }

    /// Starts the closing handshake with [`CloseCode::NORMAL`](crate::CloseCode::NORMAL)
    /// and no reason.
    ///
    /// Returns at once; the stream's last event, or `closed()`, says when and how the
    /// connection ended. Closing while `CONNECTING` abandons the attempt.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// ws.close()?;
    /// let close = ws.closed().await;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::AlreadyClosing`](crate::Error::AlreadyClosing) if the socket is
    /// `CLOSING` or `CLOSED`.
    pub fn close(&self) -> Result<(), crate::Error> {
        self.connection.close_with(crate::CloseCode::NORMAL, "")
    }

    /// Starts the closing handshake with a code and a reason.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{CloseCode, Error, WebSocket};
    ///
    /// let ws = WebSocket::connect("wss://example.com/chat")?;
    /// ws.opened().await?;
    ///
    /// // Rejected before the browser sees it; the socket stays open.
    /// assert_eq!(
    ///     ws.close_with(CloseCode::GOING_AWAY, ""),
    ///     Err(Error::CloseCodeNotSendable(CloseCode::GOING_AWAY)),
    /// );
    ///
    /// ws.close_with(CloseCode::new(4000)?, "logged out")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Checked in this order, each leaving the socket as it was:
    /// - [`Error::CloseCodeNotSendable`](crate::Error::CloseCodeNotSendable): `code` is
    ///   not 1000 or 3000–4999.
    /// - [`Error::CloseReasonTooLong`](crate::Error::CloseReasonTooLong): `reason` is
    ///   over 123 UTF-8 bytes.
    /// - [`Error::AlreadyClosing`](crate::Error::AlreadyClosing): the socket is
    ///   `CLOSING` or `CLOSED`.
    pub fn close_with(&self, code: crate::CloseCode, reason: &str) -> Result<(), crate::Error> {
        self.connection.close_with(code, reason)
    }

    /// Another stream of this connection's events, from now on.
    ///
    /// Every subscription sees every later event in the browser's order, independently
    /// of the others; dropping one disturbs no one. A subscription does not keep the
    /// connection alive: once every handle is dropped it yields what it holds, then ends.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{Event, WebSocket};
    /// use futures_util::StreamExt;
    ///
    /// let ws = WebSocket::connect("wss://example.com/chat")?;
    /// let mut status_bar = ws.subscribe();
    /// while let Some(event) = status_bar.next().await {
    ///     if let Event::Closed(close) = event {
    ///         println!("disconnected: {}", close.code);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Memory
    /// Events wait in each subscription until it is polled: one that is never polled
    /// holds a copy of every message (binary payloads included) for as long as it
    /// lives. Drop subscriptions you no longer read.
    pub fn subscribe(&self) -> crate::Subscription {
        crate::Subscription::new(self.connection.subscribe())
    }

    /// The connection's state, read from the browser at each call.
    ///
    /// ```no_run
    /// use browser_websocket::{ReadyState, WebSocket};
    ///
    /// let ws = WebSocket::connect("wss://example.com/chat")?;
    /// if ws.ready_state() == ReadyState::Open {
    ///     ws.send_text("hi")?;
    /// }
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn ready_state(&self) -> crate::ReadyState {
        self.connection.ready_state()
    }

    /// Bytes queued by sends but not yet handed to the network (`bufferedAmount`);
    /// always 0 with the [stream transport](crate::Transport::Stream), whose writes
    /// wait in its writer instead (the Sink and `flush` wait on that).
    ///
    /// ```no_run
    /// # let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// if ws.buffered_amount() > 1 << 20 {
    ///     // More than 1 MiB waits in the browser: slow down (or use the Sink).
    /// }
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn buffered_amount(&self) -> u32 {
        self.connection.buffered_amount()
    }

    /// The URL as the browser resolved it.
    ///
    /// ```no_run
    /// # let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// assert_eq!(ws.url(), "wss://example.com/chat");
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn url(&self) -> String {
        self.connection.url()
    }

    /// The subprotocol the server chose; empty before open or if none was chosen.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::WebSocket;
    ///
    /// let ws = WebSocket::builder("wss://example.com/").protocols(["v2", "v1"]).connect()?;
    /// ws.opened().await?;
    /// let chosen = ws.protocol(); // "v2", "v1" or ""
    /// # Ok(()) }
    /// ```
    pub fn protocol(&self) -> String {
        self.connection.protocol()
    }

    /// The extensions the server chose (e.g. `permessage-deflate`); empty before open.
    ///
    /// ```no_run
    /// # let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// let compressed = ws.extensions().contains("permessage-deflate");
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn extensions(&self) -> String {
        self.connection.extensions()
    }

    /// How binary messages arrive.
    ///
    /// ```no_run
    /// use browser_websocket::{BinaryType, WebSocket};
    ///
    /// let ws = WebSocket::connect("wss://example.com/chat")?;
    /// assert_eq!(ws.binary_type(), BinaryType::ArrayBuffer);
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn binary_type(&self) -> crate::BinaryType {
        self.connection.binary_type()
    }

    /// Changes how binary messages arrive from now on. Messages already received, even
    /// if not yet yielded by a stream, keep the form they arrived in. No effect with
    /// the [stream transport](crate::Transport::Stream): binary always arrives as
    /// bytes there.
    ///
    /// ```no_run
    /// use browser_websocket::{BinaryType, WebSocket};
    ///
    /// let ws = WebSocket::connect("wss://example.com/files")?;
    /// ws.set_binary_type(BinaryType::Blob);
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn set_binary_type(&self, binary_type: crate::BinaryType) {
        self.connection.set_binary_type(binary_type);
    }

    /// The browser's `WebSocket` underneath, for what this crate does not cover;
    /// `None` with the [stream transport](crate::Transport::Stream), which has none.
    ///
    /// Listeners you add to it are yours to remove; setting its `on*` properties does
    /// not disturb this crate's listeners.
    ///
    /// ```no_run
    /// # let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// if let Some(raw) = ws.as_raw() {
    ///     // the browser's own object, from web-sys
    ///     let state_number: u16 = raw.ready_state();
    /// }
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn as_raw(&self) -> Option<&crate::browser::RawWebSocket> {
        self.connection.as_raw()
    }

    /// The transport carrying the connection: [`Classic`](crate::Transport::Classic)
    /// or [`Stream`](crate::Transport::Stream), never `Auto`.
    ///
    /// ```no_run
    /// use browser_websocket::{Transport, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/").transport(Transport::Auto).connect()?;
    /// let pushes_back = ws.transport() == Transport::Stream;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn transport(&self) -> crate::Transport {
        self.connection.transport()
    }
}
