//! What one delivery of a [`Feed`](super::Feed) holds.

use crate::{ConnectionStatus, ReconnectEvent, TypedEvent};

/// What happened since the last batch: every event in order, the newest status, and the
/// queue's length after them.
///
/// ```no_run
/// use browser_websocket::ui::Batch;
/// use browser_websocket::TypedEvent;
///
/// fn render(batch: Batch<String>) {
///     for event in batch.events {
///         if let TypedEvent::Message(text) = event {
///             println!("{text}");
///         }
///     }
///     if let Some(status) = batch.status {
///         println!("{status} ({} queued)", batch.queued);
///     }
/// }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Batch<In> {
    /// Every event since the last batch, in the order they arrived.
    pub events: Vec<TypedEvent<In, ReconnectEvent>>,
    /// The newest status, if it changed (or the countdown ticked) since the last batch.
    pub status: Option<ConnectionStatus>,
    /// The offline queue's length after these events.
    pub queued: usize,
    /// The event stream ended (closed for good): this is the last batch.
    pub ended: bool,
}

impl<In> Batch<In> {
    pub(crate) fn has_messages(&self) -> bool {
        self.events
            .iter()
            .any(|event| !matches!(event, TypedEvent::Other(_)))
    }

    /// Adds a later batch to this one.
    pub(crate) fn absorb(&mut self, later: Batch<In>) {
        self.events.extend(later.events);
        self.status = later.status.or(self.status.take());
        self.queued = later.queued;
        self.ended |= later.ended;
    }
}
