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

use crate::page::Page;
use crate::report::Report;

/// The phone-sized viewport of `--phone-screenshot`.
const PHONE: (u32, u32) = (390, 844);

/// Starts the driver and the browser, runs the checks, saves the screenshots, and stops
/// both again whether the checks passed or not.
pub async fn run(args: &args::Args, report: &mut Report) -> Result<(), String> {
    let driver = args.webdriver.start_driver(&args.screenshot)?;
    let page = Page::open(&driver).await?;
    println!(
        "checking {} in {}",
        args.url,
        args.webdriver.browser.described()
    );
    let passed = checks::run(&page, &args.url, report).await.is_ok();
    // Also after a failure: the picture often says what went wrong.
    page.save_screenshot(&args.screenshot).await;
    if let (true, Some(path)) = (passed, &args.phone_screenshot) {
        match page.resize(PHONE).await {
            Ok(size) => {
                if size != PHONE {
                    // MiniBrowser's window goes no narrower than 447 px, headless
                    // Firefox's than 500.
                    println!(
                        "  note: the window goes no smaller: the viewport is {}x{}, not {}x{}",
                        size.0, size.1, PHONE.0, PHONE.1
                    );
                }
                page.save_screenshot(path).await;
            }
            Err(message) => eprintln!("warning: no phone screenshot: {message}"),
        }
    }
    page.close().await;
    drop(driver);
    Ok(())
}
