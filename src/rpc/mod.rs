//! Requests and replies over a reconnecting socket (feature `rpc`): calls with timeouts,
//! JSON-RPC 2.0 built in.
//!
//! ```no_run
//! use std::time::Duration;
//! use browser_websocket::rpc::{JsonRpc, Rpc};
//! use browser_websocket::{ReconnectPolicy, WebSocket};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let ws = WebSocket::builder("/rpc").reconnecting(ReconnectPolicy::default()).connect()?;
//! let rpc = Rpc::<JsonRpc>::new(ws);
//! let sum: i64 = rpc.call("add", &(1, 2)).timeout(Duration::from_secs(5)).await?;
//! # Ok(()) }
//! ```
//!
//! - `calls.rs`: the table of calls in progress, pure (ids, waiting, on the wire,
//!   deadlines, strays), tested natively;
//! - `envelope.rs`: [`Envelope`], how calls look on the wire, and [`JsonRpc`];
//! - `call.rs`: [`Call`], one call's future; `error.rs`: [`RpcError`];
//! - `client.rs`: [`Rpc`], the handle, and the task that reads replies;
//! - `notifications.rs`: [`Notifications`], what is not a reply.

mod call;
mod calls;
mod client;
mod envelope;
mod error;
mod notifications;

pub use call::Call;
pub use client::Rpc;
pub use envelope::{Envelope, Incoming, JsonRpc, RemoteError};
pub use error::RpcError;
pub use notifications::{Notice, Notifications};
