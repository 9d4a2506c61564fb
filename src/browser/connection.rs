//! One connection, whichever transport carries it: the boundary every layer above goes
//! through.

use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use super::classic::ClassicSocket;
use super::global::Countdown;
use super::hub::Hub;
use super::in_order::in_order;
use super::inbox::Inbox;
use super::payload::Data;
#[cfg(feature = "stream")]
use super::stream_socket::StreamSocket;
use super::subprotocol_check::check_protocols;
use super::url_check::resolve_url;
use crate::binary_type::BinaryType;
use crate::close::{CloseCode, CloseEvent};
use crate::close_check::check_close;
use crate::error::Error;
use crate::message::Message;
use crate::ready_state::ReadyState;
use crate::transport::Transport;

/// How a connection is opened: everything the builder decided.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options<'a> {
    pub(crate) url: &'a str,
    pub(crate) protocols: &'a [String],
    pub(crate) binary_type: BinaryType,
    pub(crate) connect_timeout: Option<Duration>,
    pub(crate) inbox_limit: Option<super::InboxBound>,
    pub(crate) transport: Transport,
}

/// One connection with its hub of streams.
///
/// Shared (`Rc`) by the socket, its sender and receiver halves; dropped with the last of
/// them, which closes the connection.
#[derive(Debug)]
pub(crate) struct Connection {
    socket: Socket,
    hub: Rc<Hub<Data>>,
    /// Abandons the connection if it has not opened in time; dropped with it.
    _connect_timeout: Option<Countdown>,
}

/// The transport's own socket.
#[derive(Debug)]
enum Socket {
    Classic(ClassicSocket),
    #[cfg(feature = "stream")]
    Stream(StreamSocket),
}

/// Runs the same call on whichever transport carries the connection.
macro_rules! on_socket {
    ($self:ident, $socket:ident => $call:expr) => {
        match &$self.socket {
            Socket::Classic($socket) => $call,
            #[cfg(feature = "stream")]
            Socket::Stream($socket) => $call,
        }
    };
}

// `Transport` is vocabulary; whether the browser has the stream transport is the
// browser layer's to say.
impl Transport {
    /// Whether this browser (or worker) has `WebSocketStream`, and the crate was built
    /// with its `stream` feature.
    ///
    /// ```no_run
    /// if browser_websocket::Transport::stream_available() {
    ///     // Chromium 124 or later
    /// }
    /// ```
    pub fn stream_available() -> bool {
        stream_transport_available()
    }
}

/// Whether `WebSocketStream` can be used here.
pub(crate) fn stream_transport_available() -> bool {
    #[cfg(feature = "stream")]
    return StreamSocket::available();
    #[cfg(not(feature = "stream"))]
    return false;
}

impl Connection {
    /// Opens a connection, after resolving the URL and checking what the browser would
    /// refuse; returns at once, `CONNECTING`.
    pub(crate) fn open(options: Options<'_>) -> Result<Connection, Error> {
        let resolved = resolve_url(options.url)?;
        check_protocols(options.protocols)?;
        let hub = Rc::new(Hub::new(options.inbox_limit));
        let socket = match chosen_transport(options.transport, options.binary_type)? {
            #[cfg(feature = "stream")]
            Transport::Stream => Socket::Stream(StreamSocket::open(
                options.url,
                &resolved,
                options.protocols,
                &hub,
            )?),
            _ => Socket::Classic(ClassicSocket::open(
                options.url,
                &resolved,
                options.protocols,
                options.binary_type,
                &hub,
            )?),
        };
        let mut connection = Connection {
            socket,
            hub,
            _connect_timeout: None,
        };
        connection._connect_timeout = options
            .connect_timeout
            .map(|after| on_socket!(connection, s => s.abandon_after(after, &connection.hub)));
        Ok(connection)
    }

    /// The transport in use: `Classic` or `Stream`.
    pub(crate) fn transport(&self) -> Transport {
        match self.socket {
            Socket::Classic(_) => Transport::Classic,
            #[cfg(feature = "stream")]
            Socket::Stream(_) => Transport::Stream,
        }
    }

    /// Calls `handler` with every event from now on, synchronously.
    pub(crate) fn set_handler(&self, handler: impl FnMut(crate::Event) + 'static) {
        self.hub.set_handler(in_order(handler));
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
        on_socket!(self, s => s.ready_state())
    }

