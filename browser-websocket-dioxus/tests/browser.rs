//! The signals in a browser, against the test server: one connection per mounted
//! component, listeners back to their base when it unmounts, a burst delivered whole, a
//! send while disconnected queued and sent once on reconnect, a new URL reconnecting
//! once.
//!
//! `cargo xtask server` (port 9001), then
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p browser-websocket-dioxus --features web
//! --target wasm32-unknown-unknown --test browser`; `BROWSER_WEBSOCKET_TEST_SERVER=host:port`
//! at build time points it at another server.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};

use browser_websocket::{ConnectionStatus, Sent, live_listeners};
use browser_websocket_dioxus::{Json, UseWebSocket, UseWebSocketOptions, use_websocket_with};
use dioxus::prelude::*;
use ui_test_harness::{self as harness, Alone, FLOOD, Padded, root, sleep, url};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

type Chat = UseWebSocket<String, String, Json>;

thread_local! {
    /// The chats mounted by the current test, in mount order, for it to read.
    static CHATS: RefCell<Vec<Chat>> = const { RefCell::new(Vec::new()) };
    /// How many times a chat's socket opened.
    static OPENS: Cell<u32> = const { Cell::new(0) };
    /// What the current test's page shows: which clients, at which path.
    static SCENE: RefCell<Option<Signal<Scene>>> = const { RefCell::new(None) };
}

/// The page of a test: a client per path, each shown or not.
#[derive(Clone, PartialEq)]
struct Scene {
    clients: Vec<(bool, String)>,
}

/// Runs the test alone, with no chats and no opens counted.
async fn alone() -> Alone {
    let alone = harness::alone().await;
    CHATS.with(|chats| chats.borrow_mut().clear());
    OPENS.with(|opens| opens.set(0));
    alone
}

#[component]
fn Client(path: String) -> Element {
    let options = harness::options(|| OPENS.with(|opens| opens.set(opens.get() + 1)));
    let chat = use_websocket_with::<String, String, Json>(url(&path), options);
    use_hook(|| CHATS.with(|chats| chats.borrow_mut().push(chat)));
    rsx! { p { "{chat.status}" } }
}

#[component]
fn Page(first: Scene) -> Element {
    let scene = use_signal(|| first);
    use_hook(|| SCENE.with(|slot| *slot.borrow_mut() = Some(scene)));
    rsx! {
        for (n, (shown, path)) in scene.read().clients.iter().enumerate() {
            if *shown {
                // Keyed by its place: a new path re-renders the same client.
                Client { key: "{n}", path: path.clone() }
            }
        }
    }
}

/// Mounts a page with `paths`' clients, all shown, in a fresh element.
fn mount(paths: &[&str]) {
    let first = Scene {
        clients: paths
            .iter()
            .map(|path| (true, (*path).to_owned()))
            .collect(),
    };
    let page = VirtualDom::new_with_props(Page, PageProps { first });
    dioxus::web::launch::launch_virtual_dom(
        page,
        dioxus::web::Config::new().rootelement(root().into()),
    );
}

/// Changes the current test's page; it re-renders on the next turn of the event loop.
fn change(edit: impl FnOnce(&mut Scene)) {
    let mut scene = SCENE
        .with(|slot| *slot.borrow())
        .expect("a page is mounted");
    edit(&mut scene.write());
}

fn chat(n: usize) -> Chat {
    CHATS.with(|chats| chats.borrow()[n])
}

fn status(n: usize) -> Option<ConnectionStatus> {
    let chats = CHATS.with(|chats| chats.borrow().len());
    (n < chats).then(|| chat(n).status.try_peek().map(|status| status.clone()).ok())?
}

/// Waits (10 s at most) until `done` holds; a timeout shows the first chat's status.
async fn until(what: &str, done: impl FnMut() -> bool) {
    harness::until(what, done, || format!("the first chat is {:?}", status(0))).await;
}

/// Two components at once hold two connections (8 listeners); unmounting each takes its
/// 4 away, and mounting again starts over.
#[wasm_bindgen_test]
async fn mount_unmount_remount_leaves_listeners_at_their_base() {
    let _alone = alone().await;
    let base = live_listeners();
    mount(&["/echo", "/echo"]);
    for round in 0..2 {
        until(&format!("both open, round {round}"), || {
            status(0) == Some(ConnectionStatus::Open) && status(1) == Some(ConnectionStatus::Open)
        })
        .await;
        assert_eq!(live_listeners(), base + 8, "round {round}");
        change(|scene| scene.clients[0].0 = false);
        until("the first unmounted", || live_listeners() == base + 4).await;
        assert!(chat(0).send(&"after unmount".to_owned()).is_err());
        change(|scene| scene.clients[1].0 = false);
        until("the second unmounted", || live_listeners() == base).await;
        // The next round's chats are mounted anew.
        CHATS.with(|chats| chats.borrow_mut().clear());
        change(|scene| scene.clients.iter_mut().for_each(|client| client.0 = true));
    }
    until("the third round's opens", || OPENS.with(Cell::get) == 6).await;
    change(|scene| scene.clients.clear());
    until("all unmounted", || live_listeners() == base).await;
    assert_eq!(
        OPENS.with(Cell::get),
        6,
        "one connection per mounted component"
    );
}

