//! `example-check`: drives a framework example (`examples/yew-chat`,
//! `examples/leptos-chat`) in headless Chromium through chromedriver, the way a person
//! would chat, and saves a screenshot. The WebDriver setup is demo-check's own.
//!
//! Run by `cargo xtask test` against a test server that serves the built example; by hand:
//!
//! ```text
//! cargo xtask example yew --port 8080 &
//! cargo run -p demo-check --bin example-check -- --scenario yew \
//!     --url http://127.0.0.1:8080/ --chromedriver /usr/bin/chromedriver \
//!     --screenshot target/yew-chat.png
//! ```
//!
//! Prints each check as it passes, stops at the first failure (with what the page shows),
//! and ends with `yew: N passed, M failed` (or `leptos: ...`); exits non-zero unless all
//! passed.

#[path = "../chromedriver.rs"]
mod chromedriver;
// Shared with demo-check, which uses the rest of it.
#[allow(dead_code)]
#[path = "../page.rs"]
mod page;
#[path = "../report.rs"]
mod report;

use std::path::PathBuf;
use std::process::ExitCode;

use chromedriver::Chromedriver;
use page::Page;
use report::{expect_eq, Report, Stopped};

const USAGE: &str = "usage: example-check --scenario yew|leptos --url http://127.0.0.1:PORT/ \
--chromedriver /usr/bin/chromedriver --screenshot target/yew-chat.png

Drives the example's chat in headless Chromium, prints each check as it passes, saves a
screenshot at 1280x800, and ends with `SCENARIO: N passed, M failed`.";

/// What a failure message shows of the chat.
const SHOWN: [&str; 5] = ["state", "why", "listeners", "notice", "messages"];

/// The examples, by the name of their scenario.
const SCENARIOS: [&str; 2] = ["yew", "leptos"];

