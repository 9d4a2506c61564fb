//! The table of calls in progress, as pure data: which id each call has, which wait for
//! the connection, which are on the wire, which have run out of time. No browser, no
//! clock of its own (the time is passed in), so every rule is tested natively.

use std::collections::BTreeMap;

/// A call's id on the wire: unique for the life of the table, so unique per connection.
pub(crate) type CallId = u64;

/// Where a call is.
#[derive(Debug, PartialEq)]
enum Stage<R> {
    /// Made while the connection was down: its request waits here, not on the wire.
    Waiting(R),
    /// Sent: a reply may come.
    Sent,
}

#[derive(Debug)]
struct Entry<R, T> {
    stage: Stage<R>,
    /// When it fails with `Timeout`, in the caller's milliseconds.
    deadline: f64,
    /// What the runtime wakes with the outcome.
    waiter: T,
}

/// Why a call ended without a reply; the runtime turns these into `RpcError`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ended {
    /// Its deadline passed (on the wire or while waiting).
    TimedOut,
    /// The connection closed while it was on the wire.
    Disconnected,
}

/// The calls in progress. `R` is an encoded request, `T` what the runtime wakes.
#[derive(Debug)]
pub(crate) struct Calls<R, T> {
    next_id: CallId,
    entries: BTreeMap<CallId, Entry<R, T>>,
    /// Replies whose id matched no call in progress.
    strays: u64,
}

impl<R, T> Default for Calls<R, T> {
    fn default() -> Self {
        Calls {
            next_id: 1,
            entries: BTreeMap::new(),
            strays: 0,
        }
    }
}

