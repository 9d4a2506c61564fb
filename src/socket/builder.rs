//! Options for opening a connection.

use crate::browser::Connection;
use crate::{BinaryType, Error, ReconnectPolicy, ReconnectingBuilder, WaterMarks, WebSocket};

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
}

impl WebSocketBuilder {
    pub(crate) fn new(url: impl Into<String>) -> WebSocketBuilder {
        WebSocketBuilder {
            url: url.into(),
            protocols: Vec::new(),
            binary_type: BinaryType::default(),
            water_marks: WaterMarks::default(),
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

    pub(crate) fn set_url(&mut self, url: String) {
        self.url = url;
    }

    pub(crate) fn water_marks_in_use(&self) -> WaterMarks {
        self.water_marks
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
    /// - [`Error::Browser`]: any other exception from the constructor.
    pub fn connect(self) -> Result<WebSocket, Error> {
        let connection = Connection::open(&self.url, &self.protocols, self.binary_type)?;
        Ok(WebSocket::new(connection, self.water_marks))
    }
}
