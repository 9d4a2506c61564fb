//! Helpers shared by the browser tests: where the test server is, and waiting with a deadline.

use std::future::Future;
use std::pin::pin;

use browser_websocket::{Event, Message, WebSocket};
use futures_util::StreamExt;
use futures_util::future::{Either, select};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The test server's `host:port`, fixed at compile time by `cargo xtask test` (wasm has no
/// environment); `cargo xtask server` uses the fallback port for hand runs.
pub const SERVER: &str = match option_env!("BROWSER_WEBSOCKET_TEST_SERVER") {
    Some(address) => address,
    None => "127.0.0.1:9001",
};

/// How long any single wait may take before the test fails instead of hanging the run.
const DEADLINE_MS: i32 = 20_000;

/// True in WebKit (Safari's engine): its user agent names Safari, not Chrome. Only for
/// the few tests that pin a WebKit difference the crate cannot make up for.
pub fn in_webkit() -> bool {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .expect("every browser global has a navigator");
    let agent = js_sys::Reflect::get(&navigator, &"userAgent".into())
        .ok()
        .and_then(|agent| agent.as_string())
        .unwrap_or_default();
    agent.contains("Safari") && !agent.contains("Chrome")
}

/// `ws://SERVER{path}`.
pub fn url(path: &str) -> String {
    format!("ws://{SERVER}{path}")
}

/// An id no other test uses, for the server's `/report/{id}`.
pub fn unique_id(prefix: &str) -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{prefix}-{random}")
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `setTimeout`, which windows and workers both have.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, ms: i32) -> wasm_bindgen::JsValue;
}

/// Resolves after `ms` milliseconds: a deadline, or a window in which nothing must
/// happen, never a synchronisation. Works in a window and in a worker.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(resolve.unchecked_ref(), ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs `future`, failing the test with `what` if it takes longer than the deadline.
pub async fn within<F: Future>(what: &str, future: F) -> F::Output {
    match select(pin!(future), pin!(sleep(DEADLINE_MS))).await {
        Either::Left((output, _)) => output,
        Either::Right(_) => panic!("timed out after {DEADLINE_MS} ms waiting for {what}"),
    }
}

/// The stream's next event, failing the test if there is none in time.
pub async fn next_event(ws: &mut WebSocket) -> Event {
    within("the next event", ws.next())
        .await
        .expect("the stream ended early")
}

/// Connects and waits for the `Open` event, which must come first.
pub async fn open(path: &str) -> WebSocket {
    let mut ws = WebSocket::connect(&url(path)).expect("a valid URL");
    assert_eq!(next_event(&mut ws).await, Event::Open);
    ws
}

/// A builder for `path` on the classic transport, whatever the default: for the tests of
/// what only the classic socket does (queueing unread messages in the page, Blobs,
/// `bufferedAmount`). The stream transport's own behaviour is tested in
/// `stream_transport.rs`.
pub fn classic(path: &str) -> browser_websocket::WebSocketBuilder {
    WebSocket::builder(url(path)).transport(browser_websocket::Transport::Classic)
}

/// [`open`] on the classic transport.
pub async fn open_classic(path: &str) -> WebSocket {
    let mut ws = classic(path).connect().expect("a valid URL");
    assert_eq!(next_event(&mut ws).await, Event::Open);
    ws
}

/// The DOM listeners a socket on `transport` holds: the classic socket's four (`open`,
/// `message`, `error`, `close`); the stream transport has promises instead.
pub fn socket_listeners(transport: browser_websocket::Transport) -> usize {
    match transport {
        browser_websocket::Transport::Stream => 0,
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

/// What the server saw when the connection with `?id=` ended: `close CODE REASON` or `gone`.
pub async fn server_report(id: &str) -> String {
    let mut report = open(&format!("/report/{id}")).await;
    match next_message(&mut report).await {
        Message::Text(text) => text,
        other => panic!("a report is text, got {other:?}"),
    }
}

/// The bytes of a Blob, read through the browser.
pub async fn blob_bytes(blob: &web_sys::Blob) -> Vec<u8> {
    let buffer = within("Blob.arrayBuffer()", JsFuture::from(blob.array_buffer()))
        .await
        .expect("Blob.arrayBuffer() resolves");
    js_sys::Uint8Array::new(&buffer).to_vec()
}

/// A Blob holding `bytes`.
pub fn blob_of(bytes: &[u8]) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts).expect("new Blob")
}
