//! Where sends wait while a reconnecting socket is disconnected.

use crate::message::Message;

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
    /// The new message is refused with [`Error::QueueFull`](crate::Error::QueueFull); the queue is unchanged.
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
