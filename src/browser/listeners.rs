//! The four event listeners, attached when the socket is created and removed on drop.

use std::rc::Rc;

use gloo_events::EventListener;
use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::hub::Hub;
use super::listener_count::ListenerCount;
use crate::{CloseCode, CloseEvent, Event, Message};

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
    pub(crate) fn attach(socket: &web_sys::WebSocket, hub: &Rc<Hub>) -> Listeners {
        let on = |kind: &'static str, to_event: fn(&web_sys::Event) -> Event| {
            let hub = Rc::clone(hub);
            EventListener::new(socket, kind, move |event| hub.push(to_event(event)))
        };
        Listeners {
            _open: on("open", |_| Event::Open),
            _message: on("message", |event| {
                let event: &web_sys::MessageEvent = event.unchecked_ref();
                Event::Message(message_from_data(event.data()))
            }),
            _error: on("error", |_| Event::Error),
            _close: on("close", |event| {
                let event: &web_sys::CloseEvent = event.unchecked_ref();
                Event::Closed(CloseEvent {
                    code: CloseCode::from_browser(event.code()),
                    reason: event.reason(),
                    was_clean: event.was_clean(),
                })
            }),
            _count: ListenerCount::new(4),
        }
    }
}

/// A `MessageEvent.data`: a string, an `ArrayBuffer` or a `Blob`, per `binaryType` at the
/// moment the message arrived (WHATWG WebSockets §"Feedback from the protocol").
fn message_from_data(data: JsValue) -> Message {
    if let Some(text) = data.as_string() {
        return Message::Text(text);
    }
    if data.is_instance_of::<ArrayBuffer>() {
        return Message::Binary(Uint8Array::new(&data).to_vec());
    }
    // The spec leaves only Blob.
    Message::Blob(data.unchecked_into())
}
