//! The browser socket and its listeners, shared by every handle on one connection.

use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use super::exception;
use super::global::Countdown;
use super::hub::Hub;
use super::inbox::Inbox;
use super::listeners::Listeners;
use super::payload::Data;
use super::subprotocol_check::check_protocols;
use super::url_check::resolve_url;
use crate::close::check_close;
use crate::{BinaryType, CloseCode, CloseEvent, Error, InboxLimit, Message, ReadyState};

/// One browser `WebSocket` with its four listeners: the boundary every layer above goes
/// through.
///
/// Shared (`Rc`) by the socket, its sender and receiver halves; dropped with the last of
/// them, which closes the connection.
#[derive(Debug)]
pub(crate) struct Connection {
    socket: web_sys::WebSocket,
    hub: Rc<Hub<Data>>,
    _listeners: Listeners,
    /// Abandons the connection if it has not opened in time; dropped with it.
    _connect_timeout: Option<Countdown>,
}

impl Connection {
    /// `new WebSocket(url, protocols)` with `binaryType` set, after resolving the URL
    /// and checking what the browser would refuse; returns at once, `CONNECTING`.
    pub(crate) fn open(
        url: &str,
        protocols: &[String],
        binary_type: BinaryType,
        connect_timeout: Option<Duration>,
        inbox_limit: Option<InboxLimit>,
    ) -> Result<Connection, Error> {
        let resolved = resolve_url(url)?;
        check_protocols(protocols)?;
        let socket = if protocols.is_empty() {
            web_sys::WebSocket::new(&resolved)
        } else {
            let protocols: js_sys::Array = protocols
                .iter()
                .map(|p| js_sys::JsString::from(p.as_str()))
                .collect();
            web_sys::WebSocket::new_with_str_sequence(&resolved, &protocols)
        }
        .map_err(|e| exception::from_constructor(url, e))?;
        // Before any event can fire: events are queued tasks, this runs first.
        socket.set_binary_type(binary_type.to_web_sys());
        let hub = Rc::new(Hub::new(inbox_limit));
        let listeners = Listeners::attach(&socket, &hub);
        let connect_timeout = connect_timeout.map(|after| abandon_after(after, &socket, &hub));
        Ok(Connection {
            socket,
            hub,
            _listeners: listeners,
            _connect_timeout: connect_timeout,
        })
    }

    /// Whether the connection was abandoned by its connect timeout.
    pub(crate) fn timed_out(&self) -> bool {
        self.hub.timed_out()
    }

    /// A new stream of this connection's events, from now on.
    pub(crate) fn subscribe(&self) -> Rc<Inbox<Data>> {
        self.hub.subscribe()
    }

    /// Ready with `Ok` once open, with an error if it closed first.
    pub(crate) fn poll_opened(&self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.hub.poll_opened(cx)
    }

    /// Ready with the close event once closed.
    pub(crate) fn poll_closed(&self, cx: &mut Context<'_>) -> Poll<CloseEvent> {
        self.hub.poll_closed(cx)
    }

    pub(crate) fn ready_state(&self) -> ReadyState {
        ReadyState::from_browser(self.socket.ready_state())
    }

    pub(crate) fn check_open(&self) -> Result<(), Error> {
        match self.ready_state() {
            ReadyState::Open => Ok(()),
            state => Err(Error::NotOpen(state)),
        }
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
        self.check_open()?;
        self.socket
            .send_with_str(text)
            .map_err(exception::unexpected)
    }

    pub(crate) fn send_bytes(&self, bytes: &[u8]) -> Result<(), Error> {
        self.check_open()?;
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
        self.check_open()?;
        self.socket
            .send_with_blob(blob)
            .map_err(exception::unexpected)
    }

    pub(crate) fn send_array_buffer(&self, buffer: &js_sys::ArrayBuffer) -> Result<(), Error> {
        self.check_open()?;
        self.socket
            .send_with_array_buffer(buffer)
            .map_err(exception::unexpected)
    }

    pub(crate) fn send_uint8_array(&self, view: &js_sys::Uint8Array) -> Result<(), Error> {
        self.check_open()?;
        self.socket
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
                .socket
                .close_with_code_and_reason(code.as_u16(), reason)
                .map_err(exception::unexpected),
        }
    }
}

/// Closes `socket` if it is still `CONNECTING` after `after`: the browser then fails the
/// connection (`error`, then `close` with 1006; WHATWG WebSockets, close() step 5).
fn abandon_after(after: Duration, socket: &web_sys::WebSocket, hub: &Rc<Hub<Data>>) -> Countdown {
    let socket = socket.clone();
    let hub = Rc::clone(hub);
    Countdown::new(after, move || {
        if ReadyState::from_browser(socket.ready_state()) == ReadyState::Connecting {
            hub.mark_timed_out(after);
            let _ = socket.close();
        }
    })
}

impl Drop for Connection {
    fn drop(&mut self) {
        if matches!(
            self.ready_state(),
            ReadyState::Connecting | ReadyState::Open
        ) {
            // Nothing can be reported from a drop; the listeners go right after.
            let _ = self.socket.close_with_code(CloseCode::NORMAL.as_u16());
        }
        // Subscriptions outlive the connection only to drain what they hold.
        self.hub.end_all();
    }
}
