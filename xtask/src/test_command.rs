//! `cargo xtask test`: set the machine up, lint, run the native tests, then the
//! browser tests against a freshly started test server.

use crate::args::Args;
use crate::browser::Browser;
use crate::browser_tests::{self, Tally};
use crate::checks::{self, Check};
use crate::cmd::{announce, target_dir};
use crate::demo_check;
use crate::failure::{Failure, Result};
use crate::server::{self, ServerOptions, ServerOutput};
use crate::setup;

pub const USAGE: &str = "test [--browser chromium|firefox] [--no-lint]";
pub const ABOUT: &str =
    "install what is missing, lint, and run every test (native, each browser, the demo page)";

#[derive(Debug, PartialEq)]
struct TestOptions {
    browsers: Vec<Browser>,
    lint: bool,
}

fn parse(args: &[String]) -> Result<TestOptions> {
    let mut options = TestOptions {
        browsers: Browser::ALL.to_vec(),
        lint: true,
    };
    let mut args = Args::new(args);
    while let Some(flag) = args.next_flag()? {
        match flag.as_str() {
            "--browser" => {
                let name = args.value_of(&flag)?;
                let browser = Browser::from_name(&name).ok_or_else(|| {
                    Failure::usage(format!("unknown browser `{name}`: use chromium or firefox"))
                })?;
                options.browsers = vec![browser];
            }
            "--no-lint" => options.lint = false,
            other => {
                return Err(Failure::usage(format!(
                    "unknown option `{other}` for `test`"
                )))
            }
        }
    }
    Ok(options)
}

/// One line of the final summary.
struct Outcome {
    what: String,
    passed: bool,
    /// The tests it counted, for the closing total; `None` for lints and native tests,
    /// whose counts cargo prints itself.
    tally: Option<Tally>,
}

pub fn run(args: &[String]) -> Result {
    let options = parse(args)?;
    // Without its tools nothing below can run, so a setup failure stops here.
    let drivers = setup::ensure(&options.browsers, options.lint)?;

    let mut outcomes = Vec::new();
    if options.lint {
        outcomes.extend(checks::LINTS.iter().map(run_check));
    }
    outcomes.push(run_check(&checks::NATIVE_TESTS));

    match start_test_server() {
        Ok(test_server) => {
            for &browser in &options.browsers {
                let driver = drivers
                    .for_browser(browser)
                    .expect("setup returns a driver for every selected browser");
                let tally = browser_tests::run(browser, driver, test_server.addr());
                if tally.passed == 0 && tally.failed == 0 {
                    eprintln!("warning: no browser test ran in {browser}");
                }
                outcomes.push(Outcome {
                    tally: Some(tally),
                    what: format!(
                        "{browser}: {} passed, {} failed",
                        tally.passed, tally.failed
                    ),
                    passed: tally.failed == 0,
                });
            }
            // Dropping the guard stops the server before the summary.
            drop(test_server);
        }
        Err(failure) => {
            eprintln!("error: {failure}");
            outcomes.push(Outcome {
                what: "test server (browser tests skipped)".to_owned(),
                passed: false,
                tally: None,
            });
        }
    }

    // The demo page, checked in Chromium only: it exercises the page, not the browser.
    if let Some(chromedriver) = drivers.for_browser(Browser::Chromium) {
        let tally = demo_check::run(chromedriver);
        outcomes.push(Outcome {
            what: format!("demo: {} passed, {} failed", tally.passed, tally.failed),
            passed: tally.failed == 0 && tally.passed > 0,
            tally: Some(tally),
        });
        // The Yew and Leptos examples, after the demo and in Chromium only, likewise.
        let tally = crate::example_command::check(chromedriver, options.lint);
        outcomes.push(Outcome {
            what: format!("examples: {} passed, {} failed", tally.passed, tally.failed),
            passed: tally.failed == 0 && tally.passed > 0,
            tally: Some(tally),
        });
    }

    announce("summary");
    for outcome in &outcomes {
        let verdict = if outcome.passed { "ok" } else { "FAILED" };
        println!("    {verdict:<8}{}", outcome.what);
    }
    // One closing line over every browser-side test, in the form CI reads.
    let mut total = Tally::default();
    for tally in outcomes.iter().filter_map(|outcome| outcome.tally) {
        total += tally;
    }
    println!("total: {} passed, {} failed", total.passed, total.failed);
    let failed = outcomes.iter().filter(|outcome| !outcome.passed).count();
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "{failed} of {} steps failed",
            outcomes.len()
        )))
    }
}

/// Runs a check, reporting its failure at once but letting later steps run.
fn run_check(check: &Check) -> Outcome {
    let result = (check.run)();
    if let Err(failure) = &result {
        eprintln!("error: {failure}");
    }
    Outcome {
        what: check.name.to_owned(),
        passed: result.is_ok(),
        tally: None,
    }
}

fn start_test_server() -> Result<server::TestServer> {
    server::build()?;
    announce("starting test-server");
    let log = target_dir().join("test-server.log");
    let options = ServerOptions {
        port: 0,
        static_dir: None,
    };
    let test_server = server::start(&options, &ServerOutput::LogFile(log.clone()))?;
    println!(
        "    listening on {} (log: {})",
        test_server.addr(),
        log.display()
    );
    Ok(test_server)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<TestOptions> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn no_options_means_both_browsers_with_lints() {
        let options = parse_strs(&[]).unwrap();
        assert_eq!(options.browsers, [Browser::Chromium, Browser::Firefox]);
        assert!(options.lint);
    }

    #[test]
    fn browser_option_selects_one_browser() {
        let options = parse_strs(&["--browser", "firefox", "--no-lint"]).unwrap();
        assert_eq!(options.browsers, [Browser::Firefox]);
        assert!(!options.lint);
    }

    #[test]
    fn unknown_browser_is_a_usage_error() {
        assert_eq!(parse_strs(&["--browser=safari"]).unwrap_err().exit_code, 2);
    }
}
