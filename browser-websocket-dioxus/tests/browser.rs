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

use std::cell::RefCell;

use browser_websocket::{ConnectionStatus, Sent, live_listeners};
use browser_websocket_dioxus::{Json, UseWebSocket, UseWebSocketOptions, use_websocket_with};
use dioxus::prelude::*;
use ui_test_harness::{self as harness, Alone, FLOOD, Padded, root, sleep, url};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

// `use_rpc`'s tests, with the `rpc` feature (`cargo xtask test` turns it on).
#[cfg(feature = "rpc")]
#[path = "browser/rpc.rs"]
mod rpc;

type Chat = UseWebSocket<String, String, Json>;

/// What the current test's components reported.
#[derive(Default)]
struct Seen {
    /// The chats mounted, in mount order.
    chats: Vec<Chat>,
    /// How many times a chat's socket opened.
    opens: u32,
    /// What the page shows: which clients, at which path.
    scene: Option<Signal<Scene>>,
    /// The burst's handle, once mounted.
    burst: Option<UseWebSocket<u32, (), Padded>>,
    /// How often the burst's component rendered.
    renders: u32,
    /// Whether the burst's page shows it.
    burst_shown: Option<Signal<bool>>,
}

thread_local! {
    static SEEN: RefCell<Seen> = RefCell::default();
}

/// Reads or updates what the components reported.
fn seen<R>(look: impl FnOnce(&mut Seen) -> R) -> R {
    SEEN.with(|seen| look(&mut seen.borrow_mut()))
}

/// The page of a test: a client per path, each shown or not.
#[derive(Clone, PartialEq)]
struct Scene {
    clients: Vec<(bool, String)>,
    /// The name every client's connection is shared across tabs under, if it is.
    share: Option<String>,
}

/// Runs the test alone, with nothing seen yet.
async fn alone() -> Alone {
    let turn = harness::alone().await;
    seen(|seen| *seen = Seen::default());
    turn
}

#[component]
fn Client(path: String, share: Option<String>) -> Element {
    let options = harness::options(|| seen(|seen| seen.opens += 1));
    let options = match share {
        Some(name) => options.shared_across_tabs(&name),
        None => options,
    };
    let chat = use_websocket_with::<String, String, Json>(url(&path), options);
    use_hook(|| seen(|seen| seen.chats.push(chat)));
    rsx! { p { "{chat.status}" } }
}

#[component]
fn Page(first: Scene) -> Element {
    let scene = use_signal(|| first);
    use_hook(|| seen(|seen| seen.scene = Some(scene)));
    rsx! {
        for (n, (shown, path)) in scene.read().clients.iter().enumerate() {
            if *shown {
                // Keyed by its place: a new path re-renders the same client.
                Client { key: "{n}", path: path.clone(), share: scene.read().share.clone() }
            }
        }
    }
}

/// Starts `app` in a fresh element; it runs for the rest of the test binary.
fn launch(app: VirtualDom) {
    let config = dioxus::web::Config::new().rootelement(root().into());
    dioxus::web::launch::launch_virtual_dom(app, config);
}

/// Mounts a page with `paths`' clients, all shown.
fn mount(paths: &[&str]) {
    mount_sharing(paths, None);
}

/// Mounts a page with `paths`' clients, all shown, sharing under `share` if given.
fn mount_sharing(paths: &[&str], share: Option<&str>) {
    let clients = paths.iter().map(|path| (true, (*path).to_owned()));
    let first = Scene {
        clients: clients.collect(),
        share: share.map(str::to_owned),
    };
    launch(VirtualDom::new_with_props(Page, PageProps { first }));
}

/// Changes the current test's page; it re-renders on the next turn of the event loop.
fn change(edit: impl FnOnce(&mut Scene)) {
    let mut scene = seen(|seen| seen.scene).expect("a page is mounted");
    edit(&mut scene.write());
}

/// The `n`th chat mounted in this test, if there is one yet.
fn nth(n: usize) -> Option<Chat> {
    seen(|seen| seen.chats.get(n).copied())
}

/// Its status now, without subscribing to it.
fn status_of(n: usize) -> Option<ConnectionStatus> {
    let status = nth(n)?.status;
    let now = status.try_peek().ok()?;
    Some(now.clone())
}

fn opens() -> u32 {
    seen(|seen| seen.opens)
}

/// Waits (10 s at most) until `done` holds; a timeout lists every chat's status.
async fn wait(what: &str, done: impl FnMut() -> bool) {
    let statuses = || {
        let count = seen(|seen| seen.chats.len());
        let all: Vec<_> = (0..count).map(status_of).collect();
        format!("the chats are {all:?}")
    };
    harness::until(what, done, statuses).await;
}

/// Two components at once hold two connections (8 listeners); unmounting each takes its
/// 4 away, and mounting them again starts over.
#[wasm_bindgen_test]
async fn mount_unmount_remount_leaves_listeners_at_their_base() {
    let _turn = alone().await;
    let before = live_listeners();
    mount(&["/echo", "/echo"]);
    for round in 0..2 {
        let both_open = || (0..2).all(|n| status_of(n) == Some(ConnectionStatus::Open));
        wait(&format!("both open, round {round}"), both_open).await;
        assert_eq!(live_listeners(), before + 8, "round {round}");
        let first = nth(0).expect("mounted");
        change(|scene| scene.clients[0].0 = false);
        wait("the first unmounted", || live_listeners() == before + 4).await;
        assert!(first.send(&"after unmount".to_owned()).is_err());
        change(|scene| scene.clients[1].0 = false);
        wait("the second unmounted", || live_listeners() == before).await;
        // The next round's chats are mounted anew.
        seen(|seen| seen.chats.clear());
        change(|scene| scene.clients.iter_mut().for_each(|client| client.0 = true));
    }
    wait("the third round's opens", || opens() == 6).await;
    change(|scene| scene.clients.clear());
    wait("all unmounted", || live_listeners() == before).await;
    assert_eq!(opens(), 6, "one connection per mounted component");
}

