//! One connection for every tab (`shared_across_tabs`), with two shares in one page
//! standing for two tabs: Web Locks and BroadcastChannel treat them as they treat two tabs
//! (one lock holder at a time; every other holder of the channel hears a post). The test
//! server's `/counted/{key}` says how many connections are open.

use std::cell::RefCell;
use std::rc::Rc;

use browser_websocket::{
    CloseCode, ClosedBecause, ConnectionStatus, Error, GiveUp, Message, ReadyState, ReconnectEvent,
    ReconnectEvents, ReconnectHandle, ReconnectPolicy, ReconnectingBuilder, Role, Sent, UrlProblem,
    WebSocket, live_listeners,
};
use futures_util::StreamExt;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::common::{
    reconnect::fast,
    server::{server_connections, server_received, unique_id, until_server_counts, url},
    time::sleep,
};

/// One share of the connection and what its stream yielded, read by a task of its own
/// until the share is closed.
struct Tab {
    handle: ReconnectHandle,
    messages: Rc<RefCell<Vec<String>>>,
    /// The status when the stream ended (read before the socket is dropped, after which
    /// a handle says `Dropped`).
    ended: Rc<RefCell<Option<ConnectionStatus>>>,
}

impl Tab {
    fn join(key: &str) -> Tab {
        Tab::join_at(&format!("/counted/{key}"), key, fast())
    }

    fn join_at(path: &str, name: &str, policy: ReconnectPolicy) -> Tab {
        Tab::join_with(WebSocket::builder(url(path)).reconnecting(policy), name)
    }

    fn join_with(builder: ReconnectingBuilder, name: &str) -> Tab {
        let mut ws = builder.shared_across_tabs(name).connect().expect("joins");
        let handle = ws.handle();
        let messages = Rc::new(RefCell::new(Vec::new()));
        let seen = Rc::clone(&messages);
        let ended = Rc::new(RefCell::new(None));
        let end = Rc::clone(&ended);
        let at_end = ws.handle();
        wasm_bindgen_futures::spawn_local(async move {
            while let Some(event) = ws.next().await {
                if let ReconnectEvent::Message(Message::Text(text)) = event {
                    seen.borrow_mut().push(text);
                }
            }
            end.replace(Some(at_end.status()));
        });
        Tab {
            handle,
            messages,
            ended,
        }
    }

    fn messages(&self) -> Vec<String> {
        self.messages.borrow().clone()
    }
}

/// Waits (5 s at most) until `done` holds.
async fn until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..250 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

