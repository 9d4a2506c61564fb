//! Reconnecting: backoff with jitter, terminal closes, the offline queue, heartbeats, and
//! no listener left behind.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use crate::common::{
    engine::in_webkit,
    reconnect::{closed_with, connect, fast, next, reconnecting, slow},
    server::{SERVER, unique_id, url},
    socket::socket_listeners,
};
use browser_websocket::{
    CloseCode, Error, GiveUp, Heartbeat, Message, OfflineQueue, ReconnectEvent, ReconnectPolicy,
    ReconnectingWebSocket, Sent, WebSocket, WhenFull, live_listeners,
};
use wasm_bindgen_test::wasm_bindgen_test;

fn text(s: &str) -> ReconnectEvent {
    ReconnectEvent::Message(Message::Text(s.into()))
}

/// After `/drop-after` drops the connection, it reconnects and the echo resumes; sends
/// made while disconnected are delivered exactly once, in order, before later sends.
#[wasm_bindgen_test]
async fn reconnect_resumes_echo_and_delivers_queued_sends_once_in_order() {
    let mut ws = connect("/drop-after/5", fast());
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    for s in ["a", "b", "c", "d", "e"] {
        assert_eq!(ws.send(s), Ok(Sent::Now));
    }
    for s in ["a", "b", "c", "d", "e"] {
        assert_eq!(next(&mut ws).await, Some(text(s)));
    }
    closed_with(next(&mut ws).await, 1006);
    assert_eq!(ws.send("f"), Ok(Sent::Queued));
    assert_eq!(ws.send("g"), Ok(Sent::Queued));
    assert_eq!(ws.queued(), 2);
    assert_eq!(
        reconnecting(next(&mut ws).await),
        (1, Duration::from_millis(5))
    );
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    assert_eq!(ws.queued(), 0, "the queue is sent on open");
    assert_eq!(ws.send("h"), Ok(Sent::Now));
    for s in ["f", "g", "h"] {
        assert_eq!(next(&mut ws).await, Some(text(s)));
    }
    ws.close().expect("first close");
    closed_with(next(&mut ws).await, 1000);
    assert_eq!(next(&mut ws).await, None, "your own close is final");
}

/// Full jitter: each delay is the injected random fraction of the ceiling, which doubles
/// per failure up to the maximum.
#[wasm_bindgen_test]
async fn reconnect_delays_stay_within_full_jitter_bounds() {
    let draws = [0.0, 0.999, 0.5];
    let index = Rc::new(Cell::new(0));
    let counter = Rc::clone(&index);
    let policy = ReconnectPolicy::default()
        .initial_delay(Duration::from_millis(10))
        .factor(2.0)
        .max_delay(Duration::from_millis(25))
        .random(move || {
            let i = counter.get();
            counter.set(i + 1);
            draws[i % draws.len()]
        });
    let key = unique_id("jitter");
    let mut ws = connect(&format!("/refuse/{key}/3"), policy);
    let mut delays = Vec::new();
    for _ in 0..3 {
        closed_with(next(&mut ws).await, 1006);
        delays.push(reconnecting(next(&mut ws).await));
    }
    assert_eq!(
        delays,
        vec![
            (1, Duration::from_millis(0)),  // 0.0 × 10 ms
            (2, Duration::from_millis(19)), // 0.999 × 20 ms, whole ms
            (3, Duration::from_millis(12)), // 0.5 × min(40, 25) ms
        ]
    );
    assert_eq!(
        next(&mut ws).await,
        Some(ReconnectEvent::Open),
        "the fourth try is accepted"
    );
    assert_eq!(index.get(), 3);
}

