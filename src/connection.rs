//! The browser socket and its listeners, shared by every handle on one connection.

use std::rc::Rc;

use crate::close::check_close;
use crate::hub::Hub;
use crate::listeners::Listeners;
use crate::{exception, CloseCode, Error, Message, ReadyState};

/// One browser `WebSocket` with its four listeners.
///
/// Shared (`Rc`) by the socket, its sender and receiver halves; dropped with the last of
/// them, which closes the connection.
#[derive(Debug)]
pub(crate) struct Connection {
    pub(crate) raw: web_sys::WebSocket,
    pub(crate) hub: Rc<Hub>,
    _listeners: Listeners,
}

impl Connection {
    pub(crate) fn new(raw: web_sys::WebSocket) -> Connection {
        let hub = Rc::new(Hub::default());
        let listeners = Listeners::attach(&raw, &hub);
        Connection {
            raw,
            hub,
            _listeners: listeners,
        }
    }

    pub(crate) fn ready_state(&self) -> ReadyState {
        ReadyState::from_browser(self.raw.ready_state())
    }

    pub(crate) fn check_open(&self) -> Result<(), Error> {
        match self.ready_state() {
            ReadyState::Open => Ok(()),
            state => Err(Error::NotOpen(state)),
        }
    }

    pub(crate) fn send_text(&self, text: &str) -> Result<(), Error> {
        self.check_open()?;
        self.raw.send_with_str(text).map_err(exception::unexpected)
    }

    pub(crate) fn send_bytes(&self, bytes: &[u8]) -> Result<(), Error> {
        self.check_open()?;
        // Browsers refuse views on shared memory, which wasm memory is with atomics.
        #[cfg(not(target_feature = "atomics"))]
        let sent = self.raw.send_with_u8_array(bytes);
        #[cfg(target_feature = "atomics")]
        let sent = self
            .raw
            .send_with_array_buffer_view(&js_sys::Uint8Array::from(bytes));
        sent.map_err(exception::unexpected)
    }

    pub(crate) fn send_blob(&self, blob: &web_sys::Blob) -> Result<(), Error> {
        self.check_open()?;
        self.raw.send_with_blob(blob).map_err(exception::unexpected)
    }

    pub(crate) fn send_array_buffer(&self, buffer: &js_sys::ArrayBuffer) -> Result<(), Error> {
        self.check_open()?;
        self.raw
            .send_with_array_buffer(buffer)
            .map_err(exception::unexpected)
    }

    pub(crate) fn send_uint8_array(&self, view: &js_sys::Uint8Array) -> Result<(), Error> {
        self.check_open()?;
        self.raw
            .send_with_array_buffer_view(view)
            .map_err(exception::unexpected)
    }

    pub(crate) fn send_message(&self, message: &Message) -> Result<(), Error> {
        match message {
            Message::Text(text) => self.send_text(text),
            Message::Binary(bytes) => self.send_bytes(bytes),
            Message::Blob(blob) => self.send_blob(blob),
        }
    }

    pub(crate) fn close_with(&self, code: CloseCode, reason: &str) -> Result<(), Error> {
        check_close(code, reason)?;
        match self.ready_state() {
            state @ (ReadyState::Closing | ReadyState::Closed) => Err(Error::AlreadyClosing(state)),
            ReadyState::Connecting | ReadyState::Open => self
                .raw
                .close_with_code_and_reason(code.as_u16(), reason)
                .map_err(exception::unexpected),
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if matches!(
            self.ready_state(),
            ReadyState::Connecting | ReadyState::Open
        ) {
            // Nothing can be reported from a drop; the listeners go right after.
            let _ = self.raw.close_with_code(CloseCode::NORMAL.as_u16());
        }
        // Subscriptions outlive the connection only to drain what they hold.
        self.hub.end_all();
    }
}
