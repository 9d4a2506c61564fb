//! `demo-check`: drives the demo page (`www/`) in the browser `--browser` names
//! (headless Chromium unless told), through its WebDriver server, the way a person would
//! try it, and saves a screenshot.
//!
//! Run by `cargo xtask test` against a test server that serves the built page; by hand:
//!
//! ```text
//! cargo xtask demo --port 8080 &
//! cargo run -p demo-check -- --url http://127.0.0.1:8080/ \
//!     --driver /usr/bin/chromedriver --screenshot target/demo.png
//! DISPLAY=:0 WEBKIT_DISABLE_COMPOSITING_MODE=1 cargo run -p demo-check -- \
//!     --url http://127.0.0.1:8080/ --browser webkit --driver /usr/bin/WebKitWebDriver \
//!     --screenshot target/demo-webkit.png
//! ```
//!
//! Prints each check as it passes, stops at the first failure (with what the page shows),
//! and ends with `demo: N passed, M failed`; exits non-zero unless all passed.

use std::process::ExitCode;

use demo_check::demo::{self, args};
use demo_check::report::Report;

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
    if let Err(message) = demo::run(&args, &mut report).await {
        // Could not even get to the checks: no driver, no browser.
        report.could_not_start(&message);
    }
    report.finish("demo")
}
