//! The offline queue itself: messages waiting for the next open.

use std::collections::VecDeque;

use crate::error::Error;
use crate::message::Message;
use crate::reconnect::offline_queue::{OfflineQueue, Sent, WhenFull};

/// The messages sent while disconnected, waiting for the next open; sized and
/// governed by an [`OfflineQueue`].
#[derive(Debug, Default)]
pub(crate) struct PendingSends {
    config: OfflineQueue,
    messages: VecDeque<Message>,
}

impl PendingSends {
    pub(crate) fn new(config: OfflineQueue) -> PendingSends {
        PendingSends {
            config,
            messages: VecDeque::new(),
        }
    }

    /// Queues a message under the configured limit.
    pub(crate) fn push(&mut self, message: Message) -> Result<Sent, Error> {
        if self.messages.len() < self.config.capacity() {
            self.messages.push_back(message);
            return Ok(Sent::Queued);
        }
        match self.config.when_full() {
            WhenFull::RejectNew => Err(Error::QueueFull {
                capacity: self.config.capacity(),
            }),
            WhenFull::DropOldest => match self.messages.pop_front() {
                Some(oldest) => {
                    self.messages.push_back(message);
                    Ok(Sent::QueuedDroppingOldest(oldest))
                }
                // Capacity 0: nothing to drop, nowhere to put it.
                None => Err(Error::QueueFull { capacity: 0 }),
            },
        }
    }

    /// Sends every queued message in order with `send`; stops at the first failure and
    /// keeps that message and the rest.
    pub(crate) fn drain_with(
        &mut self,
        mut send: impl FnMut(&Message) -> Result<(), Error>,
    ) -> Result<(), Error> {
        while let Some(message) = self.messages.front() {
            send(message)?;
            self.messages.pop_front();
        }
        Ok(())
    }

    pub(crate) fn len(&self) -> usize {
        self.messages.len()
    }

    pub(crate) fn take_all(&mut self) -> Vec<Message> {
        self.messages.drain(..).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Message {
        Message::Text(s.into())
    }

    #[test]
    fn messages_queue_up_to_capacity_then_new_ones_are_rejected() {
        let mut queue = PendingSends::new(OfflineQueue::new(2, WhenFull::RejectNew));
        assert_eq!(queue.push(text("a")), Ok(Sent::Queued));
        assert_eq!(queue.push(text("b")), Ok(Sent::Queued));
        assert_eq!(queue.push(text("c")), Err(Error::QueueFull { capacity: 2 }));
        assert_eq!(queue.take_all(), vec![text("a"), text("b")]);
    }

    #[test]
    fn drop_oldest_hands_back_what_it_dropped() {
        let mut queue = PendingSends::new(OfflineQueue::new(2, WhenFull::DropOldest));
        let _ = queue.push(text("a"));
        let _ = queue.push(text("b"));
        assert_eq!(
            queue.push(text("c")),
            Ok(Sent::QueuedDroppingOldest(text("a")))
        );
        assert_eq!(queue.take_all(), vec![text("b"), text("c")]);
    }

    #[test]
    fn capacity_zero_refuses_everything() {
        for when_full in [WhenFull::RejectNew, WhenFull::DropOldest] {
            let mut queue = PendingSends::new(OfflineQueue::new(0, when_full));
            assert_eq!(queue.push(text("a")), Err(Error::QueueFull { capacity: 0 }));
        }
    }

    #[test]
    fn drain_sends_in_order_and_keeps_the_rest_after_a_failure() {
        let mut queue = PendingSends::new(OfflineQueue::default());
        for s in ["a", "b", "c"] {
            let _ = queue.push(text(s));
        }
        let mut sent = Vec::new();
        let result = queue.drain_with(|m| {
            if m == &text("b") {
                return Err(Error::NotOpen(crate::ReadyState::Closed));
            }
            sent.push(m.clone());
            Ok(())
        });
        assert!(result.is_err());
        assert_eq!(sent, vec![text("a")]);
        assert_eq!(queue.len(), 2);
        assert_eq!(queue.drain_with(|_| Ok(())), Ok(()));
        assert_eq!(queue.len(), 0);
    }
}
