//! `example-check --scenario tabs`: the demo page's "One connection for every tab" panel
//! in three windows of one browser session, against the test server's `/counted/{key}`,
//! which counts the connections and keeps what they received.

use std::time::Instant;

use fantoccini::wd::WindowHandle;

use crate::driver::Driver;
use crate::example::args::Args;
use crate::http::http_get;
use crate::page::Page;
use crate::report::{expect_eq, Report, Stopped};

/// What a failure message shows of the panel.
pub const SHOWN: [&str; 4] = ["tabs-role", "tabs-count", "tabs-status", "tabs-messages"];

/// Starts the driver and one session, runs the checks in three windows, saves a
/// screenshot, and stops both again whether the checks passed or not.
pub async fn run(args: &Args, report: &mut Report) -> Result<(), String> {
    let log = args.webdriver.driver_log(&args.screenshot);
    let driver = Driver::start(args.webdriver.browser, &args.webdriver.driver, &log)?;
    let page = Page::open(&driver).await?;
    println!(
        "checking one connection for every tab at {} in three {} windows",
        args.url,
        args.webdriver.browser.described()
    );
    let crashes = match args.webdriver.browser {
        crate::browser::Browser::Chromium => Some("chrome://crash"),
        // Firefox's `about:crashcontent` takes the whole headless browser down with the
        // page, and WebKit has no such address.
        crate::browser::Browser::Firefox | crate::browser::Browser::WebKit => None,
    };
    let _ = checks(&page, &args.url, crashes, report).await;
    page.save_screenshot(&args.screenshot).await;
    page.close().await;
    drop(driver);
    Ok(())
}

/// The window of one tab.
struct Tab {
    name: &'static str,
    window: WindowHandle,
}

/// `crash`: the address at which the browser crashes a page, if it has one, so that a
/// leader's crash is checked too.
async fn checks(
    page: &Page,
    url: &str,
    crash: Option<&str>,
    report: &mut Report,
) -> Result<(), Stopped> {
    // A key of this run's own: the server's counts start at zero.
    let key = format!("tabs-{}", std::process::id());
    let shared = format!("{}?share={key}", url.trim_end_matches('/').to_owned() + "/");
    let mut tabs = Vec::new();
    report
        .check(page, "A opens the page and leads: one connection", async {
            page.goto(&shared).await?;
            page.watch_for_uncaught_errors().await?;
            page.wait_for_text("tabs-role", "leader").await?;
            page.wait_for_text("tabs-status", "open").await?;
            tabs.push(Tab {
                name: "A",
                window: page.window().await?,
            });
            expect_counts(url, &key, 1, 1)
        })
        .await?;
    report
        .check(
            page,
            "B and C open it in windows of their own: still one connection, three tabs in each",
            async {
                for name in ["B", "C"] {
                    let window = page.open_window().await?;
                    page.switch_to(&window).await?;
                    page.goto(&shared).await?;
                    page.watch_for_uncaught_errors().await?;
                    page.wait_for_text("tabs-role", "follower").await?;
                    page.wait_for_text("tabs-status", "open").await?;
                    tabs.push(Tab { name, window });
                }
                for tab in &tabs {
                    page.switch_to(&tab.window).await?;
                    page.wait_for_text("tabs-count", "3").await?;
                }
                expect_counts(url, &key, 1, 1)
            },
        )
        .await?;
    report
        .check(
            page,
            "a message from each tab reaches all three, in one order",
            async {
                for tab in &tabs {
                    page.switch_to(&tab.window).await?;
                    page.fill("tabs-text", &format!("from {}", tab.name))
                        .await?;
                    page.click("tabs-send").await?;
                }
                let mut orders = Vec::new();
                for tab in &tabs {
                    page.switch_to(&tab.window).await?;
                    orders.push(wait_for_items(page, 3).await?);
                }
                let mut sorted = orders[0].clone();
                sorted.sort();
                expect_eq("the messages", &sorted.join(", "), "from A, from B, from C")?;
                if orders.iter().any(|order| *order != orders[0]) {
                    return Err(format!("the tabs saw different orders: {orders:?}"));
                }
                let texts = http_get(url, &format!("/counted/{key}/texts"))?;
                expect_eq(
                    "what the server received",
                    &texts.split(',').count().to_string(),
                    "3",
                )
            },
        )
        .await?;
    report
        .check(page, "closing the leader's window makes another tab the leader within 2 s, on one new connection", async {
            let leader = tabs.remove(0);
            page.switch_to(&leader.window).await?;
            page.close_window().await?;
            let started = Instant::now();
            let new_leader = wait_for_leader(page, &tabs).await?;
            let took = started.elapsed();
            println!("    handover: {} ms, to {}", took.as_millis(), tabs[new_leader].name);
            if took.as_secs_f64() > 2.0 {
                return Err(format!("the handover took {} ms", took.as_millis()));
            }
            wait_for_counts(page, url, &key, 1, 2).await?;
            // The leader first, the follower second.
            tabs.swap(0, new_leader);
            Ok(())
        })
        .await?;
    report
        .check(page, "a numbered stream from the follower, sent while the leader's window closes, arrives complete and in order", async {
            // The leader's window closes for good; the follower leads from now on.
            let leader = tabs.remove(0);
            let follower = &tabs[0];
            page.switch_to(&follower.window).await?;
            let before = http_get(url, &format!("/counted/{key}/texts"))?;
            page.click("tabs-numbers").await?;
            page.switch_to(&leader.window).await?;
            page.close_window().await?;
            page.switch_to(&follower.window).await?;
            page.wait_for_text("tabs-role", "leader").await?;
            wait_for_counts(page, url, &key, 1, 3).await?;
            let numbers = page
                .wait_for("all twenty numbers at the server", || async {
                    let texts = http_get(url, &format!("/counted/{key}/texts"))?;
                    let sent = texts.strip_prefix(&before).unwrap_or(&texts).trim_start_matches(',');
                    let numbers: Vec<u32> = sent.split(',').filter_map(|n| n.parse().ok()).collect();
                    Ok((first_arrivals(&numbers).len() == 20).then_some(numbers))
                })
                .await?;
            let firsts = first_arrivals(&numbers);
            if firsts != (1..=20).collect::<Vec<_>>() {
                return Err(format!("out of order: {numbers:?}"));
            }
            println!("    {} of 20 arrived twice (sent by the old leader but unconfirmed)", numbers.len() - 20);
            Ok(())
        })
        .await?;
    if let Some(crash) = crash {
        leader_crashes(page, url, &key, &shared, crash, &mut tabs, report).await?;
    }
    report
        .check(
            page,
            "after the last window lets go, the server sees the connection close",
            async {
                page.click("tabs-leave").await?;
                // One connection per leader: A, B, C, and D after a crash.
                wait_for_counts(page, url, &key, 0, 3 + u32::from(crash.is_some())).await
            },
        )
        .await?;
    report.check_no_uncaught_errors(page).await
}

