//! `connect_with`: every event handed to a callback, synchronously, from the browser's
//! listener, with a `WeakSender` to reply.

use std::cell::RefCell;
use std::rc::Rc;

use crate::common::{server::url, socket::socket_listeners, time::within};
use browser_websocket::{CloseCode, Error, Event, Message, ReadyState, WebSocket, live_listeners};
use futures_util::StreamExt;
use wasm_bindgen_test::wasm_bindgen_test;

/// Ping-pong from inside the handler: it replies to each echo until the tenth, then
/// closes; it sees every event in order, and the sender's `closed()` agrees.
#[wasm_bindgen_test]
async fn the_handler_sees_every_event_in_order_and_replies() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = Rc::clone(&seen);
    let sender = WebSocket::builder(url("/echo"))
        .connect_with(move |event, reply| {
            match &event {
                Event::Open => reply.send_text("0").expect("open"),
                Event::Message(Message::Text(n)) => {
                    let n: u32 = n.parse().expect("a number");
                    if n < 9 {
                        reply.send_text(&(n + 1).to_string()).expect("open");
                    } else {
                        let code = CloseCode::new(4000).expect("valid");
                        reply.close_with(code, "ten").expect("open");
                    }
                }
                _ => {}
            }
            log.borrow_mut().push(event);
        })
        .expect("valid URL");
    let close = within("the close", sender.closed()).await;
    assert_eq!(close.code.as_u16(), 4000);
    let seen = seen.borrow();
    assert_eq!(seen.len(), 12, "Open, ten echoes, Closed: {seen:?}");
    assert_eq!(seen[0], Event::Open);
    for (i, event) in seen[1..11].iter().enumerate() {
        assert_eq!(event, &Event::Message(Message::Text(i.to_string())));
    }
    assert_eq!(seen[11], Event::Closed(close));
}

/// A subscription beside the handler sees the same events.
#[wasm_bindgen_test]
async fn a_subscription_sees_what_the_handler_sees() {
    let handled = Rc::new(RefCell::new(0));
    let count = Rc::clone(&handled);
    let sender = WebSocket::builder(url("/flood/100/8/text"))
        .connect_with(move |event, _| {
            if matches!(event, Event::Message(_)) {
                *count.borrow_mut() += 1;
            }
        })
        .expect("valid URL");
    let mut subscription = sender.subscribe();
    let events: Vec<Event> = within("the flood", subscription.by_ref().collect()).await;
    let messages = events
        .iter()
        .filter(|event| matches!(event, Event::Message(_)))
        .count();
    assert_eq!(messages, 100);
    assert_eq!(*handled.borrow(), 100);
}

/// Dropping the sender closes the connection and removes the listeners; the handler's
/// `WeakSender` then fails instead of keeping it alive.
#[wasm_bindgen_test]
async fn dropping_the_sender_closes_and_the_weak_sender_fails() {
    let before = live_listeners();
    let kept = Rc::new(RefCell::new(None));
    let slot = Rc::clone(&kept);
    let sender = WebSocket::builder(url("/echo"))
        .connect_with(move |_, reply| *slot.borrow_mut() = Some(reply.clone()))
        .expect("valid URL");
    within("open", sender.opened()).await.expect("opens");
    assert_eq!(
        live_listeners(),
        before + socket_listeners(sender.transport())
    );
    drop(sender);
    assert_eq!(live_listeners(), before);
    let reply = kept.borrow().clone().expect("the handler ran");
    assert_eq!(
        reply.send_text("late"),
        Err(Error::NotOpen(ReadyState::Closed))
    );
    assert_eq!(reply.ready_state(), ReadyState::Closed);
}
