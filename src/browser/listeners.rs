//! The four event listeners, attached when the socket is created and removed on drop.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;

use super::hub::Hub;
use super::inbox::RawEvent;
use super::listener_count::ListenerCount;
use super::payload::Data;
use crate::{CloseCode, CloseEvent, InboxLimit};

/// Owns the `open`, `message`, `error` and `close` listeners of one socket.
///
/// Attached synchronously right after `new WebSocket(...)`, before the browser can fire
/// anything, so no event is ever missed. Each `EventListener` removes itself on drop.
#[derive(Debug)]
pub(crate) struct Listeners {
    _open: EventListener,
    _message: EventListener,
    _error: EventListener,
    _close: EventListener,
    _count: ListenerCount,
}

impl Listeners {
    pub(crate) fn attach(socket: &web_sys::WebSocket, hub: &Rc<Hub<Data>>) -> Listeners {
        let on = |kind: &'static str, to_event: fn(&web_sys::Event) -> RawEvent<Data>| {
            let hub = Rc::clone(hub);
            EventListener::new(socket, kind, move |event| {
                // Only messages can fill an inbox.
                let _ = hub.push(to_event(event));
            })
        };
        let message = {
            let hub = Rc::clone(hub);
            let target = socket.clone();
            EventListener::new(socket, "message", move |event| {
                let event: &web_sys::MessageEvent = event.unchecked_ref();
                // The data stays a JS value until a stream yields it.
                if let Some(code) = hub.push(RawEvent::Message(Data::new(event.data()))) {
                    let reason = InboxLimit::OVERFLOW_REASON;
                    let _ = target.close_with_code_and_reason(code.as_u16(), reason);
                }
            })
        };
        Listeners {
            _open: on("open", |_| RawEvent::Open),
            _message: message,
            _error: on("error", |_| RawEvent::Error),
            _close: on("close", |event| {
                let event: &web_sys::CloseEvent = event.unchecked_ref();
                RawEvent::Closed(CloseEvent {
                    code: CloseCode::from_browser(event.code()),
                    reason: event.reason(),
                    was_clean: event.was_clean(),
                })
            }),
            _count: ListenerCount::new(4),
        }
    }
}
