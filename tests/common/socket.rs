//! Opening a socket and reading its events, each wait with a deadline.

use browser_websocket::{Event, Message, Transport, WebSocket, WebSocketBuilder};
use futures_util::StreamExt;

use super::server::url;
use super::time::within;

/// The stream's next event, failing the test if there is none in time.
pub async fn next_event(ws: &mut WebSocket) -> Event {
    within("the next event", ws.next())
        .await
        .expect("the stream ended early")
}

/// Connects to the full `url` and waits for the `Open` event, which must come first.
pub async fn open_url(url: &str) -> WebSocket {
    let mut ws = WebSocket::connect(url).expect("a valid URL");
    assert_eq!(next_event(&mut ws).await, Event::Open);
    ws
}

/// [`open_url`] on the test server's `path`.
pub async fn open(path: &str) -> WebSocket {
    open_url(&url(path)).await
}

/// A builder for `path` on the classic transport, whatever the default: for the tests of
/// what only the classic socket does (queueing unread messages in the page, Blobs,
/// `bufferedAmount`). The stream transport's own behaviour is tested in
/// `stream_transport.rs`.
pub fn classic(path: &str) -> WebSocketBuilder {
    WebSocket::builder(url(path)).transport(Transport::Classic)
}

/// [`open`] on the classic transport.
pub async fn open_classic(path: &str) -> WebSocket {
    let mut ws = classic(path).connect().expect("a valid URL");
    assert_eq!(next_event(&mut ws).await, Event::Open);
    ws
}

/// The DOM listeners a socket on `transport` holds: the classic socket's four (`open`,
/// `message`, `error`, `close`); the stream transport has promises instead.
pub fn socket_listeners(transport: Transport) -> usize {
    match transport {
        Transport::Stream => 0,
        _ => 4,
    }
}

/// The next event, which must be a message.
pub async fn next_message(ws: &mut WebSocket) -> Message {
    match next_event(ws).await {
        Event::Message(message) => message,
        other => panic!("expected a message, got {other:?}"),
    }
}

/// All events up to and including `Closed`, then checks that the stream has ended.
pub async fn rest_of_stream(ws: &mut WebSocket) -> Vec<Event> {
    let events: Vec<Event> = within("the stream to end", ws.by_ref().collect()).await;
    assert!(
        matches!(events.last(), Some(Event::Closed(_))),
        "the stream must end with Closed"
    );
    events
}
