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
#![deny(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]

#[macro_use]
mod methods;

mod alarm;
mod binary_type;
mod builder;
mod close;
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
mod url;
mod water_marks;

pub use binary_type::BinaryType;
pub use builder::WebSocketBuilder;
pub use close::{CloseCode, CloseEvent, MAX_CLOSE_REASON_BYTES};
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
pub use water_marks::WaterMarks;
