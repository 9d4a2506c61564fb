//! What every worker test binary runs: connect, text and binary echo, the Sink with
//! flush, a reconnect after a server close, and a relative URL resolved against the
//! worker's own location. There is no `window` in a worker, only its global scope.

use std::time::Duration;

use crate::common::{
    engine::in_webkit,
    reconnect::{connect, fast, next, slow},
    server::{SERVER, unique_id, url},
    socket::{next_event, next_message, open},
    time::within,
};
use browser_websocket::{Event, Message, ReconnectEvent, WebSocket};
use futures_util::{SinkExt, StreamExt};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn worker_scope() -> web_sys::WorkerGlobalScope {
    js_sys::global()
        .dyn_into()
        .expect("these tests run in a worker")
}

/// Really a worker: there is no `window`, and the socket works anyway.
#[wasm_bindgen_test]
async fn worker_connects_and_echoes_text_and_binary() {
    assert!(web_sys::window().is_none(), "no window in a worker");
    let mut ws = open("/echo").await;
    ws.send_text("hello from a worker").expect("open");
    assert_eq!(
        next_message(&mut ws).await,
        Message::from("hello from a worker")
    );
    let bytes: Vec<u8> = (0..=255).collect();
    ws.send_bytes(&bytes).expect("open");
    assert_eq!(next_message(&mut ws).await, Message::Binary(bytes));
    ws.close().expect("open");
    assert!(matches!(next_event(&mut ws).await, Event::Closed(close) if close.was_clean));
}

/// The Sink's flow control and `flush` run on the worker's timers.
#[wasm_bindgen_test]
async fn worker_sink_sends_everything_and_flushes() {
    const CHUNK: usize = 64 << 10;
    const COUNT: usize = 64;
    let mut ws = open("/sink").await;
    let chunk = vec![3u8; CHUNK];
    within("4 MiB through the sink", async {
        for _ in 0..COUNT {
            ws.feed(Message::Binary(chunk.clone())).await.expect("open");
        }
        ws.flush().await.expect("open");
    })
    .await;
    assert_eq!(ws.buffered_amount(), 0, "flushed");
    ws.send_text("done").expect("open");
    assert_eq!(
        next_message(&mut ws).await,
        Message::Text((CHUNK * COUNT).to_string())
    );
}

/// A server close with 1012 (restarting) is retried, on the worker's timers, in WebKit
/// too, where it arrives as 1006.
#[wasm_bindgen_test]
async fn worker_reconnects_after_a_server_close() {
    let mut ws = connect("/close/1012", fast());
    assert_eq!(
        within("the next event", ws.next()).await,
        Some(ReconnectEvent::Open)
    );
    let mut event = within("the next event", ws.next()).await;
    // WebKitGTK fails a connection its server closes with 1012: `error`, then 1006.
    let code = if in_webkit() {
        assert_eq!(event, Some(ReconnectEvent::Error));
        event = within("the next event", ws.next()).await;
        1006
    } else {
        1012
    };
    assert!(
        matches!(&event, Some(ReconnectEvent::Closed(close)) if close.code.as_u16() == code),
        "{event:?}"
    );
    assert_eq!(
        within("the next event", ws.next()).await,
        Some(ReconnectEvent::Reconnecting {
            attempt: 1,
            delay: Duration::from_millis(5)
        })
    );
    assert_eq!(
        within("the next event", ws.next()).await,
        Some(ReconnectEvent::Open),
        "the retry connected"
    );
    ws.close().expect("first close");
}

/// Relative URLs resolve against the worker's `self.location`, as the WHATWG constructor
/// does.
#[wasm_bindgen_test]
async fn worker_resolves_relative_urls_against_its_location() {
    let host = worker_scope().location().host();
    let ws = WebSocket::connect("/echo").expect("a relative URL resolves");
    assert_eq!(ws.url(), format!("ws://{host}/echo"));
    drop(ws);
    let mut ws =
        WebSocket::connect(&format!("//{}/echo", SERVER)).expect("a scheme-relative URL resolves");
    assert_eq!(ws.url(), url("/echo"));
    assert_eq!(next_event(&mut ws).await, Event::Open);
}

/// `online` on the worker's own global scope cuts a 30 s backoff short, and the waiting
/// socket holds just that one lifecycle listener (workers have no `pageshow`).
#[wasm_bindgen_test]
async fn worker_retries_at_once_when_its_scope_comes_online() {
    let before = browser_websocket::live_listeners();
    let key = unique_id("worker-online");
    let mut ws = connect(&format!("/refuse/{key}/1"), slow());
    let event = next(&mut ws).await;
    assert!(
        matches!(event, Some(ReconnectEvent::Closed(_))),
        "{event:?}"
    );
    assert!(matches!(
        next(&mut ws).await,
        Some(ReconnectEvent::Reconnecting { attempt: 1, .. })
    ));
    assert_eq!(
        browser_websocket::live_listeners(),
        before + 1,
        "online only"
    );
    let online = web_sys::Event::new("online").expect("new Event");
    worker_scope()
        .dispatch_event(&online)
        .expect("dispatchEvent");
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
}

/// The heartbeat runs on the worker's timers: a silent server is timed out and one
/// reconnect follows.
#[wasm_bindgen_test]
async fn worker_heartbeat_times_out_a_silent_server() {
    let mut ws = WebSocket::builder(url("/silent"))
        .reconnecting(fast())
        .heartbeat(browser_websocket::Heartbeat::new(
            "ping",
            Duration::from_millis(100),
            Duration::from_millis(300),
        ))
        .connect()
        .expect("valid URL");
    assert_eq!(within("open", ws.next()).await, Some(ReconnectEvent::Open));
    let closed = next(&mut ws).await;
    assert!(
        matches!(closed, Some(ReconnectEvent::Closed(_))),
        "{closed:?}"
    );
    assert!(matches!(
        within("the retry", ws.next()).await,
        Some(ReconnectEvent::Reconnecting { attempt: 1, .. })
    ));
    assert_eq!(
        within("reopen", ws.next()).await,
        Some(ReconnectEvent::Open)
    );
}
