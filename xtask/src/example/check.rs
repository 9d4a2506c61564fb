//! The framework-examples step of `cargo xtask test`: each built example served from its
//! own test server and chatted with in one browser by demo-check's `example-check`
//! binary. (Their wasm32 clippy is part of the lint step.)

use super::build::Example;
use crate::cmd::announce;
use crate::output::{errln, outln};
use crate::setup::Driver;
use crate::test::site_check::{self, screenshot, SiteCheck};
use crate::test::tally::{parse_checker_summary, Tally};
use std::path::PathBuf;

/// Checks each example on its site (`sites` in [`Example::ALL`] order) in `driver`'s
/// browser, with its screenshot in `target/yew-chat.png` (Chromium) or
/// `target/yew-chat-webkit.png` and so on, and prints `examples: N passed, M failed`.
/// Anything that stops an example (a server that does not start) counts as one failure.
pub fn run(driver: &Driver, sites: &[PathBuf]) -> Tally {
    let browser = driver.browser;
    announce(&format!("framework examples ({browser})"));
    let mut tally = Tally::default();
    for (example, site) in Example::ALL.into_iter().zip(sites) {
        let package = example.package();
        let check = SiteCheck {
            name: package,
            site,
            binary: "example-check",
            args: vec![
                "--scenario".into(),
                example.name().into(),
                "--screenshot".into(),
                screenshot(package, browser, "").into(),
            ],
            parse: parse_example_summary,
        };
        tally += match site_check::run(&check, driver) {
            Ok(tally) => tally,
            Err(failure) => {
                errln!("error: {failure}");
                outln!("  FAIL  {package}");
                Tally::one(false)
            }
        };
    }
    outln!("examples: {} passed, {} failed", tally.passed, tally.failed);
    tally
}

/// Reads `example-check`'s closing line, `yew: 8 passed, 0 failed` (or `leptos: ...`,
/// `dioxus: ...`).
fn parse_example_summary(line: &str) -> Option<Tally> {
    parse_checker_summary(line)
        .filter(|(name, _)| Example::from_name(name).is_some())
        .map(|(_, tally)| tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_summaries_give_both_counts() {
        assert_eq!(
            parse_example_summary("yew: 7 passed, 1 failed\n"),
            Some(Tally {
                passed: 7,
                failed: 1
            })
        );
        assert_eq!(
            parse_example_summary("leptos: 7 passed, 0 failed"),
            Some(Tally {
                passed: 7,
                failed: 0
            })
        );
    }

    #[test]
    fn other_lines_are_not_example_summaries() {
        assert_eq!(parse_example_summary("demo: 9 passed, 0 failed"), None);
        assert_eq!(parse_example_summary("  ok    message 1: sent"), None);
        assert_eq!(parse_example_summary("yew: many passed, 0 failed"), None);
    }
}
