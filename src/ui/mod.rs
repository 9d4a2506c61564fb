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
//! The `browser-websocket-yew` and `browser-websocket-leptos` crates are built on it; use
//! it directly for another framework.
//!
//! - `options`: [`FeedOptions`], how to connect and what to call with each event.
//! - `batch`: [`Batch`], what one delivery holds.
//! - `feed`: [`Feed`], the task that reads the streams, and its owner.

mod batch;
mod feed;
mod options;

pub use batch::Batch;
pub use feed::Feed;
pub use options::FeedOptions;
