//! The test server's `/counted/{key}`: an echo that counts its connections, for the tests
//! of a connection shared across tabs.

use std::future::poll_fn;
use std::pin::Pin;

use browser_websocket::{
    ConnectionStatus, Error, Event, Message, ReconnectHandle, Role, Sent, WebSocket,
};
use futures_core::Stream;

use crate::server::url;
use crate::turns::{sleep, until};

/// A key no other test uses.
pub fn unique_key(prefix: &str) -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{prefix}-{random}")
}

/// `/counted/{key}`'s connections now, as the server answers: `{"open":1,"opened":3}`.
///
/// # Panics
/// When the server cannot be reached or answers something other than a text.
pub async fn server_connections(key: &str) -> String {
    let mut counts = WebSocket::connect(&url(&format!("/counted/{key}/now"))).expect("a URL");
    loop {
        match poll_fn(|cx| Pin::new(&mut counts).poll_next(cx)).await {
            Some(Event::Message(Message::Text(text))) => return text,
            Some(Event::Open) => {}
            other => panic!("the counts are a text, got {other:?}"),
        }
    }
}

/// Asks until the server counts `expected` (it hears a close only after the browser sent
/// it, and tells no one, so this polls: 5 s at most).
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
        sleep(50).await;
    }
    panic!("the server counts {seen} for {key}, not {expected}");
}

/// Checks two mounted components whose options share their connection across tabs under
/// `key`, on `/counted/{key}` (the Web Lock and the channel treat two in one page as two
/// tabs): one connection on the server, one leader and one follower that both count two
/// tabs, and a send from the follower that goes out once and reaches both.
///
/// `handle(n)`, `messages(n)` and `send(n, text)` read and use component `n` (0 or 1).
///
/// # Panics
/// When any of it does not hold within 10 s.
pub async fn assert_two_shares_hold_one_connection(
    key: &str,
    handle: impl Fn(usize) -> Option<ReconnectHandle>,
    messages: impl Fn(usize) -> Vec<String>,
    send: impl Fn(usize, &str) -> Result<Sent, Error>,
) {
    let status = |n| handle(n).map(|handle| handle.status());
    let seen = || format!("statuses {:?} and {:?}", status(0), status(1));
    let open = Some(ConnectionStatus::Open);
    until("both open", || status(0) == open && status(1) == open, seen).await;
    let tabs = |n| handle(n).map_or(0, |handle| handle.tabs());
    until("both count two tabs", || tabs(0) == 2 && tabs(1) == 2, seen).await;
    let role = |n| handle(n).map(|handle| handle.role());
    let leader = usize::from(role(0) != Some(Role::Leader));
    let follower = 1 - leader;
    assert_eq!(role(leader), Some(Role::Leader));
    assert_eq!(role(follower), Some(Role::Follower), "one leader only");
    assert_eq!(server_connections(key).await, r#"{"open":1,"opened":1}"#);

    assert_eq!(send(follower, "from the follower"), Ok(Sent::Now));
    let arrived = || messages(0).len() == 1 && messages(1).len() == 1;
    until("the echo in both", arrived, || {
        format!("{:?} and {:?}", messages(0), messages(1))
    })
    .await;
    assert_eq!(messages(leader), ["from the follower"]);
    assert_eq!(messages(follower), ["from the follower"]);
}