/// A server restarting (1012) or overloaded (1013) is retried in every browser, WebKit
/// included, which reports both as 1006 after an `error`.
#[wasm_bindgen_test]
async fn reconnect_retries_a_server_restart_in_every_browser() {
    for code in [1012, 1013] {
        let mut ws = connect(&format!("/close/{code}"), fast());
        assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
        let reported = if in_webkit() { 1006 } else { code };
        closed_with(next(&mut ws).await, reported);
        assert_eq!(reconnecting(next(&mut ws).await).0, 1, "{code}");
        assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open), "{code}");
        ws.close().expect("first close");
    }
}

/// 1008 and application codes are final by default: the stream ends without a retry.
#[wasm_bindgen_test]
async fn reconnect_does_not_follow_terminal_close_codes() {
    for code in [1008, 4000, 1000] {
        let mut ws = connect(&format!("/close/{code}?reason=final"), fast());
        assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
        closed_with(next(&mut ws).await, code);
        assert_eq!(next(&mut ws).await, None, "{code} must not reconnect");
    }
}

/// Checks that `ws`, with `max_attempts(Some(2))`, fails to connect, then fails both
/// retries, then gives up and ends.
async fn fails_three_times_and_gives_up(ws: &mut ReconnectingWebSocket) {
    closed_with(next(ws).await, 1006);
    for attempt in 1..=2 {
        assert_eq!(reconnecting(next(ws).await).0, attempt);
        closed_with(next(ws).await, 1006);
    }
    assert_eq!(
        next(ws).await,
        Some(ReconnectEvent::GaveUp(GiveUp::AttemptsExhausted {
            attempts: 2
        }))
    );
    assert_eq!(next(ws).await, None);
}

/// When `max_attempts` retries fail, the stream ends with `GaveUp`, and what was queued
/// can be taken back.
#[wasm_bindgen_test]
async fn reconnect_gives_up_after_max_attempts() {
    let key = unique_id("give-up");
    let mut ws = connect(&format!("/refuse/{key}/100"), fast().max_attempts(Some(2)));
    assert_eq!(ws.send("never"), Ok(Sent::Queued));
    fails_three_times_and_gives_up(&mut ws).await;
    assert_eq!(
        ws.send("late"),
        Err(Error::NotOpen(browser_websocket::ReadyState::Closed))
    );
    assert_eq!(ws.take_unsent(), vec![Message::Text("never".into())]);
}

/// A failure WebKit reports with `error` and no `close` (a blocked port) still counts as
/// one failed attempt each time, and the socket gives up when they run out, instead of
/// waiting for ever.
#[wasm_bindgen_test]
async fn reconnect_to_a_blocked_port_counts_each_failure_and_gives_up() {
    let mut ws = WebSocket::builder("ws://127.0.0.1:9/")
        .reconnecting(fast().max_attempts(Some(2)))
        .connect()
        .expect("a blocked port is a valid URL");
    fails_three_times_and_gives_up(&mut ws).await;
}

/// A reconnecting socket on `path` that pings every 50 ms and closes when no message
/// arrives within `deadline_ms`.
fn with_heartbeat(path: &str, deadline_ms: u64) -> ReconnectingWebSocket {
    let heartbeat = Heartbeat::new(
        "ping",
        Duration::from_millis(50),
        Duration::from_millis(deadline_ms),
    );
    WebSocket::builder(url(path))
        .reconnecting(fast())
        .heartbeat(heartbeat)
        .connect()
        .expect("valid URL")
}

/// A silent server misses the heartbeat deadline: the socket closes with 4000 and exactly
/// one reconnect follows.
#[wasm_bindgen_test]
async fn heartbeat_deadline_on_silent_triggers_one_reconnect() {
    let mut ws = with_heartbeat("/silent", 200);
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    match next(&mut ws).await {
        Some(ReconnectEvent::Closed(close)) => {
            assert_eq!(close.code, CloseCode::new(4000).expect("in range"));
            assert_eq!(close.reason, "heartbeat timeout");
        }
        other => panic!("expected the heartbeat's close, got {other:?}"),
    }
    assert_eq!(reconnecting(next(&mut ws).await).0, 1);
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    ws.close().expect("first close");
    closed_with(next(&mut ws).await, 1000);
    assert_eq!(next(&mut ws).await, None);
}

