//! `demo-check`: the demo page (`www/`) tried the way a person would.
//!
//! | file | what it holds |
//! |---|---|
//! | `args.rs` | the command line |
//! | `checks.rs` | the main flow: connect, echo, Blob mode, close, errors, burst, a drop |
//! | `reconnect_checks.rs` | the reconnect mode, on the same page afterwards |

pub mod args;
mod checks;
mod reconnect_checks;

use crate::chromedriver::Chromedriver;
use crate::page::Page;
use crate::report::Report;

/// The phone-sized viewport of `--phone-screenshot`.
const PHONE: (u32, u32) = (390, 844);

/// Starts chromedriver and Chromium, runs the checks, saves the screenshots, and stops
/// both again whether the checks passed or not.
pub async fn run(args: &args::Args, report: &mut Report) -> Result<(), String> {
    let driver = Chromedriver::start(&args.chromedriver)?;
    let page = Page::open(&driver.url()).await?;
    println!("checking {} in headless Chromium", args.url);
    let passed = checks::run(&page, &args.url, report).await.is_ok();
    // Also after a failure: the picture often says what went wrong.
    page.save_screenshot(&args.screenshot, "1280x800").await;
    if let (true, Some(path)) = (passed, &args.phone_screenshot) {
        match page.resize(PHONE).await {
            Ok(()) => page.save_screenshot(path, "390x844").await,
            Err(message) => eprintln!("warning: no phone screenshot: {message}"),
        }
    }
    page.close().await;
    drop(driver);
    Ok(())
}
