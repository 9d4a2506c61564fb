//! What the socket's stream yields: the browser's four events, typed.

use crate::{CloseEvent, Message};

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
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
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
}
