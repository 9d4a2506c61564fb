//! Running the wasm tests in one headless browser and counting what passed.

use crate::browser::Browser;
use crate::checks::LIBRARY_FEATURES;
use crate::cmd::{announce, cargo, describe, target_dir, workspace_root};
use crate::setup::WASM32;
use std::env;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::ops::AddAssign;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};

/// Driver variables the runner looks at. It takes the first `*_REMOTE` one, then the
/// first `GECKODRIVER`/`SAFARIDRIVER`/`CHROMEDRIVER`/`MSEDGEDRIVER` one, in that order,
/// so any stray one would silently pick the wrong browser.
const DRIVER_VARS: [&str; 4] = [
    "GECKODRIVER",
    "SAFARIDRIVER",
    "CHROMEDRIVER",
    "MSEDGEDRIVER",
];

/// Seconds per test binary; the runner's default of 20 is too short for a cold browser
/// on a 2-core machine.
const DEFAULT_TEST_TIMEOUT: &str = "180";

/// Seconds for the driver to bind its port; the runner's default of 5 is tight on a busy machine.
const DEFAULT_DRIVER_TIMEOUT: &str = "30";

/// Passed and failed tests, summed over test binaries.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub passed: u32,
    pub failed: u32,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Runs every `tests/*.rs` file in `browser`, streaming the output, and prints
/// `browser: N passed, M failed`. Anything that stops the run counts as a failure.
pub fn run(browser: Browser, driver: &Path, server: SocketAddr) -> Tally {
    announce(&format!("browser tests ({browser})"));
    // Each headless run leaves a ~12 MB browser profile in TMPDIR: give it a
    // directory of its own and delete it afterwards.
    let tmp = target_dir().join("browser-tmp").join(browser.name());
    let _ = std::fs::remove_dir_all(&tmp);
    let tally = match std::fs::create_dir_all(&tmp) {
        Ok(()) => run_counting(
            &mut test_command(browser, driver, server, &tmp),
            parse_summary_line,
        ),
        Err(err) => {
            eprintln!("error: cannot create {}: {err}", tmp.display());
            Tally {
                passed: 0,
                failed: 1,
            }
        }
    };
    if let Err(err) = std::fs::remove_dir_all(&tmp) {
        eprintln!("warning: could not delete {}: {err}", tmp.display());
    }
    println!(
        "{browser}: {} passed, {} failed",
        tally.passed, tally.failed
    );
    tally
}

fn test_command(browser: Browser, driver: &Path, server: SocketAddr, tmp: &Path) -> Command {
    let mut cmd = cargo();
    cmd.args(["test", "-p", "browser-websocket", "--target", WASM32])
        .args(["--features", LIBRARY_FEATURES])
        // Run every test file even when one fails, so the counts are complete.
        .arg("--no-fail-fast")
        .args(["--test", "*"])
        // Read by the browser tests at compile time (`option_env!`).
        .env("BROWSER_WEBSOCKET_TEST_SERVER", server.to_string())
        .env("TMPDIR", tmp)
        // Would make the runner serve the page and wait for a human forever.
        .env_remove("NO_HEADLESS");
    for var in DRIVER_VARS {
        cmd.env_remove(var).env_remove(format!("{var}_REMOTE"));
    }
    let driver_var = match browser {
        Browser::Chromium => "CHROMEDRIVER",
        Browser::Firefox => "GECKODRIVER",
    };
    cmd.env(driver_var, driver);
    set_unless_user_did(&mut cmd, "WASM_BINDGEN_TEST_TIMEOUT", DEFAULT_TEST_TIMEOUT);
    set_unless_user_did(
        &mut cmd,
        "WASM_BINDGEN_TEST_DRIVER_TIMEOUT",
        DEFAULT_DRIVER_TIMEOUT,
    );
    // The runner reads `webdriver.json` from its working directory by default;
    // an absolute path keeps the headless flags whatever directory cargo picks.
    let webdriver_json = workspace_root().join("webdriver.json");
    set_unless_user_did(
        &mut cmd,
        "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
        webdriver_json.as_os_str(),
    );
    cmd
}

fn set_unless_user_did(cmd: &mut Command, var: &str, value: impl AsRef<std::ffi::OsStr>) {
    if env::var_os(var).is_none() {
        cmd.env(var, value);
    }
}

