//! An extra, independent stream of a connection's events.

use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::browser::Inbox;
use crate::event::Event;

/// Another stream of one connection's events, from `subscribe()` on a [`WebSocket`](crate::WebSocket)
/// (or either half): the browser's `addEventListener` for a second listener, typed.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{Event, WebSocket};
/// use futures_util::StreamExt;
///
/// let ws = WebSocket::connect("wss://example.com/chat")?;
/// let mut log = ws.subscribe();
/// wasm_bindgen_futures::spawn_local(async move {
///     while let Some(event) = log.next().await {
///         println!("{event:?}");
///     }
/// });
/// # Ok(()) }
/// ```
///
/// It sees every event from its creation on, in order, and ends after
/// [`Event::Closed`], or, if the connection is dropped first, after the events it holds.
/// It does not keep the connection alive.
///
/// # Memory
/// Each subscription holds its own copy of every event until polled; an unpolled one grows
/// by one event (payload included) per message. Drop it when you stop reading.
#[derive(Debug)]
#[must_use = "a subscription does nothing unless polled"]
pub struct Subscription {
    inbox: Rc<Inbox>,
}

impl Subscription {
    pub(crate) fn new(inbox: Rc<Inbox>) -> Subscription {
        Subscription { inbox }
    }

    /// How many events wait to be polled: what this subscription costs in memory now.
    ///
    /// ```no_run
    /// # let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// let subscription = ws.subscribe();
    /// assert_eq!(subscription.queued(), 0);
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn queued(&self) -> usize {
        self.inbox.len()
    }
}

impl Stream for Subscription {
    type Item = Event;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        self.inbox.poll_next(cx)
    }
}