/// Replies keep the heartbeat happy: an echoing server is never timed out.
#[wasm_bindgen_test]
async fn heartbeat_replies_keep_the_connection() {
    // A deadline of five intervals leaves an echo 250 ms, also on a busy machine.
    let mut ws = with_heartbeat("/echo", 250);
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    // Twenty-five pings and their echoes span five deadlines.
    for _ in 0..25 {
        assert_eq!(next(&mut ws).await, Some(text("ping")));
    }
    ws.close().expect("first close");
    closed_with(next(&mut ws).await, 1000);
}

/// 100 drop-and-reconnect cycles leave exactly one socket's listeners attached (and,
/// while waiting, only the `online` and `pageshow` listeners), and dropping the
/// reconnecting socket removes those too.
#[wasm_bindgen_test]
async fn reconnect_100_cycles_leave_no_extra_listeners() {
    let before = live_listeners();
    let policy = fast().random(|| 0.0);
    let mut ws = connect("/drop-after/1", policy);
    for cycle in 0..100 {
        assert_eq!(
            next(&mut ws).await,
            Some(ReconnectEvent::Open),
            "cycle {cycle}"
        );
        let transport = ws.with_socket(WebSocket::transport).expect("connected");
        let socket = socket_listeners(transport);
        assert_eq!(live_listeners(), before + socket, "cycle {cycle}");
        assert_eq!(ws.send("x"), Ok(Sent::Now));
        assert_eq!(next(&mut ws).await, Some(text("x")));
        closed_with(next(&mut ws).await, 1006);
        reconnecting(next(&mut ws).await);
    }
    assert_eq!(
        live_listeners(),
        before + 2,
        "no socket while waiting: only online and pageshow"
    );
    drop(ws);
    assert_eq!(live_listeners(), before);
}

/// The URL provider is asked before every retry, and its URL is used.
#[wasm_bindgen_test]
async fn reconnect_asks_the_url_provider_before_each_retry() {
    let calls = Rc::new(Cell::new(0));
    let counted = Rc::clone(&calls);
    let key = unique_id("provider");
    let mut ws = WebSocket::builder(url(&format!("/refuse/{key}/100")))
        .reconnecting(fast())
        .url_provider(move || {
            counted.set(counted.get() + 1);
            url("/echo")
        })
        .connect()
        .expect("valid URL");
    closed_with(next(&mut ws).await, 1006);
    reconnecting(next(&mut ws).await);
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    assert_eq!(calls.get(), 1);
    assert_eq!(ws.with_socket(WebSocket::url), Some(url("/echo")));
    ws.close().expect("first close");
}

/// A full queue refuses new messages or drops the oldest, as configured, and says so.
#[wasm_bindgen_test]
async fn queue_full_policies_refuse_or_drop_oldest_visibly() {
    let reject = WebSocket::builder(url("/echo"))
        .reconnecting(fast())
        .offline_queue(OfflineQueue::new(1, WhenFull::RejectNew))
        .connect()
        .expect("valid URL");
    assert_eq!(
        reject.send("a"),
        Ok(Sent::Queued),
        "queued while connecting"
    );
    assert_eq!(reject.send("b"), Err(Error::QueueFull { capacity: 1 }));

    let mut drop_oldest = WebSocket::builder(url("/echo"))
        .reconnecting(fast())
        .offline_queue(OfflineQueue::new(2, WhenFull::DropOldest))
        .connect()
        .expect("valid URL");
    for s in ["a", "b"] {
        assert_eq!(drop_oldest.send(s), Ok(Sent::Queued));
    }
    assert_eq!(
        drop_oldest.send("c"),
        Ok(Sent::QueuedDroppingOldest(Message::Text("a".into())))
    );
    assert_eq!(next(&mut drop_oldest).await, Some(ReconnectEvent::Open));
    assert_eq!(next(&mut drop_oldest).await, Some(text("b")));
    assert_eq!(next(&mut drop_oldest).await, Some(text("c")));
}

