//! The checks, in the order two people would chat in one room: both join and see who is
//! here (a call), talk, one is dropped by the server and types while away, it comes back,
//! leaves (and is no longer listed) and rejoins; then A opens the chat's `?share` link in
//! two windows, which share one connection.

use std::time::Duration;

use crate::http::http_get;
use crate::page::Page;
use crate::report::{expect_eq, Report, Stopped};

/// The room both examples join.
const ROOM: &str = "lobby";

/// What the crate holds while a chat is open: the chat's socket's 4 listeners and the 4 of
/// the socket its calls go over.
const OPEN_LISTENERS: &str = "8";

/// The checks. `a` joins first, so the server's `?kick&oldest=1` drops only `a`.
pub async fn run(a: &Page, b: &Page, url: &str, report: &mut Report) -> Result<(), Stopped> {
    for (page, who) in [(a, "A"), (b, "B")] {
        report
            .check(
                page,
                &format!("{who} loads the chat and joins: open, 8 listeners (two sockets)"),
                async {
                    page.goto(url).await?;
                    page.watch_for_uncaught_errors().await?;
                    wait_for_state(page, "open").await?;
                    page.wait_for_text("listeners", OPEN_LISTENERS).await
                },
            )
            .await?;
    }

    // The names each page chose (`guest-` and three digits), read in the next check.
    let mut names = (String::new(), String::new());
    report
        .check(
            a,
            "Who is here?: the call lists both names in both windows",
            async {
                names = (a.text("me").await?, b.text("me").await?);
                for page in [a, b] {
                    page.click("who").await?;
                    wait_for_members(page, &[&names.0, &names.1], &[]).await?;
                }
                Ok(())
            },
        )
        .await?;
    let (name_a, name_b) = names;

    report
        .check(a, "A's message reaches both windows", async {
            say(a, "hello from A").await?;
            wait_for_message(a, "hello from A", 1).await?;
            wait_for_message(b, "hello from A", 1).await
        })
        .await?;

    report
        .check(
            b,
            "B replies: both windows list both, in the same order",
            async {
                say(b, "hello back from B").await?;
                wait_for_message(a, "hello back from B", 1).await?;
                wait_for_message(b, "hello back from B", 1).await?;
                let order = |list: &str| {
                    let first = list.find("hello from A");
                    let second = list.find("hello back from B");
                    matches!((first, second), (Some(f), Some(s)) if f < s)
                };
                let (in_a, in_b) = (a.text("messages").await?, b.text("messages").await?);
                if order(&in_a) && order(&in_b) {
                    Ok(())
                } else {
                    Err(format!("A lists {in_a:?}, B lists {in_b:?}"))
                }
            },
        )
        .await?;

    report
        .check(
            a,
            "the server drops A: A shows the retry, B stays open",
            async {
                // Closed for 3 s: A's retries fail meanwhile, so it is seen waiting.
                let kicked = http_get(url, &format!("/room/{ROOM}?kick=3000&oldest=1"))?;
                expect_eq("the server's answer", &kicked, "kicked 1")?;
                // The text as it read while waiting: the first retry may start at once.
                let shown = a
                    .wait_for("the status to be \"waiting\"", || {
                        a.text_if_attribute("state", "data-state", "waiting")
                    })
                    .await?;
                if !shown.starts_with("retry") {
                    return Err(format!("A's status reads {shown:?}, not a retry countdown"));
                }
                expect_eq(
                    "B's status",
                    &b.attribute("state", "data-state").await?,
                    "open",
                )
            },
        )
        .await?;

    report
        .check(a, "a message typed while away is queued", async {
            say(a, "typed while away").await?;
            a.wait_for_text("queued", "1").await?;
            let notice = a.text("notice").await?;
            if notice.to_lowercase().contains("queued") {
                Ok(())
            } else {
                Err(format!("the notice reads {notice:?}"))
            }
        })
        .await?;

    report
        .check(
            a,
            "A reconnects by itself and the queued message goes out once, to both",
            async {
                wait_for_state(a, "open").await?;
                a.wait_for_text("queued", "0").await?;
                wait_for_message(a, "typed while away", 1).await?;
                wait_for_message(b, "typed while away", 1).await?;
                // Still once a moment later: nothing was sent twice.
                tokio::time::sleep(Duration::from_millis(500)).await;
                expect_count(a, "typed while away", 1).await?;
                expect_count(b, "typed while away", 1).await
            },
        )
        .await?;

    report
        .check(
            a,
            "Leave unmounts A's chat: 0 listeners, no status",
            async {
                a.click("join").await?;
                a.wait_for_text("listeners", "0").await?;
                a.wait_for("the chat to be gone", || async {
                    Ok(a.text("state").await.is_err().then_some(()))
                })
                .await?;
                a.text("left").await.map(drop)
            },
        )
        .await?;

    report
        .check(
            b,
            "B asks again: A has left the list, B is still on it",
            async {
                b.click("who").await?;
                wait_for_members(b, &[&name_b], &[&name_a]).await
            },
        )
        .await?;

    report
        .check(
            a,
            "Join mounts it again: open, 8 listeners, an empty list that B's next message reaches",
            async {
                a.click("join").await?;
                wait_for_state(a, "open").await?;
                a.wait_for_text("listeners", OPEN_LISTENERS).await?;
                expect_eq("A's message list", &a.text("messages").await?, "")?;
                say(b, "welcome back").await?;
                wait_for_message(a, "welcome back", 1).await
            },
        )
        .await?;

    shared_across_tabs(a, b, url, &name_b, report).await?;

    // A panic in a hook or a socket borrowed twice (a send during a poll) would show here.
    report.check_no_uncaught_errors(a).await?;
    report.check_no_uncaught_errors(b).await?;

    Ok(())
}

