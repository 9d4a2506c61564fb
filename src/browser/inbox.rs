//! One stream's queue: events wait here, in the browser's order, until polled.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::task::{Context, Poll, Waker};

use crate::Event;

/// The events one stream (the socket, its receiver, or a subscription) has not yet yielded.
///
/// Single-threaded by nature (the browser's event loop), so a `RefCell` and a plain
/// `Waker` are all it needs: no channel, no atomics.
#[derive(Debug, Default)]
pub(crate) struct Inbox {
    queue: RefCell<Queue>,
}

#[derive(Debug, Default)]
struct Queue {
    events: VecDeque<Event>,
    waker: Option<Waker>,
    /// No event will come after those queued: `Closed` was queued, or the connection
    /// was dropped.
    no_more: bool,
}

impl Inbox {
    /// Queues an event and returns the waker to wake once the caller holds no borrows.
    #[must_use = "the stream's task must be woken"]
    pub(crate) fn push(&self, event: Event) -> Option<Waker> {
        let mut queue = self.queue.borrow_mut();
        queue.no_more |= matches!(event, Event::Closed(_));
        queue.events.push_back(event);
        queue.waker.take()
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
        let mut queue = self.queue.borrow_mut();
        match queue.events.pop_front() {
            Some(event) => Poll::Ready(Some(event)),
            None if queue.no_more => Poll::Ready(None),
            None => {
                queue.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }

    /// How many events wait to be polled.
    pub(crate) fn len(&self) -> usize {
        self.queue.borrow().events.len()
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

    #[test]
    fn events_pushed_before_polling_come_out_in_order_then_the_stream_ends() {
        let inbox = Inbox::default();
        let _ = inbox.push(Event::Open);
        for i in 0..3 {
            let _ = inbox.push(Event::Message(Message::Text(i.to_string())));
        }
        let _ = inbox.push(Event::Closed(abnormal()));
        assert_eq!(inbox.len(), 5);
        let mut seen = Vec::new();
        while let Poll::Ready(Some(event)) = inbox.poll_next(&mut cx()) {
            seen.push(event);
        }
        assert_eq!(seen.len(), 5);
        assert_eq!(seen[0], Event::Open);
        assert_eq!(seen[2], Event::Message(Message::Text("1".into())));
        assert_eq!(seen[4], Event::Closed(abnormal()));
        assert_eq!(inbox.poll_next(&mut cx()), Poll::Ready(None));
    }

    #[test]
    fn an_empty_inbox_is_pending() {
        assert_eq!(Inbox::default().poll_next(&mut cx()), Poll::Pending);
    }

    #[test]
    fn an_ended_inbox_yields_what_it_holds_then_none() {
        let inbox = Inbox::default();
        let _ = inbox.push(Event::Open);
        inbox.end();
        assert_eq!(inbox.poll_next(&mut cx()), Poll::Ready(Some(Event::Open)));
        assert_eq!(inbox.poll_next(&mut cx()), Poll::Ready(None));
    }
}
