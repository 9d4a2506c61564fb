//! One stream's queue: events wait here, in the browser's order, until polled, their
//! payloads still as the browser handed them.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::task::{Context, Poll, Waker};

use super::payload::Payload;
use crate::{CloseCode, CloseEvent, Event, InboxLimit, Overflow, WhenInboxFull};

/// An event as a listener saw it: a message's payload is not yet a [`crate::Message`].
#[derive(Debug, Clone)]
pub(crate) enum RawEvent<P> {
    Open,
    Message(P),
    Error,
    Closed(CloseEvent),
}

/// One queued event, with the size it counts against the limit.
#[derive(Debug)]
enum Entry<P> {
    Event(RawEvent<P>),
    Message { payload: P, size: usize },
    Overflow(Overflow),
}

/// The events one stream (the socket, its receiver, or a subscription) has not yet yielded.
///
/// Single-threaded by nature (the browser's event loop), so a `RefCell` and a plain
/// `Waker` are all it needs: no channel, no atomics.
pub(crate) struct Inbox<P> {
    queue: RefCell<Queue<P>>,
    /// Called when polled with nothing to yield: the stream transport reads then.
    puller: RefCell<Option<super::hub::Puller>>,
}

impl<P: std::fmt::Debug> std::fmt::Debug for Inbox<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inbox")
            .field("queue", &self.queue)
            .field("pulls", &self.puller.borrow().is_some())
            .finish()
    }
}

#[derive(Debug)]
struct Queue<P> {
    entries: VecDeque<Entry<P>>,
    waker: Option<Waker>,
    /// No event will come after those queued: `Closed` was queued, or the connection
    /// was dropped.
    no_more: bool,
    limit: Option<InboxLimit>,
    /// Messages and bytes queued, as the limit counts them.
    messages: usize,
    bytes: usize,
    /// The limit closed the connection: later messages are dropped.
    closing: bool,
}

/// What a push asks of the caller, once it holds no borrows.
#[derive(Debug, Default)]
#[must_use = "the stream's task must be woken, and an overflow closed"]
pub(crate) struct Pushed {
    /// Wake the stream's task.
    pub(crate) waker: Option<Waker>,
    /// Close the connection with this code: the inbox is full.
    pub(crate) close: Option<CloseCode>,
}

impl<P: Payload> Inbox<P> {
    pub(crate) fn new(limit: Option<InboxLimit>) -> Inbox<P> {
        Inbox {
            queue: RefCell::new(Queue {
                entries: VecDeque::new(),
                waker: None,
                no_more: false,
                limit,
                messages: 0,
                bytes: 0,
                closing: false,
            }),
            puller: RefCell::default(),
        }
    }

    /// Calls `puller` whenever this stream is polled with nothing to yield.
    pub(crate) fn set_puller(&self, puller: super::hub::Puller) {
        *self.puller.borrow_mut() = Some(puller);
    }

    /// Queues an event, within the limit.
    pub(crate) fn push(&self, event: RawEvent<P>) -> Pushed {
        let mut queue = self.queue.borrow_mut();
        let mut close = None;
        match event {
            RawEvent::Message(payload) => match queue.limit {
                _ if queue.closing => return Pushed::default(),
                None => {
                    queue.messages += 1;
                    queue.entries.push_back(Entry::Message { payload, size: 0 });
                }
                Some(limit) => {
                    // Only a byte limit needs the size, which asks the browser.
                    let size = limit.max_bytes().map_or(0, |_| payload.size());
                    if queue.make_room(limit, size) {
                        queue.messages += 1;
                        queue.bytes += size;
                        queue.entries.push_back(Entry::Message { payload, size });
                    } else if let WhenInboxFull::Close(code) = limit.when_full_policy() {
                        queue.closing = true;
                        queue
                            .entries
                            .push_back(Entry::Overflow(Overflow::Closing { code }));
                        close = Some(code);
                    }
                }
            },
            event => {
                queue.no_more |= matches!(event, RawEvent::Closed(_));
                queue.entries.push_back(Entry::Event(event));
            }
        }
        Pushed {
            waker: queue.waker.take(),
            close,
        }
    }

