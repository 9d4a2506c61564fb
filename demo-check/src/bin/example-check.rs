//! `example-check`: drives a framework example (`examples/yew-chat`,
//! `examples/leptos-chat`, `examples/dioxus-chat`) in the browser `--browser` names (headless Chromium unless
//! told), through its WebDriver server, the way a person would chat, and saves a
//! screenshot. The WebDriver setup is demo-check's own.
//!
//! Run by `cargo xtask test` against a test server that serves the built example; by hand:
//!
//! ```text
//! cargo xtask example yew --port 8080 &
//! cargo run -p demo-check --bin example-check -- --scenario yew \
//!     --url http://127.0.0.1:8080/ --driver /usr/bin/chromedriver \
//!     --screenshot target/yew-chat.png
//! ```
//!
//! Prints each check as it passes, stops at the first failure (with what the page shows),
//! and ends with `yew: N passed, M failed` (or `leptos: ...`); exits non-zero unless all
//! passed.

use std::process::ExitCode;

use demo_check::example::{self, args};
use demo_check::report::Report;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("example-check: {message}\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let shown: &'static [&'static str] = if args.scenario == "tabs" {
        &demo_check::tabs::SHOWN
    } else {
        &example::SHOWN
    };
    let mut report = Report::showing(shown);
    if let Err(message) = example::run(&args, &mut report).await {
        report.could_not_start(&message);
    }
    report.finish(&args.scenario)
}
