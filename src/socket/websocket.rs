//! The connection: a typed handle on the browser's `WebSocket`.

use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::browser::{Connection, Inbox};
use crate::flow::Flow;
use crate::{Event, WaterMarks, WebSocketBuilder, WebSocketReceiver, WebSocketSender};

/// A connection to a WebSocket server: a [`Stream`] of its [`Event`]s and a
/// [`Sink`](futures_sink::Sink) of [`Message`](crate::Message)s.
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
/// Dropping a `WebSocket` (or the last of its [`split`](Self::split) halves) removes its
/// four listeners and, if it is `CONNECTING` or `OPEN`, closes it with
/// [`CloseCode::NORMAL`](crate::CloseCode::NORMAL) and an empty reason. Data already
/// buffered is still sent before the close frame. Events that arrive after the drop go
/// nowhere; [`Subscription`](crate::Subscription)s yield what they hold, then end. To learn
/// how the close ended, call [`close`](Self::close) and await [`closed`](Self::closed)
/// before dropping.
#[derive(Debug)]
#[must_use = "dropping a WebSocket closes the connection"]
pub struct WebSocket {
    // Seen by `websocket_state.rs` and `websocket_send.rs`, which hold its methods.
    pub(super) connection: Rc<Connection>,
    inbox: Rc<Inbox>,
    pub(super) flow: Flow,
}

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

    pub(crate) fn new(connection: Connection, marks: WaterMarks) -> WebSocket {
        let connection = Rc::new(connection);
        let inbox = connection.subscribe();
        WebSocket {
            connection,
            inbox,
            flow: Flow::new(marks),
        }
    }

    pub(crate) fn from_halves(sender: WebSocketSender, receiver: WebSocketReceiver) -> WebSocket {
        let (connection, flow) = sender.into_parts();
        let (_, inbox) = receiver.into_parts();
        WebSocket {
            connection,
            inbox,
            flow,
        }
    }

    /// Splits into a sender and a receiver that can live in different tasks or components.
    ///
    /// Either half can close the connection; the receiver still yields the final
    /// [`Event::Closed`]. The connection lives until both halves are dropped.
    /// [`WebSocketSender::reunite`] puts them back together.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{Event, WebSocket};
    /// use futures_util::StreamExt;
    ///
    /// let (sender, mut receiver) = WebSocket::connect("wss://example.com/chat")?.split();
    /// wasm_bindgen_futures::spawn_local(async move {
    ///     while let Some(event) = receiver.next().await {
    ///         println!("{event:?}");
    ///     }
    /// });
    /// sender.opened().await?;
    /// sender.send_text("hello")?;
    /// # Ok(()) }
    /// ```
    pub fn split(self) -> (WebSocketSender, WebSocketReceiver) {
        let WebSocket {
            connection,
            inbox,
            flow,
        } = self;
        (
            WebSocketSender::new(Rc::clone(&connection), flow),
            WebSocketReceiver::new(connection, inbox),
        )
    }

    /// The connection underneath, for layers that drive a socket themselves.
    pub(crate) fn connection(&self) -> &Connection {
        &self.connection
    }

    /// The next event, through a shared reference (the stream never needs more).
    pub(crate) fn poll_event(&self, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        self.inbox.poll_next(cx)
    }
}

/// Yields every event in the browser's order and ends after [`Event::Closed`].
impl Stream for WebSocket {
    type Item = Event;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        self.inbox.poll_next(cx)
    }
}
