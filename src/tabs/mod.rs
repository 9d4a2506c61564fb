//! One connection for every tab of an origin (issue 22, in progress): the pure relay
//! between the tabs, so far without its runtime.
//!
//! - `wire`: [`Wire`](wire::Wire), what the tabs tell each other over their
//!   BroadcastChannel, and the ids that keep it in order.
//! - `relay`: [`Relay`](relay::Relay), one tab's side of it as a pure state machine
//!   (leader or follower, each message delivered once and in order, each send kept until
//!   the leader confirms it, handover to the next leader), tested natively as
//!   `reconnect/machine.rs` is.
//!
//! The runtime that holds the Web Lock, posts on the BroadcastChannel and drives a
//! `Relay` comes next; until then nothing outside the tests calls this module.
#![cfg_attr(not(test), allow(dead_code))]

pub(crate) mod relay;
pub(crate) mod wire;