/// A new URL closes the old connection and opens one; a render with the same URL, and
/// the effect's first run, open nothing.
#[wasm_bindgen_test]
async fn a_new_url_reconnects_once_and_the_same_url_never() {
    let _turn = alone().await;
    let before = live_listeners();
    mount(&["/echo"]);
    wait("open", || status_of(0) == Some(ConnectionStatus::Open)).await;
    // The same path, written: the client renders again with the same URL.
    change(|scene| scene.clients[0].1 = "/echo".to_owned());
    sleep(200).await;
    assert_eq!(opens(), 1, "the same URL does not reconnect");
    change(|scene| scene.clients[0].1 = "/echo?second".to_owned());
    wait("the second connection", || opens() == 2).await;
    assert_eq!(live_listeners(), before + 4, "the first connection is gone");
    assert!(nth(1).is_none(), "the same component, not a new one");
    change(|scene| scene.clients.clear());
    wait("unmounted", || live_listeners() == before).await;
}

#[component]
fn BurstPage() -> Element {
    let shown = use_signal(|| true);
    use_hook(|| seen(|seen| seen.burst_shown = Some(shown)));
    rsx! {
        if shown() {
            Burst {}
        }
    }
}

#[component]
fn Burst() -> Element {
    let burst = use_websocket_with::<u32, (), Padded>(url(FLOOD), UseWebSocketOptions::default());
    use_hook(|| seen(|seen| seen.burst = Some(burst)));
    seen(|seen| seen.renders += 1);
    rsx! { p { "{burst.messages.read().len()}" } }
}

/// `/flood/1000/4/text` sends the numbers 0000 to 0999 as fast as the connection takes
/// them, then closes with 1000: all of them are listed, in order, in a few renders.
#[wasm_bindgen_test]
async fn a_burst_of_a_thousand_arrives_whole_and_in_order() {
    let _turn = alone().await;
    let before = live_listeners();
    launch(VirtualDom::new(BurstPage));
    wait("mounted", || seen(|seen| seen.burst.is_some())).await;
    let burst = seen(|seen| seen.burst).expect("mounted");
    let closed = || matches!(*burst.status.peek(), ConnectionStatus::Closed(_));
    wait("closed by the server", closed).await;
    harness::assert_the_flood_arrived_whole(&burst.messages.peek());
    let renders = seen(|seen| seen.renders);
    assert!(
        renders <= 12,
        "batched: {renders} renders for 1000 messages"
    );
    let mut shown = seen(|seen| seen.burst_shown).expect("mounted");
    shown.set(false);
    wait("unmounted", || live_listeners() == before).await;
}

/// `/drop-after/1` echoes one message, then drops the connection (1006). A send while
/// waiting to retry is queued (the signal shows it) and goes out once on the reconnect.
#[wasm_bindgen_test]
async fn a_send_while_disconnected_is_queued_and_sent_once_on_reconnect() {
    let _turn = alone().await;
    let before = live_listeners();
    mount(&["/drop-after/1"]);
    wait("open", || status_of(0) == Some(ConnectionStatus::Open)).await;
    let chat = nth(0).expect("mounted");
    assert_eq!(chat.send(&"first".to_owned()), Ok(Sent::Now));
    let waiting = || matches!(*chat.status.peek(), ConnectionStatus::Waiting { .. });
    wait("waiting to retry", waiting).await;
    assert_eq!(chat.send(&"while away".to_owned()), Ok(Sent::Queued));
    assert_eq!(*chat.queued.peek(), 1, "the signal counts the queued send");
    wait("the echo of the queued send", || {
        chat.messages.peek().len() >= 2
    })
    .await;
    assert_eq!(*chat.messages.peek(), ["first", "while away"], "sent once");
    assert_eq!(*chat.queued.peek(), 0);
    change(|scene| scene.clients.clear());
    wait("unmounted", || live_listeners() == before).await;
}

/// Two components whose options share their connection across tabs under one name hold
/// one connection between them, and both hear a send from the one that follows.
#[wasm_bindgen_test]
async fn two_components_sharing_across_tabs_hold_one_connection() {
    let _turn = alone().await;
    let before = live_listeners();
    let key = harness::unique_key("dioxus-shared");
    let path = format!("/counted/{key}");
    mount_sharing(&[&path, &path], Some(&key));
    wait("both mounted", || nth(1).is_some()).await;
    let chat = |n| nth(n).expect("mounted");
    harness::assert_two_shares_hold_one_connection(
        &key,
        |n| chat(n).sender.handle(),
        |n| chat(n).messages.peek().clone(),
        |n, text| chat(n).send(&text.to_owned()),
    )
    .await;
    change(|scene| scene.clients.clear());
    harness::until_server_counts(&key, r#"{"open":0,"opened":1}"#).await;
    wait("unmounted", || live_listeners() == before).await;
}
