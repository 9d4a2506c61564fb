//! Reconnecting sockets: the policies the tests use, and reading their events.

use std::time::Duration;

use browser_websocket::{ReconnectEvent, ReconnectPolicy, ReconnectingWebSocket, WebSocket};
use futures_util::{Stream, StreamExt};

use super::server::url;
use super::time::within;

/// Retries after 0–10 ms, 5 ms with the fixed random source.
pub fn fast() -> ReconnectPolicy {
    ReconnectPolicy::default()
        .initial_delay(Duration::from_millis(10))
        .max_delay(Duration::from_millis(10))
        .random(|| 0.5)
}

/// Backoff delays of 30 s: far beyond the test's deadline, so only a trigger (or a close)
/// can end the wait in time.
pub fn slow() -> ReconnectPolicy {
    ReconnectPolicy::default()
        .initial_delay(Duration::from_secs(60))
        .max_delay(Duration::from_secs(60))
        .random(|| 0.5)
}

/// A reconnecting socket on the test server's `path`.
pub fn connect(path: &str, policy: ReconnectPolicy) -> ReconnectingWebSocket {
    WebSocket::builder(url(path))
        .reconnecting(policy)
        .connect()
        .expect("valid URL")
}

/// The next event that is not `Error` (Firefox fires `error` on a dropped or failed
/// connection, Chromium does not always), from a reconnecting socket or its event stream.
pub async fn next<S>(events: &mut S) -> Option<ReconnectEvent>
where
    S: Stream<Item = ReconnectEvent> + Unpin,
{
    loop {
        match within("the next event", events.next()).await {
            Some(ReconnectEvent::Error) => continue,
            other => return other,
        }
    }
}

/// The code of `event`, which must be `Closed`.
pub fn closed_code(event: Option<ReconnectEvent>) -> u16 {
    match event {
        Some(ReconnectEvent::Closed(close)) => close.code.as_u16(),
        other => panic!("expected Closed, got {other:?}"),
    }
}

/// Checks that `event` is `Closed` with `code`.
pub fn closed_with(event: Option<ReconnectEvent>, code: u16) {
    match event {
        Some(ReconnectEvent::Closed(close)) => assert_eq!(close.code.as_u16(), code),
        other => panic!("expected Closed({code}), got {other:?}"),
    }
}

/// The attempt and delay of `event`, which must be `Reconnecting`.
pub fn reconnecting(event: Option<ReconnectEvent>) -> (u32, Duration) {
    match event {
        Some(ReconnectEvent::Reconnecting { attempt, delay }) => (attempt, delay),
        other => panic!("expected Reconnecting, got {other:?}"),
    }
}
