//! The browser tests: one module per behaviour, every test stating in its doc comment
//! what it proves, against the test server (`cargo xtask server`, or the one
//! `cargo xtask test` starts; its address comes from `BROWSER_WEBSOCKET_TEST_SERVER` at
//! compile time) and, in `third_party.rs`, against Python's `websockets`.
//!
//! One test binary, so that it is linked, run through wasm-bindgen and started in a
//! browser once per browser rather than once per file. The tests run one after another
//! in one page; none relies on a page of its own.

#![cfg(target_arch = "wasm32")]

// The helpers every test binary shares; this binary's root is a folder down from them.
#[allow(dead_code)] // each binary uses some of the helpers
#[path = "../common/mod.rs"]
mod common;

#[cfg(feature = "io")]
mod byte_stream;
mod callbacks;
mod close;
#[cfg(feature = "serde")]
mod codec;
mod connect;
mod flood;
mod flow;
mod inbox;
mod lifecycle;
mod messages;
mod reconnect;
mod reconnect_handle;
#[cfg(feature = "rpc")]
mod rpc;
mod shared_tabs;
mod split;
#[cfg(feature = "stream")]
mod stream_transport;
mod subscribe;
mod third_party;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
