//! The browser layer: the only code that touches `web_sys::WebSocket`, DOM events,
//! timers and the global scope. Everything above it speaks Rust types.
//!
//! - [`Connection`]: one browser socket, its listeners and the streams fed from them;
//!   every call on the socket goes through its methods.
//! - `close_watch`: the `close` WebKit never fires after an early `error`, owed by the
//!   listeners.
//! - `listeners`, `hub`, `inbox`, `payload`: the four socket listeners, the fan-out to
//!   every stream, one stream's queue (bounded by an `InboxLimit` if set), and a message's
//!   data, kept as the browser's JS value until a stream yields it.
//! - `in_order`: a `connect_with` handler as the hub calls it, never re-entered.
//! - `url_check`, `subprotocol_check`: what `new WebSocket(url, protocols)` would refuse,
//!   checked first.
//! - `exception`: the browser's exceptions as typed errors.
//! - `listener_count`: [`live_listeners`], the leak-check counter.
//! - `tabs`: a Web Lock and a `BroadcastChannel`, for a connection shared by the tabs of
//!   an origin.
//! - `global`: time and the global scope (clock, timers, randomness, global listeners),
//!   for a window or a worker.
//!
//! A second transport (the browser's `WebSocketStream`) would be a file beside
//! `connection.rs`, behind the same methods.

mod classic;
mod close_watch;
mod connection;
mod exception;
pub(crate) mod global;
mod hub;
mod in_order;
mod inbox;
mod listener_count;
mod listeners;
mod payload;
#[cfg(feature = "stream")]
mod stream_socket;
mod subprotocol_check;
pub(crate) mod tabs;
mod url_check;

pub(crate) use connection::{Connection, Options};
pub(crate) use subprotocol_check::check_protocols;
pub(crate) use url_check::resolve_url;
/// One stream's queue of this connection's events.
pub(crate) type Inbox = inbox::Inbox<payload::Data>;
/// An [`InboxLimit`](crate::InboxLimit) as a connection enforces it.
pub(crate) type InboxBound = inbox::Bound<payload::Data>;
pub use listener_count::live_listeners;

/// The browser's socket type, for the [`as_raw`](crate::WebSocket::as_raw) escape hatch.
pub(crate) type RawWebSocket = web_sys::WebSocket;
