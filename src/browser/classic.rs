//! The classic transport: the browser's `WebSocket` and its four listeners.

use std::rc::Rc;
use std::time::Duration;

use super::exception;
use super::global::Countdown;
use super::hub::Hub;
use super::listeners::Listeners;
use super::payload::Data;
use crate::binary_type::BinaryType;
use crate::close::CloseCode;
use crate::error::Error;
use crate::ready_state::ReadyState;

/// One browser `WebSocket`, with the listeners that feed its hub.
#[derive(Debug)]
pub(crate) struct ClassicSocket {
    socket: web_sys::WebSocket,
    _listeners: Listeners,
}

impl ClassicSocket {
    /// `new WebSocket(url, protocols)` with `binaryType` set; `url` is resolved and the
    /// protocols checked. `given` is the URL as the user wrote it, for errors.
    pub(crate) fn open(
        given: &str,
        url: &str,
        protocols: &[String],
        binary_type: BinaryType,
        hub: &Rc<Hub<Data>>,
    ) -> Result<ClassicSocket, Error> {
        let socket = if protocols.is_empty() {
            web_sys::WebSocket::new(url)
        } else {
            let protocols: js_sys::Array = protocols
                .iter()
                .map(|p| js_sys::JsString::from(p.as_str()))
                .collect();
            web_sys::WebSocket::new_with_str_sequence(url, &protocols)
        }
        .map_err(|e| exception::from_constructor(given, e))?;
        // Before any event can fire: events are queued tasks, this runs first.
        socket.set_binary_type(binary_type.to_web_sys());
        let listeners = Listeners::attach(&socket, hub);
        Ok(ClassicSocket {
            socket,
            _listeners: listeners,
        })
    }

    /// Closes the socket if it is still `CONNECTING` after `after`: the browser then fails
    /// the connection (`error`, then `close` with 1006; WHATWG WebSockets, close() step 5).
    pub(crate) fn abandon_after(&self, after: Duration, hub: &Rc<Hub<Data>>) -> Countdown {
        let socket = self.socket.clone();
        let hub = Rc::clone(hub);
        Countdown::new(after, move || {
            if ReadyState::from_browser(socket.ready_state()) == ReadyState::Connecting {
                hub.mark_timed_out(after);
                let _ = socket.close();
            }
        })
    }

    pub(crate) fn ready_state(&self) -> ReadyState {
        ReadyState::from_browser(self.socket.ready_state())
    }

    pub(crate) fn buffered_amount(&self) -> u32 {
        self.socket.buffered_amount()
    }

    pub(crate) fn url(&self) -> String {
        self.socket.url()
    }

    pub(crate) fn protocol(&self) -> String {
        self.socket.protocol()
    }

    pub(crate) fn extensions(&self) -> String {
        self.socket.extensions()
    }

    pub(crate) fn binary_type(&self) -> BinaryType {
        BinaryType::from_web_sys(self.socket.binary_type())
    }

    pub(crate) fn set_binary_type(&self, binary_type: BinaryType) {
        self.socket.set_binary_type(binary_type.to_web_sys());
    }

    pub(crate) fn as_raw(&self) -> &web_sys::WebSocket {
        &self.socket
    }

    pub(crate) fn send_text(&self, text: &str) -> Result<(), Error> {
        self.socket
            .send_with_str(text)
            .map_err(exception::unexpected)
    }

    pub(crate) fn send_bytes(&self, bytes: &[u8]) -> Result<(), Error> {
        // Browsers refuse views on shared memory, which wasm memory is with atomics.
        #[cfg(not(target_feature = "atomics"))]
        let sent = self.socket.send_with_u8_array(bytes);
        #[cfg(target_feature = "atomics")]
        let sent = self
            .socket
            .send_with_array_buffer_view(&js_sys::Uint8Array::from(bytes));
        sent.map_err(exception::unexpected)
    }

    pub(crate) fn send_blob(&self, blob: &web_sys::Blob) -> Result<(), Error> {
        self.socket
            .send_with_blob(blob)
            .map_err(exception::unexpected)
    }

    pub(crate) fn send_array_buffer(&self, buffer: &js_sys::ArrayBuffer) -> Result<(), Error> {
        self.socket
            .send_with_array_buffer(buffer)
            .map_err(exception::unexpected)
    }

    pub(crate) fn send_uint8_array(&self, view: &js_sys::Uint8Array) -> Result<(), Error> {
        self.socket
            .send_with_array_buffer_view(view)
            .map_err(exception::unexpected)
    }

    /// `close(1000)` as the connection is dropped: nothing could report a failure.
    pub(crate) fn close_on_drop(&self) {
        let _ = self.socket.close_with_code(CloseCode::NORMAL.as_u16());
    }

    /// `close(code, reason)`; both are checked and the state is `CONNECTING` or `OPEN`.
    pub(crate) fn close(&self, code: CloseCode, reason: &str) -> Result<(), Error> {
        self.socket
            .close_with_code_and_reason(code.as_u16(), reason)
            .map_err(exception::unexpected)
    }
}
