//! The socket layer: the public handles on one connection.
//!
//! - [`WebSocket`] (`websocket.rs`) and its [`WebSocketBuilder`] (`builder.rs`);
//! - [`WebSocketSender`] and [`WebSocketReceiver`], the split halves (`split.rs`);
//! - [`Subscription`], another stream of the same events (`subscription.rs`);
//! - `shared_methods.rs`: the documented methods every handle shares, written once.

#[macro_use]
mod shared_methods;

mod builder;
mod split;
mod subscription;
mod websocket;

pub use builder::WebSocketBuilder;
pub use split::{ReuniteError, WebSocketReceiver, WebSocketSender};
pub use subscription::Subscription;
pub use websocket::WebSocket;
