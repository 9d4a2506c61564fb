//! The page's lifecycle cuts a reconnecting socket's wait short: `online`, a page restored
//! from the back/forward cache, a page visible again after a missed heartbeat; and no
//! attempt is spent while the browser says it is offline. Each trigger is tested by
//! dispatching its event.

use std::time::Duration;

use crate::common::{
    reconnect::{closed_code, connect, fast, next, reconnecting, slow},
    server::{unique_id, url},
    socket::socket_listeners,
    time::sleep,
};
use browser_websocket::{
    Heartbeat, ReconnectEvent, ReconnectingWebSocket, WebSocket, live_listeners,
};
use futures_util::StreamExt;
use futures_util::future::{Either, select};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn window() -> web_sys::Window {
    web_sys::window().expect("these tests run in a window")
}

fn dispatch(target: &web_sys::EventTarget, event: &web_sys::Event) {
    target.dispatch_event(event).expect("dispatchEvent");
}

fn plain_event(name: &str) -> web_sys::Event {
    web_sys::Event::new(name).expect("new Event")
}

/// The event the stream yields within `ms`, if any: a window in which nothing must
/// happen, never a wait for something that has an event.
async fn event_within(ws: &mut ReconnectingWebSocket, ms: i32) -> Option<Option<ReconnectEvent>> {
    let quiet = std::pin::pin!(sleep(ms));
    match select(ws.next(), quiet).await {
        Either::Left((event, _)) => Some(event),
        Either::Right(_) => None,
    }
}

/// A refused connection waits 30 s; `online` retries at once.
#[wasm_bindgen_test]
async fn online_while_waiting_retries_at_once() {
    let key = unique_id("online");
    let mut ws = connect(&format!("/refuse/{key}/1"), slow());
    assert_eq!(closed_code(next(&mut ws).await), 1006);
    assert_eq!(
        reconnecting(next(&mut ws).await),
        (1, Duration::from_secs(30))
    );
    dispatch(&window(), &plain_event("online"));
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
}

/// With `retry_on_online(false)`, `online` changes nothing: the wait goes on.
#[wasm_bindgen_test]
async fn online_is_ignored_when_turned_off() {
    let key = unique_id("online-off");
    let mut ws = WebSocket::builder(url(&format!("/refuse/{key}/1")))
        .reconnecting(slow())
        .retry_on_online(false)
        .pause_while_offline(false)
        .connect()
        .expect("valid URL");
    assert_eq!(closed_code(next(&mut ws).await), 1006);
    reconnecting(next(&mut ws).await);
    dispatch(&window(), &plain_event("online"));
    assert_eq!(event_within(&mut ws, 300).await, None, "the wait goes on");
}

/// A page restored from the back/forward cache (`pageshow` with `persisted`) retries at
/// once; a `pageshow` that is a fresh load does not.
#[wasm_bindgen_test]
async fn a_page_restored_from_the_cache_retries_at_once() {
    let key = unique_id("pageshow");
    let mut ws = connect(&format!("/refuse/{key}/1"), slow());
    assert_eq!(closed_code(next(&mut ws).await), 1006);
    reconnecting(next(&mut ws).await);

    let fresh = web_sys::PageTransitionEventInit::new();
    fresh.set_persisted(false);
    let fresh = web_sys::PageTransitionEvent::new_with_event_init_dict("pageshow", &fresh)
        .expect("new PageTransitionEvent");
    dispatch(&window(), &fresh);
    assert_eq!(
        event_within(&mut ws, 300).await,
        None,
        "a fresh pageshow must not retry"
    );

    let restored = web_sys::PageTransitionEventInit::new();
    restored.set_persisted(true);
    let restored = web_sys::PageTransitionEvent::new_with_event_init_dict("pageshow", &restored)
        .expect("new PageTransitionEvent");
    dispatch(&window(), &restored);
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
}

