//! One stream's queue: events wait here, in the browser's order, until polled, their
//! payloads still as the browser handed them.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::task::{Context, Poll, Waker};

use super::payload::Payload;
use crate::close::{CloseCode, CloseEvent};
use crate::event::{Event, Overflow};
use crate::inbox_limit::{InboxLimit, WhenInboxFull};

/// An event as a listener saw it: a message's payload is not yet a [`crate::Message`].
#[derive(Debug, Clone)]
pub(crate) enum RawEvent<P> {
    Open,
    Message(P),
    Error,
    Closed(CloseEvent),
}

impl<P: Payload> RawEvent<P> {
    /// The event as streams and handlers see it; a payload enters wasm memory here.
    pub(crate) fn into_event(self) -> Event {
        match self {
            RawEvent::Open => Event::Open,
            RawEvent::Message(payload) => Event::Message(payload.into_message()),
            RawEvent::Error => Event::Error,
            RawEvent::Closed(close) => Event::Closed(close),
        }
    }
}

/// One queued event, with the size it counts against the limit.
#[derive(Debug)]
enum Entry<P> {
    Message {
        payload: P,
        size: usize,
    },
    /// `Overflow::Dropped`: this many messages were dropped here.
    Dropped(u64),
    /// `Overflow::Closing`.
    Closing(CloseCode),
    Error,
    Closed(CloseEvent),
}

/// What a stream calls when it finds its inbox empty: the stream transport reads then
/// (see `Hub::set_puller`).
pub(crate) type Puller = std::rc::Rc<dyn Fn()>;

/// The events one stream (the socket, its receiver, or a subscription) has not yet yielded.
///
/// Single-threaded by nature (the browser's event loop), so a `RefCell` and a plain
/// `Waker` are all it needs: no channel, no atomics.
pub(crate) struct Inbox<P> {
    queue: RefCell<Queue<P>>,
    /// Called when polled with nothing to yield: the stream transport reads then.
    puller: RefCell<Option<Puller>>,
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
    /// `Open` waits to be yielded: it always comes first, so it needs no entry.
    open: bool,
    /// Messages, gap markers, then `Error` and `Closed`, in the browser's order.
    entries: VecDeque<Entry<P>>,
    waker: Option<Waker>,
    /// No event will come after those queued: `Closed` was queued, or the connection
    /// was dropped.
    no_more: bool,
    bound: Option<Bound<P>>,
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

/// An [`InboxLimit`] with the code that enforces it.
///
/// Only [`Bound::new`] makes one, and only `inbox_limit(..)` calls it: an app that sets no
/// limit ships none of the code that enforces one.
pub(crate) struct Bound<P> {
    limit: InboxLimit,
    push: fn(&mut Queue<P>, InboxLimit, P) -> Option<CloseCode>,
}

impl<P: Payload> Bound<P> {
    pub(crate) fn new(limit: InboxLimit) -> Bound<P> {
        Bound {
            limit,
            push: Queue::push_limited,
        }
    }
}

impl<P> Clone for Bound<P> {
    fn clone(&self) -> Bound<P> {
        *self
    }
}

impl<P> Copy for Bound<P> {}

impl<P> std::fmt::Debug for Bound<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.limit.fmt(f)
    }
}

impl<P: Payload> Inbox<P> {
    pub(crate) fn new(bound: Option<Bound<P>>) -> Inbox<P> {
        Inbox {
            queue: RefCell::new(Queue {
                open: false,
                entries: VecDeque::new(),
                waker: None,
                no_more: false,
                bound,
                messages: 0,
                bytes: 0,
                closing: false,
            }),
            puller: RefCell::default(),
        }
    }

    /// Calls `puller` whenever this stream is polled with nothing to yield.
    pub(crate) fn set_puller(&self, puller: Puller) {
        *self.puller.borrow_mut() = Some(puller);
    }

