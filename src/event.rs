//! What the socket's stream yields: the browser's four events, typed.

use crate::close::{CloseCode, CloseEvent};
use crate::message::Message;

/// One event from the connection, in the order the browser fired them.
///
/// The stream yields [`Event::Open`] at most once, any number of messages, and ends
/// right after [`Event::Closed`]. A failed connection yields [`Event::Error`] then
/// [`Event::Closed`] with [`CloseCode::ABNORMAL`](crate::CloseCode::ABNORMAL).
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{Event, WebSocket};
/// use futures_util::StreamExt;
///
/// let mut ws = WebSocket::connect("wss://example.com/chat")?;
/// while let Some(event) = ws.next().await {
///     match event {
///         Event::Open => ws.send_text("hello")?,
///         Event::Message(message) => println!("{message:?}"),
///         Event::Error => println!("the browser reported an error"),
///         Event::Closed(close) => println!("closed with {}", close.code),
///         _ => {} // more events may be added (e.g. `Overflow`, with an inbox limit)
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// The handshake finished: the socket is `OPEN`.
    Open,
    /// A message arrived.
    Message(Message),
    /// The browser fired `error`. It carries no detail by design (the browser hides it
    /// from scripts); a [`Event::Closed`] always follows.
    Error,
    /// The connection closed; the last event of the stream.
    Closed(CloseEvent),
    /// This stream's [`InboxLimit`](crate::InboxLimit) was reached: messages were dropped,
    /// or the connection is being closed. Only with a limit set.
    Overflow(Overflow),
}

/// What a full inbox did, where it did it in the stream; see
/// [`InboxLimit`](crate::InboxLimit).
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{Event, InboxLimit, Overflow, WebSocket, WhenInboxFull};
/// use futures_util::StreamExt;
///
/// let mut ws = WebSocket::builder("wss://example.com/ticker")
///     .inbox_limit(InboxLimit::messages(100).when_full(WhenInboxFull::DropOldest))
///     .connect()?;
/// while let Some(event) = ws.next().await {
///     if let Event::Overflow(Overflow::Dropped { messages }) = event {
///         println!("fell behind: {messages} updates skipped");
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Overflow {
    /// `messages` unread messages were dropped to make room, right before the next one
    /// ([`WhenInboxFull::DropOldest`](crate::WhenInboxFull::DropOldest)).
    Dropped {
        /// How many were dropped in this gap.
        messages: u64,
    },
    /// The inbox was full, so the connection is being closed with `code`; the message that
    /// did not fit and any after it are dropped, and `Closed` follows
    /// ([`WhenInboxFull::Close`](crate::WhenInboxFull::Close)).
    Closing {
        /// The code it closes with.
        code: CloseCode,
    },
}
