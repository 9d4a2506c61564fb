//! One connection for every tab of an origin: [`SharedSocket`], made by
//! [`shared_across_tabs`](crate::ReconnectingBuilder::shared_across_tabs).
//!
//! - `wire`: `Wire`, what the tabs tell each other over their BroadcastChannel, and the
//!   ids that keep it in order.
//! - `relay`: `Relay`, one tab's side of it as a pure state machine (leader or follower,
//!   each message delivered once and in order, each send kept until the leader confirms
//!   it, handover to the next leader), tested natively as `reconnect/machine.rs` is.
//! - `codec`: a `Wire` as the parts of a channel post.
//! - `socket`: [`SharedSocket`] and what its handles forward to, the runtime: the Web Lock, the
//!   channel, and the leader's connection.
//! - `builder`: [`SharedBuilder`].

mod builder;
mod codec;
pub(crate) mod relay;
mod socket;
pub(crate) mod wire;

pub use builder::SharedBuilder;
pub use socket::SharedSocket;
