//! The checks, in the order a person would chat: connect, leave and rejoin, talk.

use crate::page::Page;
use crate::report::{expect_eq, Report, Stopped};

/// The checks, in the order a person would chat: connect, leave and rejoin, talk.
pub async fn run(page: &Page, url: &str, report: &mut Report) -> Result<(), Stopped> {
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
