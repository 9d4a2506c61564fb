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

use browser_websocket::{ConnectionStatus, Sent, live_listeners};
use browser_websocket_leptos::{Json, UseWebSocket, UseWebSocketOptions, use_websocket_with};
use leptos::prelude::*;
use ui_test_harness::{self as harness, Alone, FLOOD, Padded, root, sleep, url};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

// `use_rpc`'s tests, with the `rpc` feature (`cargo xtask test` turns it on).
#[cfg(feature = "rpc")]
#[path = "browser/rpc.rs"]
mod rpc;

type Chat = UseWebSocket<String, String, Json>;

thread_local! {
    /// The chats mounted by the current test, for it to read.
    static CHATS: RefCell<Vec<Chat>> = const { RefCell::new(Vec::new()) };
    /// How many times a chat's socket opened.
    static OPENS: Cell<u32> = const { Cell::new(0) };
}

/// Runs the test alone, with no chats and no opens counted.
async fn alone() -> Alone {
    let alone = harness::alone().await;
    CHATS.with(|chats| chats.borrow_mut().clear());
    OPENS.with(|opens| opens.set(0));
    alone
}

/// A chat on `url`; its connection is shared across tabs under `share`, if given.
#[component]
fn Client(url: Signal<String>, #[prop(optional)] share: Option<String>) -> impl IntoView {
    let options = harness::options(|| OPENS.with(|opens| opens.set(opens.get() + 1)));
    let options = match share {
        Some(name) => options.shared_across_tabs(&name),
        None => options,
    };
    let chat = use_websocket_with::<String, String, Json>(url, options);
    CHATS.with(|chats| chats.borrow_mut().push(chat));
    view! { <p>{move || chat.status.get().to_string()}</p> }
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

/// Waits (10 s at most) until `done` holds; a timeout shows the first chat's status.
async fn until(what: &str, done: impl FnMut() -> bool) {
    harness::until(what, done, || format!("the first chat is {:?}", status(0))).await;
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
    sleep(200).await;
    assert_eq!(OPENS.with(Cell::get), 1, "the same URL does not reconnect");
    url_signal.set(url("/echo?second"));
    until("the second connection", || OPENS.with(Cell::get) == 2).await;
    assert_eq!(live_listeners(), base + 4, "the first connection is gone");
    drop(app);
    assert_eq!(live_listeners(), base);
}

thread_local! {
    static BURST: RefCell<Option<UseWebSocket<u32, (), Padded>>> = const { RefCell::new(None) };
    static UPDATES: Cell<u32> = const { Cell::new(0) };
}

#[component]
fn Burst() -> impl IntoView {
    let burst = use_websocket_with::<u32, (), Padded>(url(FLOOD), UseWebSocketOptions::default());
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
    harness::assert_the_flood_arrived_whole(&numbers);
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

/// Two components whose options share their connection across tabs under one name hold
/// one connection between them, and both hear a send from the one that follows.
#[wasm_bindgen_test]
async fn two_components_sharing_across_tabs_hold_one_connection() {
    let _alone = alone().await;
    let base = live_listeners();
    let key = harness::unique_key("leptos-shared");
    let path = url(&format!("/counted/{key}"));
    let apps = [(); 2].map(|()| {
        let (url, share) = (Signal::stored(path.clone()), key.clone());
        leptos::mount::mount_to(root(), move || view! { <Client url share /> })
    });
    harness::assert_two_shares_hold_one_connection(
        &key,
        |n| chat(n).sender.handle(),
        |n| chat(n).messages.get_untracked(),
        |n, text| chat(n).send(&text.to_owned()),
    )
    .await;
    drop(apps);
    harness::until_server_counts(&key, r#"{"open":0,"opened":1}"#).await;
    assert_eq!(live_listeners(), base);
}
