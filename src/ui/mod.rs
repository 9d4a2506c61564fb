//! A reconnecting socket read the way a UI framework renders: in batches (feature `ui`).
//!
//! A component wants one render per burst, not one per message, and a status line whose
//! retry countdown ticks. [`Feed`] reads a [`ReconnectEvents`](crate::ReconnectEvents)
//! stream and its [`ReconnectHandle`](crate::ReconnectHandle)'s status changes on a task
//! of its own and hands your closure a [`Batch`]: every event since the last one, in
//! order, the newest status and the queue's length. Dropping the `Feed` closes the socket
//! and removes every listener and timer at once, which is what an unmounting component
//! needs.
//!
//! On top of it, [`Session`] is a component's whole connection in terms any framework can
//! wire: it holds the latest options, connects again only when the URL changes, reports
//! a bad URL as a status, keeps the `keep_last` count, sends through a
//! [`TypedReconnectHandle`](crate::TypedReconnectHandle), and hands the UI one [`Change`]
//! per batch. The `browser-websocket-yew` and `browser-websocket-leptos` crates are a
//! `Session` wired to a reducer and to signals; another framework needs only that wiring.
//!
//! - `options`: [`FeedOptions`], how to connect and what to call with each event.
//! - `batch`: [`Batch`], what one delivery of a feed holds.
//! - `feed`: [`Feed`], the task that reads the streams, and its owner.
//! - `change`: [`Change`], what a session tells its UI, and the `keep_last` arithmetic.
//! - `prelude`: what every framework crate re-exports from the core.
//! - `sharing`: [`Sharing`], which tab holds the connection and how many use it.
//! - `session`: [`Session`], a component's connection from mount to unmount;
//!   `sender`: [`Sender`], how the UI sends on it and reads its status.
//! - `calls` (feature `rpc`): `Calls`, a component's connection for calls with replies,
//!   which every framework crate's `use_rpc` wires to its lifecycle.

mod batch;
#[cfg(feature = "rpc")]
mod calls;
mod change;
mod feed;
mod options;
pub mod prelude;
mod sender;
mod session;
mod sharing;

pub use batch::Batch;
#[cfg(feature = "rpc")]
pub use calls::Calls;
pub use change::Change;
pub use feed::Feed;
pub use options::FeedOptions;
pub use sender::Sender;
pub use session::Session;
pub use sharing::Sharing;
