//! The checks, in the order a person would try the page.

use super::reconnect_checks;
use crate::page::Page;
use crate::report::{expect_eq, Report, Stopped};

/// The main flow: connect, echo, Blob mode, close, errors, burst, a dropped connection,
/// then the reconnect mode (`reconnect_checks.rs`).
pub async fn run(page: &Page, url: &str, report: &mut Report) -> Result<(), Stopped> {
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let ws = |path: &str| format!("ws://{host}{path}");

    report
        .check(page, "the page loads and the app starts", async {
            page.goto(url).await?;
            page.wait_for("the app to mark itself ready", || async {
                Ok(page
                    .has_attribute("app", "data-ready", "true")
                    .await?
                    .then_some(()))
            })
            .await?;
            page.watch_for_uncaught_errors().await?;
            let prefilled = page.value("url").await?;
            expect_eq("the URL field", &prefilled, "/echo")
        })
        .await?;

    report
        .check(
            page,
            "connect to the relative /echo: Open with the resolved ws:// URL, badge OPEN",
            async {
                let mark = page.log_mark().await?;
                page.click("connect").await?;
                page.wait_for_entry(mark, "open", &[&ws("/echo")]).await?;
                page.wait_for_state("OPEN").await
            },
        )
        .await?;

    report
        .check(page, "text is echoed", async {
            let mark = page.log_mark().await?;
            page.fill("text", "hello from demo-check").await?;
            page.click("send-text").await?;
            page.wait_for_entry(mark, "sent", &["Text", "hello from demo-check"])
                .await?;
            page.wait_for_entry(mark, "message", &["Text", "\"hello from demo-check\""])
                .await
                .map(drop)
        })
        .await?;

    report
        .check(page, "binaryType blob: bytes come back as a Blob", async {
            let mark = page.log_mark().await?;
            page.select("binary-type", "blob").await?;
            page.wait_for_entry(mark, "info", &["binaryType is now blob"])
                .await?;
            page.fill("byte-count", "64").await?;
            page.click("send-bytes").await?;
            page.wait_for_entry(mark, "message", &["Blob", "64 B"])
                .await
                .map(drop)
        })
        .await?;

    report
        .check(
            page,
            "close with 4000 \"bye\": Closed 4000 \"bye\" in the log",
            async {
                let mark = page.log_mark().await?;
                page.fill("close-code", "4000").await?;
                page.fill("close-reason", "bye").await?;
                page.click("close").await?;
                page.wait_for_entry(mark, "closed", &["4000", "\"bye\"", "wasClean true"])
                    .await?;
                page.wait_for_state("CLOSED").await
            },
        )
        .await?;

    report
        .check(page, "reconnect", async {
            let mark = page.log_mark().await?;
            page.click("connect").await?;
            page.wait_for_entry(mark, "open", &[]).await?;
            page.wait_for_state("OPEN").await
        })
        .await?;

    report
        .check(
            page,
            "close code 1005 shows the crate's error; still OPEN",
            async {
                let mark = page.log_mark().await?;
                page.fill("close-code", "1005").await?;
                page.fill("close-reason", "").await?;
                page.click("close").await?;
                page.wait_for_error(&["close code 1005", "cannot be sent by a browser"])
                    .await?;
                page.wait_for_entry(mark, "error", &["1005"]).await?;
                expect_eq("the badge", &page.text("state").await?, "OPEN")
            },
        )
        .await?;

    report
        .check(
            page,
            "999, a 124-byte reason and junk are refused too; still OPEN",
            async {
                page.fill("close-code", "999").await?;
                page.click("close").await?;
                page.wait_for_error(&["close code 999 is outside 1000-4999"])
                    .await?;
                page.fill("close-code", "4000").await?;
                page.fill("close-reason", &"r".repeat(124)).await?;
                page.click("close").await?;
                page.wait_for_error(&["close reason is 124 bytes"]).await?;
                page.fill("close-code", "soon").await?;
                page.click("close").await?;
                page.wait_for_error(&["close code \"soon\"", "expected a whole number"])
                    .await?;
                page.fill("close-code", "").await?;
                page.fill("close-reason", "").await?;
                expect_eq("the badge", &page.text("state").await?, "OPEN")
            },
        )
        .await?;

    report
        .check(
            page,
            "bad URLs show the crate's error; the connection stays",
            async {
                page.fill("url", "ftp://x").await?;
                page.click("connect").await?;
                page.wait_for_error(&[
                    "invalid WebSocket URL \"ftp://x\"",
                    "not ws, wss, http or https",
                ])
                .await?;
                page.fill("url", "/echo#top").await?;
                page.click("connect").await?;
                page.wait_for_error(&["invalid WebSocket URL \"/echo#top\"", "#fragment"])
                    .await?;
                expect_eq("the badge", &page.text("state").await?, "OPEN")
            },
        )
        .await?;

    report
        .check(
            page,
            "burst: 32 MiB through the Sink, bufferedAmount held at the high mark",
            async {
                let mark = page.log_mark().await?;
                // A server that reads 16 MiB/s: the browser's buffer really fills.
                page.fill("url", &ws("/slow/16777216")).await?;
                page.click("connect").await?;
                page.wait_for_entry(mark, "open", &[]).await?;
                page.click("burst").await?;
                page.wait_for_entry(mark, "info", &["burst done", "32 MiB"])
                    .await?;
                expect_eq("bytes out", &page.text("bytes-out").await?, "32 MiB")?;
                // The Sink admits a message while bufferedAmount <= 1 MiB: at most one
                // 64 KiB message more can wait. Without flow control it would be ~32 MiB.
                let peak = page.number("buffered-peak", "data-bytes").await?;
                if (256 << 10..=(1 << 20) + (64 << 10)).contains(&peak) {
                    Ok(())
                } else {
                    Err(format!(
                        "bufferedAmount peaked at {peak} bytes, expected 256 KiB to 1 MiB + 64 KiB"
                    ))
                }
            },
        )
        .await?;

    report
        .check(
            page,
            "/drop: Closed 1006, and the page stays usable",
            async {
                let mark = page.log_mark().await?;
                page.fill("url", &ws("/drop")).await?;
                page.click("connect").await?;
                page.wait_for_entry(mark, "open", &[]).await?;
                page.fill("text", "this one is dropped").await?;
                page.click("send-text").await?;
                page.wait_for_entry(mark, "closed", &["1006", "wasClean false"])
                    .await?;
                page.wait_for_state("CLOSED").await
            },
        )
        .await?;

    report
        .check(page, "echo works again after the drop", async {
            let mark = page.log_mark().await?;
            page.fill("url", &ws("/echo")).await?;
            page.select("binary-type", "arraybuffer").await?;
            page.click("connect").await?;
            page.wait_for_entry(mark, "open", &[]).await?;
            page.fill("text", "back again").await?;
            page.click("send-text").await?;
            page.wait_for_entry(mark, "message", &["\"back again\""])
                .await?;
            page.fill("byte-count", "16").await?;
            page.click("send-bytes").await?;
            page.wait_for_entry(mark, "message", &["Binary", "16 B"])
                .await
                .map(drop)
        })
        .await?;

    reconnect_checks::run(page, ws, report).await?;

    report.check_no_uncaught_errors(page).await?;

    Ok(())
}