impl<R, T> Calls<R, T> {
    /// The id the next call gets.
    pub(crate) fn next_id(&mut self) -> CallId {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Records a call that was just sent.
    pub(crate) fn sent(&mut self, id: CallId, deadline: f64, waiter: T) {
        self.insert(id, Stage::Sent, deadline, waiter);
    }

    /// Records a call made while the connection is down: `request` goes out on the next
    /// open, unless the deadline passed by then.
    pub(crate) fn waiting(&mut self, id: CallId, request: R, deadline: f64, waiter: T) {
        self.insert(id, Stage::Waiting(request), deadline, waiter);
    }

    fn insert(&mut self, id: CallId, stage: Stage<R>, deadline: f64, waiter: T) {
        self.entries.insert(
            id,
            Entry {
                stage,
                deadline,
                waiter,
            },
        );
    }

    /// The connection opened at `now`: the waiting requests to send, oldest first. Those
    /// whose deadline passed are not among them (they end at the next `expire`).
    pub(crate) fn opened(&mut self, now: f64) -> Vec<(CallId, R)> {
        let mut to_send = Vec::new();
        for (&id, entry) in &mut self.entries {
            if entry.deadline <= now || !matches!(entry.stage, Stage::Waiting(_)) {
                continue;
            }
            if let Stage::Waiting(request) = std::mem::replace(&mut entry.stage, Stage::Sent) {
                to_send.push((id, request));
            }
        }
        to_send
    }

    /// A request the runtime could not send after all goes back to waiting.
    pub(crate) fn not_sent(&mut self, id: CallId, request: R) {
        if let Some(entry) = self.entries.get_mut(&id) {
            entry.stage = Stage::Waiting(request);
        }
    }

    /// The connection closed: every call on the wire ends `Disconnected`, at once; the
    /// waiting ones keep waiting.
    pub(crate) fn closed(&mut self) -> Vec<(T, Ended)> {
        let on_the_wire: Vec<CallId> = self
            .entries
            .iter()
            .filter(|(_, entry)| matches!(entry.stage, Stage::Sent))
            .map(|(&id, _)| id)
            .collect();
        on_the_wire
            .into_iter()
            .filter_map(|id| self.entries.remove(&id))
            .map(|entry| (entry.waiter, Ended::Disconnected))
            .collect()
    }

    /// A reply to `id` arrived: its waiter, or `None` (counted as a stray) if no call in
    /// progress has that id (unknown, timed out, cancelled, or answered before).
    pub(crate) fn replied(&mut self, id: CallId) -> Option<T> {
        match self.entries.get(&id) {
            Some(entry) if matches!(entry.stage, Stage::Sent) => {
                self.entries.remove(&id).map(|entry| entry.waiter)
            }
            _ => {
                self.strays += 1;
                None
            }
        }
    }

    /// Every call whose deadline is at or before `now` ends `TimedOut`; a waiting one is
    /// then never sent.
    pub(crate) fn expire(&mut self, now: f64) -> Vec<(T, Ended)> {
        let due: Vec<CallId> = self
            .entries
            .iter()
            .filter(|(_, entry)| entry.deadline <= now)
            .map(|(&id, _)| id)
            .collect();
        due.into_iter()
            .filter_map(|id| self.entries.remove(&id))
            .map(|entry| (entry.waiter, Ended::TimedOut))
            .collect()
    }

    /// Moves the deadline of `id` (the caller set its timeout).
    pub(crate) fn set_deadline(&mut self, id: CallId, deadline: f64) {
        if let Some(entry) = self.entries.get_mut(&id) {
            entry.deadline = deadline;
        }
    }

    /// The caller let go of `id` (dropped its future): the entry goes, and a waiting
    /// request is never sent.
    pub(crate) fn cancel(&mut self, id: CallId) {
        self.entries.remove(&id);
    }

    /// Every call ends: the socket closed for good.
    pub(crate) fn drain(&mut self) -> Vec<T> {
        std::mem::take(&mut self.entries)
            .into_values()
            .map(|entry| entry.waiter)
            .collect()
    }

    /// The earliest deadline of any call in progress, for the runtime's one timer.
    pub(crate) fn next_deadline(&self) -> Option<f64> {
        self.entries
            .values()
            .map(|entry| entry.deadline)
            .min_by(f64::total_cmp)
    }

    /// How many calls are in progress (waiting or on the wire).
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// How many replies matched no call in progress.
    pub(crate) fn strays(&self) -> u64 {
        self.strays
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Table = Calls<&'static str, &'static str>;

    #[test]
    fn ids_are_unique_and_replies_reach_the_right_waiter_in_any_order() {
        let mut calls = Table::default();
        let ids: Vec<CallId> = (0..3).map(|_| calls.next_id()).collect();
        assert_eq!(ids, [1, 2, 3]);
        calls.sent(1, 100.0, "one");
        calls.sent(2, 100.0, "two");
        calls.sent(3, 100.0, "three");
        assert_eq!(calls.replied(3), Some("three"));
        assert_eq!(calls.replied(1), Some("one"));
        assert_eq!(calls.replied(2), Some("two"));
        assert_eq!(calls.len(), 0);
    }

    #[test]
    fn a_reply_to_an_unknown_or_finished_id_is_counted() {
        let mut calls = Table::default();
        let id = calls.next_id();
        calls.sent(id, 100.0, "a");
        assert_eq!(calls.replied(id), Some("a"));
        assert_eq!(calls.replied(id), None, "answered before");
        assert_eq!(calls.replied(99), None, "never made");
        assert_eq!(calls.strays(), 2);
    }

    #[test]
    fn a_call_that_timed_out_while_waiting_is_never_sent() {
        let mut calls = Table::default();
        let late = calls.next_id();
        calls.waiting(late, "late", 10.0, "late waiter");
        let fresh = calls.next_id();
        calls.waiting(fresh, "fresh", 50.0, "fresh waiter");
        assert_eq!(calls.expire(20.0), [("late waiter", Ended::TimedOut)]);
        assert_eq!(calls.opened(20.0), [(fresh, "fresh")]);
        // A deadline that passed between the expiry check and the open: still not sent.
        let mut calls = Table::default();
        calls.waiting(1, "due", 10.0, "w");
        assert!(calls.opened(10.0).is_empty());
        assert_eq!(calls.expire(10.0), [("w", Ended::TimedOut)]);
    }

    #[test]
    fn a_close_fails_the_calls_on_the_wire_at_once_and_keeps_the_waiting_ones() {
        let mut calls = Table::default();
        calls.sent(1, 100.0, "on the wire");
        calls.waiting(2, "request", 100.0, "waiting");
        assert_eq!(calls.closed(), [("on the wire", Ended::Disconnected)]);
        assert_eq!(calls.len(), 1);
        assert_eq!(calls.opened(5.0), [(2, "request")]);
        assert_eq!(calls.replied(2), Some("waiting"));
    }

    #[test]
    fn waiting_requests_go_out_oldest_first() {
        let mut calls = Table::default();
        for request in ["a", "b", "c"] {
            let id = calls.next_id();
            calls.waiting(id, request, 100.0, request);
        }
        let sent: Vec<_> = calls.opened(0.0).into_iter().map(|(_, r)| r).collect();
        assert_eq!(sent, ["a", "b", "c"]);
        assert!(calls.opened(0.0).is_empty(), "each goes out once");
    }

    #[test]
    fn a_reply_to_a_call_not_yet_sent_is_a_stray() {
        let mut calls = Table::default();
        calls.waiting(1, "request", 100.0, "w");
        assert_eq!(calls.replied(1), None);
        assert_eq!(calls.strays(), 1);
        assert_eq!(calls.len(), 1);
    }

    #[test]
    fn a_request_that_could_not_go_out_waits_again() {
        let mut calls = Table::default();
        calls.waiting(1, "request", 100.0, "w");
        let [(id, request)] = calls.opened(0.0).try_into().expect("one");
        calls.not_sent(id, request);
        assert!(calls.closed().is_empty(), "not on the wire");
        assert_eq!(calls.opened(1.0), [(1, "request")]);
    }

    #[test]
    fn cancelling_ten_thousand_calls_leaves_nothing_behind() {
        let mut calls = Table::default();
        for n in 0..10_000 {
            let id = calls.next_id();
            if n % 2 == 0 {
                calls.sent(id, 1e9, "w");
            } else {
                calls.waiting(id, "r", 1e9, "w");
            }
            calls.cancel(id);
        }
        assert_eq!(calls.len(), 0);
        assert_eq!(calls.next_deadline(), None);
        assert!(calls.opened(0.0).is_empty());
    }

    #[test]
    fn the_timer_is_set_for_the_earliest_deadline() {
        let mut calls = Table::default();
        calls.sent(1, 30.0, "a");
        calls.waiting(2, "r", 10.0, "b");
        calls.sent(3, 20.0, "c");
        assert_eq!(calls.next_deadline(), Some(10.0));
        calls.set_deadline(2, 25.0);
        assert_eq!(calls.next_deadline(), Some(20.0));
        assert_eq!(calls.expire(25.0).len(), 2);
        assert_eq!(calls.next_deadline(), Some(30.0));
        assert_eq!(calls.drain(), ["a"]);
        assert_eq!(calls.len(), 0);
    }
}