/// Runs a command, teeing both output streams to the terminal while summing the counts
/// that `parse` finds in its summary lines. A failed run without a failing count is one
/// failure.
pub fn run_counting(cmd: &mut Command, parse: fn(&str) -> Option<Tally>) -> Tally {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(err) => {
            eprintln!("error: could not start `{}`: {err}", describe(cmd));
            return Tally {
                passed: 0,
                failed: 1,
            };
        }
    };
    let stdout = tee(
        child.stdout.take().expect("stdout is piped"),
        io::stdout(),
        parse,
    );
    let stderr = tee(
        child.stderr.take().expect("stderr is piped"),
        io::stderr(),
        parse,
    );
    let status = child.wait();
    let mut tally = Tally::default();
    tally += stdout.join().unwrap_or_default();
    tally += stderr.join().unwrap_or_default();

    let succeeded = matches!(&status, Ok(status) if status.success());
    if !succeeded && tally.failed == 0 {
        // A build error, a runner crash or a browser that never loaded the page:
        // no test reported failing, but the run did not pass either.
        match status {
            Ok(status) => eprintln!(
                "error: `{}` failed ({status}) without a failing test",
                describe(cmd)
            ),
            Err(err) => eprintln!("error: waiting for `{}` failed: {err}", describe(cmd)),
        }
        tally.failed = 1;
    }
    tally
}

/// Copies `from` to `to` line by line, summing the summary lines on the way.
fn tee(
    from: impl Read + Send + 'static,
    mut to: impl Write + Send + 'static,
    parse: fn(&str) -> Option<Tally>,
) -> JoinHandle<Tally> {
    thread::spawn(move || {
        let mut from = BufReader::new(from);
        let mut tally = Tally::default();
        let mut line = Vec::new();
        while matches!(from.read_until(b'\n', &mut line), Ok(n) if n > 0) {
            let _ = to.write_all(&line);
            let _ = to.flush();
            if let Some(summary) = parse(&String::from_utf8_lossy(&line)) {
                tally += summary;
            }
            line.clear();
        }
        tally
    })
}

/// Reads a libtest / wasm-bindgen-test summary such as
/// `test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 filtered out; finished in 1.23s`.
pub fn parse_summary_line(line: &str) -> Option<Tally> {
    let (_, counts) = line.split_once("test result: ")?;
    let (_, counts) = counts.split_once(". ")?;
    let mut passed = None;
    let mut failed = None;
    for part in counts.split(';') {
        match part.split_whitespace().collect::<Vec<_>>()[..] {
            [n, "passed"] => passed = n.parse().ok(),
            [n, "failed"] => failed = n.parse().ok(),
            _ => {}
        }
    }
    Some(Tally {
        passed: passed?,
        failed: failed?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passing_summary_counts_passed_tests() {
        let line =
            "test result: ok. 12 passed; 0 failed; 0 ignored; 0 filtered out; finished in 1.23s";
        assert_eq!(
            parse_summary_line(line),
            Some(Tally {
                passed: 12,
                failed: 0
            })
        );
    }

    #[test]
    fn failing_summary_counts_failed_tests() {
        let line = "test result: FAILED. 3 passed; 1 failed; 2 ignored; 0 filtered out; finished in 0.50ss\n";
        assert_eq!(
            parse_summary_line(line),
            Some(Tally {
                passed: 3,
                failed: 1
            })
        );
    }

    #[test]
    fn summary_without_timing_is_still_counted() {
        let line = "test result: ok. 0 passed; 0 failed; 0 ignored; 0 filtered out";
        assert_eq!(
            parse_summary_line(line),
            Some(Tally {
                passed: 0,
                failed: 0
            })
        );
    }

    #[test]
    fn other_lines_are_not_summaries() {
        assert_eq!(parse_summary_line("test close::sends_code ... ok"), None);
        assert_eq!(parse_summary_line("running 12 tests"), None);
        assert_eq!(parse_summary_line("test result: garbled"), None);
    }

    #[test]
    fn tallies_add_up_over_test_binaries() {
        let mut total = Tally::default();
        total += Tally {
            passed: 2,
            failed: 1,
        };
        total += Tally {
            passed: 5,
            failed: 0,
        };
        assert_eq!(
            total,
            Tally {
                passed: 7,
                failed: 1
            }
        );
    }
}
