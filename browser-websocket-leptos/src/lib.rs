//! Leptos signals for [`browser-websocket`](browser_websocket): a reconnecting, typed
//! WebSocket per component, with the status, the offline queue and every message as
//! signals, and a `Copy` sender whose sends are never dropped silently.
//!
//! ```no_run
//! use browser_websocket_leptos::{use_websocket, Json};
//! use leptos::prelude::*;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, Clone)]
//! struct Line { from: String, text: String }
//!
//! #[component]
//! fn Chat() -> impl IntoView {
//!     let chat = use_websocket::<Line, Line, Json>("/room/lobby");
//!     // Sent now, or queued while reconnecting; an error if neither is possible.
//!     let say_hi = move |_| {
//!         let _ = chat.send(&Line { from: "me".into(), text: "hi".into() });
//!     };
//!     view! {
//!         <p>{move || chat.status.get().to_string()} " · " {chat.queued} " queued"</p>
//!         <ul>
//!             {move || chat.messages.with(|lines| {
//!                 lines.iter()
//!                     .map(|line| view! { <li>{format!("{}: {}", line.from, line.text)}</li> })
//!                     .collect_view()
//!             })}
//!         </ul>
//!         <button on:click=say_hi>"Say hi"</button>
//!     }
//! }
//! ```
//!
//! # What it promises
//! - **One connection per component.** It connects once when the component is created
//!   (in the browser) and again only when the URL signal changes. When the component's
//!   owner is cleaned up (unmount, route change), the socket closes (1000) and every
//!   listener and timer goes at once.
//! - **Every message, in order.** [`UseWebSocket::messages`] is an append-only list, not
//!   a latest value: a burst of a thousand messages arrives whole, in a signal update or
//!   a few. [`UseWebSocketOptions::on_message`] sees each one too.
//! - **No silent loss on send.** [`Sender::send`] returns the core crate's [`Sent`]
//!   (`Now`, `Queued`, ...) or an [`Error`]; while reconnecting, sends wait in the offline
//!   queue and [`UseWebSocket::queued`] says how many. The sender is `Copy`.
//! - **The status the library keeps.** [`UseWebSocket::status`] is the core crate's
//!   [`ConnectionStatus`], updated on every change and, while waiting to retry, every
//!   100 ms so a countdown ("retry 2 in 1.4 s") can be shown.
//! - **SSR-safe**: see [Server-side rendering](#server-side-rendering).
//!
//! # Features
//! They mirror Leptos's and turn Leptos's on: `csr`, `hydrate`, `ssr`. Enable the same
//! one as for `leptos` in each build: `ssr` in the server's, `hydrate` in the client's.
//! `rpc` adds [`use_rpc`]: calls with replies and timeouts (JSON-RPC 2.0 built in) over a
//! connection of the component's own, `Copy` for actions.
//!
//! # Server-side rendering
//! With `ssr` (and on any target but wasm32) the hook creates its signals and never
//! connects: the server renders `Connecting`, no messages, 0 queued, and never touches
//! `window`; sends return [`Error::NotOpen`]. That is also what the client renders
//! first, so hydration matches; when the client hydrates, the component body runs in the
//! browser and connects there. Messages and the status are `Send + Sync` signals, so
//! `In` must be `Send + Sync` (as any Leptos signal value).
//!
//! # Module map
//! - `use_websocket.rs`: [`use_websocket`], [`use_websocket_with`] and their
//!   [`UseWebSocket`]: a [`Session`](browser_websocket::ui::Session) wired to signals,
//!   an effect on the URL and the owner's cleanup;
//! - `sender.rs`: [`Sender`], the session's sender made `Copy`;
//! - `use_rpc.rs` (feature `rpc`): [`use_rpc`] and its `Copy` [`UseRpc`], the core's
//!   [`Rpc`](browser_websocket::rpc::Rpc) kept for the owner's life;
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

pub use sender::Sender;
pub use use_websocket::{UseWebSocket, use_websocket, use_websocket_with};

#[cfg(feature = "rpc")]
#[cfg_attr(docsrs, doc(cfg(feature = "rpc")))]
pub use use_rpc::{UseRpc, use_rpc};

/// The core crate, for its builder, policy and event types.
pub use browser_websocket;
/// The core's types the hooks are typed by and answer with: the options
/// (`UseWebSocketOptions`), `ConnectionStatus`, `Error`, `Sent`, the codecs, and with `rpc`
/// `Call`, `Envelope`, `JsonRpc` and `RpcError`.
pub use browser_websocket::ui::prelude::*;

/// The README's examples, compiled as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
