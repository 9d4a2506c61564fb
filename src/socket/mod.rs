//! The socket layer: the public handles on one connection.
//!
//! - [`WebSocket`] (`websocket.rs`) and its [`WebSocketBuilder`] (`builder.rs`);
//! - [`WebSocketSender`] and [`WebSocketReceiver`], the split halves (`split.rs`);
//! - [`Subscription`], another stream of the same events (`subscription.rs`);
//! - [`WeakSender`], which sends without keeping the connection alive, for the handler of
//!   [`WebSocketBuilder::connect_with`] (`weak_sender.rs`);
//! - `shared_methods.rs`: the documented methods every handle shares, written once.

#[macro_use]
mod shared_methods;

mod builder;
mod split;
mod subscription;
mod weak_sender;
mod websocket;

pub use builder::WebSocketBuilder;
pub use split::{ReuniteError, WebSocketReceiver, WebSocketSender};
pub use subscription::Subscription;
pub use weak_sender::WeakSender;
pub use websocket::WebSocket;
