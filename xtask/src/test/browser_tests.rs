//! Running the wasm tests in one headless browser and counting what passed: the window
//! tests (`tests/browser/`, the third-party server's among them) and the same worker
//! tests in a dedicated and a shared worker (`tests/dedicated_worker.rs`,
//! `tests/shared_worker.rs`), over the classic or another default transport.

use super::lints::LIBRARY_FEATURES;
use super::tally::{self, Tally};
use crate::browser_tmp::BrowserTmp;
use crate::cmd::{announce, cargo};
use crate::output::{errln, outln};
use crate::setup::{Driver, WASM32};
use crate::test_runner;
use std::net::SocketAddr;
use std::path::Path;
use std::process::Command;

/// Seconds per test binary, which the runner applies to the whole binary, not to each
/// test: `tests/browser/` holds every browser test and runs them one after another (about
/// 10 s today; a test waits at most 20 s for anything before it fails). The runner's
/// default of 20 would stop a slow run halfway; this still ends a hung one.
pub const TEST_TIMEOUT: &str = "600";

/// The servers the browser tests talk to.
#[derive(Debug, Clone, Copy)]
pub struct Servers {
    /// The project's test server.
    pub test_server: SocketAddr,
    /// The third-party server (Python `websockets`), for `tests/third_party.rs`.
    pub third_party: Option<SocketAddr>,
}

/// Over which default transport the test binaries run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// The library's own default, the classic socket.
    Classic,
    /// The library built so that its default transport is `feature`'s:
    /// `test-stream-transport` (Chromium, which has `WebSocketStream`) or
    /// `test-auto-transport` (a browser without it, where `Auto` must fall back to the
    /// classic socket).
    OverTransport(&'static str),
}

/// Runs `suite` in `driver`'s browser, streaming the output, and prints `name: N passed,
/// M failed`. Anything that stops the run counts as a failure.
pub fn run(driver: &Driver, servers: Servers, suite: Suite, name: &str) -> Tally {
    announce(&format!("browser tests: {name}"));
    let tally = with_browser_tmp(|tmp| {
        tally::run_counting(
            &mut test_command(driver, servers, suite, tmp),
            tally::parse_summary_line,
        )
    });
    outln!("{name}: {} passed, {} failed", tally.passed, tally.failed);
    tally
}

/// Runs `run` with a fresh, short temporary directory for the browser (see
/// [`BrowserTmp`]) and deletes it afterwards.
pub fn with_browser_tmp(run: impl FnOnce(&Path) -> Tally) -> Tally {
    match BrowserTmp::new() {
        Ok(tmp) => run(tmp.path()),
        Err(err) => {
            errln!("error: cannot create a temporary directory for the browser: {err}");
            Tally::one(false)
        }
    }
}

/// The address the browser tests are compiled against (they read it with `option_env!`).
pub fn server_env(cmd: &mut Command, server: SocketAddr) {
    cmd.env("BROWSER_WEBSOCKET_TEST_SERVER", server.to_string());
}

fn test_command(driver: &Driver, servers: Servers, suite: Suite, tmp: &Path) -> Command {
    let mut cmd = build_command(servers, suite);
    cmd.args(["--test", "*"]);
    test_runner::configure(&mut cmd, driver, TEST_TIMEOUT, tmp);
    cmd
}

/// `cargo test` of the library for wasm32 over `suite`, compiled against `servers`,
/// before the choice of test binaries.
pub fn build_command(servers: Servers, suite: Suite) -> Command {
    let mut cmd = cargo();
    cmd.args(["test", "-p", "browser-websocket", "--target", WASM32])
        // Run every test binary even when one fails, so the counts are complete.
        .arg("--no-fail-fast");
    match suite {
        Suite::Classic => cmd.args(["--features", LIBRARY_FEATURES]),
        Suite::OverTransport(feature) => cmd
            .arg("--features")
            .arg(format!("{LIBRARY_FEATURES},{feature}")),
    };
    server_env(&mut cmd, servers.test_server);
    if let Some(third_party) = servers.third_party {
        cmd.env(
            "BROWSER_WEBSOCKET_THIRD_PARTY_SERVER",
            third_party.to_string(),
        );
    }
    cmd
}
