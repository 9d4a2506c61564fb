//! What the framework crates' tests share, so that the Yew, Leptos and Dioxus crates'
//! `tests/` hold only their mounting code and their test bodies.
//!
//! | file | what it holds | where |
//! |---|---|---|
//! | `server.rs` | the test server's address, its URLs, the flood's and the calls' paths | everywhere |
//! | `options.rs` | the reconnect options of the tests, the flood's codec | everywhere |
//! | `calls.rs` | what the `use_rpc` tests ask of a connection for calls | everywhere |
//! | `checks.rs` | assertions the crates make: the flood whole, the server render | everywhere |
//! | `counted.rs` | what the server's `/counted/{key}` says: connections shared across tabs | wasm32 |
//! | `turns.rs` | one test at a time, waiting for a condition, sleeping | wasm32 |
//! | `page.rs` | a fresh element to mount a component into | wasm32 |
//!
//! Not published; a dev-dependency of the three crates only.
#![deny(missing_docs, missing_debug_implementations)]

mod calls;
mod checks;
#[cfg(target_arch = "wasm32")]
mod counted;
mod options;
#[cfg(target_arch = "wasm32")]
mod page;
mod server;
#[cfg(target_arch = "wasm32")]
mod turns;

pub use calls::one_call_on_the_wire;
pub use checks::{assert_renders_connecting, assert_the_flood_arrived_whole, sent_or_error};
#[cfg(target_arch = "wasm32")]
pub use counted::{
    assert_two_shares_hold_one_connection, server_connections, unique_key, until_server_counts,
};
pub use options::{Padded, options};
#[cfg(target_arch = "wasm32")]
pub use page::root;
pub use server::{FLOOD, NO_REPLY, RPC_ECHO, SERVER, url};
#[cfg(target_arch = "wasm32")]
pub use turns::{Alone, alone, sleep, until, until_some};
