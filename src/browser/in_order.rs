//! A `connect_with` handler as the hub calls it: every event, in the browser's order,
//! including the ones the handler causes while it runs.

use std::cell::RefCell;
use std::collections::VecDeque;

use super::hub::Handler;
use super::inbox::RawEvent;
use super::payload::Payload;
use crate::event::Event;

/// Wraps `on_event` for [`Hub::set_handler`](super::hub::Hub::set_handler).
///
/// `on_event` may make an event happen itself (say, by dispatching one on the socket);
/// that event waits until `on_event` returns, then comes next, so the handler is never
/// re-entered and sees every event once, in order. Payloads become messages here, as a
/// stream makes them when it yields.
pub(crate) fn in_order<P: Payload + 'static>(on_event: impl FnMut(Event) + 'static) -> Handler<P> {
    let on_event = RefCell::new(on_event);
    let backlog = RefCell::new(VecDeque::new());
    Box::new(move |event: RawEvent<P>| {
        let event = event.into_event();
        let Ok(mut on_event) = on_event.try_borrow_mut() else {
            backlog.borrow_mut().push_back(event);
            return;
        };
        on_event(event);
        loop {
            // Its own statement: the backlog is not borrowed while `on_event` runs.
            let next = backlog.borrow_mut().pop_front();
            match next {
                Some(event) => on_event(event),
                None => break,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::browser::hub::Hub;
    use crate::message::Message;

    fn text(s: &str) -> RawEvent<Message> {
        RawEvent::Message(Message::Text(s.into()))
    }

    #[test]
    fn an_event_caused_by_the_handler_comes_after_it_returns() {
        let hub = Rc::new(Hub::<Message>::new(None));
        let seen = Rc::new(RefCell::new(Vec::new()));
        let (inner_hub, inner_seen) = (Rc::downgrade(&hub), Rc::clone(&seen));
        hub.set_handler(in_order(move |event: Event| {
            inner_seen.borrow_mut().push(format!("start {event:?}"));
            if event == Event::Open {
                let hub = inner_hub.upgrade().expect("the hub outlives its events");
                let _ = hub.push(text("caused"));
            }
            inner_seen.borrow_mut().push("end".to_owned());
        }));
        let _ = hub.push(RawEvent::Open);
        let _ = hub.push(text("next"));
        assert_eq!(
            *seen.borrow(),
            [
                "start Open",
                "end",
                "start Message(Text(\"caused\"))",
                "end",
                "start Message(Text(\"next\"))",
                "end",
            ]
        );
    }

    #[test]
    fn a_handler_and_a_stream_both_get_every_event() {
        let hub = Hub::<Message>::new(None);
        let inbox = hub.subscribe();
        let seen = Rc::new(RefCell::new(Vec::new()));
        let handler_seen = Rc::clone(&seen);
        hub.set_handler(in_order(move |event| handler_seen.borrow_mut().push(event)));
        let _ = hub.push(text("a"));
        let message = Event::Message(Message::Text("a".into()));
        assert_eq!(*seen.borrow(), std::slice::from_ref(&message));
        assert_eq!(
            inbox.poll_next(&mut crate::browser::inbox::tests::cx()),
            std::task::Poll::Ready(Some(message))
        );
    }
}
