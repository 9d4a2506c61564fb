//! Yew hooks for [`browser-websocket`](browser_websocket): a reconnecting, typed
//! WebSocket per component, with the status, every message and the offline queue as
//! state, and a cloneable sender whose sends are never dropped silently.
//!
//! ```no_run
//! use browser_websocket_yew::{use_websocket, Json};
//! use serde::{Deserialize, Serialize};
//! use yew::prelude::*;
//!
//! #[derive(Serialize, Deserialize)]
//! struct Line { from: String, text: String }
//!
//! #[function_component]
//! fn Chat() -> Html {
//!     let chat = use_websocket::<Line, Line, Json>("/room/lobby");
//!     let onclick = {
//!         let chat = chat.clone();
//!         move |_| {
//!             // Sent now, or queued while reconnecting; an error if neither is possible.
//!             let _ = chat.send(&Line { from: "me".into(), text: "hi".into() });
//!         }
//!     };
//!     html! {
//!         <>
//!             <p>{ chat.status().to_string() }{ format!(" · {} queued", chat.queued()) }</p>
//!             <ul>{ for chat.messages().iter().map(|line| html! {
//!                 <li>{ format!("{}: {}", line.from, line.text) }</li>
//!             }) }</ul>
//!             <button {onclick}>{ "Say hi" }</button>
//!         </>
//!     }
//! }
//! ```
//!
//! # What the hook promises
//! - **One connection per mounted component.** It connects after the first render and
//!   again only when the URL changes; re-renders never reconnect. Unmounting closes the
//!   socket (1000) and removes every listener and timer at once.
//! - **Every message, in order.** [`UseWebSocket::messages`] is an append-only
//!   [`Messages`] list, not a latest value: a burst of a thousand messages in one tick
//!   arrives whole, as one render. [`UseWebSocketOptions::on_message`] sees each one too.
//! - **No silent loss on send.** [`UseWebSocket::send`] returns the core crate's
//!   [`Sent`] (`Now`, `Queued`, ...) or an [`Error`]; while reconnecting, sends wait in
//!   the offline queue and [`UseWebSocket::queued`] says how many.
//! - **The status the library keeps.** [`UseWebSocket::status`] is the core crate's
//!   [`ConnectionStatus`], updated on every change and, while waiting to retry, every
//!   100 ms so a countdown ("retry 2 in 1.4 s") can be shown.
//! - **SSR-safe.** On the server nothing connects and nothing touches `window`; see
//!   [Server-side rendering](#server-side-rendering).
//!
//! # Features
//! They mirror Yew's and only turn Yew's on: `csr`, `hydration`, `ssr`. A library
//! needs none; an app enables the one its build uses (or enables Yew's directly).
//! `rpc` adds [`use_rpc`]: calls with replies and timeouts (JSON-RPC 2.0 built in) over a
//! connection of the component's own.
//!
//! # Server-side rendering
//! Yew runs no effects while rendering on the server, and the hook connects in an
//! effect; it also never connects on a target other than wasm32. So the server renders
//! the status `Connecting` with no messages, which is what the client's first render
//! shows too: hydration matches, and then only the browser connects.
//!
//! # Module map
//! - `hook.rs`: [`use_websocket`], [`use_websocket_with`] and their [`UseWebSocket`]:
//!   a [`Session`](browser_websocket::ui::Session) wired to a reducer and the effect;
//! - `messages.rs`: [`Messages`], the append-only list;
//! - `state.rs`: the reducer each change goes through (pure, tested natively);
//! - `rpc.rs` (feature `rpc`): [`use_rpc`] and its [`UseRpc`], the core's
//!   [`Rpc`](browser_websocket::rpc::Rpc) made and dropped by an effect;
//!
//! Everything else is the core crate's framework-neutral `ui` module (its feature `ui`):
//! the session (options, reconnect on a new URL, `keep_last`), the [`Sender`], the
//! options, and the task that reads a connection in batches.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]

mod hook;
mod messages;
#[cfg(feature = "rpc")]
mod rpc;
mod state;

/// The core crate, for its builder, policy and event types.
pub use browser_websocket;
/// The core's types the hook is typed by and answers with: the options
/// (`UseWebSocketOptions`), `ConnectionStatus`, `Error`, `Sent`, the codecs, and with `rpc`
/// `Call`, `Envelope`, `JsonRpc` and `RpcError`.
pub use browser_websocket::ui::prelude::*;
pub use hook::{UseWebSocket, use_websocket, use_websocket_with};
pub use messages::{Iter, Messages};

#[cfg(feature = "rpc")]
#[cfg_attr(docsrs, doc(cfg(feature = "rpc")))]
pub use rpc::{UseRpc, use_rpc};

/// The README's examples, compiled as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
