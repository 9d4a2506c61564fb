//! A typed, async, leak-free wrapper around the browser's native `WebSocket`, for Rust
//! frontends compiled to wasm (Yew, Leptos, plain wasm-bindgen).
//!
//! ```no_run
//! # async fn run() -> Result<(), browser_websocket::Error> {
//! use browser_websocket::{CloseCode, Event, Message, WebSocket};
//! use futures_util::StreamExt;
//!
//! let mut ws = WebSocket::connect("wss://example.com/echo")?;
//! ws.opened().await?;
//! ws.send_text("hello")?;
//! ws.send_bytes(&[1, 2, 3])?;
//!
//! while let Some(event) = ws.next().await {
//!     match event {
//!         Event::Message(Message::Text(text)) => println!("text: {text}"),
//!         Event::Message(Message::Binary(bytes)) => {
//!             println!("{} bytes", bytes.len());
//!             ws.close_with(CloseCode::new(4000)?, "done")?;
//!         }
//!         Event::Closed(close) => println!("closed: {} {}", close.code, close.reason),
//!         _ => {}
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! # What you get
//! - **Every event, in order.** A [`WebSocket`] is a `Stream` of [`Event`]s. Listeners are
//!   attached when it is created, so nothing is lost if you poll late.
//! - **Typed values where the browser uses magic numbers and strings:** [`CloseCode`],
//!   [`ReadyState`], [`BinaryType`], [`Message`], [`CloseEvent`].
//! - **Errors, not exceptions.** Bad URLs, bad subprotocols, unsendable close codes,
//!   over-long reasons and sends in the wrong state are [`Error`] values, checked before
//!   the browser sees them; a failed call changes nothing.
//! - **No leaks.** No `Closure::forget`: listeners are owned and removed on drop, and
//!   dropping a [`WebSocket`] closes it (see [its docs](WebSocket#drop)).
//! - **Binary without copies you did not ask for.** `send_bytes` hands the browser a view on
//!   wasm memory; with [`BinaryType::Blob`] received data stays in the browser.
//! - **Flow control, split halves, more listeners, reconnects**: below.
//!
//! # Flow control
//! A [`WebSocket`] (and its [`WebSocketSender`]) is a `Sink<Message>` that waits while the
//! browser's send buffer (`bufferedAmount`) is above a high-water mark, until it drains
//! to a low one ([`WaterMarks`], 1 MiB / 256 KiB by default; raised for large messages
//! and fast links, as [`WaterMarks`] explains). Streaming a large file never piles it all
//! into the browser:
//!
//! ```no_run
//! # async fn run(file: Vec<u8>) -> Result<(), browser_websocket::Error> {
//! use browser_websocket::{Message, WebSocket};
//! use futures_util::{stream, SinkExt};
//!
//! let mut ws = WebSocket::connect("wss://example.com/upload")?;
//! ws.opened().await?;
//! let chunks = file.chunks(64 << 10).map(|chunk| Ok(Message::Binary(chunk.to_vec())));
//! ws.send_all(&mut stream::iter(chunks)).await?;
//! ws.flush().await?; // resolves once bufferedAmount is 0: every byte is on the network
//! # Ok(()) }
//! ```
//!
//! The browser fires no event when its buffer drains, so a waiting sink re-reads
//! `bufferedAmount` on a timer that exists only while a task waits: 1 ms after the last
//! check (browsers may stretch that to 4 ms), doubling up to 64 ms once the buffer has not
//! shrunk for 250 ms. The added latency is at most that interval; an idle socket costs
//! nothing. Note that `ws.close()` is the inherent close; the Sink's is
//! `SinkExt::close(&mut ws)`.
//!
//! # Split halves and more listeners
//! [`WebSocket::split`] gives a [`WebSocketSender`] and a [`WebSocketReceiver`] for
//! different tasks or components; either can close, the receiver sees the final
//! `Closed`, and [`WebSocketSender::reunite`] joins them again. `subscribe()` returns a
//! [`Subscription`]: another stream that sees every later event.
//!
//! # Reconnecting
//! [`WebSocketBuilder::reconnecting`] makes a [`ReconnectingWebSocket`]: exponential
//! backoff with full jitter ([`ReconnectPolicy`]), one retry per failure, a bounded
//! [`OfflineQueue`] for sends while disconnected, an optional [`Heartbeat`], and a
//! [`ReconnectEvent`] stream that reports every open, close and retry.
//!
//! ```no_run
//! # async fn run() -> Result<(), browser_websocket::Error> {
//! use std::time::Duration;
//! use browser_websocket::{Heartbeat, ReconnectEvent, ReconnectPolicy, WebSocket};
//! use futures_util::StreamExt;
//!
//! let mut ws = WebSocket::builder("wss://example.com/chat")
//!     .reconnecting(ReconnectPolicy::default().max_attempts(Some(10)))
//!     .heartbeat(Heartbeat::new("ping", Duration::from_secs(20), Duration::from_secs(45)))
//!     .connect()?;
//! ws.send("hello")?; // sent now, or queued until the connection is back
//! while let Some(event) = ws.next().await {
//!     match event {
//!         ReconnectEvent::Message(message) => println!("{message:?}"),
//!         ReconnectEvent::Reconnecting { attempt, delay } => println!("retry {attempt} in {delay:?}"),
//!         ReconnectEvent::GaveUp(why) => println!("offline for good: {why:?}"),
//!         _ => {}
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! # Features
//! - `serde`: [`Typed`] sockets that send and receive your types through a [`Codec`]:
//!   [`Json`] (text messages) or [`Postcard`] (compact binary messages).
//! - `io`: [`ByteStream`], `futures_io::AsyncRead`/`AsyncWrite` over binary messages.
//! - `stream`: the [`Transport::Stream`] backend on the browser's `WebSocketStream`
//!   (Chromium), with receive backpressure.
//! - `ui` (with `serde`): [`ui::Feed`], a reconnecting socket read in batches, one per
//!   render, with a ticking status: what the Yew and Leptos crates are built on.
//!
//! # Callbacks
//! Every callback you hand the crate (`url_provider`, `retry_when`, `random`,
//! `reply_matches`, `with_socket`) is a closure that owns what it captures
//! (`impl Fn(..) + 'static`, or `FnMut` where only the socket that owns it calls it). The
//! crate never holds a borrow of its own state while one runs, so a callback may call back
//! into the crate, e.g. send from inside `with_socket`.
//!
//! # Module map
//! The crate root re-exports everything; the source is laid out by layer:
//! - the vocabulary at the root: `event`, `message`, `close`, `state`, `binary_type`,
//!   `error`, `connection_status`;
//! - `browser/`: the only code that touches `web_sys::WebSocket`, DOM events, timers and
//!   the global scope (`browser/global/`: clock, timers, randomness, global listeners,
//!   for a window or a worker);
//! - `flow/`: when a Sink may send ([`WaterMarks`] and the gate on `bufferedAmount`);
//! - `socket/`: [`WebSocket`], its builder, the split halves and subscriptions;
//! - `reconnect/`: [`ReconnectingWebSocket`], whose decisions are a pure state machine
//!   (`reconnect/machine.rs`) that the socket only carries out;
//! - `typed/` (feature `serde`), `byte_stream` (feature `io`) and `ui/` (feature `ui`)
//!   on top.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]

