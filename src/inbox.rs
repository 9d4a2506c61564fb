//! Where the browser's events wait until the stream is polled.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::task::{Context, Poll, Waker};

use crate::{CloseEvent, Error, Event};

/// The state shared between the event listeners (which push) and the socket (which polls).
///
/// Single-threaded by nature (the browser's event loop), so a `RefCell` and plain
/// `Waker`s are all it needs: no channel, no atomics.
#[derive(Debug, Default)]
pub(crate) struct Inbox {
    queue: RefCell<Queue>,
    status: RefCell<Status>,
}

/// Events not yet yielded by the stream, in the browser's order.
#[derive(Debug, Default)]
struct Queue {
    events: VecDeque<Event>,
    waker: Option<Waker>,
    /// The stream has yielded `Closed` and now ends.
    ended: bool,
}

/// What `opened()` and `closed()` wait for; kept apart from the queue so that awaiting
/// them never takes an event away from the stream.
#[derive(Debug, Default)]
struct Status {
    opened: bool,
    closed: Option<CloseEvent>,
    waiters: Vec<Waker>,
}

impl Inbox {
    /// Records an event from a listener and wakes whoever waits for it.
    pub(crate) fn push(&self, event: Event) {
        match &event {
            Event::Open => self.update_status(|status| status.opened = true),
            Event::Closed(close) => {
                let close = close.clone();
                self.update_status(|status| status.closed = Some(close));
            }
            Event::Message(_) | Event::Error => {}
        }
        let waker = {
            let mut queue = self.queue.borrow_mut();
            queue.events.push_back(event);
            queue.waker.take()
        };
        // Woken outside the borrow: a waker may poll re-entrantly.
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    fn update_status(&self, change: impl FnOnce(&mut Status)) {
        let waiters = {
            let mut status = self.status.borrow_mut();
            change(&mut status);
            std::mem::take(&mut status.waiters)
        };
        waiters.into_iter().for_each(Waker::wake);
    }

    /// The stream's next event; `None` once `Closed` has been yielded.
    pub(crate) fn poll_next(&self, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        let mut queue = self.queue.borrow_mut();
        if queue.ended {
            return Poll::Ready(None);
        }
        match queue.events.pop_front() {
            Some(event) => {
                queue.ended = matches!(event, Event::Closed(_));
                Poll::Ready(Some(event))
            }
            None => {
                queue.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }

    /// Ready with `Ok` once the socket has opened, with an error if it closed first.
    pub(crate) fn poll_opened(&self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        let mut status = self.status.borrow_mut();
        if status.opened {
            return Poll::Ready(Ok(()));
        }
        if let Some(close) = &status.closed {
            return Poll::Ready(Err(Error::ConnectFailed(close.clone())));
        }
        status.wait(cx);
        Poll::Pending
    }

    /// Ready with the close event once the socket has closed.
    pub(crate) fn poll_closed(&self, cx: &mut Context<'_>) -> Poll<CloseEvent> {
        let mut status = self.status.borrow_mut();
        if let Some(close) = &status.closed {
            return Poll::Ready(close.clone());
        }
        status.wait(cx);
        Poll::Pending
    }
}

impl Status {
    fn wait(&mut self, cx: &mut Context<'_>) {
        if !self.waiters.iter().any(|w| w.will_wake(cx.waker())) {
            self.waiters.push(cx.waker().clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CloseCode, Message};
    use std::task::Waker;

    fn cx() -> Context<'static> {
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
        inbox.push(Event::Open);
        for i in 0..3 {
            inbox.push(Event::Message(Message::Text(i.to_string())));
        }
        inbox.push(Event::Closed(abnormal()));
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
    fn close_before_open_fails_opened_as_one_error() {
        let inbox = Inbox::default();
        assert_eq!(inbox.poll_opened(&mut cx()), Poll::Pending);
        inbox.push(Event::Error);
        assert_eq!(inbox.poll_opened(&mut cx()), Poll::Pending);
        inbox.push(Event::Closed(abnormal()));
        assert_eq!(
            inbox.poll_opened(&mut cx()),
            Poll::Ready(Err(Error::ConnectFailed(abnormal())))
        );
    }

    #[test]
    fn opened_and_closed_do_not_take_events_from_the_stream() {
        let inbox = Inbox::default();
        inbox.push(Event::Open);
        inbox.push(Event::Closed(abnormal()));
        assert_eq!(inbox.poll_opened(&mut cx()), Poll::Ready(Ok(())));
        assert_eq!(inbox.poll_closed(&mut cx()), Poll::Ready(abnormal()));
        assert_eq!(inbox.poll_next(&mut cx()), Poll::Ready(Some(Event::Open)));
    }
}
