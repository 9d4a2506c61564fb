//! The socket layer: the public handles on one connection.
//!
//! - [`WebSocket`] (`websocket.rs`) and its [`WebSocketBuilder`] (`builder.rs`);
//! - [`WebSocketSender`] and [`WebSocketReceiver`], the split halves (`split.rs`);
//! - [`Subscription`], another stream of the same events (`subscription.rs`);
//! - [`WeakSender`], which sends without keeping the connection alive, for the handler of
//!   [`WebSocketBuilder::connect_with`] (`weak_sender.rs`);
//! - `websocket_state.rs` and `websocket_send.rs`: [`WebSocket`]'s methods, each a one-line
//!   forward to the connection;
//!   `sender_methods.rs` and `receiver_methods.rs`: the halves', the same methods forwarded one
//!   by one.

mod builder;
mod receiver_methods;
mod sender_methods;
mod split;
mod subscription;
mod weak_sender;
mod websocket;
mod websocket_send;
mod websocket_state;

pub use builder::WebSocketBuilder;
pub use split::{ReuniteError, WebSocketReceiver, WebSocketSender};
pub use subscription::Subscription;
pub use weak_sender::WeakSender;
pub use websocket::WebSocket;
