//! Options for opening a connection.

use std::rc::Rc;
use std::time::Duration;

use crate::binary_type::BinaryType;
use crate::browser::{Connection, InboxBound, Options};
use crate::error::Error;
use crate::event::Event;
use crate::flow::Flow;
use crate::flow::WaterMarks;
use crate::inbox_limit::InboxLimit;
use crate::socket::split::WebSocketSender;
use crate::socket::weak_sender::WeakSender;
use crate::socket::websocket::WebSocket;
use crate::transport::Transport;

// How a `WebSocket` is made: here, beside its builder.
impl WebSocket {
    /// Starts connecting to `url` with no subprotocols and
    /// [`BinaryType::ArrayBuffer`](crate::BinaryType::ArrayBuffer).
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
    pub fn connect(url: &str) -> Result<WebSocket, crate::Error> {
        WebSocket::builder(url).connect()
    }

    /// A builder for a connection with subprotocols, another
    /// [`BinaryType`](crate::BinaryType) or other [`WaterMarks`].
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
}

/// Opens a [`WebSocket`] with subprotocols or a [`BinaryType`]; made by
/// [`WebSocket::builder`].
///
/// ```no_run
/// use browser_websocket::{BinaryType, WebSocket};
///
/// let ws = WebSocket::builder("wss://example.com/chat")
///     .protocols(["chat.v2", "chat.v1"])
///     .binary_type(BinaryType::Blob)
///     .connect()?;
/// # Ok::<(), browser_websocket::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `connect` is called"]
pub struct WebSocketBuilder {
    url: String,
    protocols: Vec<String>,
    binary_type: BinaryType,
    water_marks: WaterMarks,
    connect_timeout: Option<Duration>,
    inbox_limit: Option<InboxBound>,
    transport: Transport,
}

impl WebSocketBuilder {
    pub(crate) fn new(url: impl Into<String>) -> WebSocketBuilder {
        WebSocketBuilder {
            url: url.into(),
            protocols: Vec::new(),
            binary_type: BinaryType::default(),
            water_marks: WaterMarks::default(),
            connect_timeout: None,
            inbox_limit: None,
            transport: Transport::default(),
        }
    }

