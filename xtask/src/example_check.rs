//! The framework-examples step of `cargo xtask test`: clippy for wasm32 on both examples,
//! then each one built, served from its own test server, and chatted with in headless
//! Chromium by demo-check's `example-check` binary.

use super::example_build::{self, Example};
use crate::browser_tests::{self, Tally};
use crate::cmd::{self, announce, cargo, target_dir};
use crate::failure::Result;
use crate::server::{self, ServerOptions, ServerOutput};
use crate::setup::WASM32;
use std::path::Path;

/// Runs the lint (when `lint`) and both examples' checks, and prints
/// `examples: N passed, M failed`. Anything that stops an example (a build error, a
/// server that does not start) counts as one failure.
pub fn run(chromedriver: &Path, lint: bool) -> Tally {
    announce("framework examples (chromium)");
    let mut tally = Tally::default();
    if lint {
        tally += one_check("clippy (wasm32) for the examples", clippy_wasm32());
    }
    for example in Example::ALL {
        tally += match check(example, chromedriver) {
            Ok(tally) => tally,
            Err(failure) => one_check(example.package(), Err(failure)),
        };
    }
    println!("examples: {} passed, {} failed", tally.passed, tally.failed);
    tally
}

/// The examples are wasm apps: their browser paths are linted for wasm32 here (the
/// native workspace clippy covers the rest).
fn clippy_wasm32() -> Result {
    let mut clippy = cargo();
    clippy.args(["clippy", "--all-targets", "--target", WASM32]);
    for example in Example::ALL {
        clippy.args(["-p", example.package()]);
    }
    cmd::run(clippy.args(["--", "-D", "warnings"]))
}

fn one_check(what: &str, result: Result) -> Tally {
    match result {
        Ok(()) => {
            println!("  ok    {what}");
            Tally {
                passed: 1,
                failed: 0,
            }
        }
        Err(failure) => {
            eprintln!("error: {failure}");
            println!("  FAIL  {what}");
            Tally {
                passed: 0,
                failed: 1,
            }
        }
    }
}

fn check(example: Example, chromedriver: &Path) -> Result<Tally> {
    let site = example_build::build(example)?;
    server::build()?;
    let package = example.package();
    let log = target_dir().join(format!("{package}-server.log"));
    let options = ServerOptions {
        port: 0,
        static_dir: Some(site),
    };
    let example_server = server::start(&options, &ServerOutput::LogFile(log.clone()))?;
    println!(
        "    {package} served at http://{}/ (log: {})",
        example_server.addr(),
        log.display()
    );

    // Chromium leaves a profile in TMPDIR: give it a directory of its own, as the
    // browser tests do, and delete it afterwards.
    let tmp = target_dir().join("browser-tmp").join(package);
    let _ = std::fs::remove_dir_all(&tmp);
    let _ = std::fs::create_dir_all(&tmp);
    let mut example_check = cargo();
    example_check
        .args([
            "run",
            "--quiet",
            "-p",
            "demo-check",
            "--bin",
            "example-check",
        ])
        .args(["--", "--scenario", example.name(), "--url"])
        .arg(format!("http://{}/", example_server.addr()))
        .arg("--chromedriver")
        .arg(chromedriver)
        .arg("--screenshot")
        .arg(target_dir().join(format!("{package}.png")))
        .env("TMPDIR", &tmp);
    let tally = browser_tests::run_counting(&mut example_check, parse_example_summary);
    drop(example_server);
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(tally)
}

/// Reads `example-check`'s closing line, `yew: 8 passed, 0 failed` (or `leptos: ...`).
fn parse_example_summary(line: &str) -> Option<Tally> {
    let (name, counts) = line.trim().split_once(": ")?;
    Example::from_name(name)?;
    let (passed, failed) = counts.split_once(", ")?;
    Some(Tally {
        passed: passed.strip_suffix(" passed")?.parse().ok()?,
        failed: failed.strip_suffix(" failed")?.parse().ok()?,
    })
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
