//! A sender that does not keep the connection alive, for callbacks the connection owns.

use std::rc::Weak;

use crate::browser::Connection;
use crate::close::CloseCode;
use crate::error::Error;
use crate::message::Message;
use crate::ready_state::ReadyState;

/// Sends on a connection without keeping it alive: what a
/// [`connect_with`](crate::WebSocketBuilder::connect_with) handler gets, so that it can
/// reply without the reference cycle a [`WebSocketSender`](crate::WebSocketSender)
/// captured in it would make.
///
/// ```no_run
/// use browser_websocket::{Event, Message, WebSocket};
///
/// // Answers every "ping" with "pong", from inside the browser's listener.
/// let sender = WebSocket::builder("wss://example.com/live").connect_with(|event, reply| {
///     if let Event::Message(Message::Text(text)) = event {
///         if text == "ping" {
///             let _ = reply.send_text("pong");
///         }
///     }
/// })?;
/// # Ok::<(), browser_websocket::Error>(())
/// ```
///
/// Once the connection is gone (every strong handle dropped), every call fails with
/// [`Error::NotOpen`]`(ReadyState::Closed)`.
#[derive(Debug, Clone)]
pub struct WeakSender {
    connection: Weak<Connection>,
}

impl WeakSender {
    pub(crate) fn new(connection: Weak<Connection>) -> WeakSender {
        WeakSender { connection }
    }

    fn with<T>(&self, f: impl FnOnce(&Connection) -> Result<T, Error>) -> Result<T, Error> {
        match self.connection.upgrade() {
            Some(connection) => f(&connection),
            None => Err(Error::NotOpen(ReadyState::Closed)),
        }
    }

    /// Sends a text message; see [`WebSocket::send_text`](crate::WebSocket::send_text).
    ///
    /// ```no_run
    /// # fn run(reply: &browser_websocket::WeakSender) -> Result<(), browser_websocket::Error> {
    /// reply.send_text("pong")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] unless the connection is `OPEN` (or once it is gone).
    pub fn send_text(&self, text: &str) -> Result<(), Error> {
        self.with(|connection| connection.send_text(text))
    }

    /// Sends a binary message straight from wasm memory; see
    /// [`WebSocket::send_bytes`](crate::WebSocket::send_bytes).
    ///
    /// ```no_run
    /// # fn run(reply: &browser_websocket::WeakSender) -> Result<(), browser_websocket::Error> {
    /// reply.send_bytes(&[1, 2, 3])?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] unless the connection is `OPEN` (or once it is gone).
    pub fn send_bytes(&self, bytes: &[u8]) -> Result<(), Error> {
        self.with(|connection| connection.send_bytes(bytes))
    }

    /// Sends a [`Message`] of any kind.
    ///
    /// ```no_run
    /// # fn run(reply: &browser_websocket::WeakSender) -> Result<(), browser_websocket::Error> {
    /// reply.send_message(&browser_websocket::Message::from("hi"))?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] unless the connection is `OPEN` (or once it is gone).
    pub fn send_message(&self, message: &Message) -> Result<(), Error> {
        self.with(|connection| connection.send_message(message))
    }

    /// Starts the closing handshake with a code and reason; see
    /// [`WebSocket::close_with`](crate::WebSocket::close_with).
    ///
    /// ```no_run
    /// # fn run(reply: &browser_websocket::WeakSender) -> Result<(), browser_websocket::Error> {
    /// reply.close_with(browser_websocket::CloseCode::NORMAL, "done")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::close_with`](crate::WebSocket::close_with);
    /// [`Error::NotOpen`] once the connection is gone.
    pub fn close_with(&self, code: CloseCode, reason: &str) -> Result<(), Error> {
        self.with(|connection| connection.close_with(code, reason))
    }

    /// The connection's state; `CLOSED` once it is gone.
    ///
    /// ```no_run
    /// # fn run(reply: &browser_websocket::WeakSender) {
    /// let open = reply.ready_state() == browser_websocket::ReadyState::Open;
    /// # }
    /// ```
    pub fn ready_state(&self) -> ReadyState {
        self.with(|connection| Ok(connection.ready_state()))
            .unwrap_or(ReadyState::Closed)
    }
}
