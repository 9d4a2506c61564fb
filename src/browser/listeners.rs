//! The four event listeners, attached when the socket is created and removed on drop.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::close_watch::CloseWatch;
use super::hub::Hub;
use super::inbox::RawEvent;
use super::listener_count::ListenerCount;
use super::payload::Data;
use crate::close::{CloseCode, CloseEvent};
use crate::inbox_limit::InboxLimit;

/// The socket events a connection listens for, in the order they are attached.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Open,
    Message,
    Error,
    Close,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Open, Kind::Message, Kind::Error, Kind::Close];

    /// The event's type, as `addEventListener` takes it.
    fn name(self) -> &'static str {
        match self {
            Kind::Open => "open",
            Kind::Message => "message",
            Kind::Error => "error",
            Kind::Close => "close",
        }
    }
}

/// One listener's callback, the same Rust type for all four (and for the close watch's
/// timer).
type Callback = Closure<dyn FnMut(web_sys::Event)>;

/// Owns the `open`, `message`, `error` and `close` listeners of one socket.
///
/// Attached synchronously right after `new WebSocket(...)`, before the browser can fire
/// anything, so no event is ever missed. Dropping it removes all four.
#[derive(Debug)]
pub(crate) struct Listeners {
    socket: web_sys::WebSocket,
    callbacks: [Callback; 4],
    _count: ListenerCount,
}

impl Listeners {
    pub(crate) fn attach(socket: &web_sys::WebSocket, hub: &Rc<Hub<Data>>) -> Listeners {
        let watch = Rc::new(CloseWatch::default());
        let callbacks = Kind::ALL.map(|kind| {
            let hub = Rc::clone(hub);
            let watch = Rc::clone(&watch);
            let target = socket.clone();
            let callback = Callback::new(move |event: web_sys::Event| {
                let raw = if event.is_undefined() {
                    // The close watch's timer calls the `error` listener with no event.
                    match watch.check(&target, &hub) {
                        Some(close) => close,
                        None => return,
                    }
                } else {
                    if let Kind::Error = kind {
                        watch.after_error(&hub);
                    }
                    read(kind, &event)
                };
                // Only a message can fill an inbox.
                if let Some(code) = hub.push(raw) {
                    let _ = target
                        .close_with_code_and_reason(code.as_u16(), InboxLimit::OVERFLOW_REASON);
                }
            });
            // `addEventListener` cannot throw for a function listener.
            let _ = socket
                .add_event_listener_with_callback(kind.name(), callback.as_ref().unchecked_ref());
            callback
        });
        watch.set_tick(callbacks[2].as_ref().unchecked_ref());
        Listeners {
            socket: socket.clone(),
            callbacks,
            _count: ListenerCount::new(Kind::ALL.len()),
        }
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for (kind, callback) in Kind::ALL.into_iter().zip(&self.callbacks) {
            let _ = self.socket.remove_event_listener_with_callback(
                kind.name(),
                callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// One socket event as the hub takes it.
fn read(kind: Kind, event: &web_sys::Event) -> RawEvent<Data> {
    match kind {
        Kind::Open => RawEvent::Open,
        // The data stays a JS value until a stream yields it.
        Kind::Message => RawEvent::Message(Data::new(
            event.unchecked_ref::<web_sys::MessageEvent>().data(),
        )),
        Kind::Error => RawEvent::Error,
        Kind::Close => {
            let event: &web_sys::CloseEvent = event.unchecked_ref();
            RawEvent::Closed(CloseEvent {
                code: CloseCode::from_browser(event.code()),
                reason: event.reason(),
                was_clean: event.was_clean(),
            })
        }
    }
}
