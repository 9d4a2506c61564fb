//! What the crates' `use_rpc` tests ask of a connection for calls.

use browser_websocket::ConnectionStatus;
use browser_websocket::rpc::{JsonRpc, Rpc};

/// Whether `rpc` is open with exactly one call in progress: the call the component made
/// is on the wire (to [`NO_REPLY`](crate::NO_REPLY), where it stays).
pub fn one_call_on_the_wire(rpc: Option<Rpc<JsonRpc>>) -> bool {
    rpc.is_some_and(|rpc| rpc.handle().status() == ConnectionStatus::Open && rpc.in_progress() == 1)
}
