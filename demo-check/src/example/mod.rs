//! `example-check`: a framework example (`examples/yew-chat`, `examples/leptos-chat`)
//! chatted with the way a person would.
//!
//! | file | what it holds |
//! |---|---|
//! | `args.rs` | the command line |
//! | `chat.rs` | the checks |

pub mod args;
mod chat;

use crate::chromedriver::Chromedriver;
use crate::page::Page;
use crate::report::Report;

/// What a failure message shows of the chat.
pub const SHOWN: [&str; 5] = ["state", "why", "listeners", "notice", "messages"];

/// Starts chromedriver and Chromium, runs the checks, saves the screenshot, and stops
/// both again whether the checks passed or not.
pub async fn run(args: &args::Args, report: &mut Report) -> Result<(), String> {
    let driver = Chromedriver::start(&args.chromedriver)?;
    let page = Page::open(&driver.url()).await?;
    println!(
        "checking the {} example at {} in headless Chromium",
        args.scenario, args.url
    );
    let _ = chat::run(&page, &args.url, report).await;
    // Also after a failure: the picture often says what went wrong.
    page.save_screenshot(&args.screenshot, "1280x800").await;
    page.close().await;
    drop(driver);
    Ok(())
}