/// Busy for longer than the heartbeat's deadline (as a hidden page whose timers were
/// throttled), then visible again: the stale connection is closed and retried at once,
/// with no backoff, although the policy's delay is 30 s.
#[wasm_bindgen_test]
async fn visible_again_after_a_missed_heartbeat_reconnects_at_once() {
    let mut ws = WebSocket::builder(url("/silent"))
        .reconnecting(slow())
        .heartbeat(Heartbeat::new(
            "ping",
            Duration::from_millis(100),
            Duration::from_millis(200),
        ))
        .connect()
        .expect("valid URL");
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    let document = window().document().expect("a document");
    assert_eq!(
        document.visibility_state(),
        web_sys::VisibilityState::Visible
    );
    // No timer can run while this spins: the deadline passes unnoticed.
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < 300.0 {}
    dispatch(&document, &plain_event("visibilitychange"));
    closed_code(next(&mut ws).await);
    assert_eq!(reconnecting(next(&mut ws).await), (1, Duration::ZERO));
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
}

/// While `navigator.onLine` is false a due retry is not made; `online` makes it at once.
#[wasm_bindgen_test]
async fn no_attempt_is_spent_while_offline() {
    let key = unique_id("offline");
    let mut ws = connect(&format!("/refuse/{key}/1"), fast());
    let navigator = window().navigator();
    pretend_offline(&navigator, true);
    assert_eq!(closed_code(next(&mut ws).await), 1006);
    assert_eq!(
        reconnecting(next(&mut ws).await),
        (1, Duration::from_millis(5))
    );
    // The retry was due after 5 ms; offline, nothing happens.
    let while_offline = event_within(&mut ws, 300).await;
    pretend_offline(&navigator, false);
    assert_eq!(while_offline, None, "no attempt while offline");
    dispatch(&window(), &plain_event("online"));
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
}

/// Shadows `navigator.onLine` (or removes the shadow again).
fn pretend_offline(navigator: &web_sys::Navigator, offline: bool) {
    let key = JsValue::from_str("onLine");
    if offline {
        let descriptor = js_sys::Object::new();
        js_sys::Reflect::set(&descriptor, &"value".into(), &JsValue::FALSE).expect("set");
        js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).expect("set");
        js_sys::Object::define_property(navigator, &key, &descriptor);
        assert!(!navigator.on_line());
    } else {
        js_sys::Reflect::delete_property(navigator, &key).expect("delete");
        assert!(navigator.on_line());
    }
}

/// Each lifecycle listener is held only while it matters and removed on drop: waiting,
/// the socket holds `online` and `pageshow`; open with a heartbeat, `pageshow` and
/// `visibilitychange` besides its four.
#[wasm_bindgen_test]
async fn lifecycle_listeners_are_held_only_while_they_matter() {
    let before = live_listeners();
    let key = unique_id("listeners");
    let mut ws = WebSocket::builder(url(&format!("/refuse/{key}/1")))
        .reconnecting(slow())
        .heartbeat(Heartbeat::new(
            "ping",
            Duration::from_secs(10),
            Duration::from_secs(20),
        ))
        .connect()
        .expect("valid URL");
    let socket = ws
        .with_socket(|socket| socket_listeners(socket.transport()))
        .expect("connecting");
    assert_eq!(
        live_listeners(),
        before + socket,
        "connecting: the socket's own"
    );
    assert_eq!(closed_code(next(&mut ws).await), 1006);
    reconnecting(next(&mut ws).await);
    assert_eq!(live_listeners(), before + 2, "waiting: online and pageshow");
    dispatch(&window(), &plain_event("online"));
    assert_eq!(next(&mut ws).await, Some(ReconnectEvent::Open));
    assert_eq!(
        live_listeners(),
        before + socket + 2,
        "open with a heartbeat: pageshow and visibilitychange besides the socket's"
    );
    drop(ws);
    assert_eq!(live_listeners(), before);
}
