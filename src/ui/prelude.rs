//! What every framework crate re-exports from the core, so that an app needs only its
//! framework's crate in `use` lines: `pub use browser_websocket::ui::prelude::*;`.
//!
//! ```
//! use browser_websocket::ui::prelude::*;
//!
//! let options = UseWebSocketOptions::<String>::default().keep_last(100);
//! let status = ConnectionStatus::Connecting;
//! # let _ = (options, status);
//! ```

/// How a hook connects and delivers: [`FeedOptions`](super::FeedOptions), under the name
/// a hook's options go by. Options may be built afresh on every render; the builder is
/// read when a connection starts, the callbacks and `keep_last` at each batch.
pub use super::FeedOptions as UseWebSocketOptions;
pub use super::{Sender, Sharing};
pub use crate::connection_status::ConnectionStatus;
pub use crate::error::Error;
pub use crate::reconnect::Sent;
pub use crate::role::Role;
pub use crate::typed::{Codec, Json, Postcard};

// The core's types `use_rpc` is typed by and answered with.
#[cfg(feature = "rpc")]
pub use crate::rpc::{Call, Envelope, JsonRpc, RpcError};
