//! Proof that the browser tests run from any checkout path: one browser test, copied into
//! a directory whose path is over 100 characters and run from there by the test runner,
//! in each browser. A browser temp dir inside the checkout once broke every Chromium
//! step from a checkout path over about 34 characters (Chromium's Unix socket under
//! `TMPDIR` must fit in 107 bytes); this fails if anything the browsers need grows with
//! the checkout path again.

use super::browser_tests::{self, with_browser_tmp, Servers, Suite, TEST_TIMEOUT};
use super::tally::{self, Tally};
use crate::cmd::{announce, command, probe, target_dir};
use crate::output::{errln, outln};
use crate::setup::Driver;
use crate::test_runner;
use std::path::{Path, PathBuf};

/// Deeper than the checkouts users make, and deeper than the 107 bytes of a socket path.
const LONGEST_USUAL_PATH: usize = 100;

/// A test that talks to the test server, so the session must really run.
const ONE_TEST: &str = "connect_to_a_rejecting_server_fails_opened";

/// Runs [`ONE_TEST`] of `suite`'s browser test binary from a long directory in `driver`'s
/// browser; prints `NAME: N passed, M failed`.
pub fn run(driver: &Driver, servers: Servers, suite: Suite, name: &str) -> Tally {
    announce(name);
    let tally = match prepare(driver, servers, suite) {
        Ok((dir, wasm)) => {
            outln!(
                "    from {} ({} bytes)",
                dir.display(),
                dir.as_os_str().len()
            );
            with_browser_tmp(|tmp| {
                let mut runner = command("wasm-bindgen-test-runner");
                runner.current_dir(&dir).arg(&wasm).arg(ONE_TEST);
                browser_tests::server_env(&mut runner, servers.test_server);
                test_runner::configure(&mut runner, driver, TEST_TIMEOUT, tmp);
                tally::run_counting(&mut runner, tally::parse_summary_line)
            })
        }
        Err(message) => {
            errln!("error: {message}");
            Tally::one(false)
        }
    };
    outln!("{name}: {} passed, {} failed", tally.passed, tally.failed);
    tally
}

/// The long directory, made afresh (one per browser, as the lanes run side by side), and
/// the test binary copied into it.
fn prepare(driver: &Driver, servers: Servers, suite: Suite) -> Result<(PathBuf, PathBuf), String> {
    let built = browser_binary(servers, suite)?;
    let base = target_dir().join("long-checkout-path");
    let dir = long_dir(&base.join(driver.browser.name()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)
        .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    let wasm = dir.join("browser.wasm");
    std::fs::copy(&built, &wasm).map_err(|err| {
        format!(
            "cannot copy {} to {}: {err}",
            built.display(),
            wasm.display()
        )
    })?;
    Ok((dir, wasm))
}

/// `base` extended with folders as users name them until it is over
/// [`LONGEST_USUAL_PATH`] bytes.
fn long_dir(base: &Path) -> PathBuf {
    let mut dir = base.join("home").join("someone").join("projects");
    while dir.as_os_str().len() <= LONGEST_USUAL_PATH {
        dir.push("a-checkout-folder-as-deep-as-users-make-them");
    }
    dir.join("browser-websocket")
}

/// The `tests/browser/` binary that the run of `suite` built, as cargo reports it.
fn browser_binary(servers: Servers, suite: Suite) -> Result<PathBuf, String> {
    let mut cargo = browser_tests::build_command(servers, suite);
    cargo.args(["--test", "browser", "--no-run", "--message-format=json"]);
    let output = probe(&mut cargo).ok_or("cannot build the browser test binary")?;
    executable(&output)
        .map(PathBuf::from)
        .ok_or_else(|| "cargo reported no browser test binary".to_owned())
}

/// The last `"executable":"..."` path in cargo's JSON messages.
fn executable(messages: &str) -> Option<&str> {
    messages
        .lines()
        .rev()
        .filter_map(|line| line.split_once("\"executable\":\"")?.1.split_once('"'))
        .map(|(path, _)| path)
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_long_dir_is_over_a_hundred_bytes_wherever_the_checkout_is() {
        for base in ["/w", "/home/user/projects/browser-websocket/target/x"] {
            let dir = long_dir(Path::new(base));
            assert!(
                dir.as_os_str().len() > LONGEST_USUAL_PATH,
                "{}",
                dir.display()
            );
            assert!(dir.starts_with(base));
        }
    }

    #[test]
    fn the_executable_is_read_from_cargos_messages() {
        let messages = concat!(
            "{\"reason\":\"compiler-artifact\",\"executable\":null}\n",
            "{\"reason\":\"compiler-artifact\",\"executable\":\"/t/deps/browser-1.wasm\",\"fresh\":true}\n",
            "{\"reason\":\"build-finished\",\"success\":true}\n",
        );
        assert_eq!(executable(messages), Some("/t/deps/browser-1.wasm"));
        assert_eq!(executable("{\"reason\":\"build-finished\"}"), None);
    }
}
