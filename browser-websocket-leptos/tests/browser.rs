//! The signals in a browser, against the test server: one connection per component,
//! listeners back to their base when it unmounts, a burst delivered whole, a send while
//! disconnected queued and sent once on reconnect, a new URL reconnecting once.
//!
//! `cargo xtask server` (port 9001), then
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p browser-websocket-leptos --features csr
//! --target wasm32-unknown-unknown`; `BROWSER_WEBSOCKET_TEST_SERVER=host:port` at build
//! time points it at another server.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::time::Duration;

use browser_websocket::{
    Codec, ConnectionStatus, DecodeError, Message, ReconnectEvent, ReconnectPolicy, Sent,
    WebSocket, live_listeners,
};
use browser_websocket_leptos::{Json, UseWebSocket, UseWebSocketOptions, use_websocket_with};
use leptos::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const SERVER: &str = match option_env!("BROWSER_WEBSOCKET_TEST_SERVER") {
    Some(address) => address,
    None => "127.0.0.1:9001",
};

type Chat = UseWebSocket<String, String, Json>;

thread_local! {
    /// The chats mounted by the current test, for it to read.
    static CHATS: RefCell<Vec<Chat>> = const { RefCell::new(Vec::new()) };
    /// How many times a chat's socket opened.
    static OPENS: Cell<u32> = const { Cell::new(0) };
    /// Whether a test runs: the runner interleaves async tests, and the listener count
    /// is global.
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Runs the test alone; the returned guard lets the next one start.
async fn alone() -> Alone {
    while BUSY.with(|busy| busy.replace(true)) {
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    CHATS.with(|chats| chats.borrow_mut().clear());
    OPENS.with(|opens| opens.set(0));
    Alone
}

struct Alone;

impl Drop for Alone {
    fn drop(&mut self) {
        BUSY.with(|busy| busy.set(false));
    }
}

fn options() -> UseWebSocketOptions<String> {
    UseWebSocketOptions::default()
        .builder(|url| {
            WebSocket::builder(url).reconnecting(
                ReconnectPolicy::default()
                    .initial_delay(Duration::from_millis(300))
                    .random(|| 0.99),
            )
        })
        .on_event(|event| {
            if matches!(event, ReconnectEvent::Open) {
                OPENS.with(|opens| opens.set(opens.get() + 1));
            }
        })
}

#[component]
fn Client(url: Signal<String>) -> impl IntoView {
    let chat = use_websocket_with::<String, String, Json>(url, options());
    CHATS.with(|chats| chats.borrow_mut().push(chat));
    view! { <p>{move || chat.status.get().to_string()}</p> }
}

fn url(path: &str) -> String {
    format!("ws://{SERVER}{path}")
}

/// A fresh element to mount into.
fn root() -> web_sys::HtmlElement {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    wasm_bindgen::JsCast::unchecked_into(root)
}

fn mount(url: Signal<String>) -> leptos::mount::UnmountHandle<impl Mountable> {
    leptos::mount::mount_to(root(), move || view! { <Client url /> })
}

fn chat(n: usize) -> Chat {
    CHATS.with(|chats| chats.borrow()[n])
}

fn status(n: usize) -> Option<ConnectionStatus> {
    chat(n).status.try_get_untracked()
}

/// Waits (10 s at most) until `done` holds.
async fn until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    panic!(
        "timed out waiting for {what}; the first chat is {:?}",
        status(0)
    );
}

/// Two components at once hold two connections (8 listeners); unmounting each takes its
/// 4 away at once, and mounting again starts over.
#[wasm_bindgen_test]
async fn mount_unmount_remount_leaves_listeners_at_their_base() {
    let _alone = alone().await;
    let base = live_listeners();
    for round in 0..2 {
        CHATS.with(|chats| chats.borrow_mut().clear());
        let first = mount(Signal::stored(url("/echo")));
        let second = mount(Signal::stored(url("/echo")));
        until(&format!("both open, round {round}"), || {
            status(0) == Some(ConnectionStatus::Open) && status(1) == Some(ConnectionStatus::Open)
        })
        .await;
        assert_eq!(live_listeners(), base + 8, "round {round}");
        drop(first);
        assert_eq!(
            live_listeners(),
            base + 4,
            "an unmount removes its listeners at once"
        );
        assert!(chat(0).send(&"after unmount".to_owned()).is_err());
        drop(second);
        assert_eq!(live_listeners(), base);
    }
    assert_eq!(
        OPENS.with(Cell::get),
        4,
        "one connection per mounted component"
    );
}

/// A new URL closes the old connection and opens one; setting the same URL again, and
/// the watcher's first run, open nothing.
#[wasm_bindgen_test]
async fn a_new_url_reconnects_once_and_the_same_url_never() {
    let _alone = alone().await;
    let base = live_listeners();
    let url_signal = RwSignal::new(url("/echo"));
    let app = mount(url_signal.into());
    until("open", || status(0) == Some(ConnectionStatus::Open)).await;
    url_signal.set(url("/echo"));
    gloo_timers::future::TimeoutFuture::new(200).await;
    assert_eq!(OPENS.with(Cell::get), 1, "the same URL does not reconnect");
    url_signal.set(url("/echo?second"));
    until("the second connection", || OPENS.with(Cell::get) == 2).await;
    assert_eq!(live_listeners(), base + 4, "the first connection is gone");
    drop(app);
    assert_eq!(live_listeners(), base);
}

/// The flood's text messages are zero-padded numbers ("0042"): JSON once the zeros go.
struct Padded;

impl Codec for Padded {
    fn encode<T: serde::Serialize + ?Sized>(
        value: &T,
    ) -> Result<Message, browser_websocket::Error> {
        Json::encode(value)
    }

    fn decode<T: serde::de::DeserializeOwned>(message: &Message) -> Result<T, DecodeError> {
        match message.as_text().map(|text| text.trim_start_matches('0')) {
            Some("") => Json::decode(&Message::Text("0".into())),
            Some(digits) => Json::decode(&Message::Text(digits.into())),
            None => Json::decode(message),
        }
    }
}

thread_local! {
    static BURST: RefCell<Option<UseWebSocket<u32, (), Padded>>> = const { RefCell::new(None) };
    static UPDATES: Cell<u32> = const { Cell::new(0) };
}

#[component]
fn Burst() -> impl IntoView {
    let burst = use_websocket_with::<u32, (), Padded>(
        url("/flood/1000/4/text"),
        UseWebSocketOptions::default(),
    );
    BURST.with(|slot| *slot.borrow_mut() = Some(burst));
    Effect::new(move || {
        burst.messages.track();
        UPDATES.with(|updates| updates.set(updates.get() + 1));
    });
    view! { <p>{move || burst.messages.with(Vec::len)}</p> }
}

/// `/flood/1000/4/text` sends the numbers 0000 to 0999 as fast as the connection takes
/// them, then closes with 1000: all of them are listed, in order, in a few updates.
#[wasm_bindgen_test]
async fn a_burst_of_a_thousand_arrives_whole_and_in_order() {
    let _alone = alone().await;
    UPDATES.with(|updates| updates.set(0));
    let app = leptos::mount::mount_to(root(), Burst);
    let burst = BURST.with(|slot| *slot.borrow()).expect("mounted");
    until("closed by the server", || {
        matches!(burst.status.get_untracked(), ConnectionStatus::Closed(_))
    })
    .await;
    let numbers = burst.messages.get_untracked();
    assert!(
        numbers.iter().copied().eq(0..1000),
        "got {} numbers",
        numbers.len()
    );
    let updates = UPDATES.with(Cell::get);
    assert!(
        updates <= 10,
        "batched: {updates} updates for 1000 messages"
    );
    drop(app);
}

/// `/drop-after/1` echoes one message, then drops the connection (1006). A send while
/// waiting to retry is queued (the signal shows it) and goes out once on the reconnect.
#[wasm_bindgen_test]
async fn a_send_while_disconnected_is_queued_and_sent_once_on_reconnect() {
    let _alone = alone().await;
    let base = live_listeners();
    let app = mount(Signal::stored(url("/drop-after/1")));
    until("open", || status(0) == Some(ConnectionStatus::Open)).await;
    assert_eq!(chat(0).send(&"first".to_owned()), Ok(Sent::Now));
    until("waiting to retry", || {
        matches!(status(0), Some(ConnectionStatus::Waiting { .. }))
    })
    .await;
    assert_eq!(chat(0).send(&"while away".to_owned()), Ok(Sent::Queued));
    assert_eq!(chat(0).queued.get_untracked(), 1);
    until("the echo of the queued send", || {
        chat(0).messages.with_untracked(Vec::len) == 2
    })
    .await;
    assert_eq!(chat(0).messages.get_untracked(), ["first", "while away"]);
    assert_eq!(chat(0).queued.get_untracked(), 0);
    drop(app);
    assert_eq!(live_listeners(), base);
}