    pub(crate) fn check_open(&self) -> Result<(), Error> {
        match self.ready_state() {
            ReadyState::Open => Ok(()),
            state => Err(Error::NotOpen(state)),
        }
    }

    pub(crate) fn buffered_amount(&self) -> u32 {
        on_socket!(self, s => s.buffered_amount())
    }

    /// For a transport that pushes back on writes itself: ready once another message
    /// may be written. `None` for the classic socket, whose Sink gates on
    /// `bufferedAmount` instead.
    pub(crate) fn poll_write_ready(&self, cx: &mut Context<'_>) -> Option<Poll<()>> {
        match &self.socket {
            Socket::Classic(_) => {
                let _ = cx;
                None
            }
            #[cfg(feature = "stream")]
            Socket::Stream(socket) => Some(socket.poll_write_ready(cx)),
        }
    }

    /// For a transport that pushes back on writes itself: ready once every write issued
    /// so far has been handed on. `None` for the classic socket.
    pub(crate) fn poll_writes_done(&self, cx: &mut Context<'_>) -> Option<Poll<()>> {
        match &self.socket {
            Socket::Classic(_) => {
                let _ = cx;
                None
            }
            #[cfg(feature = "stream")]
            Socket::Stream(socket) => Some(socket.poll_writes_done(cx)),
        }
    }

    pub(crate) fn url(&self) -> String {
        on_socket!(self, s => s.url())
    }

    pub(crate) fn protocol(&self) -> String {
        on_socket!(self, s => s.protocol())
    }

    pub(crate) fn extensions(&self) -> String {
        on_socket!(self, s => s.extensions())
    }

    pub(crate) fn binary_type(&self) -> BinaryType {
        on_socket!(self, s => s.binary_type())
    }

    pub(crate) fn set_binary_type(&self, binary_type: BinaryType) {
        on_socket!(self, s => s.set_binary_type(binary_type))
    }

    /// The classic `WebSocket`, if that is the transport.
    pub(crate) fn as_raw(&self) -> Option<&web_sys::WebSocket> {
        match &self.socket {
            Socket::Classic(socket) => Some(socket.as_raw()),
            #[cfg(feature = "stream")]
            Socket::Stream(_) => None,
        }
    }

    pub(crate) fn send_text(&self, text: &str) -> Result<(), Error> {
        self.check_open()?;
        on_socket!(self, s => s.send_text(text))
    }

    pub(crate) fn send_bytes(&self, bytes: &[u8]) -> Result<(), Error> {
        self.check_open()?;
        on_socket!(self, s => s.send_bytes(bytes))
    }

    pub(crate) fn send_blob(&self, blob: &web_sys::Blob) -> Result<(), Error> {
        self.check_open()?;
        on_socket!(self, s => s.send_blob(blob))
    }

    pub(crate) fn send_array_buffer(&self, buffer: &js_sys::ArrayBuffer) -> Result<(), Error> {
        self.check_open()?;
        on_socket!(self, s => s.send_array_buffer(buffer))
    }

    pub(crate) fn send_uint8_array(&self, view: &js_sys::Uint8Array) -> Result<(), Error> {
        self.check_open()?;
        on_socket!(self, s => s.send_uint8_array(view))
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
            ReadyState::Connecting | ReadyState::Open => {
                on_socket!(self, s => s.close(code, reason))
            }
        }
    }
}

/// The transport to open: `Auto` takes the stream transport where it exists, unless
/// `Blob`s are asked for, which only the classic socket delivers.
fn chosen_transport(asked: Transport, binary_type: BinaryType) -> Result<Transport, Error> {
    let available = stream_transport_available();
    match asked {
        Transport::Classic => Ok(Transport::Classic),
        Transport::Auto if available && binary_type != BinaryType::Blob => Ok(Transport::Stream),
        Transport::Auto => Ok(Transport::Classic),
        Transport::Stream if !available => Err(Error::TransportUnavailable(Transport::Stream)),
        Transport::Stream if binary_type == BinaryType::Blob => Err(Error::NotSupported {
            what: "BinaryType::Blob",
            transport: Transport::Stream,
        }),
        Transport::Stream => Ok(Transport::Stream),
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if matches!(
            self.ready_state(),
            ReadyState::Connecting | ReadyState::Open
        ) {
            // Nothing can be reported from a drop; the listeners go right after.
            on_socket!(self, s => s.close_on_drop());
        }
        // Subscriptions outlive the connection only to drain what they hold.
        self.hub.end_all();
    }
}
