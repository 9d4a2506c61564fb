//! What a reconnecting socket's stream yields.

use std::time::Duration;

use crate::close::CloseEvent;
use crate::connection_status::GiveUp;
use crate::message::Message;

/// One event from a [`ReconnectingWebSocket`](crate::ReconnectingWebSocket): the core
/// [`Event`](crate::Event)s of each connection in turn, plus the reconnects between them.
///
/// A stream goes `Open`, messages, `Closed`, then either `Reconnecting` (and `Open` again
/// once the retry succeeds) or the end. It ends after a `Closed` that is not retried (your
/// own close, or one the policy treats as final), or after `GaveUp`.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{ReconnectEvent, ReconnectPolicy, WebSocket};
/// use futures_util::StreamExt;
///
/// let mut ws = WebSocket::builder("wss://example.com/live")
///     .reconnecting(ReconnectPolicy::default())
///     .connect()?;
/// while let Some(event) = ws.next().await {
///     match event {
///         ReconnectEvent::Open => println!("online"),
///         ReconnectEvent::Reconnecting { attempt, delay } => {
///             println!("offline; retry {attempt} in {delay:?}")
///         }
///         ReconnectEvent::GaveUp(why) => println!("gave up: {why:?}"),
///         _ => {}
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ReconnectEvent {
    /// A connection opened: the first, or a successful retry. Queued sends have just been
    /// handed to it.
    Open,
    /// A message arrived.
    Message(Message),
    /// The browser fired `error`; a `Closed` follows.
    Error,
    /// A connection closed. The last event unless `Reconnecting` or `GaveUp` follows.
    Closed(CloseEvent),
    /// The next retry, counted from 1 since the last stable connection, starts after
    /// `delay`.
    Reconnecting {
        /// Which retry in a row this is.
        attempt: u32,
        /// How long until it starts.
        delay: Duration,
    },
    /// No more retries; the last event.
    GaveUp(GiveUp),
    /// The connection's [`InboxLimit`](crate::InboxLimit) was reached: see
    /// [`Overflow`](crate::Overflow).
    Overflow(crate::Overflow),
}