#[derive(Debug, PartialEq, Eq)]
struct Args {
    scenario: String,
    url: String,
    chromedriver: PathBuf,
    screenshot: PathBuf,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("example-check: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut report = Report::showing(&SHOWN);
    if let Err(message) = run(&args, &mut report).await {
        println!("  FAIL  {message}");
        report.failed += 1;
    }
    println!(
        "{}: {} passed, {} failed",
        args.scenario, report.passed, report.failed
    );
    if report.failed == 0 && report.passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Starts chromedriver and Chromium, runs the checks, saves the screenshot, and stops
/// both again whether the checks passed or not.
async fn run(args: &Args, report: &mut Report) -> Result<(), String> {
    let driver = Chromedriver::start(&args.chromedriver)?;
    let page = Page::open(&driver.url()).await?;
    println!(
        "checking the {} example at {} in headless Chromium",
        args.scenario, args.url
    );
    let _ = chat(&page, &args.url, report).await;
    // Also after a failure: the picture often says what went wrong.
    match page.screenshot().await.and_then(|png| {
        std::fs::write(&args.screenshot, png)
            .map_err(|err| format!("cannot write {}: {err}", args.screenshot.display()))
    }) {
        Ok(()) => println!("  screenshot (1280x800): {}", args.screenshot.display()),
        Err(message) => eprintln!("warning: no screenshot: {message}"),
    }
    page.close().await;
    drop(driver);
    Ok(())
}

/// The checks, in the order a person would chat: connect, leave and rejoin, talk.
async fn chat(page: &Page, url: &str, report: &mut Report) -> Result<(), Stopped> {
    report
        .check(page, "the page loads and the chat mounts", async {
            page.goto(url).await?;
            page.wait_for("the connection badge", || async {
                Ok(page.text("state").await.ok())
            })
            .await?;
            page.watch_for_uncaught_errors().await
        })
        .await?;

    report
        .check(
            page,
            "the badge reads Open; the socket holds 4 listeners",
            async {
                wait_for_text(page, "state", "Open").await?;
                wait_for_text(page, "listeners", "4").await
            },
        )
        .await?;

    report
        .check(
            page,
            "Leave unmounts the chat: 0 listeners, no badge",
            async {
                page.click("join").await?;
                wait_for_text(page, "listeners", "0").await?;
                page.wait_for("the chat to be gone", || async {
                    Ok(page.text("state").await.is_err().then_some(()))
                })
                .await?;
                page.text("left").await.map(drop)
            },
        )
        .await?;

    report
        .check(page, "Join mounts it again: Open, 4 listeners", async {
            page.click("join").await?;
            wait_for_text(page, "state", "Open").await?;
            wait_for_text(page, "listeners", "4").await?;
            expect_eq("the message list", &page.text("messages").await?, "")
        })
        .await?;

    for (n, text) in ["hello from example-check", "and a second one"]
        .into_iter()
        .enumerate()
    {
        report
            .check(
                page,
                &format!("message {}: sent, echoed by /echo, listed", n + 1),
                async {
                    page.fill("text", text).await?;
                    page.click("send").await?;
                    page.wait_for(&format!("{text:?} in the message list"), || async {
                        Ok(page.text("messages").await?.contains(text).then_some(()))
                    })
                    .await?;
                    expect_eq("the input", &page.value("text").await?, "")
                },
            )
            .await?;
    }

    report
        .check(
            page,
            "both messages listed in order, from this guest",
            async {
                let list = page.text("messages").await?;
                let first = list.find("hello from example-check");
                let second = list.find("and a second one");
                match (first, second) {
                    (Some(first), Some(second)) if first < second => {}
                    _ => return Err(format!("the list reads {list:?}")),
                }
                if list.matches("guest-").count() == 2 {
                    Ok(())
                } else {
                    Err(format!("expected two lines from guest-N in {list:?}"))
                }
            },
        )
        .await?;

    // A panic in a hook or a socket borrowed twice (a send during a poll) would show here.
    report.check_no_uncaught_errors(page).await?;

    Ok(())
}

async fn wait_for_text(page: &Page, id: &str, expected: &str) -> Result<(), String> {
    page.wait_for(&format!("#{id} to read {expected:?}"), || async {
        Ok((page.text(id).await.ok().as_deref() == Some(expected)).then_some(()))
    })
    .await
}

/// Parses the arguments after the program name; the error is a one-line message.
fn parse(arguments: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let (mut scenario, mut url, mut chromedriver, mut screenshot) = (None, None, None, None);
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        let (flag, inline) = match argument.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (argument, None),
        };
        let value = inline
            .or_else(|| arguments.next())
            .ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--scenario" => scenario = Some(value?),
            "--url" => url = Some(value?),
            "--chromedriver" => chromedriver = Some(PathBuf::from(value?)),
            "--screenshot" => screenshot = Some(PathBuf::from(value?)),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    let scenario = scenario.ok_or("--scenario is required")?;
    if !SCENARIOS.contains(&scenario.as_str()) {
        return Err(format!("--scenario {scenario}: expected yew or leptos"));
    }
    let url = url.ok_or("--url is required")?;
    if !url.starts_with("http://") {
        return Err(format!("--url {url}: expected http://HOST:PORT/"));
    }
    Ok(Args {
        scenario,
        url,
        chromedriver: chromedriver.ok_or("--chromedriver is required")?,
        screenshot: screenshot.ok_or("--screenshot is required")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(arguments: &[&str]) -> Result<Args, String> {
        parse(arguments.iter().map(|argument| argument.to_string()))
    }

    #[test]
    fn all_flags_in_both_spellings() {
        let args = parse_strs(&[
            "--scenario=leptos",
            "--url",
            "http://127.0.0.1:1/",
            "--chromedriver=/usr/bin/chromedriver",
            "--screenshot",
            "a.png",
        ])
        .unwrap();
        assert_eq!(args.scenario, "leptos");
        assert_eq!(args.url, "http://127.0.0.1:1/");
        assert_eq!(args.chromedriver, PathBuf::from("/usr/bin/chromedriver"));
        assert_eq!(args.screenshot, PathBuf::from("a.png"));
    }

    #[test]
    fn unknown_scenarios_and_missing_flags_are_errors() {
        let rest = [
            "--url",
            "http://x/",
            "--chromedriver",
            "c",
            "--screenshot",
            "s",
        ];
        let with = |scenario: &str| {
            let mut all = vec!["--scenario", scenario];
            all.extend(rest);
            parse_strs(&all)
        };
        assert!(with("yew").is_ok());
        assert!(with("react").is_err());
        assert!(parse_strs(&rest).is_err());
        assert!(parse_strs(&["--scenario"]).is_err());
    }
}
