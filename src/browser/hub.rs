//! Hands each browser event to every stream that listens, and remembers open/closed.

use std::cell::{OnceCell, RefCell};
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use super::inbox::{Bound, Inbox, Puller, RawEvent};
use super::payload::Payload;
use crate::close::{CloseCode, CloseEvent};
use crate::error::Error;

/// What the four listeners feed: the streams' inboxes and the connection's status.
pub(crate) struct Hub<P> {
    /// Every live stream's inbox; a dropped stream's entry is pruned on the next event.
    inboxes: RefCell<Vec<Weak<Inbox<P>>>>,
    status: RefCell<Status>,
    /// Each stream's limit.
    bound: Option<Bound<P>>,
    /// Asks the transport for the next message when a stream finds its inbox empty (the
    /// stream transport reads only then); `None` for a transport that pushes.
    puller: RefCell<Option<Puller>>,
    /// Called with every event as it happens (`WebSocketBuilder::connect_with`). A trait
    /// object set from there, so that an app without a handler ships none of its code.
    handler: OnceCell<Handler<P>>,
}

/// See [`Hub::set_handler`]; [`in_order`](super::in_order::in_order) makes one.
pub(crate) type Handler<P> = Box<dyn Fn(RawEvent<P>)>;

impl<P: std::fmt::Debug> std::fmt::Debug for Hub<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub")
            .field("inboxes", &self.inboxes)
            .field("status", &self.status)
            .field("bound", &self.bound)
            .field("pulls", &self.puller.borrow().is_some())
            .field("handler", &self.handler.get().is_some())
            .finish()
    }
}

/// What `opened()` and `closed()` wait for; kept apart from the inboxes so that awaiting
/// them never takes an event away from a stream.
#[derive(Debug, Default)]
struct Status {
    opened: bool,
    closed: Option<CloseEvent>,
    /// The connect timeout that ran out while connecting, if one did.
    timed_out: Option<Duration>,
    waiters: Vec<Waker>,
}

impl<P: Payload> Hub<P> {
    pub(crate) fn new(bound: Option<Bound<P>>) -> Hub<P> {
        Hub {
            inboxes: RefCell::default(),
            status: RefCell::default(),
            bound,
            puller: RefCell::default(),
            handler: OnceCell::new(),
        }
    }

    /// Calls `handler` with every event from now on, synchronously, before any stream
    /// sees it. Set once, before the first event.
    pub(crate) fn set_handler(&self, handler: Handler<P>) {
        let _ = self.handler.set(handler);
    }

    /// Whether a handler takes every event as it comes: then a pulling transport reads
    /// on its own, since no stream polls.
    #[cfg(feature = "stream")]
    pub(crate) fn has_handler(&self) -> bool {
        self.handler.get().is_some()
    }

    /// Has every stream, present and future, call `puller` when it finds nothing to
    /// yield.
    #[cfg(feature = "stream")]
    pub(crate) fn set_puller(&self, puller: Puller) {
        for inbox in self.inboxes.borrow().iter().filter_map(Weak::upgrade) {
            inbox.set_puller(Rc::clone(&puller));
        }
        *self.puller.borrow_mut() = Some(puller);
    }

    /// A new stream that sees every event from now on.
    pub(crate) fn subscribe(&self) -> Rc<Inbox<P>> {
        let inbox = Rc::new(Inbox::new(self.bound));
        if let Some(puller) = &*self.puller.borrow() {
            inbox.set_puller(Rc::clone(puller));
        }
        if self.status.borrow().closed.is_some() {
            inbox.end();
        }
        self.inboxes.borrow_mut().push(Rc::downgrade(&inbox));
        inbox
    }

    /// Records an event from a listener and hands it to every live stream; the close
    /// code to close with if a stream's inbox is full.
    #[must_use = "a full inbox asks for the connection to be closed"]
    pub(crate) fn push(&self, event: RawEvent<P>) -> Option<CloseCode> {
        match &event {
            // A connection closes once: a `close` the browser fires after the one
            // `CloseWatch` made up for it changes nothing.
            RawEvent::Closed(_) if self.is_closed() => return None,
            RawEvent::Open => self.update_status(|status| status.opened = true),
            RawEvent::Closed(close) => {
                let close = close.clone();
                self.update_status(|status| status.closed = Some(close));
            }
            RawEvent::Message(_) | RawEvent::Error => {}
        }
        // No allocation per event with one stream: copies go to every stream but the
        // last, which gets the event itself. The list is borrowed only to look an inbox
        // up, never while a waker runs (a waker may poll, and polling may subscribe:
        // a stream that subscribes now starts after this event).
        let handler = self.handler.get();
        let count = self.inboxes.borrow().len();
        let mut event = Some(event);
        let mut close = None;
        let mut stale = false;
        for index in 0..count {
            let inbox = self.inboxes.borrow().get(index).and_then(Weak::upgrade);
            let Some(inbox) = inbox else {
                stale = true;
                continue;
            };
            let last = index + 1 == count && handler.is_none();
            let copy = if last { event.take() } else { event.clone() };
            if let Some(copy) = copy {
                let pushed = inbox.push(copy);
                close = close.or(pushed.close);
                if let Some(waker) = pushed.waker {
                    waker.wake();
                }
            }
        }
        if stale {
            self.inboxes
                .borrow_mut()
                .retain(|inbox| inbox.strong_count() > 0);
        }
        if let (Some(handler), Some(event)) = (handler, event) {
            handler(event);
        }
        close
    }