    /// Queues an event, within the limit.
    pub(crate) fn push(&self, event: RawEvent<P>) -> Pushed {
        let mut queue = self.queue.borrow_mut();
        let mut close = None;
        match event {
            RawEvent::Open => queue.open = true,
            RawEvent::Message(payload) => match queue.bound {
                _ if queue.closing => return Pushed::default(),
                None => queue.entries.push_back(Entry::Message { payload, size: 0 }),
                Some(bound) => close = (bound.push)(&mut queue, bound.limit, payload),
            },
            RawEvent::Error => queue.entries.push_back(Entry::Error),
            RawEvent::Closed(event) => {
                queue.no_more = true;
                queue.entries.push_back(Entry::Closed(event));
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
            if std::mem::take(&mut queue.open) {
                return Poll::Ready(Some(Event::Open));
            }
            match queue.entries.pop_front() {
                Some(entry) => {
                    if let Entry::Message { size, .. } = &entry {
                        queue.messages = queue.messages.saturating_sub(1);
                        queue.bytes -= size;
                    }
                    entry
                }
                None if queue.no_more => return Poll::Ready(None),
                None => {
                    if !queue
                        .waker
                        .as_ref()
                        .is_some_and(|w| w.will_wake(cx.waker()))
                    {
                        queue.waker = Some(cx.waker().clone());
                    }
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
            Entry::Dropped(messages) => Event::Overflow(Overflow::Dropped { messages }),
            Entry::Closing(code) => Event::Overflow(Overflow::Closing { code }),
            Entry::Error => Event::Error,
            Entry::Closed(close) => Event::Closed(close),
        }))
    }

    /// How many events wait to be polled.
    pub(crate) fn len(&self) -> usize {
        let queue = self.queue.borrow();
        queue.entries.len() + usize::from(queue.open)
    }
}

impl<P: Payload> Queue<P> {
    /// Queues a message under `limit`: makes room if the policy drops the oldest, or
    /// returns the code to close with if it closes.
    fn push_limited(&mut self, limit: InboxLimit, payload: P) -> Option<CloseCode> {
        // Only a byte limit needs the size, which asks the browser.
        let size = limit.max_bytes().map_or(0, |_| payload.size());
        let drop_oldest = limit.when_full_policy() == WhenInboxFull::DropOldest;
        let fits = |queue: &Queue<P>| limit.fits(queue.messages + 1, queue.bytes + size);
        if limit.fits(1, size) {
            while !fits(self) && drop_oldest && self.drop_oldest() {}
        }
        if fits(self) && limit.fits(1, size) {
            self.messages += 1;
            self.bytes += size;
            self.entries.push_back(Entry::Message { payload, size });
            return None;
        }
        match limit.when_full_policy() {
            WhenInboxFull::Close(code) => {
                self.closing = true;
                self.entries.push_back(Entry::Closing(code));
                Some(code)
            }
            WhenInboxFull::DropOldest => {
                // Too big even alone: it is the one dropped, and the gap is here.
                match self.entries.back_mut() {
                    Some(Entry::Dropped(n)) => *n += 1,
                    _ => self.entries.push_back(Entry::Dropped(1)),
                }
                None
            }
        }
    }

    /// Drops the oldest queued message, leaving a gap marker in its place; whether there
    /// was one. Messages come before `Error` and `Closed`, so the oldest is at the front,
    /// behind any markers, which merge into one.
    fn drop_oldest(&mut self) -> bool {
        let mut gap = 0;
        while let Some(Entry::Dropped(n)) = self.entries.front() {
            gap += n;
            self.entries.pop_front();
        }
        let dropped = match self.entries.front() {
            Some(Entry::Message { size, .. }) => {
                let size = *size;
                self.entries.pop_front();
                self.messages -= 1;
                self.bytes -= size;
                true
            }
            _ => false,
        };
        let gap = gap + u64::from(dropped);
        if gap > 0 {
            self.entries.push_front(Entry::Dropped(gap));
        }
        dropped
    }
}

impl<P: Payload> Default for Inbox<P> {
    fn default() -> Inbox<P> {
        Inbox::new(None)
    }
}

/// Helpers the hub's tests share.
#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::close::{CloseCode, CloseEvent};
    use crate::message::Message;

    pub(crate) fn cx() -> Context<'static> {
        Context::from_waker(Waker::noop())
    }

    pub(crate) fn abnormal() -> CloseEvent {
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
        let inbox = Inbox::new(Some(Bound::new(limit)));
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
        let inbox = Inbox::new(Some(Bound::new(limit)));
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
        let inbox = Inbox::new(Some(Bound::new(limit)));
        let _ = inbox.push(text("a"));
        assert_eq!(drain(&inbox), vec![message("a")]);
        let _ = inbox.push(text("b"));
        assert_eq!(drain(&inbox), vec![message("b")], "nothing was dropped");
    }

    #[test]
    fn a_full_inbox_with_close_asks_once_to_close_and_drops_what_follows() {
        let code = CloseCode::new(4009).unwrap();
        let inbox = Inbox::new(Some(Bound::new(InboxLimit::messages(2))));
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
