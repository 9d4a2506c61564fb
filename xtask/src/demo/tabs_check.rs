//! The shared-tabs step of `cargo xtask test`: the built demo page's "One connection for
//! every tab" panel in three windows of one session, driven by `example-check --scenario
//! tabs`, in every browser.

use crate::cmd::announce;
use crate::output::{errln, outln};
use crate::setup::Driver;
use crate::test::site_check::{self, screenshot, SiteCheck};
use crate::test::tally::{parse_checker_summary, Tally};
use std::path::Path;

/// Runs the check on the demo's `site` in `driver`'s browser, with its screenshot in
/// `target/tabs.png` (Chromium) or `target/tabs-<browser>.png`, and prints the checker's
/// `tabs: N passed, M failed`. Anything that stops it counts as one failure.
pub fn run(driver: &Driver, site: &Path) -> Tally {
    let browser = driver.browser;
    announce(&format!("one connection for every tab ({browser})"));
    let check = SiteCheck {
        name: "tabs",
        site,
        binary: "example-check",
        args: vec![
            "--scenario".into(),
            "tabs".into(),
            "--screenshot".into(),
            screenshot("tabs", browser, "").into(),
        ],
        parse: parse_tabs_summary,
    };
    match site_check::run(&check, driver) {
        Ok(tally) => tally,
        Err(failure) => {
            errln!("error: {failure}");
            outln!("tabs: 0 passed, 1 failed");
            Tally::one(false)
        }
    }
}

/// Reads the checker's closing line, `tabs: 7 passed, 0 failed`.
fn parse_tabs_summary(line: &str) -> Option<Tally> {
    parse_checker_summary(line)
        .filter(|(name, _)| *name == "tabs")
        .map(|(_, tally)| tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_tabs_summary_counts() {
        let tally = Tally {
            passed: 7,
            failed: 0,
        };
        assert_eq!(
            parse_tabs_summary("tabs: 7 passed, 0 failed\n"),
            Some(tally)
        );
        assert_eq!(parse_tabs_summary("demo: 7 passed, 0 failed"), None);
    }
}
