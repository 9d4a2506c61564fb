//! The reconnect mode: "Reconnect automatically" ticked, Connect makes a
//! `ReconnectingWebSocket`. Run after the main flow, on the same page.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::page::Page;
use crate::report::{expect_eq, Report, Stopped};

/// Sends while disconnected, then a dropped connection that comes back by itself, then
/// Disconnect, which is final. `ws` turns a path into a URL of the test server.
pub async fn run(
    page: &Page,
    ws: impl Fn(&str) -> String,
    report: &mut Report,
) -> Result<(), Stopped> {
    // A key of its own, so that a long-running server refuses this run too.
    let nonce = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    let refused = ws(&format!("/refuse/demo-check-{nonce}/1000"));

    report
        .check(
            page,
            "reconnect mode: while disconnected, sends are queued, then refused when full",
            async {
                page.set_checked("reconnect", true).await?;
                if !page.is_shown("offline-queue").await? {
                    return Err("ticking Reconnect automatically shows no settings".to_owned());
                }
                page.select("offline-queue", "4-reject-new").await?;
                page.fill("url", &refused).await?;
                let mark = page.log_mark().await?;
                page.click("connect").await?;
                page.wait_for_entry(mark, "info", &["reconnecting automatically", "queue of 4"])
                    .await?;
                // Every handshake is refused: the socket never opens.
                page.wait_for_entry(mark, "reconnecting", &["Reconnecting attempt 1 in"])
                    .await?;
                for n in 1..=4 {
                    let text = format!("q{n}");
                    page.fill("text", &text).await?;
                    page.click("send-text").await?;
                    let quoted = format!("\"{text}\"");
                    let waiting = format!("{n} waiting");
                    page.wait_for_entry(mark, "queued", &["Sent::Queued", &quoted, &waiting])
                        .await?;
                }
                page.fill("text", "q5").await?;
                page.click("send-text").await?;
                page.wait_for_error(&["Send failed", "offline queue is full (4 messages)"])
                    .await?;
                expect_eq("the queue", &page.text("queued").await?, "4")
            },
        )
        .await?;

    report
        .check(
            page,
            "reconnect mode: a full drop-oldest queue hands back what it dropped",
            async {
                page.select("offline-queue", "4-drop-oldest").await?;
                let mark = page.log_mark().await?;
                page.click("connect").await?;
                page.wait_for_entry(mark, "info", &["dropped the previous reconnecting socket"])
                    .await?;
                page.wait_for_entry(mark, "reconnecting", &["Reconnecting attempt 1 in"])
                    .await?;
                for n in 1..=5 {
                    page.fill("text", &format!("r{n}")).await?;
                    page.click("send-text").await?;
                }
                page.wait_for_entry(
                    mark,
                    "queued",
                    &[
                        "Sent::QueuedDroppingOldest",
                        "\"r5\"",
                        "dropped Text",
                        "\"r1\"",
                    ],
                )
                .await?;
                expect_eq("the queue", &page.text("queued").await?, "4")
            },
        )
        .await?;

    report
        .check(
            page,
            "reconnect mode: Disconnect while retrying ends it; the queue is left unsent",
            async {
                let mark = page.log_mark().await?;
                page.click("disconnect").await?;
                page.wait_for_attribute("reconnect-line", "data-status", "closed")
                    .await?;
                // A retry may be logged between the mark and the click: only what comes
                // after the close itself counts.
                let closing = page
                    .wait_for_entry(
                        mark,
                        "info",
                        &["closing with 1000 for good: the retry is cancelled"],
                    )
                    .await?;
                page.wait_for_entry(
                    mark,
                    "info",
                    &[
                        "closed by you · no retry follows",
                        "4 queued messages never went out",
                    ],
                )
                .await?;
                no_retry_after(page, closing.seq).await?;
                expect_eq(
                    "the Reconnect line",
                    &page.text("reconnect-status").await?,
                    "closed by you",
                )?;
                expect_eq("the badge", &page.text("state").await?, "CLOSED")
            },
        )
        .await?;

    report
        .check(
            page,
            "reconnect mode: /drop-after/1 echoes, drops, and the socket reconnects by itself",
            async {
                page.select("offline-queue", "default").await?;
                page.fill("url", &ws("/drop-after/1")).await?;
                let mark = page.log_mark().await?;
                page.click("connect").await?;
                page.wait_for_entry(mark, "open", &[]).await?;
                page.wait_for_state("OPEN").await?;
                page.wait_for_attribute("reconnect-line", "data-status", "open")
                    .await?;
                page.record_texts("state").await?;
                page.record_texts("reconnect-status").await?;
                page.fill("text", "echoed, then dropped").await?;
                page.click("send-text").await?;
                page.wait_for_entry(mark, "message", &["\"echoed, then dropped\""])
                    .await?;
                // The server drops the connection after one echo: 1006, then a retry.
                page.wait_for_entry(mark, "closed", &["1006", "wasClean false"])
                    .await?;
                let retry = page
                    .wait_for_entry(mark, "reconnecting", &["Reconnecting attempt 1 in"])
                    .await?;
                page.wait_for_entry(retry.seq, "open", &["reconnect 1"])
                    .await?;
                page.wait_for_state("OPEN").await?;
                page.wait_for_attribute("reconnects", "data-count", "1")
                    .await?;
                // The wait before the retry is random, maybe 0 ms: the recorded texts,
                // not a poll, prove the badge and the line showed it.
                let badges = page.texts_seen("state").await?;
                if !badges.iter().any(|text| text == "RECONNECTING") {
                    return Err(format!("the badge never read RECONNECTING: {badges:?}"));
                }
                // The library's own status texts (`ConnectionStatus`'s Display).
                let lines = page.texts_seen("reconnect-status").await?;
                if !lines.iter().any(|text| text.starts_with("retry 1 in ")) {
                    return Err(format!("the Reconnect line never counted down: {lines:?}"));
                }
                expect_eq(
                    "the Reconnect line",
                    &page.text("reconnect-status").await?,
                    "open",
                )
            },
        )
        .await?;

    report
        .check(
            page,
            "reconnect mode: Disconnect closes with 1000 for good; no retry follows",
            async {
                let mark = page.log_mark().await?;
                page.click("disconnect").await?;
                page.wait_for_entry(mark, "closed", &["1000", "wasClean true"])
                    .await?;
                page.wait_for_attribute("reconnect-line", "data-status", "closed")
                    .await?;
                page.wait_for_entry(mark, "info", &["closed by you · no retry follows"])
                    .await?;
                no_retry_after(page, mark).await?;
                expect_eq(
                    "the Reconnect line",
                    &page.text("reconnect-status").await?,
                    "closed by you",
                )?;
                expect_eq("the badge", &page.text("state").await?, "CLOSED")
            },
        )
        .await
}

/// The socket is done (its stream ended), so a retry now could only be a bug: none is in
/// the log after `mark`.
async fn no_retry_after(page: &Page, mark: u64) -> Result<(), String> {
    let log = page.log().await?;
    match log
        .iter()
        .find(|entry| entry.seq > mark && entry.kind == "reconnecting")
    {
        Some(entry) => Err(format!("a retry after the final close: {}", entry.text)),
        None => Ok(()),
    }
}
