//! The `close` event WebKit never fires for a connection that failed early.
//!
//! WHATWG WebSockets fails a connection in one task: `readyState` becomes `CLOSED`, then
//! `error`, then `close` (1006). WebKit (WebKitGTK 2.50, Safari) fires `error` for a port
//! the Fetch standard blocks (`ws://host:9/`, `:1`, ...) while `readyState` is still
//! `CONNECTING`, turns it `CLOSED` a task later, and fires no `close` at all, not even
//! after `close()` (a refused port, a failed handshake and a timeout close as they
//! should). Without `close` a stream would never end, `opened()` never resolve and a
//! reconnecting socket never retry.
//!
//! So after every `error` the connection is watched on a timer: once the socket has been
//! `CLOSED` for a whole check and still no `close` came, the watch ends the connection
//! with the close the browser owed (1006, not clean). Where the browser fires `close`
//! itself (Chromium, Firefox, and WebKit everywhere else), that comes first and the watch
//! stops without a trace.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;

use super::global::Countdown;
use super::hub::Hub;
use super::inbox::RawEvent;
use super::payload::Data;
use crate::{CloseCode, CloseEvent, ReadyState};

/// How often the watch looks at `readyState`; the browser owes `close` within a task,
/// so two checks apart is far more than it needs.
const CHECK_EVERY: Duration = Duration::from_millis(20);

/// Watches one socket after an `error`; owned by its listeners, so dropping them stops
/// the timer.
#[derive(Debug)]
pub(crate) struct CloseWatch {
    socket: web_sys::WebSocket,
    hub: Rc<Hub<Data>>,
    state: RefCell<State>,
}

#[derive(Debug, Default)]
struct State {
    /// The next check, while watching.
    next: Option<Countdown>,
    /// The last check found the socket `CLOSED`.
    seen_closed: bool,
}

impl CloseWatch {
    pub(crate) fn new(socket: &web_sys::WebSocket, hub: &Rc<Hub<Data>>) -> Rc<CloseWatch> {
        Rc::new(CloseWatch {
            socket: socket.clone(),
            hub: Rc::clone(hub),
            state: RefCell::default(),
        })
    }

    /// Starts watching, after an `error`, unless the connection has closed already or
    /// the watch runs.
    pub(crate) fn after_error(self: &Rc<Self>) {
        if !self.hub.is_closed() && self.state.borrow().next.is_none() {
            self.check_later();
        }
    }

    fn check_later(self: &Rc<Self>) {
        let watch: Weak<CloseWatch> = Rc::downgrade(self);
        let next = Countdown::new(CHECK_EVERY, move || {
            if let Some(watch) = watch.upgrade() {
                watch.check();
            }
        });
        // Replaces the countdown that is ringing now, if any: wasm-bindgen frees a
        // running callback only once it returns.
        self.state.borrow_mut().next = Some(next);
    }

    fn check(self: &Rc<Self>) {
        if self.hub.is_closed() {
            self.state.borrow_mut().next = None;
            return;
        }
        let closed = ReadyState::from_browser(self.socket.ready_state()) == ReadyState::Closed;
        let seen_closed = std::mem::replace(&mut self.state.borrow_mut().seen_closed, closed);
        if closed && seen_closed {
            self.state.borrow_mut().next = None;
            // Only a message can fill an inbox, so there is no overflow to act on.
            let _ = self.hub.push(RawEvent::Closed(CloseEvent {
                code: CloseCode::ABNORMAL,
                reason: String::new(),
                was_clean: false,
            }));
        } else {
            self.check_later();
        }
    }
}
