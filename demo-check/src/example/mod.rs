//! `example-check`: a framework example (`examples/yew-chat`, `examples/leptos-chat`,
//! `examples/dioxus-chat`) chatted with the way two people would, in two browser
//! sessions on one room.
//!
//! | file | what it holds |
//! |---|---|
//! | `args.rs` | the command line |
//! | `chat.rs` | the checks |

pub mod args;
mod chat;

use crate::driver::{self, Driver};
use crate::page::Page;
use crate::report::Report;

/// What a failure message shows of the chat.
pub const SHOWN: [&str; 8] = [
    "state",
    "me",
    "queued",
    "sharing",
    "listeners",
    "members",
    "notice",
    "messages",
];

/// Starts two drivers with a browser session each, runs the checks, saves the first
/// session's screenshot, and stops them all again whether the checks passed or not.
pub async fn run(args: &args::Args, report: &mut Report) -> Result<(), String> {
    if args.scenario == "tabs" {
        return crate::tabs::run(args, report).await;
    }
    let log = args.webdriver.driver_log(&args.screenshot);
    let start =
        |log: &std::path::Path| Driver::start(args.webdriver.browser, &args.webdriver.driver, log);
    // WebKitWebDriver serves one session at a time ("Maximum number of active
    // sessions"): a driver for each, in every browser alike.
    let driver_a = start(&log)?;
    let driver_b = start(&driver::tagged_log(&log, "b"))?;
    let a = Page::open(&driver_a).await?;
    let b = match Page::open(&driver_b).await {
        Ok(b) => b,
        Err(message) => {
            a.close().await;
            return Err(message);
        }
    };
    println!(
        "checking the {} example at {} in two {} sessions",
        args.scenario,
        args.url,
        args.webdriver.browser.described()
    );
    let _ = chat::run(&a, &b, &args.url, report).await;
    // Also after a failure: the picture often says what went wrong.
    a.save_screenshot(&args.screenshot).await;
    a.close().await;
    b.close().await;
    drop((driver_a, driver_b));
    Ok(())
}
