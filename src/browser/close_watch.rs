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
//! So after every `error` the connection is watched on a timer: once the socket is
//! `CLOSED` and still no `close` came, the listeners end the connection with the close
//! the browser owed (1006, not clean). Where the browser fires `close` itself (Chromium,
//! Firefox, and WebKit everywhere else), it comes in the same task or the next, long
//! before the first check 20 ms later, and the watch stops without a trace; a `close`
//! that came after the made-up one would reach no one (`Hub::push`).
//!
//! The timer's handler is the `error` listener itself, called with no event, so an app
//! links no second closure for the watch, and the timer is the crate's one `setTimeout`
//! binding (`global::TimeoutId`): the watch costs the minimal `Stream` app about 150 B
//! gzipped (a watch with a closure of its own cost 730 B, one with its own binding 240 B).

use std::cell::{Cell, OnceCell};

use super::global::TimeoutId;
use super::hub::Hub;
use super::inbox::RawEvent;
use super::payload::Data;
use crate::close::{CloseCode, CloseEvent};

/// How often the watch looks at `readyState`, in milliseconds; the browser owes `close`
/// within a task, so two checks apart is far more than it needs.
const CHECK_EVERY_MS: u32 = 20;

/// Watches one socket after an `error`; owned by its listeners, so dropping them stops
/// the timer. The listeners hand it the socket and the hub at each step, and push the
/// close it makes up themselves, through the one path every event takes.
#[derive(Default)]
pub(crate) struct CloseWatch {
    /// What the timer calls: the `error` listener, which calls [`CloseWatch::check`]
    /// when it gets no event.
    tick: OnceCell<js_sys::Function>,
    /// The pending timer while watching; dropping it clears it.
    pending: Cell<Option<TimeoutId>>,
}

impl std::fmt::Debug for CloseWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CloseWatch").finish_non_exhaustive()
    }
}

impl CloseWatch {
    /// Hands the watch the `error` listener, which its timer calls.
    pub(crate) fn set_tick(&self, error_listener: &js_sys::Function) {
        let _ = self.tick.set(error_listener.clone());
    }

    /// Starts watching, after an `error`, unless the connection has closed already or
    /// the watch runs.
    pub(crate) fn after_error(&self, hub: &Hub<Data>) {
        let watching = self.pending.take();
        if watching.is_some() || hub.is_closed() {
            self.pending.set(watching);
        } else {
            self.check_later();
        }
    }

    fn check_later(&self) {
        if let Some(tick) = self.tick.get() {
            self.pending.set(Some(TimeoutId::set(tick, CHECK_EVERY_MS)));
        }
    }

    /// The timer rang: the close the browser owes, if `socket` is `CLOSED` and no
    /// `close` came; otherwise the watch checks again later (the socket is still
    /// closing), or stops (the connection has closed).
    pub(crate) fn check(
        &self,
        socket: &web_sys::WebSocket,
        hub: &Hub<Data>,
    ) -> Option<RawEvent<Data>> {
        if let Some(rung) = self.pending.take() {
            rung.rang();
        }
        if hub.is_closed() {
            return None;
        }
        if socket.ready_state() == web_sys::WebSocket::CLOSED {
            return Some(RawEvent::Closed(CloseEvent {
                code: CloseCode::ABNORMAL,
                reason: String::new(),
                was_clean: false,
            }));
        }
        self.check_later();
        None
    }
}