    /// Offers these subprotocols, most preferred first (`Sec-WebSocket-Protocol`); the
    /// server's choice is [`WebSocket::protocol`] once open. Replaces earlier calls.
    ///
    /// ```no_run
    /// use browser_websocket::WebSocket;
    ///
    /// let ws = WebSocket::builder("wss://example.com/").protocols(["v2", "v1"]).connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn protocols<I, S>(mut self, protocols: I) -> WebSocketBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.protocols = protocols.into_iter().map(Into::into).collect();
        self
    }

    /// How binary messages will arrive; [`BinaryType::ArrayBuffer`] unless set.
    ///
    /// ```no_run
    /// use browser_websocket::{BinaryType, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/").binary_type(BinaryType::Blob).connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn binary_type(mut self, binary_type: BinaryType) -> WebSocketBuilder {
        self.binary_type = binary_type;
        self
    }

    /// When the socket's [`Sink`](futures_sink::Sink) waits: above `high` buffered bytes,
    /// until drained to `low`. [`WaterMarks::default`] (1 MiB / 256 KiB) unless set.
    ///
    /// ```no_run
    /// use browser_websocket::{WaterMarks, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/upload")
    ///     .water_marks(WaterMarks::new(8 << 20, 2 << 20)?)
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn water_marks(mut self, water_marks: WaterMarks) -> WebSocketBuilder {
        self.water_marks = water_marks;
        self
    }

    /// Abandons the connection if it is still `CONNECTING` after `timeout`: the socket is
    /// closed, [`WebSocket::opened`] fails with [`Error::ConnectTimedOut`], and the stream
    /// ends as for any failed connect (`Error`, then `Closed` with 1006). No timeout unless
    /// set: the browser's own can take minutes.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use std::time::Duration;
    /// use browser_websocket::{Error, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .connect_timeout(Duration::from_secs(5))
    ///     .connect()?;
    /// match ws.opened().await {
    ///     Err(Error::ConnectTimedOut { after }) => println!("no answer within {after:?}"),
    ///     other => other?,
    /// }
    /// # Ok(()) }
    /// ```
    pub fn connect_timeout(mut self, timeout: Duration) -> WebSocketBuilder {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Bounds what each stream of the socket holds unread, and says what happens when a
    /// slow reader hits the bound: see [`InboxLimit`]. Unbounded unless set; an app that
    /// never sets a limit does not ship the code that enforces one.
    ///
    /// ```no_run
    /// use browser_websocket::{InboxLimit, WebSocket};
    ///
    /// // Close (with 4009 "inbox full") rather than hold more than 64 MiB unread.
    /// let ws = WebSocket::builder("wss://example.com/feed")
    ///     .inbox_limit(InboxLimit::bytes(64 << 20))
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn inbox_limit(mut self, limit: InboxLimit) -> WebSocketBuilder {
        self.inbox_limit = Some(InboxBound::new(limit));
        self
    }

    /// Which browser API carries the connection: see [`Transport`]. `Classic` unless set.
    ///
    /// ```no_run
    /// use browser_websocket::{Transport, WebSocket};
    ///
    /// // Receive backpressure where the browser has WebSocketStream (Chromium).
    /// let ws = WebSocket::builder("wss://example.com/feed")
    ///     .transport(Transport::Auto)
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn transport(mut self, transport: Transport) -> WebSocketBuilder {
        self.transport = transport;
        self
    }

    pub(crate) fn set_url(&mut self, url: String) {
        self.url = url;
    }

    pub(crate) fn binary_type_in_use(&self) -> BinaryType {
        self.binary_type
    }

    pub(crate) fn water_marks_in_use(&self) -> WaterMarks {
        self.water_marks
    }

    pub(crate) fn connect_timeout_in_use(&self) -> Option<Duration> {
        self.connect_timeout
    }

    pub(crate) fn set_connect_timeout(&mut self, timeout: Option<Duration>) {
        self.connect_timeout = timeout;
    }

    /// Starts connecting, like `new WebSocket(url, protocols)`: returns at once, in the
    /// `CONNECTING` state. Await [`WebSocket::opened`] or read the stream to learn when it
    /// opens.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::WebSocket;
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat").protocols(["chat"]).connect()?;
    /// ws.opened().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// - [`Error::InvalidUrl`]: a relative URL, a scheme other than `ws`/`wss`, a fragment,
    ///   or a URL the browser cannot parse.
    /// - [`Error::InvalidProtocol`], [`Error::DuplicateProtocol`]: a bad subprotocol list.
    /// - [`Error::Security`]: the browser refused it (blocked port, mixed content).
    /// - [`Error::TransportUnavailable`]: [`Transport::Stream`] where the browser has no
    ///   `WebSocketStream`.
    /// - [`Error::NotSupported`]: [`Transport::Stream`] with [`BinaryType::Blob`].
    /// - [`Error::Browser`]: any other exception from the constructor.
    pub fn connect(self) -> Result<WebSocket, Error> {
        let connection = self.open()?;
        Ok(WebSocket::new(connection, self.water_marks))
    }

    /// Starts connecting and calls `on_event` with every event, synchronously, from the
    /// browser's own listener: no stream, no executor, nothing queued. The fastest way to
    /// receive, and the smallest; returns the sending half, which owns the connection.
    ///
    /// `on_event` also gets a [`WeakSender`] to reply with (capturing the returned sender
    /// instead would keep the connection alive forever).
    ///
    /// ```no_run
    /// use browser_websocket::{Event, Message, WebSocket};
    ///
    /// let sender = WebSocket::builder("wss://example.com/ticker").connect_with(|event, reply| {
    ///     match event {
    ///         Event::Open => {
    ///             let _ = reply.send_text("subscribe");
    ///         }
    ///         Event::Message(Message::Text(tick)) => println!("{tick}"),
    ///         Event::Closed(close) => println!("closed: {}", close.code),
    ///         _ => {}
    ///     }
    /// })?;
    /// // Keep `sender` for as long as the connection should live.
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    ///
    /// `on_event` runs inside the browser's event listener: it should not block. Events
    /// that it causes itself (say, by dispatching one) are handed to it after it returns,
    /// in order. Streams from [`subscribe`](WebSocketSender::subscribe) still work
    /// beside it.
    ///
    /// # Errors
    /// As [`connect`](Self::connect).
    pub fn connect_with(
        self,
        mut on_event: impl FnMut(Event, &WeakSender) + 'static,
    ) -> Result<WebSocketSender, Error> {
        let connection = Rc::new(self.open()?);
        let reply = WeakSender::new(Rc::downgrade(&connection));
        // Before any event can fire: events are queued tasks, this runs first.
        connection.set_handler(move |event| on_event(event, &reply));
        Ok(WebSocketSender::new(
            connection,
            Flow::new(self.water_marks),
        ))
    }

    /// What [`connect`](Self::connect) checks before the browser sees anything: the URL
    /// and the subprotocols, without connecting.
    pub(crate) fn check(&self) -> Result<(), Error> {
        crate::browser::resolve_url(&self.url)?;
        crate::browser::check_protocols(&self.protocols)
    }

    fn open(&self) -> Result<Connection, Error> {
        Connection::open(Options {
            url: &self.url,
            protocols: &self.protocols,
            binary_type: self.binary_type,
            connect_timeout: self.connect_timeout,
            inbox_limit: self.inbox_limit,
            transport: self.transport,
        })
    }
}
