//! Where sends wait while a reconnecting socket is disconnected.

use std::collections::VecDeque;

use crate::{Error, Message};

/// How many messages a [`ReconnectingWebSocket`](crate::ReconnectingWebSocket) keeps while
/// disconnected, and what happens when that is not enough.
///
/// Queued messages are sent in order right after the next open, before any new send.
///
/// ```
/// use browser_websocket::{OfflineQueue, WhenFull};
///
/// let queue = OfflineQueue::new(100, WhenFull::DropOldest);
/// assert_eq!(queue.capacity(), 100);
/// assert_eq!(OfflineQueue::default().when_full(), WhenFull::RejectNew);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OfflineQueue {
    capacity: usize,
    when_full: WhenFull,
}

/// What a send does when the offline queue is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WhenFull {
    /// The new message is refused with [`Error::QueueFull`]; the queue is unchanged.
    #[default]
    RejectNew,
    /// The oldest queued message is dropped to make room, and handed back to the sender
    /// in [`Sent::QueuedDroppingOldest`].
    DropOldest,
}

/// What became of a message given to a reconnecting socket's `send`.
#[derive(Debug, Clone, PartialEq)]
#[must_use = "a send may have dropped an older message"]
pub enum Sent {
    /// Handed to the open socket.
    Now,
    /// Queued until the next open.
    Queued,
    /// Queued, and the oldest queued message, returned here, was dropped for it.
    QueuedDroppingOldest(Message),
}

impl OfflineQueue {
    /// A queue of at most `capacity` messages; 0 refuses every send while disconnected.
    ///
    /// ```
    /// use browser_websocket::{OfflineQueue, WhenFull};
    ///
    /// let no_queue = OfflineQueue::new(0, WhenFull::RejectNew);
    /// ```
    pub const fn new(capacity: usize, when_full: WhenFull) -> OfflineQueue {
        OfflineQueue {
            capacity,
            when_full,
        }
    }

    /// The most messages it holds.
    ///
    /// ```
    /// assert_eq!(browser_websocket::OfflineQueue::default().capacity(), 1024);
    /// ```
    pub const fn capacity(self) -> usize {
        self.capacity
    }

    /// What a send does when it is full.
    ///
    /// ```
    /// use browser_websocket::{OfflineQueue, WhenFull};
    /// assert_eq!(OfflineQueue::new(1, WhenFull::DropOldest).when_full(), WhenFull::DropOldest);
    /// ```
    pub const fn when_full(self) -> WhenFull {
        self.when_full
    }
}

/// 1 024 messages; refuses new ones when full, so nothing is dropped silently.
impl Default for OfflineQueue {
    fn default() -> OfflineQueue {
        OfflineQueue::new(1024, WhenFull::RejectNew)
    }
}

/// The queued messages themselves.
#[derive(Debug, Default)]
pub(crate) struct Queued {
    config: OfflineQueue,
    messages: VecDeque<Message>,
}

impl Queued {
    pub(crate) fn new(config: OfflineQueue) -> Queued {
        Queued {
            config,
            messages: VecDeque::new(),
        }
    }

    /// Queues a message under the configured limit.
    pub(crate) fn push(&mut self, message: Message) -> Result<Sent, Error> {
        if self.messages.len() < self.config.capacity {
            self.messages.push_back(message);
            return Ok(Sent::Queued);
        }
        match self.config.when_full {
            WhenFull::RejectNew => Err(Error::QueueFull {
                capacity: self.config.capacity,
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
        let mut queue = Queued::new(OfflineQueue::new(2, WhenFull::RejectNew));
        assert_eq!(queue.push(text("a")), Ok(Sent::Queued));
        assert_eq!(queue.push(text("b")), Ok(Sent::Queued));
        assert_eq!(queue.push(text("c")), Err(Error::QueueFull { capacity: 2 }));
        assert_eq!(queue.take_all(), vec![text("a"), text("b")]);
    }

    #[test]
    fn drop_oldest_hands_back_what_it_dropped() {
        let mut queue = Queued::new(OfflineQueue::new(2, WhenFull::DropOldest));
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
            let mut queue = Queued::new(OfflineQueue::new(0, when_full));
            assert_eq!(queue.push(text("a")), Err(Error::QueueFull { capacity: 0 }));
        }
    }

    #[test]
    fn drain_sends_in_order_and_keeps_the_rest_after_a_failure() {
        let mut queue = Queued::new(OfflineQueue::default());
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
