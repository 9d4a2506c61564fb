//! [`Wire`]: what the tabs sharing one connection tell each other over their
//! BroadcastChannel, and the ids that keep it in order.

/// A tab sharing the connection, chosen at random when it joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TabId(pub(crate) u64);

/// A leader's term: each tab that takes the lock leads a term higher than any it saw, so
/// a message of an old leader is told from the new one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) struct Term(pub(crate) u64);

/// Where a received message is in its leader's stream: the leader's term, then its
/// place in that term (1, 2, 3, ...). No tab delivers the same one twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct MessageId {
    pub(crate) term: Term,
    pub(crate) seq: u64,
}

/// A follower's send: the follower, then its place among that follower's sends (1, 2,
/// 3, ...). It keeps the number across leaders, so a new leader can tell a send it got
/// twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct SendId {
    pub(crate) from: TabId,
    pub(crate) n: u64,
}

/// What one tab tells the others; `M` is a message as the socket sends and receives it,
/// `S` the connection's status.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Wire<M, S> {
    /// A tab joined, or asks who leads: the leader answers with [`Wire::Lead`].
    Hello { tab: TabId },
    /// A tab let go (its handle closed, or its page is going away).
    Bye { tab: TabId },
    /// `leader` holds the lock and the connection for `term`, shared by `tabs` tabs.
    Lead {
        term: Term,
        leader: TabId,
        tabs: usize,
    },
    /// The leader's connection's status changed.
    Status { term: Term, status: S },
    /// A message the leader's connection received.
    Received { id: MessageId, message: M },
    /// A follower's message, for the leader to send.
    Send { id: SendId, message: M },
    /// The leader's word that every send of `to` up to `upto` has left the browser (the
    /// socket's buffer drained past it): `to` forgets them.
    Confirmed { to: TabId, upto: u64 },
}
