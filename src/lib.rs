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
//! to a low one ([`WaterMarks`], 1 MiB / 256 KiB by default). Streaming a large file never
//! piles it all into the browser:
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
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]

#[macro_use]
mod methods;

mod alarm;
mod binary_type;
mod builder;
#[cfg(feature = "io")]
mod byte_stream;
mod close;
#[cfg(feature = "serde")]
mod codec;
mod connection;
mod diagnostics;
mod error;
mod event;
mod exception;
mod flow;
mod heartbeat;
mod hub;
mod inbox;
mod listeners;
mod message;
mod offline_queue;
mod protocol;
mod reconnect_event;
mod reconnect_policy;
mod reconnecting;
mod socket;
mod split;
mod state;
mod subscription;
#[cfg(feature = "serde")]
mod typed;
mod url;
mod water_marks;

pub use binary_type::BinaryType;
pub use builder::WebSocketBuilder;
#[cfg(feature = "io")]
pub use byte_stream::ByteStream;
pub use close::{CloseCode, CloseEvent, MAX_CLOSE_REASON_BYTES};
#[cfg(feature = "serde")]
pub use codec::{Codec, DecodeError, Json, Postcard};
pub use diagnostics::live_listeners;
pub use error::{Error, UrlProblem};
pub use event::Event;
pub use heartbeat::Heartbeat;
pub use message::Message;
pub use offline_queue::{OfflineQueue, Sent, WhenFull};
pub use reconnect_event::{GiveUp, ReconnectEvent};
pub use reconnect_policy::ReconnectPolicy;
pub use reconnecting::{ReconnectingBuilder, ReconnectingWebSocket};
pub use socket::WebSocket;
pub use split::{ReuniteError, WebSocketReceiver, WebSocketSender};
pub use state::ReadyState;
pub use subscription::Subscription;
#[cfg(feature = "serde")]
pub use typed::{CarriesMessage, Typed, TypedEvent, TypedWebSocket};
pub use water_marks::WaterMarks;
