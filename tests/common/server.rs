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
