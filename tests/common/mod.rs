//! Helpers shared by every test binary (`browser/` and the worker binaries), one file a
//! topic:
//!
//! - `server`: where the test server is, its URLs and its reports.
//! - `time`: waiting with a deadline, and windows in which nothing must happen.
//! - `socket`: opening a socket and reading its events.
//! - `reconnect`: the policies the tests use and reading a reconnecting socket's events.
//! - `blob`: Blobs in and out.
//! - `engine`: the browser engine, for the few differences the crate cannot make up for.
//!
//! Each binary uses some of them; its `mod common;` allows the rest to go unused.

pub mod blob;
pub mod engine;
pub mod reconnect;
pub mod server;
pub mod socket;
pub mod time;
