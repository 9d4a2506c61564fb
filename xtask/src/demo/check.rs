//! The demo step of `cargo xtask test`: drive the built demo page in one browser with
//! the `demo-check` binary.

use crate::cmd::announce;
use crate::output::{errln, outln};
use crate::setup::Driver;
use crate::test::site_check::{self, screenshot, SiteCheck};
use crate::test::tally::{parse_checker_summary, Tally};
use std::path::Path;

/// Runs the check on the site in `site` in `driver`'s browser, with its screenshots in
/// `target/demo.png` and `target/demo-phone.png` (Chromium) or `target/demo-webkit.png`
/// and so on, and prints `demo-check`'s own `demo: N passed, M failed`. Anything that
/// stops it (a server that does not start) counts as one failure.
pub fn run(driver: &Driver, site: &Path) -> Tally {
    let browser = driver.browser;
    announce(&format!("demo check ({browser})"));
    let check = SiteCheck {
        name: "demo",
        site,
        binary: "demo-check",
        args: vec![
            "--screenshot".into(),
            screenshot("demo", browser, "").into(),
            "--phone-screenshot".into(),
            screenshot("demo", browser, "-phone").into(),
        ],
        parse: parse_demo_summary,
    };
    match site_check::run(&check, driver) {
        Ok(tally) => tally,
        Err(failure) => {
            errln!("error: {failure}");
            outln!("demo: 0 passed, 1 failed");
            Tally::one(false)
        }
    }
}

/// Reads `demo-check`'s closing line, `demo: 9 passed, 0 failed`.
fn parse_demo_summary(line: &str) -> Option<Tally> {
    parse_checker_summary(line)
        .filter(|(name, _)| *name == "demo")
        .map(|(_, tally)| tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_summary_gives_both_counts() {
        assert_eq!(
            parse_demo_summary("demo: 9 passed, 1 failed\n"),
            Some(Tally {
                passed: 9,
                failed: 1
            })
        );
    }

    #[test]
    fn other_lines_are_not_demo_summaries() {
        assert_eq!(parse_demo_summary("chromium: 3 passed, 0 failed"), None);
        assert_eq!(parse_demo_summary("  ok    echo works"), None);
        assert_eq!(parse_demo_summary("demo: many passed, 0 failed"), None);
    }
}