/// The chat's `?share` link: A's session opens it in two windows, which share one
/// connection to the room (`UseWebSocketOptions::shared_across_tabs`) under one name.
async fn shared_across_tabs(
    a: &Page,
    b: &Page,
    url: &str,
    name_b: &str,
    report: &mut Report,
) -> Result<(), Stopped> {
    let shared = format!("{}/?share", url.trim_end_matches('/'));
    let mut opened = None;
    report
        .check(
            a,
            "with ?share, A's two windows share one connection: one holds it, both count two tabs",
            async {
                let first = a.window().await?;
                a.goto(&shared).await?;
                a.watch_for_uncaught_errors().await?;
                wait_for_state(a, "open").await?;
                a.wait_for_text("sharing", "shared: this tab holds it, alone")
                    .await?;
                let second = a.open_window().await?;
                a.switch_to(&second).await?;
                a.goto(&shared).await?;
                a.watch_for_uncaught_errors().await?;
                wait_for_state(a, "open").await?;
                a.wait_for_text("sharing", "shared: another tab holds it for 2 tabs")
                    .await?;
                let name = a.text("me").await?;
                a.switch_to(&first).await?;
                a.wait_for_text("sharing", "shared: this tab holds it for 2 tabs")
                    .await?;
                expect_eq("the name in both windows", &a.text("me").await?, &name)?;
                opened = Some((first, second, name));
                Ok(())
            },
        )
        .await?;
    let Some((first, second, name_a)) = opened else {
        return Ok(());
    };
    report
        .check(
            a,
            "a message from A's second window reaches both of A's and B once; the room lists A once",
            async {
                a.switch_to(&second).await?;
                say(a, "from A's second window").await?;
                wait_for_message(b, "from A's second window", 1).await?;
                wait_for_message(a, "from A's second window", 1).await?;
                a.switch_to(&first).await?;
                wait_for_message(a, "from A's second window", 1).await?;
                b.click("who").await?;
                wait_for_members(b, &[&name_a, name_b], &[]).await?;
                let listed = b.text("members").await?;
                expect_eq(
                    "how often A's name is listed",
                    &listed.matches(&name_a).count().to_string(),
                    "1",
                )
            },
        )
        .await?;
    report
        .check(
            a,
            "closing A's second window leaves one tab, which holds the connection still",
            async {
                a.switch_to(&second).await?;
                a.close_window().await?;
                a.switch_to(&first).await?;
                a.wait_for_text("sharing", "shared: this tab holds it, alone")
                    .await?;
                wait_for_state(a, "open").await
            },
        )
        .await
}

/// Types `text` and sends it, as a person would (typing enables the button).
async fn say(page: &Page, text: &str) -> Result<(), String> {
    page.fill("text", text).await?;
    page.click("send").await?;
    page.wait_for("the input to be cleared", || async {
        Ok(page.value("text").await?.is_empty().then_some(()))
    })
    .await
}

async fn wait_for_state(page: &Page, state: &str) -> Result<(), String> {
    page.wait_for(&format!("the status to be {state:?}"), || async {
        Ok(page
            .has_attribute("state", "data-state", state)
            .await?
            .then_some(()))
    })
    .await
}

/// Waits until the member list (`#members`) holds each of `names` and none of `not`. Its
/// text runs the names together; each is `guest-` and three digits, so none is found
/// inside another.
async fn wait_for_members(page: &Page, names: &[&str], not: &[&str]) -> Result<(), String> {
    page.wait_for(
        &format!("the member list to hold {names:?} and not {not:?}"),
        || async {
            let listed = page.text("members").await?;
            let holds = names.iter().all(|name| listed.contains(name));
            let lacks = not.iter().all(|name| !listed.contains(name));
            Ok((holds && lacks).then_some(()))
        },
    )
    .await
}

/// Waits until `text` appears `times` times in the message list.
async fn wait_for_message(page: &Page, text: &str, times: usize) -> Result<(), String> {
    page.wait_for(
        &format!("{text:?} {times}× in the message list"),
        || async {
            Ok((page.text("messages").await?.matches(text).count() == times).then_some(()))
        },
    )
    .await
}

async fn expect_count(page: &Page, text: &str, times: usize) -> Result<(), String> {
    let count = page.text("messages").await?.matches(text).count();
    expect_eq(
        &format!("how often {text:?} is listed"),
        &count.to_string(),
        &times.to_string(),
    )
}
