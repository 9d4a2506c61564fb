//! `example-check`: a framework example (`examples/yew-chat`, `examples/leptos-chat`)
//! chatted with the way two people would, in two browser sessions on one room.
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
pub const SHOWN: [&str; 5] = ["state", "queued", "listeners", "notice", "messages"];

/// Starts chromedriver and two Chromium sessions, runs the checks, saves the first
/// session's screenshot, and stops them all again whether the checks passed or not.
pub async fn run(args: &args::Args, report: &mut Report) -> Result<(), String> {
    let driver = Chromedriver::start(&args.chromedriver)?;
    let a = Page::open(&driver.url()).await?;
    let b = match Page::open(&driver.url()).await {
        Ok(b) => b,
        Err(message) => {
            a.close().await;
            return Err(message);
        }
    };
    println!(
        "checking the {} example at {} in two headless Chromium sessions",
        args.scenario, args.url
    );
    let _ = chat::run(&a, &b, &args.url, report).await;
    // Also after a failure: the picture often says what went wrong.
    a.save_screenshot(&args.screenshot, "1280x800").await;
    a.close().await;
    b.close().await;
    drop(driver);
    Ok(())
}
