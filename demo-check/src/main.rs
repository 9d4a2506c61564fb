//! `demo-check`: drives the demo page (`www/`) in headless Chromium through chromedriver,
//! the way a person would try it, and saves a screenshot.
//!
//! Run by `cargo xtask test` against a test server that serves the built page; by hand:
//!
//! ```text
//! cargo xtask demo --port 8080 &
//! cargo run -p demo-check -- --url http://127.0.0.1:8080/ \
//!     --chromedriver /usr/bin/chromedriver --screenshot target/demo.png
//! ```
//!
//! Prints each check as it passes, stops at the first failure (with what the page shows),
//! and ends with `demo: N passed, M failed`; exits non-zero unless all passed.

mod args;
mod checks;
mod chromedriver;
mod page;
mod reconnect_checks;
mod report;

use std::path::Path;
use std::process::ExitCode;

use chromedriver::Chromedriver;
use page::Page;
use report::Report;

/// The phone-sized viewport of `--phone-screenshot`.
const PHONE: (u32, u32) = (390, 844);

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("demo-check: {message}\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let mut report = Report::default();
    if let Err(message) = run(&args, &mut report).await {
        // Could not even get to the checks: no driver, no browser.
        println!("  FAIL  {message}");
        report.failed += 1;
    }
    println!("demo: {} passed, {} failed", report.passed, report.failed);
    if report.failed == 0 && report.passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Starts chromedriver and Chromium, runs the checks, saves the screenshots, and stops
/// both again whether the checks passed or not.
async fn run(args: &args::Args, report: &mut Report) -> Result<(), String> {
    let driver = Chromedriver::start(&args.chromedriver)?;
    let page = Page::open(&driver.url()).await?;
    println!("checking {} in headless Chromium", args.url);
    let passed = checks::run(&page, &args.url, report).await.is_ok();
    // Also after a failure: the picture often says what went wrong.
    save_screenshot(&page, &args.screenshot, "1280x800").await;
    if let (true, Some(path)) = (passed, &args.phone_screenshot) {
        match page.resize(PHONE).await {
            Ok(()) => save_screenshot(&page, path, "390x844").await,
            Err(message) => eprintln!("warning: no phone screenshot: {message}"),
        }
    }
    page.close().await;
    drop(driver);
    Ok(())
}

/// Saves a screenshot; a failure to save is a warning, not a failed check.
async fn save_screenshot(page: &Page, path: &Path, size: &str) {
    let saved = match page.screenshot().await {
        Ok(png) => {
            if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
                let _ = std::fs::create_dir_all(dir);
            }
            std::fs::write(path, png)
                .map_err(|err| format!("cannot write {}: {err}", path.display()))
        }
        Err(message) => Err(message),
    };
    match saved {
        Ok(()) => println!("  screenshot ({size}): {}", path.display()),
        Err(message) => eprintln!("warning: no screenshot: {message}"),
    }
}
