//! The closing summary of `cargo xtask test`: one line per step with its verdict and how
//! long it took, then the time in all and the total over every counted test.

use super::tally::Tally;
use super::Check;
use crate::cmd::announce;
use crate::failure::{Failure, Result};
use crate::output::{errln, outln};
use std::time::{Duration, Instant};

/// One line of the summary.
#[derive(Debug)]
struct Outcome {
    what: String,
    passed: bool,
    /// The tests it counted, for the closing total; `None` for lints and native tests,
    /// whose counts cargo prints itself.
    tally: Option<Tally>,
    took: Duration,
}

/// The steps run so far, in order.
#[derive(Debug)]
pub struct Summary {
    started: Instant,
    outcomes: Vec<Outcome>,
}

impl Summary {
    /// Starts the clock of the whole run.
    pub fn start() -> Summary {
        Summary {
            started: Instant::now(),
            outcomes: Vec::new(),
        }
    }

    /// Records a step that has already run.
    pub fn record(&mut self, what: impl Into<String>, passed: bool, took: Duration) {
        self.outcomes.push(Outcome {
            what: what.into(),
            passed,
            tally: None,
            took,
        });
    }

    /// Takes over the steps `part` recorded (a lane run beside others), after these.
    pub fn append(&mut self, part: Summary) {
        self.outcomes.extend(part.outcomes);
    }

    /// Runs a check, reporting its failure at once but letting later steps run; returns
    /// whether it passed.
    pub fn check(&mut self, check: &Check) -> bool {
        let started = Instant::now();
        let result = (check.run)();
        if let Err(failure) = &result {
            errln!("error: {failure}");
        }
        self.record(check.name, result.is_ok(), started.elapsed());
        result.is_ok()
    }

    /// Runs a step that counts tests, shown as `name: N passed, M failed`. It passes when
    /// nothing failed and something passed.
    pub fn tests(&mut self, name: &str, run: impl FnOnce() -> Tally) {
        let started = Instant::now();
        let tally = run();
        if tally.passed == 0 && tally.failed == 0 {
            errln!("warning: no test ran in `{name}`");
        }
        self.outcomes.push(Outcome {
            what: format!("{name}: {} passed, {} failed", tally.passed, tally.failed),
            passed: tally.failed == 0 && tally.passed > 0,
            tally: Some(tally),
            took: started.elapsed(),
        });
    }

    /// Prints the summary, ending with `total: N passed, M failed`, the line CI reads;
    /// fails if any step did.
    pub fn finish(self) -> Result {
        announce("summary");
        for outcome in &self.outcomes {
            let verdict = if outcome.passed { "ok" } else { "FAILED" };
            outln!(
                "    {verdict:<8}{:>7}  {}",
                seconds(outcome.took),
                outcome.what
            );
        }
        outln!("    took {} in all", seconds(self.started.elapsed()));
        let mut total = Tally::default();
        for tally in self.outcomes.iter().filter_map(|outcome| outcome.tally) {
            total += tally;
        }
        outln!("total: {} passed, {} failed", total.passed, total.failed);
        let failed = self
            .outcomes
            .iter()
            .filter(|outcome| !outcome.passed)
            .count();
        if failed == 0 {
            Ok(())
        } else {
            Err(Failure::new(format!(
                "{failed} of {} steps failed",
                self.outcomes.len()
            )))
        }
    }
}

/// `12.3 s`.
fn seconds(duration: Duration) -> String {
    format!("{:.1} s", duration.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_tenths_of_seconds() {
        assert_eq!(seconds(Duration::from_millis(12_345)), "12.3 s");
        assert_eq!(seconds(Duration::ZERO), "0.0 s");
    }

    #[test]
    fn a_failed_step_fails_the_run_and_counts_add_up() {
        let mut summary = Summary::start();
        summary.tests("chromium", || Tally {
            passed: 3,
            failed: 0,
        });
        summary.tests("firefox", || Tally {
            passed: 2,
            failed: 1,
        });
        let error = summary.finish().unwrap_err();
        assert_eq!(error.message, "1 of 2 steps failed");
    }

    #[test]
    fn a_step_that_ran_no_test_has_not_passed() {
        let mut summary = Summary::start();
        summary.tests("wasm-pack", Tally::default);
        assert!(summary.finish().is_err());
    }
}
