//! The connection: a typed handle on the browser's `WebSocket`.

use std::future::poll_fn;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::close::check_close;
use crate::inbox::Inbox;
use crate::listeners::Listeners;
use crate::{
    exception, BinaryType, CloseCode, CloseEvent, Error, Event, ReadyState, WebSocketBuilder,
};

/// A connection to a WebSocket server, and the [`Stream`] of its [`Event`]s.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{Event, Message, WebSocket};
/// use futures_util::StreamExt;
///
/// let mut ws = WebSocket::connect("wss://example.com/echo")?;
/// ws.opened().await?;
/// ws.send_text("hello")?;
/// while let Some(event) = ws.next().await {
///     if let Event::Message(Message::Text(reply)) = event {
///         assert_eq!(reply, "hello");
///         ws.close()?;
///     }
/// }
/// # Ok(()) }
/// ```
///
/// # Events are never lost
/// The listeners are attached in `connect`, before the browser can fire anything, and
/// every event waits in order until the stream is polled: a stream first polled after
/// ten thousand messages arrived still yields all of them, in order. The cost is memory:
/// events you never poll stay queued while the socket lives.
///
/// # Drop
/// Dropping a `WebSocket` removes its four listeners and, if it is `CONNECTING` or
/// `OPEN`, closes it with [`CloseCode::NORMAL`] and an empty reason. Events that arrive
/// after the drop go nowhere. To learn how the close ended, call [`close`](Self::close)
/// and await [`closed`](Self::closed) before dropping.
#[derive(Debug)]
#[must_use = "dropping a WebSocket closes the connection"]
pub struct WebSocket {
    raw: web_sys::WebSocket,
    inbox: Rc<Inbox>,
    _listeners: Listeners,
}

impl WebSocket {
    /// Starts connecting to `url` with no subprotocols and [`BinaryType::ArrayBuffer`].
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::WebSocket;
    ///
    /// let ws = WebSocket::connect("wss://example.com/chat")?;
    /// ws.opened().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocketBuilder::connect`].
    pub fn connect(url: &str) -> Result<WebSocket, Error> {
        WebSocket::builder(url).connect()
    }

    /// A builder for a connection with subprotocols or another [`BinaryType`].
    ///
    /// ```no_run
    /// use browser_websocket::{BinaryType, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .protocols(["chat"])
    ///     .binary_type(BinaryType::Blob)
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn builder(url: impl Into<String>) -> WebSocketBuilder {
        WebSocketBuilder::new(url)
    }

    pub(crate) fn from_raw(raw: web_sys::WebSocket) -> WebSocket {
        let inbox = Rc::new(Inbox::default());
        let listeners = Listeners::attach(&raw, &inbox);
        WebSocket {
            raw,
            inbox,
            _listeners: listeners,
        }
    }

    /// Waits until the connection is open.
    ///
    /// Resolves at once if it has already opened. Does not take the `Open` event from the
    /// stream.
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
    /// [`Error::ConnectFailed`] when the connection closed before opening: refused,
    /// unreachable, a rejected handshake, or closed by [`close`](Self::close) while
    /// connecting. The browser's `error` and `close` pair counts as this one error.
    pub async fn opened(&self) -> Result<(), Error> {
        poll_fn(|cx| self.inbox.poll_opened(cx)).await
    }

    /// Waits until the connection has closed, and says how.
    ///
    /// Resolves at once if it has already closed. Does not take the `Closed` event from
    /// the stream.
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
    pub async fn closed(&self) -> CloseEvent {
        poll_fn(|cx| self.inbox.poll_closed(cx)).await
    }

    /// Sends a text message.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// ws.opened().await?;
    /// ws.send_text("hello")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] unless the socket is `OPEN`; nothing is sent.
    pub fn send_text(&self, text: &str) -> Result<(), Error> {
        self.check_open()?;
        self.raw.send_with_str(text).map_err(exception::unexpected)
    }

    /// Sends a binary message straight from wasm memory.
    ///
    /// The browser copies the bytes out of a view on wasm memory during the call: no
    /// intermediate `Blob` or `ArrayBuffer` is made. (Built with `target_feature =
    /// "atomics"`, wasm memory is shared, which browsers refuse to send from, so the
    /// bytes are first copied into a fresh `Uint8Array`.)
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/data")?;
    /// ws.opened().await?;
    /// ws.send_bytes(&[0xde, 0xad, 0xbe, 0xef])?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] unless the socket is `OPEN`; nothing is sent.
    pub fn send_bytes(&self, bytes: &[u8]) -> Result<(), Error> {
        self.check_open()?;
        #[cfg(not(target_feature = "atomics"))]
        let sent = self.raw.send_with_u8_array(bytes);
        #[cfg(target_feature = "atomics")]
        let sent = self
            .raw
            .send_with_array_buffer_view(&js_sys::Uint8Array::from(bytes));
        sent.map_err(exception::unexpected)
    }

