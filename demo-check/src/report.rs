//! Counting and printing checks, shared by `demo-check` and `example-check`.

use std::future::Future;
use std::process::ExitCode;

use crate::page::Page;

/// Counts and prints checks as they pass; the first failure stops the run.
#[derive(Debug, Default)]
pub struct Report {
    pub passed: u32,
    pub failed: u32,
    /// The elements a failure message shows; `None` shows the demo page's badge, error
    /// area and log ([`Page::describe`]).
    shown: Option<&'static [&'static str]>,
}

/// A check failed; the message has already been printed.
#[derive(Debug)]
pub struct Stopped;

impl Report {
    /// A report whose failure messages show the text of these elements.
    pub fn showing(ids: &'static [&'static str]) -> Report {
        Report {
            shown: Some(ids),
            ..Report::default()
        }
    }

    /// Runs one check and prints `ok` or `FAIL` with the reason and what the page shows.
    pub async fn check<F>(&mut self, page: &Page, name: &str, check: F) -> Result<(), Stopped>
    where
        F: Future<Output = Result<(), String>>,
    {
        match check.await {
            Ok(()) => {
                self.passed += 1;
                println!("  ok    {name}");
                Ok(())
            }
            Err(reason) => {
                self.failed += 1;
                let shown = match self.shown {
                    Some(ids) => page.describe_ids(ids).await,
                    None => page.describe().await,
                };
                println!("  FAIL  {name}\n      {reason}\n{shown}");
                Err(Stopped)
            }
        }
    }

    /// Counts a failure that came before any check could run (no driver, no browser).
    pub fn could_not_start(&mut self, message: &str) {
        println!("  FAIL  {message}");
        self.failed += 1;
    }

    /// Prints the closing `NAME: N passed, M failed` line that `cargo xtask test` reads,
    /// and exits successfully only if every check passed and there was at least one.
    pub fn finish(&self, name: &str) -> ExitCode {
        println!("{name}: {} passed, {} failed", self.passed, self.failed);
        if self.failed == 0 && self.passed > 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }

    /// The last check of every run: nothing on the way threw or panicked.
    pub async fn check_no_uncaught_errors(&mut self, page: &Page) -> Result<(), Stopped> {
        self.check(page, "no uncaught exception or panic on the way", async {
            let errors = page.uncaught_errors().await?;
            if errors.is_empty() {
                Ok(())
            } else {
                Err(format!("the page threw: {}", errors.join("; ")))
            }
        })
        .await
    }
}

/// `Ok` if `found` is `expected`, else a message naming `what`.
pub fn expect_eq(what: &str, found: &str, expected: &str) -> Result<(), String> {
    if found == expected {
        Ok(())
    } else {
        Err(format!("{what} reads {found:?}, expected {expected:?}"))
    }
}
