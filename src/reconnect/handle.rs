//! A cheap, cloneable handle on a reconnecting socket, and the methods it shares with the
//! socket itself.

use std::rc::Rc;

use super::shared::Shared;

/// Sends, closes and reads the status of a
/// [`ReconnectingWebSocket`](crate::ReconnectingWebSocket), from anywhere: `Clone` it
/// into every component and closure that needs it.
///
/// ```no_run
/// # fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{ReconnectEvent, ReconnectPolicy, WebSocket};
/// use futures_util::StreamExt;
///
/// let (chat, mut events) = WebSocket::builder("wss://example.com/chat")
///     .reconnecting(ReconnectPolicy::default())
///     .connect()?
///     .split();
/// let on_click = {
///     let chat = chat.clone();
///     move || chat.send("hello") // Sent::Now, or queued until the connection is back
/// };
/// wasm_bindgen_futures::spawn_local(async move {
///     while let Some(event) = events.next().await {
///         if let ReconnectEvent::Message(message) = event {
///             println!("{message:?}");
///         }
///     }
/// });
/// println!("{}", chat.status()); // "connecting"
/// # Ok(()) }
/// ```
///
/// A handle does not keep the connection alive: the event stream owns it. Once the
/// stream is dropped, sends fail with [`Error::NotOpen`](crate::Error::NotOpen) and the
/// status is [`ClosedBecause::Dropped`](crate::ClosedBecause::Dropped).
#[derive(Debug, Clone)]
pub struct ReconnectHandle {
    shared: Rc<Shared>,
}

impl ReconnectHandle {
    pub(crate) fn new(shared: Rc<Shared>) -> ReconnectHandle {
        ReconnectHandle { shared }
    }

    reconnect_methods!();
}
