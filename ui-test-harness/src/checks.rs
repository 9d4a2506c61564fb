//! Assertions both crates' tests make, with the same messages.

use browser_websocket::{Error, Sent};

/// Panics unless `numbers` are the [`FLOOD`](crate::FLOOD)'s 0 to 999, each once, in
/// order.
pub fn assert_the_flood_arrived_whole(numbers: &[u32]) {
    assert!(
        numbers.iter().copied().eq(0..1000),
        "got {} numbers",
        numbers.len()
    );
}

/// A send's outcome as the server-rendered page shows it: `Now`, `Queued`, or the error's
/// message.
pub fn sent_or_error(sent: Result<Sent, Error>) -> String {
    match sent {
        Ok(sent) => format!("{sent:?}"),
        Err(error) => error.to_string(),
    }
}

/// Panics unless the server-rendered `html` shows what the crates' `Chat` shows before
/// any connection: `connecting`, no messages, none queued, and a send refused.
pub fn assert_renders_connecting(html: &str) {
    assert!(html.contains(r#"<p id="status">connecting</p>"#), "{html}");
    assert!(html.contains(r#"<p id="count">0</p>"#), "{html}");
    assert!(html.contains(r#"<p id="queued">0</p>"#), "{html}");
    assert!(html.contains("not OPEN"), "a send is an error: {html}");
}
