//! The reconnect layer: a socket that retries, queues and watches its connection.
//!
//! - `machine.rs`: every decision (failure counting, backoff, which closes retry, the
//!   heartbeat, giving up) as a pure state machine, tested natively;
//! - `socket.rs`: [`ReconnectingWebSocket`], the thin shell that performs its decisions;
//! - `builder.rs`: [`ReconnectingBuilder`], its options;
//! - `policy.rs`: [`ReconnectPolicy`], backoff with full jitter and which closes retry;
//! - `heartbeat.rs`: [`Heartbeat`] and the clock that times it;
//! - `offline_queue.rs`: [`OfflineQueue`], the queue's settings, and what a send did
//!   ([`Sent`]); `pending_sends.rs`: the queued messages themselves;
//! - `event.rs`: [`ReconnectEvent`] and [`GiveUp`], what the stream yields.

mod builder;
mod event;
mod heartbeat;
mod machine;
mod offline_queue;
mod pending_sends;
mod policy;
mod socket;

pub use builder::ReconnectingBuilder;
pub use event::{GiveUp, ReconnectEvent};
pub use heartbeat::Heartbeat;
pub use offline_queue::{OfflineQueue, Sent, WhenFull};
pub use policy::ReconnectPolicy;
pub use socket::ReconnectingWebSocket;