    /// Ends the stream after the events already queued (the connection is gone).
    pub(crate) fn end(&self) {
        let waker = {
            let mut queue = self.queue.borrow_mut();
            queue.no_more = true;
            queue.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// The next event; `None` once the queue is drained and no more can come.
    pub(crate) fn poll_next(&self, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        let entry = {
            let mut queue = self.queue.borrow_mut();
            match queue.next_entry() {
                Some(entry) => entry,
                None if queue.no_more => return Poll::Ready(None),
                None => {
                    queue.waker = Some(cx.waker().clone());
                    drop(queue);
                    // Outside the borrow: a pull may deliver at once.
                    let puller = self.puller.borrow().clone();
                    if let Some(pull) = puller {
                        pull();
                    }
                    return Poll::Pending;
                }
            }
        };
        // Made outside the borrow: this is where a payload enters wasm memory.
        Poll::Ready(Some(match entry {
            Entry::Message { payload, .. } => Event::Message(payload.into_message()),
            Entry::Event(RawEvent::Message(payload)) => Event::Message(payload.into_message()),
            Entry::Event(RawEvent::Open) => Event::Open,
            Entry::Event(RawEvent::Error) => Event::Error,
            Entry::Event(RawEvent::Closed(close)) => Event::Closed(close),
            Entry::Overflow(overflow) => Event::Overflow(overflow),
        }))
    }

    /// How many events wait to be polled.
    pub(crate) fn len(&self) -> usize {
        self.queue.borrow().entries.len()
    }
}

impl<P> Queue<P> {
    /// Makes room for a message of `size` under `limit`, dropping the oldest messages if
    /// the policy says so; whether it fits.
    fn make_room(&mut self, limit: InboxLimit, size: usize) -> bool {
        let drop_oldest = limit.when_full_policy() == WhenInboxFull::DropOldest;
        if !limit.fits(1, size) {
            // Too big even alone: it is the one dropped, and the gap is here.
            if drop_oldest {
                let at = self.entries.len();
                self.mark_dropped(at);
            }
            return false;
        }
        while !limit.fits(self.messages + 1, self.bytes + size) {
            if !drop_oldest {
                return false;
            }
            let Some(at) = self
                .entries
                .iter()
                .position(|entry| matches!(entry, Entry::Message { .. }))
            else {
                return false;
            };
            if let Some(Entry::Message { size, .. }) = self.entries.remove(at) {
                self.messages -= 1;
                self.bytes -= size;
            }
            self.mark_dropped(at);
        }
        true
    }

    /// Counts one dropped message in the gap at `at`: the marker just before, or a new one.
    fn mark_dropped(&mut self, at: usize) {
        let before = at.checked_sub(1).and_then(|i| self.entries.get_mut(i));
        if let Some(Entry::Overflow(Overflow::Dropped { messages })) = before {
            *messages += 1;
        } else {
            self.entries
                .insert(at, Entry::Overflow(Overflow::Dropped { messages: 1 }));
        }
    }

    fn next_entry(&mut self) -> Option<Entry<P>> {
        let entry = self.entries.pop_front()?;
        if let Entry::Message { size, .. } = &entry {
            self.messages -= 1;
            self.bytes -= size;
        }
        Some(entry)
    }
}

impl<P: Payload> Default for Inbox<P> {
    fn default() -> Inbox<P> {
        Inbox::new(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CloseCode, CloseEvent, Message};

    pub(crate) fn cx() -> Context<'static> {
        Context::from_waker(Waker::noop())
    }

    fn abnormal() -> CloseEvent {
        CloseEvent {
            code: CloseCode::ABNORMAL,
            reason: String::new(),
            was_clean: false,
        }
    }

    fn text(s: &str) -> RawEvent<Message> {
        RawEvent::Message(Message::Text(s.into()))
    }

    fn drain(inbox: &Inbox<Message>) -> Vec<Event> {
        let mut seen = Vec::new();
        while let Poll::Ready(Some(event)) = inbox.poll_next(&mut cx()) {
            seen.push(event);
        }
        seen
    }

    fn message(s: &str) -> Event {
        Event::Message(Message::Text(s.into()))
    }

    #[test]
    fn events_pushed_before_polling_come_out_in_order_then_the_stream_ends() {
        let inbox = Inbox::default();
        let _ = inbox.push(RawEvent::Open);
        for i in 0..3 {
            let _ = inbox.push(text(&i.to_string()));
        }
        let _ = inbox.push(RawEvent::Closed(abnormal()));
        assert_eq!(inbox.len(), 5);
        let seen = drain(&inbox);
        assert_eq!(seen.len(), 5);
        assert_eq!(seen[0], Event::Open);
        assert_eq!(seen[2], message("1"));
        assert_eq!(seen[4], Event::Closed(abnormal()));
        assert_eq!(inbox.poll_next(&mut cx()), Poll::Ready(None));
    }

    #[test]
    fn an_empty_inbox_is_pending() {
        assert_eq!(
            Inbox::<Message>::default().poll_next(&mut cx()),
            Poll::Pending
        );
    }

    #[test]
    fn an_ended_inbox_yields_what_it_holds_then_none() {
        let inbox = Inbox::<Message>::default();
        let _ = inbox.push(RawEvent::Open);
        inbox.end();
        assert_eq!(inbox.poll_next(&mut cx()), Poll::Ready(Some(Event::Open)));
        assert_eq!(inbox.poll_next(&mut cx()), Poll::Ready(None));
    }

    #[test]
    fn drop_oldest_keeps_the_newest_and_marks_the_gap_where_it_is() {
        let limit = InboxLimit::messages(2).when_full(WhenInboxFull::DropOldest);
        let inbox = Inbox::new(Some(limit));
        let _ = inbox.push(RawEvent::Open);
        for s in ["a", "b", "c", "d", "e"] {
            let pushed = inbox.push(text(s));
            assert!(pushed.close.is_none());
        }
        let _ = inbox.push(RawEvent::Closed(abnormal()));
        assert_eq!(
            drain(&inbox),
            vec![
                Event::Open,
                Event::Overflow(Overflow::Dropped { messages: 3 }),
                message("d"),
                message("e"),
                Event::Closed(abnormal()),
            ]
        );
    }

    #[test]
    fn the_byte_limit_counts_sizes_and_a_message_too_big_alone_is_dropped() {
        let limit = InboxLimit::bytes(10).when_full(WhenInboxFull::DropOldest);
        let inbox = Inbox::new(Some(limit));
        let _ = inbox.push(text("12345"));
        let _ = inbox.push(text("123456"));
        assert_eq!(
            inbox.len(),
            2,
            "5 + 6 > 10: the oldest went, a gap marker took its place"
        );
        let _ = inbox.push(text("this is far too long"));
        assert_eq!(
            drain(&inbox),
            vec![
                Event::Overflow(Overflow::Dropped { messages: 1 }),
                message("123456"),
                Event::Overflow(Overflow::Dropped { messages: 1 }),
            ]
        );
    }

    #[test]
    fn reading_frees_room_again() {
        let limit = InboxLimit::messages(1).when_full(WhenInboxFull::DropOldest);
        let inbox = Inbox::new(Some(limit));
        let _ = inbox.push(text("a"));
        assert_eq!(drain(&inbox), vec![message("a")]);
        let _ = inbox.push(text("b"));
        assert_eq!(drain(&inbox), vec![message("b")], "nothing was dropped");
    }

    #[test]
    fn a_full_inbox_with_close_asks_once_to_close_and_drops_what_follows() {
        let code = CloseCode::new(4009).unwrap();
        let inbox = Inbox::new(Some(InboxLimit::messages(2)));
        assert!(inbox.push(text("a")).close.is_none());
        assert!(inbox.push(text("b")).close.is_none());
        assert_eq!(inbox.push(text("c")).close, Some(code));
        assert!(inbox.push(text("d")).close.is_none(), "asked once");
        let _ = inbox.push(RawEvent::Closed(abnormal()));
        assert_eq!(
            drain(&inbox),
            vec![
                message("a"),
                message("b"),
                Event::Overflow(Overflow::Closing { code }),
                Event::Closed(abnormal()),
            ]
        );
    }
}
