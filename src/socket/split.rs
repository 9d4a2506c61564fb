//! The two halves of a split socket.

use std::fmt;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::browser::{Connection, Inbox};
use crate::event::Event;
use crate::flow::Flow;
use crate::socket::websocket::WebSocket;

// Splitting and reuniting: here, beside the halves.
impl WebSocket {
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

    pub(crate) fn from_halves(sender: WebSocketSender, receiver: WebSocketReceiver) -> WebSocket {
        let (connection, flow) = sender.into_parts();
        let (_, inbox) = receiver.into_parts();
        WebSocket {
            connection,
            inbox,
            flow,
        }
    }
}

/// The sending half of a [`WebSocket`], from [`WebSocket::split`]: the send methods, a
/// flow-controlled [`Sink`](futures_sink::Sink), and closing.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{Message, WebSocket};
/// use futures_util::SinkExt;
///
/// let (mut sender, _receiver) = WebSocket::connect("wss://example.com/upload")?.split();
/// sender.opened().await?;
/// sender.send(Message::Binary(vec![0; 64 << 10])).await?;
/// sender.flush().await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "dropping both halves closes the connection"]
pub struct WebSocketSender {
    // Seen by `sender_methods.rs`, which holds its methods.
    pub(super) connection: Rc<Connection>,
    pub(super) flow: Flow,
}

/// The receiving half of a [`WebSocket`], from [`WebSocket::split`]: the [`Stream`] of
/// [`Event`]s, and closing.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::WebSocket;
/// use futures_util::StreamExt;
///
/// let (_sender, mut receiver) = WebSocket::connect("wss://example.com/feed")?.split();
/// while let Some(event) = receiver.next().await {
///     println!("{event:?}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "dropping both halves closes the connection"]
pub struct WebSocketReceiver {
    // Seen by `receiver_methods.rs`, which holds its methods.
    pub(super) connection: Rc<Connection>,
    inbox: Rc<Inbox>,
}

impl WebSocketSender {
    pub(crate) fn new(connection: Rc<Connection>, flow: Flow) -> WebSocketSender {
        WebSocketSender { connection, flow }
    }

    pub(crate) fn into_parts(self) -> (Rc<Connection>, Flow) {
        (self.connection, self.flow)
    }

    /// Puts the two halves of one socket back together.
    ///
    /// ```no_run
    /// use browser_websocket::WebSocket;
    ///
    /// let (sender, receiver) = WebSocket::connect("wss://example.com/chat")?.split();
    /// let ws: WebSocket = sender.reunite(receiver).expect("halves of one socket");
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ReuniteError`], holding both halves unchanged, if they come from different sockets.
    pub fn reunite(self, receiver: WebSocketReceiver) -> Result<WebSocket, ReuniteError> {
        if Rc::ptr_eq(&self.connection, &receiver.connection) {
            Ok(WebSocket::from_halves(self, receiver))
        } else {
            Err(ReuniteError {
                sender: self,
                receiver,
            })
        }
    }
}

impl WebSocketReceiver {
    pub(crate) fn new(connection: Rc<Connection>, inbox: Rc<Inbox>) -> WebSocketReceiver {
        WebSocketReceiver { connection, inbox }
    }

    pub(crate) fn into_parts(self) -> (Rc<Connection>, Rc<Inbox>) {
        (self.connection, self.inbox)
    }

    /// Puts the two halves of one socket back together; the same as
    /// [`WebSocketSender::reunite`].
    ///
    /// ```no_run
    /// use browser_websocket::WebSocket;
    ///
    /// let (sender, receiver) = WebSocket::connect("wss://example.com/chat")?.split();
    /// let ws: WebSocket = receiver.reunite(sender).expect("halves of one socket");
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ReuniteError`] if the halves come from different sockets.
    pub fn reunite(self, sender: WebSocketSender) -> Result<WebSocket, ReuniteError> {
        sender.reunite(self)
    }
}

/// Yields every event in the browser's order and ends after [`Event::Closed`].
impl Stream for WebSocketReceiver {
    type Item = Event;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        self.inbox.poll_next(cx)
    }
}

/// Two halves of different sockets were given to `reunite`; here they are back, unchanged.
///
/// Not a variant of [`Error`](crate::Error) because it must hand back the halves, which
/// are neither `Clone` nor comparable.
///
/// ```no_run
/// use browser_websocket::WebSocket;
///
/// let (sender_a, _receiver_a) = WebSocket::connect("wss://example.com/a")?.split();
/// let (_sender_b, receiver_b) = WebSocket::connect("wss://example.com/b")?.split();
/// let error = sender_a.reunite(receiver_b).unwrap_err();
/// let (sender_a, receiver_b) = (error.sender, error.receiver);
/// # Ok::<(), browser_websocket::Error>(())
/// ```
#[derive(Debug)]
pub struct ReuniteError {
    /// The sender, unchanged.
    pub sender: WebSocketSender,
    /// The receiver, unchanged.
    pub receiver: WebSocketReceiver,
}

impl fmt::Display for ReuniteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("tried to reunite the halves of two different WebSockets")
    }
}

impl std::error::Error for ReuniteError {}
