//! Running the wasm tests (`tests/browser/`, and any later binary under `tests/`) in one
//! headless browser and counting what passed.

use super::lints::LIBRARY_FEATURES;
use super::tally::{self, Tally};
use crate::browser::Browser;
use crate::cmd::{announce, cargo, target_dir};
use crate::setup::WASM32;
use crate::test_runner;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Seconds per test binary, which the runner applies to the whole binary, not to each
/// test: `tests/browser/` holds every browser test and runs them one after another (about
/// 10 s today; a test waits at most 20 s for anything before it fails). The runner's
/// default of 20 would stop a slow run halfway; this still ends a hung one.
pub const TEST_TIMEOUT: &str = "600";

/// Runs every wasm test binary in `browser`, streaming the output, and prints
/// `browser: N passed, M failed`. Anything that stops the run counts as a failure.
pub fn run(browser: Browser, driver: &Path, server: SocketAddr) -> Tally {
    announce(&format!("browser tests ({browser})"));
    let tally = with_browser_tmp(browser.name(), |tmp| {
        tally::run_counting(
            &mut test_command(browser, driver, server, tmp),
            tally::parse_summary_line,
        )
    });
    println!(
        "{browser}: {} passed, {} failed",
        tally.passed, tally.failed
    );
    tally
}

/// Runs `run` with a fresh temporary directory for the browser's profile (each headless
/// run leaves ~12 MB in TMPDIR) and deletes it afterwards.
pub fn with_browser_tmp(name: &str, run: impl FnOnce(&Path) -> Tally) -> Tally {
    let tmp: PathBuf = target_dir().join("browser-tmp").join(name);
    let _ = std::fs::remove_dir_all(&tmp);
    if let Err(err) = std::fs::create_dir_all(&tmp) {
        eprintln!("error: cannot create {}: {err}", tmp.display());
        return Tally::one(false);
    }
    let tally = run(&tmp);
    if let Err(err) = std::fs::remove_dir_all(&tmp) {
        eprintln!("warning: could not delete {}: {err}", tmp.display());
    }
    tally
}

/// The address the browser tests are compiled against (they read it with `option_env!`).
pub fn server_env(cmd: &mut Command, server: SocketAddr) {
    cmd.env("BROWSER_WEBSOCKET_TEST_SERVER", server.to_string());
}

fn test_command(browser: Browser, driver: &Path, server: SocketAddr, tmp: &Path) -> Command {
    let mut cmd = cargo();
    cmd.args(["test", "-p", "browser-websocket", "--target", WASM32])
        .args(["--features", LIBRARY_FEATURES])
        // Run every test binary even when one fails, so the counts are complete.
        .arg("--no-fail-fast")
        .args(["--test", "*"]);
    server_env(&mut cmd, server);
    test_runner::configure(&mut cmd, browser, driver, TEST_TIMEOUT, tmp);
    cmd
}
