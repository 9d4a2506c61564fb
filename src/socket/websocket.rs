//! The connection: a typed handle on the browser's `WebSocket`.

use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::browser::{Connection, Inbox};
use crate::event::Event;
use crate::flow::Flow;
use crate::flow::WaterMarks;

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
    // Seen by the files that hold its methods: `websocket_state.rs`, `websocket_send.rs`,
    // `builder.rs` (making one) and `split.rs` (splitting and reuniting).
    pub(super) connection: Rc<Connection>,
    pub(super) inbox: Rc<Inbox>,
    pub(super) flow: Flow,
}

impl WebSocket {
    pub(crate) fn new(connection: Connection, marks: WaterMarks) -> WebSocket {
        let connection = Rc::new(connection);
        let inbox = connection.subscribe();
        WebSocket {
            connection,
            inbox,
            flow: Flow::new(marks),
        }
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
