//! The test server: its address, its URLs and what it reports.

use browser_websocket::Message;

use super::socket::{next_message, open};

/// The test server's `host:port`, fixed at compile time by `cargo xtask test` (wasm has no
/// environment); `cargo xtask server` uses the fallback port for hand runs.
pub const SERVER: &str = match option_env!("BROWSER_WEBSOCKET_TEST_SERVER") {
    Some(address) => address,
    None => "127.0.0.1:9001",
};

/// `ws://SERVER{path}`.
pub fn url(path: &str) -> String {
    format!("ws://{SERVER}{path}")
}

/// An id no other test uses, for the server's `/report/{id}`.
pub fn unique_id(prefix: &str) -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{prefix}-{random}")
}

/// What the server saw when the connection with `?id=` ended: `close CODE REASON` or `gone`.
pub async fn server_report(id: &str) -> String {
    let mut report = open(&format!("/report/{id}")).await;
    match next_message(&mut report).await {
        Message::Text(text) => text,
        other => panic!("a report is text, got {other:?}"),
    }
}

/// `/counted/{key}`'s connections now, as the server answers: `{"open":1,"opened":3}`.
pub async fn server_connections(key: &str) -> String {
    let mut counts = open(&format!("/counted/{key}/now")).await;
    match next_message(&mut counts).await {
        Message::Text(text) => text,
        other => panic!("the counts are text, got {other:?}"),
    }
}

/// Asks `/counted/{key}/now` until it answers `expected`: the server hears a close only
/// after the browser sent it, and tells no one, so this polls (5 s at most).
///
/// # Panics
/// When the counts are still something else after 5 s.
pub async fn until_server_counts(key: &str, expected: &str) {
    let mut seen = String::new();
    for _ in 0..100 {
        seen = server_connections(key).await;
        if seen == expected {
            return;
        }
        super::time::sleep(50).await;
    }
    panic!("the server counts {seen} for {key}, not {expected}");
}

/// The texts `/counted/{key}`'s connections received, in arrival order.
pub async fn server_received(key: &str) -> Vec<String> {
    let mut received = open(&format!("/counted/{key}/received")).await;
    match next_message(&mut received).await {
        Message::Text(text) if text.is_empty() => Vec::new(),
        Message::Text(text) => text.split(',').map(str::to_owned).collect(),
        other => panic!("the texts received are text, got {other:?}"),
    }
}
