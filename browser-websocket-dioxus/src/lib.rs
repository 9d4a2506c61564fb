//! Dioxus signals for [`browser-websocket`](browser_websocket): a reconnecting, typed
//! WebSocket per component, with the status, the offline queue and every message as
//! signals, and a `Copy` sender whose sends are never dropped silently.
//!
//! ```no_run
//! use browser_websocket_dioxus::{use_websocket, Json};
//! use dioxus::prelude::*;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, Clone)]
//! struct Line { from: String, text: String }
//!
//! #[component]
//! fn Chat() -> Element {
//!     let chat = use_websocket::<Line, Line, Json>("/room/lobby");
//!     // Sent now, or queued while reconnecting; an error if neither is possible.
//!     let say_hi = move |_| {
//!         let _ = chat.send(&Line { from: "me".into(), text: "hi".into() });
//!     };
//!     rsx! {
//!         p { "{chat.status} · {chat.queued} queued" }
//!         ul {
//!             for line in chat.messages.read().iter() {
//!                 li { "{line.from}: {line.text}" }
//!             }
//!         }
//!         button { onclick: say_hi, "Say hi" }
//!     }
//! }
//! ```
//!
//! # What it promises
//! - **One connection per component.** It connects once, in the component's first
//!   render (in the browser), and again only when a render passes another URL. When the
//!   component unmounts, the socket closes (1000) and every listener and timer goes.
//! - **Every message, in order.** [`UseWebSocket::messages`] is an append-only list, not
//!   a latest value: a burst of a thousand messages arrives whole, in one signal write
//!   or a few. [`UseWebSocketOptions::on_message`] sees each one too.
//! - **No silent loss on send.** [`Sender::send`] returns the core crate's [`Sent`]
//!   (`Now`, `Queued`, ...) or an [`Error`]; while reconnecting, sends wait in the offline
//!   queue and [`UseWebSocket::queued`] says how many. The sender is `Copy`.
//! - **The status the library keeps.** [`UseWebSocket::status`] is the core crate's
//!   [`ConnectionStatus`], updated on every change and, while waiting to retry, every
//!   100 ms so a countdown ("retry 2 in 1.4 s") can be shown.
//! - **Safe on the server**: see [Server-side rendering](#server-side-rendering).
//!
//! # Features
//! They mirror Dioxus's: `web` turns on Dioxus's web renderer, `ssr` its server
//! renderer, and `server` is the server side of a fullstack app (it turns on `ssr`; the
//! app itself turns on `dioxus/server`). Enable `web` in the browser's build and `server`
//! (or `ssr`) in the server's. The crate needs only Dioxus's hooks and signals.
//! `rpc` adds [`use_rpc`]: calls with replies and timeouts (JSON-RPC 2.0 built in) over a
//! connection of the component's own, `Copy` for handlers and tasks.
//!
//! # Server-side rendering
//! With `ssr` or `server` (and on any target but wasm32) the hook creates its signals
//! and never connects: the server renders `Connecting`, no messages, 0 queued, and never
//! touches `window`; sends return [`Error::NotOpen`]. That is also what the client
//! renders first, so hydration matches; the client's first render connects.
//!
//! # Module map
//! - `use_websocket.rs`: [`use_websocket`], [`use_websocket_with`] and their
//!   [`UseWebSocket`]: a [`Session`](browser_websocket::ui::Session) wired to signals,
//!   an effect on the URL and the component's drop;
//! - `sender.rs`: [`Sender`], the session's sender made `Copy`;
//! - `use_rpc.rs` (feature `rpc`): [`use_rpc`] and its `Copy` [`UseRpc`], the core's
//!   [`Rpc`](browser_websocket::rpc::Rpc) kept for the component's life.
//!
//! Everything else is the core crate's framework-neutral `ui` module (its feature `ui`):
//! the session (options, reconnect on a new URL, `keep_last`), the options, and the task
//! that reads a connection in batches.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]

mod sender;
#[cfg(feature = "rpc")]
mod use_rpc;
mod use_websocket;

/// How [`use_websocket_with`] connects and delivers: the core's
/// [`ui::FeedOptions`](browser_websocket::ui::FeedOptions). The builder is read when a
/// connection starts, the callbacks and `keep_last` at each batch.
///
/// ```
/// use browser_websocket_dioxus::UseWebSocketOptions;
///
/// let options = UseWebSocketOptions::<String>::default()
///     .keep_last(200)
///     .on_message(|text| println!("{text}"));
/// ```
pub use browser_websocket::ui::FeedOptions as UseWebSocketOptions;
pub use sender::Sender;
pub use use_websocket::{UseWebSocket, use_websocket, use_websocket_with};

#[cfg(feature = "rpc")]
#[cfg_attr(docsrs, doc(cfg(feature = "rpc")))]
pub use use_rpc::{UseRpc, use_rpc};
// The core's types `use_rpc` is typed by and answered with.
#[cfg(feature = "rpc")]
#[cfg_attr(docsrs, doc(cfg(feature = "rpc")))]
pub use browser_websocket::rpc::{Envelope, JsonRpc, RpcError};

/// The core crate, for its builder, policy and event types.
pub use browser_websocket;
pub use browser_websocket::ui::Sharing;
pub use browser_websocket::{Codec, ConnectionStatus, Error, Json, Postcard, Role, Sent};

/// The README's examples, compiled as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
