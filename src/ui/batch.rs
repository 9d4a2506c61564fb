//! What one delivery of a [`Feed`](super::Feed) holds.

use super::Sharing;
use crate::connection_status::ConnectionStatus;
use crate::reconnect::ReconnectEvent;
use crate::typed::TypedEvent;

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
    /// Who holds the connection and how many tabs use it, after these events.
    pub sharing: Sharing,
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
        self.sharing = later.sharing;
        self.ended |= later.ended;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::close::{CloseCode, CloseEvent};

    fn batch(
        events: Vec<TypedEvent<u32, ReconnectEvent>>,
        status: Option<ConnectionStatus>,
    ) -> Batch<u32> {
        Batch {
            events,
            status,
            queued: 0,
            sharing: Sharing::default(),
            ended: false,
        }
    }

    fn closed() -> ReconnectEvent {
        ReconnectEvent::Closed(CloseEvent {
            code: CloseCode::NORMAL,
            reason: String::new(),
            was_clean: true,
        })
    }

    #[test]
    fn only_messages_and_undecodables_count_as_messages() {
        assert!(!batch(vec![TypedEvent::Other(closed())], None).has_messages());
        assert!(
            batch(
                vec![TypedEvent::Other(closed()), TypedEvent::Message(1)],
                None
            )
            .has_messages()
        );
        assert!(!batch(Vec::new(), Some(ConnectionStatus::Open)).has_messages());
    }

    #[test]
    fn a_later_batch_appends_its_events_and_its_status_wins() {
        let mut first = batch(
            vec![TypedEvent::Message(1)],
            Some(ConnectionStatus::Connecting),
        );
        let mut later = batch(vec![TypedEvent::Message(2)], None);
        later.queued = 4;
        first.absorb(later);
        assert_eq!(
            first.events,
            [TypedEvent::Message(1), TypedEvent::Message(2)]
        );
        assert_eq!(
            first.status,
            Some(ConnectionStatus::Connecting),
            "no newer status: the older stays"
        );
        assert_eq!(first.queued, 4);
        let mut ending = batch(Vec::new(), Some(ConnectionStatus::Open));
        ending.ended = true;
        first.absorb(ending);
        assert_eq!(first.status, Some(ConnectionStatus::Open));
        assert!(first.ended);
    }
}
