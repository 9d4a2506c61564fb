//! `wasm-pack test --headless --chrome`, the way the README shows to run the browser
//! tests: once, in Chromium, for one test binary (the dedicated-worker tests: the other
//! runs already cover the rest), against the running test server.
//!
//! wasm-pack must never download anything: `--mode no-install` makes it use the
//! `wasm-bindgen-test-runner` on PATH (setup installed the pinned one, whose version it
//! checks against Cargo.lock), and `--chromedriver` the driver setup found.

use super::browser_tests::{server_env, with_browser_tmp, TEST_TIMEOUT};
use super::lints::LIBRARY_FEATURES;
use super::tally::{self, Tally};
use crate::cmd::{announce, command, workspace_root};
use crate::output::outln;
use crate::setup::Driver;
use crate::test_runner;
use std::net::SocketAddr;
use std::path::Path;

/// Runs the browser test binary and prints `wasm-pack: N passed, M failed`.
pub fn run(wasm_pack: &Path, chromedriver: &Driver, server: SocketAddr) -> Tally {
    announce("wasm-pack test --headless --chrome");
    let tally = with_browser_tmp(|tmp| {
        let mut cmd = command(wasm_pack);
        cmd.args(["test", "--headless", "--chrome", "--mode", "no-install"])
            .arg("--chromedriver")
            .arg(&chromedriver.path)
            .arg(workspace_root())
            .args(["--features", LIBRARY_FEATURES, "--test", "dedicated_worker"]);
        server_env(&mut cmd, server);
        test_runner::configure(&mut cmd, chromedriver, TEST_TIMEOUT, tmp);
        tally::run_counting(&mut cmd, tally::parse_summary_line)
    });
    outln!(
        "wasm-pack: {} passed, {} failed",
        tally.passed,
        tally.failed
    );
    tally
}