/// Two shares hold one connection between them: the first to ask leads, and a message
/// from each goes out once and reaches both, in the same order.
#[wasm_bindgen_test]
async fn two_tabs_share_one_connection_and_both_hear_every_message() {
    let key = unique_id("shared");
    let a = Tab::join(&key);
    let b = Tab::join(&key);
    until("a leads, open", || {
        a.handle.status() == ConnectionStatus::Open
    })
    .await;
    assert_eq!(
        (a.handle.role(), b.handle.role()),
        (Role::Leader, Role::Follower)
    );
    until("b hears that it is open", || {
        b.handle.status() == ConnectionStatus::Open
    })
    .await;
    until("both count two tabs", || {
        a.handle.tabs() == 2 && b.handle.tabs() == 2
    })
    .await;
    assert_eq!(server_connections(&key).await, r#"{"open":1,"opened":1}"#);

    assert_eq!(a.handle.send("from a"), Ok(Sent::Now));
    assert_eq!(b.handle.send("from b"), Ok(Sent::Now), "through a, now");
    until("both echoes in both tabs", || {
        a.messages().len() == 2 && b.messages().len() == 2
    })
    .await;
    assert_eq!(a.messages(), b.messages(), "the same order in both");
    let mut sorted = a.messages();
    sorted.sort();
    assert_eq!(sorted, ["from a", "from b"], "each once");
    until("b's send confirmed", || b.handle.queued() == 0).await;
    assert_eq!(server_connections(&key).await, r#"{"open":1,"opened":1}"#);

    b.handle.close().expect("b lets go");
    a.handle.close().expect("a lets go");
    until_server_counts(&key, r#"{"open":0,"opened":1}"#).await;
}

/// The leader lets go in the middle of a numbered stream of the follower's sends: the
/// follower leads within 2 s on one new connection, and the server receives every
/// number, in order of first arrival; a number twice only among those unconfirmed when
/// the leader went.
#[wasm_bindgen_test]
async fn when_the_leader_goes_the_next_tab_leads_and_no_send_is_lost() {
    let key = unique_id("handover");
    let listeners = live_listeners();
    let a = Tab::join(&key);
    let b = Tab::join(&key);
    until("open in b", || b.handle.status() == ConnectionStatus::Open).await;
    for n in 0..10 {
        assert!(b.handle.send(format!("{n}")).is_ok());
    }
    let unconfirmed = b.handle.queued();
    let started = js_sys::Date::now();
    a.handle.close().expect("the leader lets go");
    for n in 10..20 {
        assert!(b.handle.send(format!("{n}")).is_ok());
    }
    until("b leads", || b.handle.role() == Role::Leader).await;
    until("b's connection open", || {
        b.handle.status() == ConnectionStatus::Open
    })
    .await;
    let handover = js_sys::Date::now() - started;
    assert!(handover < 2000.0, "handover took {handover} ms");
    until("b's sends confirmed", || b.handle.queued() == 0).await;

    let received = server_received(&key).await;
    let mut first = Vec::new();
    let mut twice = Vec::new();
    for text in &received {
        let n: u32 = text.parse().expect("a number");
        if first.contains(&n) {
            twice.push(n);
        } else {
            first.push(n);
        }
    }
    assert_eq!(
        first,
        (0..20).collect::<Vec<_>>(),
        "complete and in order: {received:?}"
    );
    let at_risk = 10 - unconfirmed as u32..10;
    assert!(
        twice.iter().all(|n| at_risk.contains(n)),
        "twice: {twice:?}, unconfirmed at the handover: {at_risk:?}"
    );
    wasm_bindgen_test::console_log!(
        "handover {handover} ms; {unconfirmed} unconfirmed at it, {} arrived twice",
        twice.len()
    );
    until_server_counts(&key, r#"{"open":1,"opened":2}"#).await;
    b.handle.close().expect("b lets go");
    until_server_counts(&key, r#"{"open":0,"opened":2}"#).await;
    until("every listener gone", || live_listeners() == listeners).await;
}

/// When the leader's policy gives up, every tab's stream ends with the status that says
/// so.
#[wasm_bindgen_test]
async fn when_the_leader_gives_up_every_tab_ends_with_it() {
    let key = unique_id("shared-gave-up");
    let path = format!("/refuse/{key}/99");
    let once = || fast().max_attempts(Some(1));
    let a = Tab::join_at(&path, &key, once());
    let b = Tab::join_at(&path, &key, once());
    let ended = |tab: &Tab| tab.ended.borrow().clone();
    until("both streams end", || {
        ended(&a).is_some() && ended(&b).is_some()
    })
    .await;
    let gave_up = ConnectionStatus::Closed(ClosedBecause::GaveUp(GiveUp::AttemptsExhausted {
        attempts: 1,
    }));
    assert_eq!(ended(&a), Some(gave_up.clone()), "the leader");
    assert_eq!(ended(&b), Some(gave_up.clone()), "the follower");
    // The leader's share is gone with its stream: a late tab takes the lock and tries
    // for itself, with its own policy.
    let late = Tab::join_at(&path, &key, once());
    until("the late tab's stream ends", || ended(&late).is_some()).await;
    assert_eq!(ended(&late), Some(gave_up));
}

/// A shared socket splits into the same `ReconnectHandle` and `ReconnectEvents` as a
/// socket of a tab's own: its status stream follows the shared connection (and yields
/// again when the tab count changes), only the leader reaches the socket itself, and a
/// follower's `close_with` lets go of its share alone.
#[wasm_bindgen_test]
async fn a_split_share_is_a_reconnect_handle_and_event_stream() {
    let key = unique_id("shared-split");
    let a = Tab::join(&key);
    let (b, mut b_events): (ReconnectHandle, ReconnectEvents) =
        WebSocket::builder(url(&format!("/counted/{key}")))
            .reconnecting(fast())
            .shared_across_tabs(&key)
            .connect()
            .expect("joins")
            .split();
    let mut b_status = b.status_changes();
    let b_open = async {
        while let Some(status) = b_status.next().await {
            if status == ConnectionStatus::Open {
                return true;
            }
        }
        false
    };
    // The events drive nothing here (the leader's socket is a's), but they are read.
    let read = async {
        while let Some(event) = b_events.next().await {
            if let ReconnectEvent::Message(Message::Text(text)) = event {
                return Some(text);
            }
        }
        None
    };
    assert!(b_open.await, "b's status stream says open");
    assert_eq!(b.ready_state(), ReadyState::Open);
    assert_eq!((a.handle.role(), b.role()), (Role::Leader, Role::Follower));
    assert!(
        a.handle.with_socket(|_| ()).is_some(),
        "the leader reaches its socket"
    );
    assert!(b.with_socket(|_| ()).is_none(), "a follower has none");
    assert_eq!(b.send("through the stream"), Ok(Sent::Now));
    assert_eq!(read.await.as_deref(), Some("through the stream"));
    until("b's send confirmed", || b.queued() == 0).await;
    assert!(b.take_unsent().is_empty());
    let mut a_status = a.handle.status_changes();
    assert_eq!(a_status.next().await, Some(ConnectionStatus::Open), "now");

    b.close_with(CloseCode::new(4000).expect("a valid code"), "bye")
        .expect("b lets go");
    assert_eq!(b.status(), ConnectionStatus::Closed(ClosedBecause::ByYou));
    assert!(b_events.next().await.is_none(), "b's stream ends");
    assert_eq!(b.send("late"), Err(Error::NotOpen(ReadyState::Closed)));
    assert_eq!(
        a_status.next().await,
        Some(ConnectionStatus::Open),
        "a's status stream yields again when the tab count changes"
    );
    assert_eq!(a.handle.tabs(), 1);
    assert_eq!(
        a.handle.status(),
        ConnectionStatus::Open,
        "a's connection stays"
    );
    a.handle.close().expect("a lets go");
    until_server_counts(&key, r#"{"open":0,"opened":1}"#).await;
}

/// A page that goes away (`pagehide`: closed, navigated from, into the back/forward
/// cache) says bye without running any drop, so the leader counts one tab less; shown
/// again (`pageshow`), it says hello and is counted again. Both shares here are in the
/// page that gets the events, so the follower is the one that leaves the count.
#[wasm_bindgen_test]
async fn a_hidden_page_leaves_the_count_and_a_shown_one_comes_back() {
    let key = unique_id("shared-pagehide");
    let a = Tab::join(&key);
    let b = Tab::join(&key);
    until("both count two tabs", || {
        a.handle.tabs() == 2 && b.handle.tabs() == 2
    })
    .await;
    let page: web_sys::EventTarget = js_sys::global().unchecked_into();
    let dispatch = |name: &str| {
        let event = web_sys::Event::new(name).expect("an event");
        page.dispatch_event(&event).expect("dispatched");
    };
    dispatch("pagehide");
    until("the leader counts one tab", || a.handle.tabs() == 1).await;
    assert_eq!(b.handle.role(), Role::Follower, "b keeps its share");
    dispatch("pageshow");
    until("the leader counts two again", || a.handle.tabs() == 2).await;
    assert_eq!(b.handle.send("still here"), Ok(Sent::Now));
    until("the echo in b", || b.messages() == ["still here"]).await;
    b.handle.close().expect("b lets go");
    a.handle.close().expect("a lets go");
    until_server_counts(&key, r#"{"open":0,"opened":1}"#).await;
}

/// A URL the crate cannot use is refused in the tab that joins, before it joins, as for a
/// socket of its own: no tab connects, and nothing is left listening.
#[wasm_bindgen_test]
async fn a_bad_url_is_refused_before_joining() {
    let listeners = live_listeners();
    let key = unique_id("shared-bad-url");
    let joined = WebSocket::builder("ftp://127.0.0.1/feed")
        .reconnecting(fast())
        .shared_across_tabs(&key)
        .connect();
    assert!(
        matches!(
            joined,
            Err(Error::InvalidUrl {
                problem: UrlProblem::UnsupportedScheme(_),
                ..
            })
        ),
        "{joined:?}"
    );
    assert_eq!(live_listeners(), listeners);
}

/// Without BroadcastChannel (an older browser, some workers) no tab can share: each one
/// connects on its own, as the leader of one tab, and works as an ordinary reconnecting
/// socket.
#[wasm_bindgen_test]
async fn without_broadcast_channel_each_tab_connects_on_its_own() {
    let key = unique_id("shared-alone");
    let global = js_sys::global();
    let name = wasm_bindgen::JsValue::from_str("BroadcastChannel");
    let saved = js_sys::Reflect::get(&global, &name).expect("readable");
    js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &name)
        .expect("deleted");
    let (a, b) = (Tab::join(&key), Tab::join(&key));
    js_sys::Reflect::set(&global, &name, &saved).expect("restored");
    until("both open", || {
        a.handle.status() == ConnectionStatus::Open && b.handle.status() == ConnectionStatus::Open
    })
    .await;
    for tab in [&a, &b] {
        assert_eq!((tab.handle.role(), tab.handle.tabs()), (Role::Leader, 1));
    }
    assert_eq!(server_connections(&key).await, r#"{"open":2,"opened":2}"#);
    assert_eq!(a.handle.send("mine"), Ok(Sent::Now));
    until("a's echo", || a.messages() == ["mine"]).await;
    assert!(b.messages().is_empty(), "b has a connection of its own");
    a.handle.close().expect("a lets go");
    b.handle.close().expect("b lets go");
    until_server_counts(&key, r#"{"open":0,"opened":2}"#).await;
}

/// The leader's connection drops with sends still in its `bufferedAmount` (the server
/// reads nothing, then drops TCP): those never left the browser, so they go again, once
/// and in order, on the next connection. (The bulk that fills the buffer is the leader's
/// own, sent on the raw socket past the relay, so nothing sends it again.)
///
/// WebKit empties `bufferedAmount` within a few hundred milliseconds although the server
/// reads nothing (its network process takes the bytes), so there the sends count as
/// gone before the drop, and are lost with it; the test says so and checks no more. A
/// `WebSocketStream` has no `bufferedAmount` at all (the stream transport reads 0), so
/// the test is for the classic transport.
#[cfg(not(feature = "test-stream-transport"))]
#[wasm_bindgen_test]
async fn sends_stuck_in_a_dropped_connections_buffer_go_out_on_the_next() {
    let key = unique_id("shared-stuck");
    let next = url(&format!("/counted/{key}"));
    let join = || {
        Tab::join_with(
            WebSocket::builder(url("/hold/600"))
                .reconnecting(fast())
                .url_provider({
                    let next = next.clone();
                    move || next.clone()
                }),
            &key,
        )
    };
    let (a, b) = (join(), join());
    until("a leads, open", || {
        a.handle.status() == ConnectionStatus::Open
    })
    .await;
    until("b hears it", || b.handle.status() == ConnectionStatus::Open).await;
    // More than the TCP buffers take (about 4 MiB here): the rest stays in the browser.
    let bulk = vec![0u8; 16 << 20];
    a.handle
        .with_socket(|socket| socket.send_bytes(&bulk))
        .expect("a leads")
        .expect("the bulk is sent");
    assert_eq!(b.handle.send("after-1"), Ok(Sent::Now));
    assert_eq!(b.handle.send("after-2"), Ok(Sent::Now));
    // The held connection, while it is there, and what its buffer holds.
    let held = || {
        a.handle
            .with_socket(|socket| {
                socket
                    .url()
                    .contains("/hold/")
                    .then(|| socket.buffered_amount())
            })
            .flatten()
    };
    until("the drop, or an empty buffer", || {
        held().is_none_or(|buffered| buffered == 0)
    })
    .await;
    if held() == Some(0) {
        wasm_bindgen_test::console_log!(
            "this engine empties bufferedAmount before the bytes leave: nothing stays to send again"
        );
        b.handle.close().expect("b lets go");
        a.handle.close().expect("a lets go");
        return;
    }
    until_server_counts(&key, r#"{"open":1,"opened":1}"#).await;
    until("b's sends confirmed", || b.handle.queued() == 0).await;
    assert_eq!(server_received(&key).await, ["after-1", "after-2"]);
    b.handle.close().expect("b lets go");
    a.handle.close().expect("a lets go");
    until_server_counts(&key, r#"{"open":0,"opened":1}"#).await;
}
