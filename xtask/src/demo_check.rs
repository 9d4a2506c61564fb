//! The demo step of `cargo xtask test`: build the demo page, serve it from a second test
//! server, and drive it in headless Chromium with the `demo-check` binary.

use crate::browser_tests::{self, Tally};
use crate::cmd::{announce, cargo, target_dir};
use crate::demo_build;
use crate::failure::Result;
use crate::server::{self, ServerOptions, ServerOutput};
use std::path::Path;

/// Runs the check and prints `demo-check`'s own `demo: N passed, M failed`. Anything that
/// stops it (a build error, a server that does not start) counts as one failure.
pub fn run(chromedriver: &Path) -> Tally {
    announce("demo check (chromium)");
    match check(chromedriver) {
        Ok(tally) => tally,
        Err(failure) => {
            eprintln!("error: {failure}");
            println!("demo: 0 passed, 1 failed");
            Tally {
                passed: 0,
                failed: 1,
            }
        }
    }
}

fn check(chromedriver: &Path) -> Result<Tally> {
    let site = demo_build::build()?;
    server::build()?;
    let log = target_dir().join("demo-server.log");
    let options = ServerOptions {
        port: 0,
        static_dir: Some(site),
    };
    let demo_server = server::start(&options, &ServerOutput::LogFile(log.clone()))?;
    println!(
        "    demo served at http://{}/ (log: {})",
        demo_server.addr(),
        log.display()
    );

    // Chromium leaves a profile in TMPDIR: give it a directory of its own, as the
    // browser tests do, and delete it afterwards.
    let tmp = target_dir().join("browser-tmp").join("demo");
    let _ = std::fs::remove_dir_all(&tmp);
    let _ = std::fs::create_dir_all(&tmp);
    let screenshot = target_dir().join("demo.png");
    let phone_screenshot = target_dir().join("demo-phone.png");
    let mut demo_check = cargo();
    demo_check
        .args(["run", "--quiet", "-p", "demo-check", "--"])
        .arg("--url")
        .arg(format!("http://{}/", demo_server.addr()))
        .arg("--chromedriver")
        .arg(chromedriver)
        .arg("--screenshot")
        .arg(&screenshot)
        .arg("--phone-screenshot")
        .arg(&phone_screenshot)
        .env("TMPDIR", &tmp);
    let tally = browser_tests::run_counting(&mut demo_check, parse_demo_summary);
    drop(demo_server);
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(tally)
}

/// Reads `demo-check`'s closing line, `demo: 9 passed, 0 failed`.
pub fn parse_demo_summary(line: &str) -> Option<Tally> {
    let counts = line.trim().strip_prefix("demo: ")?;
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