// The vocabulary: the values every layer speaks.
mod binary_type;
mod close;
mod close_check;
mod connection_status;
mod error;
mod event;
mod inbox_limit;
mod message;
mod ready_state;
mod role;
mod transport;

// The layers, from the browser up.
mod browser;
mod flow;
mod reconnect;
mod socket;

// Optional layers on top.
#[cfg(feature = "io")]
mod byte_stream;
#[cfg(feature = "rpc")]
#[cfg_attr(docsrs, doc(cfg(feature = "rpc")))]
pub mod rpc;
// One connection for every tab.
mod tabs;
#[cfg(feature = "serde")]
mod typed;
#[cfg(feature = "ui")]
pub mod ui;

pub use binary_type::BinaryType;
pub use browser::live_listeners;
#[cfg(feature = "io")]
pub use byte_stream::ByteStream;
pub use close::{CloseCode, CloseEvent, MAX_CLOSE_REASON_BYTES};
pub use connection_status::{ClosedBecause, ConnectionStatus, GiveUp};
pub use error::{Error, UrlProblem};
pub use event::{Event, Overflow};
pub use flow::WaterMarks;
pub use inbox_limit::{InboxLimit, WhenInboxFull};
pub use message::Message;
pub use ready_state::ReadyState;
pub use reconnect::{
    Heartbeat, OfflineQueue, ReconnectEvent, ReconnectEvents, ReconnectHandle, ReconnectPolicy,
    ReconnectingBuilder, ReconnectingWebSocket, Sent, StatusChanges, WhenFull,
};
pub use role::Role;
pub use socket::{
    ReuniteError, Subscription, WeakSender, WebSocket, WebSocketBuilder, WebSocketReceiver,
    WebSocketSender,
};
pub use tabs::{SharedBuilder, SharedSocket};
pub use transport::Transport;
#[cfg(feature = "serde")]
pub use typed::{
    CarriesMessage, Codec, DecodeError, Json, Postcard, Typed, TypedEvent, TypedReconnectHandle,
    TypedWebSocket,
};