    /// Sends a `Blob` as a binary message, without reading it into wasm memory.
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/upload")?;
    /// ws.opened().await?;
    /// ws.send_blob(&file)?; // e.g. a File from an <input type="file">
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] unless the socket is `OPEN`; nothing is sent.
    pub fn send_blob(&self, blob: &web_sys::Blob) -> Result<(), Error> {
        self.check_open()?;
        self.raw.send_with_blob(blob).map_err(exception::unexpected)
    }

    /// Sends a JavaScript `ArrayBuffer` as a binary message.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/data")?;
    /// ws.opened().await?;
    /// let buffer = js_sys::ArrayBuffer::new(16);
    /// ws.send_array_buffer(&buffer)?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] unless the socket is `OPEN`; nothing is sent.
    pub fn send_array_buffer(&self, buffer: &js_sys::ArrayBuffer) -> Result<(), Error> {
        self.check_open()?;
        self.raw
            .send_with_array_buffer(buffer)
            .map_err(exception::unexpected)
    }

    /// Sends the bytes a JavaScript `Uint8Array` views as a binary message.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/data")?;
    /// ws.opened().await?;
    /// let view = js_sys::Uint8Array::new_with_length(4);
    /// ws.send_uint8_array(&view)?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] unless the socket is `OPEN`; nothing is sent.
    pub fn send_uint8_array(&self, view: &js_sys::Uint8Array) -> Result<(), Error> {
        self.check_open()?;
        self.raw
            .send_with_array_buffer_view(view)
            .map_err(exception::unexpected)
    }

    fn check_open(&self) -> Result<(), Error> {
        match self.ready_state() {
            ReadyState::Open => Ok(()),
            state => Err(Error::NotOpen(state)),
        }
    }

    /// Starts the closing handshake with [`CloseCode::NORMAL`] and no reason.
    ///
    /// Returns at once; the stream's last event, or [`closed`](Self::closed), says when
    /// and how the connection ended. Closing while `CONNECTING` abandons the attempt.
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
    /// [`Error::AlreadyClosing`] if the socket is `CLOSING` or `CLOSED`.
    pub fn close(&self) -> Result<(), Error> {
        self.close_with(CloseCode::NORMAL, "")
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
    /// - [`Error::CloseCodeNotSendable`]: `code` is not 1000 or 3000–4999.
    /// - [`Error::CloseReasonTooLong`]: `reason` is over 123 UTF-8 bytes.
    /// - [`Error::AlreadyClosing`]: the socket is `CLOSING` or `CLOSED`.
    pub fn close_with(&self, code: CloseCode, reason: &str) -> Result<(), Error> {
        check_close(code, reason)?;
        match self.ready_state() {
            state @ (ReadyState::Closing | ReadyState::Closed) => Err(Error::AlreadyClosing(state)),
            ReadyState::Connecting | ReadyState::Open => self
                .raw
                .close_with_code_and_reason(code.as_u16(), reason)
                .map_err(exception::unexpected),
        }
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
    pub fn ready_state(&self) -> ReadyState {
        ReadyState::from_browser(self.raw.ready_state())
    }

    /// Bytes queued by sends but not yet handed to the network (`bufferedAmount`).
    ///
    /// ```no_run
    /// # let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// if ws.buffered_amount() > 1 << 20 {
    ///     // More than 1 MiB waits in the browser: slow down.
    /// }
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn buffered_amount(&self) -> u32 {
        self.raw.buffered_amount()
    }

    /// The URL as the browser resolved it.
    ///
    /// ```no_run
    /// # let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// assert_eq!(ws.url(), "wss://example.com/chat");
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn url(&self) -> String {
        self.raw.url()
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
        self.raw.protocol()
    }

    /// The extensions the server chose (e.g. `permessage-deflate`); empty before open.
    ///
    /// ```no_run
    /// # let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// let compressed = ws.extensions().contains("permessage-deflate");
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn extensions(&self) -> String {
        self.raw.extensions()
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
    pub fn binary_type(&self) -> BinaryType {
        BinaryType::from_web_sys(self.raw.binary_type())
    }

    /// Changes how binary messages arrive from now on. Messages already received, even if
    /// not yet yielded by the stream, keep the form they arrived in.
    ///
    /// ```no_run
    /// use browser_websocket::{BinaryType, WebSocket};
    ///
    /// let ws = WebSocket::connect("wss://example.com/files")?;
    /// ws.set_binary_type(BinaryType::Blob);
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn set_binary_type(&self, binary_type: BinaryType) {
        self.raw.set_binary_type(binary_type.to_web_sys());
    }

    /// The browser's `WebSocket` underneath, for what this crate does not cover.
    ///
    /// Listeners you add to it are yours to remove; setting its `on*` properties does not
    /// disturb this crate's listeners.
    ///
    /// ```no_run
    /// # let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// let raw: &web_sys::WebSocket = ws.as_raw();
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn as_raw(&self) -> &web_sys::WebSocket {
        &self.raw
    }
}

/// Yields every event in the browser's order and ends after [`Event::Closed`].
impl Stream for WebSocket {
    type Item = Event;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        self.inbox.poll_next(cx)
    }
}

impl Drop for WebSocket {
    fn drop(&mut self) {
        if matches!(
            self.ready_state(),
            ReadyState::Connecting | ReadyState::Open
        ) {
            // Nothing can be reported from a drop; the listeners go right after.
            let _ = self.raw.close_with_code(CloseCode::NORMAL.as_u16());
        }
    }
}
