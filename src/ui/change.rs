//! [`Change`]: what a [`Session`](super::Session) tells its UI, and the list arithmetic
//! behind `keep_last`.

use super::Sharing;
use crate::connection_status::ConnectionStatus;

/// What changed since the last call, as a [`Session`](super::Session) hands it to the
/// UI: messages to append to its list (and how many of the oldest to let go), the newest
/// status, the queue's length. A framework applies it to its own state, once per call:
/// one render.
///
/// ```
/// use browser_websocket::ui::Change;
///
/// fn apply(list: &mut Vec<String>, change: Change<String>) {
///     if let Some(status) = &change.status {
///         println!("now {status}");
///     }
///     change.append_to(list);
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Change<In> {
    /// Messages to append to the list, oldest first (none if `keep_last` is 0).
    pub arrived: Vec<In>,
    /// How many of the oldest listed messages to remove after appending, so that the list
    /// keeps `keep_last`.
    pub drop_oldest: usize,
    /// The newest status, if it changed (or the countdown ticked).
    pub status: Option<ConnectionStatus>,
    /// The offline queue's length, if it may have changed.
    pub queued: Option<usize>,
    /// Who holds the connection and how many tabs use it, as of this change.
    pub sharing: Option<Sharing>,
}

impl<In> Change<In> {
    /// A change of the status alone.
    ///
    /// ```
    /// use browser_websocket::ConnectionStatus;
    /// use browser_websocket::ui::Change;
    ///
    /// let change = Change::<String>::status(ConnectionStatus::Open);
    /// assert!(change.arrived.is_empty() && change.queued.is_none());
    /// ```
    pub fn status(status: ConnectionStatus) -> Change<In> {
        Change {
            status: Some(status),
            ..Change::default()
        }
    }

    /// A change of the queue's length alone.
    ///
    /// ```
    /// use browser_websocket::ui::Change;
    ///
    /// assert_eq!(Change::<String>::queued(3).queued, Some(3));
    /// ```
    pub fn queued(queued: usize) -> Change<In> {
        Change {
            queued: Some(queued),
            ..Change::default()
        }
    }

    /// Appends the arrived messages to `list` and removes the oldest that `keep_last`
    /// lets go: what a UI that keeps its list in a `Vec` does with a change.
    ///
    /// ```
    /// use browser_websocket::ui::Change;
    ///
    /// let mut list = vec![1, 2];
    /// let mut change = Change::default();
    /// change.arrived = vec![3, 4];
    /// change.drop_oldest = 1;
    /// change.append_to(&mut list);
    /// assert_eq!(list, [2, 3, 4]);
    /// ```
    pub fn append_to(self, list: &mut Vec<In>) {
        list.extend(self.arrived);
        let drop = self.drop_oldest.min(list.len());
        list.drain(..drop);
    }
}

/// Nothing changed.
impl<In> Default for Change<In> {
    fn default() -> Change<In> {
        Change {
            arrived: Vec::new(),
            drop_oldest: 0,
            status: None,
            queued: None,
            sharing: None,
        }
    }
}

/// How many messages a UI's list holds, so that a [`Session`](super::Session) can say
/// how many to let go: the list itself lives in the framework's state.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListLength(pub(crate) usize);

impl ListLength {
    /// After `arrived` more, keeping `keep` at most: how many of the oldest go.
    pub(crate) fn append(&mut self, arrived: usize, keep: usize) -> usize {
        let total = self.0 + arrived;
        self.0 = total.min(keep);
        total - self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_keeps_the_newest_and_counts_the_rest_out() {
        let mut length = ListLength::default();
        assert_eq!(length.append(2, 3), 0);
        assert_eq!(length.append(2, 3), 1);
        assert_eq!(length, ListLength(3));
        // keep_last lowered between batches: the excess goes at once.
        assert_eq!(length.append(0, 1), 2);
        assert_eq!(length.append(1000, usize::MAX), 0);
        assert_eq!(length, ListLength(1001));
    }

    #[test]
    fn keep_last_zero_lists_nothing() {
        let mut length = ListLength::default();
        assert_eq!(length.append(5, 0), 5);
        assert_eq!(length, ListLength(0));
    }

    #[test]
    fn a_change_applied_to_a_vec_appends_then_trims() {
        let mut list = vec!["a", "b"];
        let change = Change {
            arrived: vec!["c", "d", "e"],
            drop_oldest: 3,
            ..Change::default()
        };
        change.append_to(&mut list);
        assert_eq!(list, ["d", "e"]);
        // More to drop than listed: the list empties, nothing panics.
        let change = Change {
            drop_oldest: 9,
            ..Change::default()
        };
        change.append_to(&mut list);
        assert!(list.is_empty());
    }
}
