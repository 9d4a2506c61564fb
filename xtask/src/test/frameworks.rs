//! The framework crates, `browser-websocket-yew`, `browser-websocket-leptos` and
//! `browser-websocket-dioxus`, in the configurations apps build them in besides the
//! browser one the lints cover: Leptos's `hydrate` (wasm32), and the crates' server side
//! (`ssr`, Dioxus's `server`, natively), whose tests render a page and prove that nothing
//! touches a browser; then their browser tests.

use super::browser_tests::{server_env, with_browser_tmp, TEST_TIMEOUT};
use super::tally::{self, Tally};
use super::Check;
use crate::cmd::{self, announce, cargo};
use crate::failure::Result;
use crate::output::outln;
use crate::setup::{Driver, WASM32};
use crate::test_runner;
use std::net::SocketAddr;
use std::process::Command;

/// The three crates.
pub const CRATES: [&str; 3] = [
    "browser-websocket-yew",
    "browser-websocket-leptos",
    "browser-websocket-dioxus",
];

/// Leptos's `hydrate` is its own build (it excludes `csr`); Yew's `hydration` is linted
/// with `csr` in the wasm32 pass.
pub const HYDRATE: Check = Check {
    name: "browser-websocket-leptos with hydrate (wasm32)",
    run: leptos_hydrate,
};

/// The crates' server side.
pub const SSR: Check = Check {
    name: "framework crates on the server (ssr)",
    run: server_side,
};

fn leptos_hydrate() -> Result {
    announce("browser-websocket-leptos with hydrate (wasm32)");
    cmd::run(cargo().args([
        "clippy",
        "-p",
        "browser-websocket-leptos",
        "--features",
        "hydrate",
        "--target",
        WASM32,
        "--",
        "-D",
        "warnings",
    ]))
}

fn server_side() -> Result {
    announce("framework crates on the server (ssr)");
    let mut test = cargo();
    test.arg("test");
    for krate in CRATES {
        test.args(["-p", krate]);
    }
    cmd::run(test.args([
        "--features",
        "browser-websocket-yew/ssr,browser-websocket-leptos/ssr,browser-websocket-dioxus/server",
        "--test",
        "ssr",
    ]))
}

/// The crates' browser tests (mount, unmount, remount, bursts, sends while away) in
/// `driver`'s browser against the test server; prints `NAME: N passed, M failed`.
pub fn browser_tests(driver: &Driver, server: SocketAddr, name: &str) -> Tally {
    announce(name);
    let tally = with_browser_tmp(|tmp| {
        let mut test = browser_test_command(server);
        test_runner::configure(&mut test, driver, TEST_TIMEOUT, tmp);
        tally::run_counting(&mut test, tally::parse_summary_line)
    });
    outln!("{name}: {} passed, {} failed", tally.passed, tally.failed);
    tally
}

/// `cargo test` of the crates' browser tests for wasm32, compiled against `server`,
/// before the runner's settings.
pub fn browser_test_command(server: SocketAddr) -> Command {
    let mut test = cargo();
    test.arg("test");
    for krate in CRATES {
        test.args(["-p", krate]);
    }
    test.args([
        "--features",
        "browser-websocket-yew/csr,browser-websocket-yew/rpc,browser-websocket-leptos/csr,\
         browser-websocket-leptos/rpc,browser-websocket-dioxus/web,browser-websocket-dioxus/rpc",
        "--target",
        WASM32,
        "--no-fail-fast",
        "--test",
        "browser",
    ]);
    server_env(&mut test, server);
    test
}