    /// Whether the connection has closed.
    pub(crate) fn is_closed(&self) -> bool {
        self.status.borrow().closed.is_some()
    }

    /// Ends every stream after what it holds: the connection is being dropped.
    pub(crate) fn end_all(&self) {
        for inbox in self.inboxes.borrow_mut().drain(..) {
            if let Some(inbox) = inbox.upgrade() {
                inbox.end();
            }
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

    /// Records that the connection was abandoned because `after` ran out while it was
    /// connecting; `opened()` will say so.
    pub(crate) fn mark_timed_out(&self, after: Duration) {
        self.status.borrow_mut().timed_out = Some(after);
    }

    /// Whether the connection was abandoned by its connect timeout.
    pub(crate) fn timed_out(&self) -> bool {
        self.status.borrow().timed_out.is_some()
    }

    /// Ready with `Ok` once the socket has opened, with an error if it closed first.
    pub(crate) fn poll_opened(&self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        let mut status = self.status.borrow_mut();
        if status.opened {
            return Poll::Ready(Ok(()));
        }
        if let Some(close) = &status.closed {
            return Poll::Ready(Err(match status.timed_out {
                Some(after) => Error::ConnectTimedOut { after },
                None => Error::ConnectFailed(close.clone()),
            }));
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
    use crate::browser::inbox::tests::{abnormal, cx};
    use crate::event::Event;
    use crate::message::Message;

    type Hub = super::Hub<Message>;

    fn hub() -> Hub {
        Hub::new(None)
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

    #[test]
    fn close_before_open_fails_opened_as_one_error() {
        let hub = hub();
        assert_eq!(hub.poll_opened(&mut cx()), Poll::Pending);
        let _ = hub.push(RawEvent::Error);
        assert_eq!(hub.poll_opened(&mut cx()), Poll::Pending);
        let _ = hub.push(RawEvent::Closed(abnormal()));
        assert_eq!(
            hub.poll_opened(&mut cx()),
            Poll::Ready(Err(Error::ConnectFailed(abnormal())))
        );
    }

    #[test]
    fn a_timed_out_connect_fails_opened_with_the_timeout() {
        let hub = hub();
        hub.mark_timed_out(Duration::from_secs(3));
        assert_eq!(hub.poll_opened(&mut cx()), Poll::Pending, "until the close");
        let _ = hub.push(RawEvent::Error);
        let _ = hub.push(RawEvent::Closed(abnormal()));
        assert!(hub.timed_out());
        assert_eq!(
            hub.poll_opened(&mut cx()),
            Poll::Ready(Err(Error::ConnectTimedOut {
                after: Duration::from_secs(3)
            }))
        );
    }

    #[test]
    fn opened_and_closed_do_not_take_events_from_the_stream() {
        let hub = hub();
        let inbox = hub.subscribe();
        let _ = hub.push(RawEvent::Open);
        let _ = hub.push(RawEvent::Closed(abnormal()));
        assert_eq!(hub.poll_opened(&mut cx()), Poll::Ready(Ok(())));
        assert_eq!(hub.poll_closed(&mut cx()), Poll::Ready(abnormal()));
        assert_eq!(drain(&inbox), vec![Event::Open, Event::Closed(abnormal())]);
    }

    #[test]
    fn every_subscriber_sees_every_event_from_its_start() {
        let hub = hub();
        let first = hub.subscribe();
        let _ = hub.push(RawEvent::Open);
        let second = hub.subscribe();
        let _ = hub.push(text("a"));
        assert_eq!(
            drain(&first),
            vec![Event::Open, Event::Message(Message::Text("a".into()))]
        );
        assert_eq!(
            drain(&second),
            vec![Event::Message(Message::Text("a".into()))]
        );
    }

    #[test]
    fn a_dropped_subscriber_is_pruned_and_disturbs_no_one() {
        let hub = hub();
        let kept = hub.subscribe();
        drop(hub.subscribe());
        let _ = hub.push(RawEvent::Open);
        assert_eq!(hub.inboxes.borrow().len(), 1);
        assert_eq!(drain(&kept), vec![Event::Open]);
    }

    #[test]
    fn a_second_close_reaches_no_one() {
        let hub = hub();
        let inbox = hub.subscribe();
        let _ = hub.push(RawEvent::Error);
        let _ = hub.push(RawEvent::Closed(abnormal()));
        let late = CloseEvent {
            code: CloseCode::NORMAL,
            reason: "late".into(),
            was_clean: true,
        };
        let _ = hub.push(RawEvent::Closed(late));
        assert!(hub.is_closed());
        assert_eq!(hub.poll_closed(&mut cx()), Poll::Ready(abnormal()));
        assert_eq!(drain(&inbox), vec![Event::Error, Event::Closed(abnormal())]);
    }

    #[test]
    fn a_subscriber_after_close_ends_at_once() {
        let hub = hub();
        let _ = hub.push(RawEvent::Closed(abnormal()));
        let late = hub.subscribe();
        assert_eq!(late.poll_next(&mut cx()), Poll::Ready(None));
    }
}
