//! Typed messages (feature `serde`): values in, values out.
//!
//! - `codec.rs`: the [`Codec`] trait, with [`Json`] and [`Postcard`];
//! - `typed_socket.rs`: [`Typed`], which wraps any socket in a codec.

mod codec;
mod typed_socket;

pub use codec::{Codec, DecodeError, Json, Postcard};
pub use typed_socket::{CarriesMessage, Typed, TypedEvent, TypedReconnectHandle, TypedWebSocket};
