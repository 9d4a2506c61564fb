//! The page's record of what it handed a reconnecting socket: the sizes of the messages
//! still in its offline queue, so that Out counts a message when it leaves, not when it
//! is queued.

use std::collections::VecDeque;

/// Sizes of the messages handed to the socket, oldest first, until they leave.
///
/// The socket's queue is first in, first out, and a message is only sent at once when
/// the queue is empty: so whatever the socket still queues is the newest part of this
/// record, and the rest has left.
#[derive(Debug, Default)]
pub struct Outbox {
    sizes: VecDeque<u64>,
}

impl Outbox {
    /// A message of `size` bytes was handed over: sent at once or queued.
    pub fn accepted(&mut self, size: u64) {
        self.sizes.push_back(size);
    }

    /// The socket dropped its oldest queued message to make room
    /// (`Sent::QueuedDroppingOldest`). Call [`left`](Self::left) just before the send.
    pub fn dropped_oldest(&mut self) {
        self.sizes.pop_front();
    }

    /// The message last handed over was refused after all (a failed `start_send`).
    pub fn refused_last(&mut self) {
        self.sizes.pop_back();
    }

    /// The sizes of the messages that have left, now that the socket queues `still_queued`.
    pub fn left(&mut self, still_queued: usize) -> Vec<u64> {
        let gone = self.sizes.len().saturating_sub(still_queued);
        self.sizes.drain(..gone).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_leave_oldest_first_as_the_queue_empties() {
        let mut outbox = Outbox::default();
        for size in [1, 2, 3] {
            outbox.accepted(size);
        }
        assert_eq!(outbox.left(3), Vec::<u64>::new());
        assert_eq!(outbox.left(1), [1, 2]);
        assert_eq!(outbox.left(0), [3]);
        assert_eq!(outbox.left(0), Vec::<u64>::new());
    }

    #[test]
    fn a_message_sent_at_once_leaves_at_the_next_look() {
        let mut outbox = Outbox::default();
        outbox.accepted(10);
        assert_eq!(outbox.left(0), [10]);
    }

    #[test]
    fn a_dropped_message_never_counts_as_sent() {
        let mut outbox = Outbox::default();
        outbox.accepted(1);
        outbox.accepted(2);
        assert_eq!(outbox.left(2), Vec::<u64>::new());
        outbox.dropped_oldest();
        outbox.accepted(3);
        assert_eq!(outbox.left(0), [2, 3]);
    }

    #[test]
    fn a_refused_message_never_counts_as_sent() {
        let mut outbox = Outbox::default();
        outbox.accepted(1);
        outbox.accepted(2);
        outbox.refused_last();
        assert_eq!(outbox.left(0), [1]);
    }
}