/// Calls back into the socket from inside `with_socket` work: no borrow is held while the
/// closure runs, so nothing panics and each call does what it does outside.
#[wasm_bindgen_test]
async fn calls_from_inside_with_socket_do_not_panic() {
    let mut ws = connect("/echo", fast());
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    let inside = ws.with_socket(|socket| {
        assert_eq!(socket.ready_state(), ws.ready_state());
        (
            ws.ready_state(),
            ws.queued(),
            ws.send("from inside"),
            ws.take_unsent(),
        )
    });
    assert_eq!(
        inside,
        Some((
            browser_websocket::ReadyState::Open,
            0,
            Ok(Sent::Now),
            Vec::new()
        ))
    );
    // Browsers drop what arrives after `close()`, so the echo comes first.
    assert_eq!(next(&mut ws).await, Some(text("from inside")));
    let closed = ws.with_socket(|_| ws.close_with(CloseCode::new(4001).expect("valid"), "inside"));
    assert_eq!(closed, Some(Ok(())));
    closed_with(next(&mut ws).await, 4001);
    assert_eq!(next(&mut ws).await, None, "your own close is final");
}

/// Closing while a retry is 30 s away ends the stream at once instead of waiting the
/// backoff out.
#[wasm_bindgen_test]
async fn close_while_waiting_to_retry_ends_the_stream_at_once() {
    let key = unique_id("close-waiting");
    let mut ws = connect(&format!("/refuse/{key}/100"), slow());
    closed_with(next(&mut ws).await, 1006);
    assert_eq!(
        reconnecting(next(&mut ws).await),
        (1, Duration::from_secs(30))
    );
    ws.close().expect("first close");
    assert_eq!(
        ws.close(),
        Err(Error::AlreadyClosing(browser_websocket::ReadyState::Closed))
    );
    assert_eq!(next(&mut ws).await, None);
    assert_eq!(
        ws.send("late"),
        Err(Error::NotOpen(browser_websocket::ReadyState::Closed))
    );
}

/// A handshake that never answers counts as one failed attempt once the connect timeout
/// runs out; the retry connects.
#[wasm_bindgen_test]
async fn reconnect_counts_a_connect_timeout_as_one_failed_attempt() {
    let key = unique_id("stall-retry");
    let mut ws = WebSocket::builder(url(&format!("/stall/{key}/1")))
        .reconnecting(fast().retry_when(|_| false))
        .connect_timeout(Some(Duration::from_millis(300)))
        .connect()
        .expect("valid URL");
    closed_with(next(&mut ws).await, 1006);
    assert_eq!(
        reconnecting(next(&mut ws).await),
        (1, Duration::from_millis(5)),
        "retried although retry_when refuses every close"
    );
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    assert_eq!(ws.send("after the timeout"), Ok(Sent::Now));
    assert_eq!(next(&mut ws).await, Some(text("after the timeout")));
}

/// The URL provider may return a relative URL: it is resolved like the first one, against
/// the page (here scheme-relative, `//host:port/echo`, since the page is not served by the
/// test server).
#[wasm_bindgen_test]
async fn reconnect_resolves_a_relative_url_from_the_provider() {
    let relative = format!("//{}/echo", SERVER);
    let mut ws = WebSocket::builder(url("/drop-after/1"))
        .reconnecting(fast())
        .url_provider(move || relative.clone())
        .connect()
        .expect("valid URL");
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    assert_eq!(ws.send("x"), Ok(Sent::Now));
    assert_eq!(next(&mut ws).await, Some(text("x")));
    closed_with(next(&mut ws).await, 1006);
    reconnecting(next(&mut ws).await);
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    assert_eq!(ws.with_socket(WebSocket::url), Some(url("/echo")));
    ws.close().expect("first close");
}