/// A new URL closes the old connection and opens one; a render with the same URL, and
/// the effect's first run, open nothing.
#[wasm_bindgen_test]
async fn a_new_url_reconnects_once_and_the_same_url_never() {
    let _alone = alone().await;
    let base = live_listeners();
    mount(&["/echo"]);
    until("open", || status(0) == Some(ConnectionStatus::Open)).await;
    // The same path, written: the client renders again with the same URL.
    change(|scene| scene.clients[0].1 = "/echo".to_owned());
    sleep(200).await;
    assert_eq!(OPENS.with(Cell::get), 1, "the same URL does not reconnect");
    change(|scene| scene.clients[0].1 = "/echo?second".to_owned());
    until("the second connection", || OPENS.with(Cell::get) == 2).await;
    assert_eq!(live_listeners(), base + 4, "the first connection is gone");
    assert_eq!(
        CHATS.with(|chats| chats.borrow().len()),
        1,
        "the same component"
    );
    change(|scene| scene.clients.clear());
    until("unmounted", || live_listeners() == base).await;
}

thread_local! {
    static BURST: RefCell<Option<UseWebSocket<u32, (), Padded>>> = const { RefCell::new(None) };
    static RENDERS: Cell<u32> = const { Cell::new(0) };
    /// Whether the burst's page shows it.
    static BURST_SHOWN: RefCell<Option<Signal<bool>>> = const { RefCell::new(None) };
}

#[component]
fn BurstPage() -> Element {
    let shown = use_signal(|| true);
    use_hook(|| BURST_SHOWN.with(|slot| *slot.borrow_mut() = Some(shown)));
    rsx! {
        if shown() {
            Burst {}
        }
    }
}

#[component]
fn Burst() -> Element {
    let burst = use_websocket_with::<u32, (), Padded>(url(FLOOD), UseWebSocketOptions::default());
    use_hook(|| BURST.with(|slot| *slot.borrow_mut() = Some(burst)));
    RENDERS.with(|renders| renders.set(renders.get() + 1));
    rsx! { p { "{burst.messages.read().len()}" } }
}

/// `/flood/1000/4/text` sends the numbers 0000 to 0999 as fast as the connection takes
/// them, then closes with 1000: all of them are listed, in order, in a few renders.
#[wasm_bindgen_test]
async fn a_burst_of_a_thousand_arrives_whole_and_in_order() {
    let _alone = alone().await;
    let base = live_listeners();
    RENDERS.with(|renders| renders.set(0));
    dioxus::web::launch::launch_virtual_dom(
        VirtualDom::new(BurstPage),
        dioxus::web::Config::new().rootelement(root().into()),
    );
    until("mounted", || BURST.with(|slot| slot.borrow().is_some())).await;
    let burst = BURST.with(|slot| *slot.borrow()).expect("mounted");
    until("closed by the server", || {
        matches!(*burst.status.peek(), ConnectionStatus::Closed(_))
    })
    .await;
    harness::assert_the_flood_arrived_whole(&burst.messages.peek());
    let renders = RENDERS.with(Cell::get);
    assert!(
        renders <= 12,
        "batched: {renders} renders for 1000 messages"
    );
    let mut shown = BURST_SHOWN.with(|slot| *slot.borrow()).expect("mounted");
    shown.set(false);
    until("unmounted", || live_listeners() == base).await;
}

/// `/drop-after/1` echoes one message, then drops the connection (1006). A send while
/// waiting to retry is queued (the signal shows it) and goes out once on the reconnect.
#[wasm_bindgen_test]
async fn a_send_while_disconnected_is_queued_and_sent_once_on_reconnect() {
    let _alone = alone().await;
    let base = live_listeners();
    mount(&["/drop-after/1"]);
    until("open", || status(0) == Some(ConnectionStatus::Open)).await;
    assert_eq!(chat(0).send(&"first".to_owned()), Ok(Sent::Now));
    until("waiting to retry", || {
        matches!(status(0), Some(ConnectionStatus::Waiting { .. }))
    })
    .await;
    assert_eq!(chat(0).send(&"while away".to_owned()), Ok(Sent::Queued));
    assert_eq!(*chat(0).queued.peek(), 1);
    until("the echo of the queued send", || {
        chat(0).messages.peek().len() == 2
    })
    .await;
    assert_eq!(*chat(0).messages.peek(), ["first", "while away"]);
    assert_eq!(*chat(0).queued.peek(), 0);
    change(|scene| scene.clients.clear());
    until("unmounted", || live_listeners() == base).await;
}
