//! Counting passed and failed tests in a child's output while showing it: libtest's and
//! wasm-bindgen-test's `test result:` lines, and the checkers' `NAME: N passed, M failed`.

use crate::cmd::describe;
use crate::output::{self, errln};
use std::io::{BufRead, BufReader, Read, Write};
use std::ops::AddAssign;
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};

/// Passed and failed tests, summed over test binaries.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub passed: u32,
    pub failed: u32,
}

impl Tally {
    /// One check that passed or failed.
    pub fn one(passed: bool) -> Tally {
        Tally {
            passed: passed.into(),
            failed: (!passed).into(),
        }
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
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
            errln!("error: could not start `{}`: {err}", describe(cmd));
            return Tally {
                passed: 0,
                failed: 1,
            };
        }
    };
    let stdout = tee(
        child.stdout.take().expect("stdout is piped"),
        output::stdout(),
        parse,
    );
    let stderr = tee(
        child.stderr.take().expect("stderr is piped"),
        output::stderr(),
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
            Ok(status) => errln!(
                "error: `{}` failed ({status}) without a failing test",
                describe(cmd)
            ),
            Err(err) => errln!("error: waiting for `{}` failed: {err}", describe(cmd)),
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

/// Reads a checker's closing line, `NAME: N passed, M failed` (`demo: 9 passed, 0 failed`),
/// as the name and its counts.
pub fn parse_checker_summary(line: &str) -> Option<(&str, Tally)> {
    let (name, counts) = line.trim().split_once(": ")?;
    let (passed, failed) = counts.split_once(", ")?;
    let tally = Tally {
        passed: passed.strip_suffix(" passed")?.parse().ok()?,
        failed: failed.strip_suffix(" failed")?.parse().ok()?,
    };
    Some((name, tally))
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

    #[test]
    fn checker_summaries_give_the_name_and_both_counts() {
        assert_eq!(
            parse_checker_summary("yew: 7 passed, 1 failed\n"),
            Some((
                "yew",
                Tally {
                    passed: 7,
                    failed: 1
                }
            ))
        );
        assert_eq!(parse_checker_summary("  ok    message 1: sent"), None);
    }
}