/// D joins, and the leader's page crashes (at `crash`: no `pagehide`, no drop, no bye):
/// the browser releases its lock all the same, and D leads on one new connection.
async fn leader_crashes(
    page: &Page,
    url: &str,
    key: &str,
    shared: &str,
    crash: &str,
    tabs: &mut Vec<Tab>,
    report: &mut Report,
) -> Result<(), Stopped> {
    report
        .check(
            page,
            "the leader's page crashes: a new tab D leads within 2 s, on one new connection",
            async {
                let leader = tabs.remove(0);
                let window = page.open_window().await?;
                page.switch_to(&window).await?;
                page.goto(shared).await?;
                page.watch_for_uncaught_errors().await?;
                page.wait_for_text("tabs-role", "follower").await?;
                page.switch_to(&leader.window).await?;
                // The navigation never finishes: the page it would replace crashes.
                let _ = page.goto(crash).await;
                let started = Instant::now();
                page.switch_to(&window).await?;
                page.wait_for_text("tabs-role", "leader").await?;
                let took = started.elapsed();
                println!("    handover after a crash: {} ms", took.as_millis());
                if took.as_secs_f64() > 2.0 {
                    return Err(format!("the handover took {} ms", took.as_millis()));
                }
                wait_for_counts(page, url, key, 1, 4).await?;
                page.switch_to(&leader.window).await?;
                let _ = page.close_window().await;
                page.switch_to(&window).await?;
                tabs.insert(0, Tab { name: "D", window });
                Ok(())
            },
        )
        .await
}

/// The numbers in the order they first arrived.
fn first_arrivals(numbers: &[u32]) -> Vec<u32> {
    let mut firsts = Vec::new();
    for n in numbers {
        if !firsts.contains(n) {
            firsts.push(*n);
        }
    }
    firsts
}

fn counts(url: &str, key: &str) -> Result<String, String> {
    http_get(url, &format!("/counted/{key}/count"))
}

fn expect_counts(url: &str, key: &str, open: u32, opened: u32) -> Result<(), String> {
    let expected = format!(r#"{{"open":{open},"opened":{opened}}}"#);
    expect_eq("the server's connections", &counts(url, key)?, &expected)
}

async fn wait_for_counts(
    page: &Page,
    url: &str,
    key: &str,
    open: u32,
    opened: u32,
) -> Result<(), String> {
    let expected = format!(r#"{{"open":{open},"opened":{opened}}}"#);
    page.wait_for(&format!("the server to count {expected}"), || async {
        Ok((counts(url, key)? == expected).then_some(()))
    })
    .await
}

/// The texts of the panel's message list once it has `n`.
async fn wait_for_items(page: &Page, n: usize) -> Result<Vec<String>, String> {
    page.wait_for(&format!("{n} messages"), || async {
        let items = page.child_texts("tabs-messages").await?;
        Ok((items.len() >= n).then_some(items))
    })
    .await
}

/// Which of `tabs` leads, once one does.
async fn wait_for_leader(page: &Page, tabs: &[Tab]) -> Result<usize, String> {
    page.wait_for("a new leader", || async {
        for (n, tab) in tabs.iter().enumerate() {
            page.switch_to(&tab.window).await?;
            if page.text("tabs-role").await? == "leader" {
                return Ok(Some(n));
            }
        }
        Ok(None)
    })
    .await
}
