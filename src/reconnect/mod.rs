//! The reconnect layer: a socket that retries, queues and watches its connection.
//!
//! It is two halves. The **core** decides and does no I/O: no `Rc`, no `RefCell`, nothing
//! from `crate::browser`, no import from the runtime. The time (milliseconds) and the
//! random draw for the jitter come in as inputs, and every decision has native tests.
//! - `machine.rs`: every decision (failure counting, backoff, which closes retry, the
//!   heartbeat, giving up) as a pure state machine;
//! - `phase.rs`: the status as the machine keeps it (absolute times), read as a
//!   [`ConnectionStatus`](crate::ConnectionStatus) at a given time;
//! - `policy.rs`: [`ReconnectPolicy`], backoff with full jitter and which closes retry;
//! - `heartbeat.rs`: [`Heartbeat`] and the clock that times it;
//! - `offline_queue.rs`: [`OfflineQueue`], the queue's settings, and what a send did
//!   ([`Sent`]); `pending_sends.rs`: the queued messages themselves;
//! - `event.rs`: [`ReconnectEvent`], what the stream yields.
//!
//! The **runtime** carries the core's decisions out with the browser's timers, listeners,
//! clock and `Math.random`, and holds the state handles share (`Rc`, `RefCell`):
//! - `driver.rs`: the thin shell that tells the machine what happened and performs its
//!   decisions, and [`ReconnectEvents`], the event stream that owns it;
//! - `socket.rs`: [`ReconnectingWebSocket`], the driver and a handle in one value;
//! - `handle.rs`, `shared.rs`: [`ReconnectHandle`], a cheap `Clone` handle with the
//!   methods, and the state it shares with the driver;
//! - `outlet.rs`: `Outlet`, what a handle forwards to: the state above, or a connection
//!   shared across tabs (`src/tabs/`), which so gives the same handle and streams;
//! - `status_board.rs`: the current status and who waits for its change;
//!   `status_changes.rs`: [`StatusChanges`], the stream of its changes;
//! - `builder.rs`: [`ReconnectingBuilder`], its options.
//!
//! The status itself ([`ConnectionStatus`](crate::ConnectionStatus),
//! [`ClosedBecause`](crate::ClosedBecause), [`GiveUp`](crate::GiveUp)) is vocabulary, in
//! `src/connection_status.rs`.

// The core.
mod event;
mod heartbeat;
mod machine;
mod offline_queue;
mod pending_sends;
mod phase;
mod policy;

// The runtime.
mod builder;
mod driver;
mod handle;
mod outlet;
mod shared;
mod socket;
mod status_board;
mod status_changes;

pub use builder::ReconnectingBuilder;
pub use driver::ReconnectEvents;
pub use event::ReconnectEvent;
pub use handle::ReconnectHandle;
pub use heartbeat::Heartbeat;
pub use offline_queue::{OfflineQueue, Sent, WhenFull};
pub use policy::ReconnectPolicy;
pub use socket::ReconnectingWebSocket;
pub use status_changes::StatusChanges;

// For the layer on top that shares one connection with every tab.
pub(crate) use outlet::Outlet;
pub(crate) use status_board::StatusBoard;
