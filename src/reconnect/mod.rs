//! The reconnect layer: a socket that retries, queues and watches its connection.
//!
//! - `machine.rs`: every decision (failure counting, backoff, which closes retry, the
//!   heartbeat, giving up) as a pure state machine, tested natively;
//! - `driver.rs`: the thin shell that performs its decisions with timers and listeners,
//!   and [`ReconnectEvents`], the event stream that owns it;
//! - `socket.rs`: [`ReconnectingWebSocket`], the driver and a handle in one value;
//! - `handle.rs`, `shared.rs`: [`ReconnectHandle`], a cheap `Clone` handle with the
//!   methods, and the state it shares with the driver;
//! - `status.rs`: [`ConnectionStatus`], kept up to date; `status_changes.rs`:
//!   [`StatusChanges`], the stream of its changes;
//! - `builder.rs`: [`ReconnectingBuilder`], its options;
//! - `policy.rs`: [`ReconnectPolicy`], backoff with full jitter and which closes retry;
//! - `heartbeat.rs`: [`Heartbeat`] and the clock that times it;
//! - `offline_queue.rs`: [`OfflineQueue`], the queue's settings, and what a send did
//!   ([`Sent`]); `pending_sends.rs`: the queued messages themselves;
//! - `event.rs`: [`ReconnectEvent`] and [`GiveUp`], what the stream yields.

mod builder;
mod driver;
mod event;
mod handle;
mod heartbeat;
mod machine;
mod offline_queue;
mod pending_sends;
mod policy;
mod shared;
mod socket;
mod status;
mod status_changes;

pub use builder::ReconnectingBuilder;
pub use driver::ReconnectEvents;
pub use event::{GiveUp, ReconnectEvent};
pub use handle::ReconnectHandle;
pub use heartbeat::Heartbeat;
pub use offline_queue::{OfflineQueue, Sent, WhenFull};
pub use policy::ReconnectPolicy;
pub use socket::ReconnectingWebSocket;
pub use status::{ClosedBecause, ConnectionStatus};
pub use status_changes::StatusChanges;
