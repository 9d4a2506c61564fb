//! The hook in a browser, against the test server: one connection per mounted component,
//! listeners back to their base on unmount, a burst delivered whole, a send while
//! disconnected queued and sent once on reconnect.
//!
//! `cargo xtask server` (port 9001), then
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p browser-websocket-yew --features csr
//! --target wasm32-unknown-unknown`; `BROWSER_WEBSOCKET_TEST_SERVER=host:port` at build
//! time points it at another server.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use browser_websocket::{ConnectionStatus, Sent, live_listeners};
use browser_websocket_yew::{Json, Sender, UseWebSocketOptions, use_websocket_with};
use ui_test_harness::{self as harness, Alone, FLOOD, Padded, root, sleep, url};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

// `use_rpc`'s tests, with the `rpc` feature (`cargo xtask test` turns it on).
#[cfg(feature = "rpc")]
#[path = "browser/rpc.rs"]
mod rpc;

/// What the component saw at its last render, for the test to read.
#[derive(Default)]
struct Probe {
    status: RefCell<Option<ConnectionStatus>>,
    messages: RefCell<Vec<String>>,
    queued: RefCell<usize>,
    renders: RefCell<u32>,
    opens: RefCell<u32>,
    sender: RefCell<Option<Sender<String, Json>>>,
}

#[derive(Properties, Clone)]
struct Props {
    path: AttrValue,
    probe: Rc<Probe>,
    /// Changing it re-renders the component: it must not reconnect.
    tick: u32,
    /// The name its connection is shared across tabs under, if it is.
    share: Option<AttrValue>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        self.path == other.path
            && Rc::ptr_eq(&self.probe, &other.probe)
            && self.tick == other.tick
            && self.share == other.share
    }
}

#[function_component]
fn Client(props: &Props) -> Html {
    let probe = Rc::clone(&props.probe);
    let options: UseWebSocketOptions<String> = harness::options({
        let probe = Rc::clone(&probe);
        move || *probe.opens.borrow_mut() += 1
    });
    let options = match &props.share {
        Some(name) => options.shared_across_tabs(name),
        None => options,
    };
    let ws = use_websocket_with::<String, String, Json>(&url(&props.path), options);
    *probe.status.borrow_mut() = Some(ws.status().clone());
    *probe.messages.borrow_mut() = ws.messages().iter().cloned().collect();
    *probe.queued.borrow_mut() = ws.queued();
    *probe.renders.borrow_mut() += 1;
    HISTORY.with(|history| history.borrow_mut().push(format!("{:?}", ws.status())));
    *probe.sender.borrow_mut() = Some(ws.sender());
    html! { <p>{ ws.status().to_string() }</p> }
}

thread_local! {
    /// Each render's status, for a timeout's message.
    static HISTORY: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Runs the test alone, with an empty history.
async fn alone() -> Alone {
    let alone = harness::alone().await;
    HISTORY.with(|history| history.borrow_mut().clear());
    alone
}

/// Waits (10 s at most) until `done` holds; a timeout lists each render's status.
async fn until(what: &str, done: impl FnMut() -> bool) {
    let history = || HISTORY.with(|history| history.borrow().clone());
    harness::until(what, done, || format!("renders saw {:?}", history())).await;
}

fn mount(path: &str, probe: &Rc<Probe>, tick: u32) -> yew::AppHandle<Client> {
    mount_with(path, probe, tick, None)
}

fn mount_with(
    path: &str,
    probe: &Rc<Probe>,
    tick: u32,
    share: Option<&str>,
) -> yew::AppHandle<Client> {
    yew::Renderer::<Client>::with_root_and_props(
        root().into(),
        Props {
            path: AttrValue::from(path.to_owned()),
            probe: Rc::clone(probe),
            tick,
            share: share.map(|name| AttrValue::from(name.to_owned())),
        },
    )
    .render()
}

fn status(probe: &Probe) -> Option<ConnectionStatus> {
    probe.status.borrow().clone()
}

/// Mount, unmount, mount again: 4 listeners while open, the base count at once after
/// each unmount, and re-renders never open a second connection.
#[wasm_bindgen_test]
async fn mount_unmount_remount_leaves_listeners_at_their_base() {
    let _alone = alone().await;
    let base = live_listeners();
    for round in 0..2 {
        let probe = Rc::new(Probe::default());
        let mut app = mount("/echo", &probe, 0);
        until(&format!("open, round {round}"), || {
            status(&probe) == Some(ConnectionStatus::Open)
        })
        .await;
        assert_eq!(
            live_listeners(),
            base + 4,
            "round {round}: {:?}",
            status(&probe)
        );
        let renders = *probe.renders.borrow();
        for tick in 1..=5 {
            app.update(Props {
                path: "/echo".into(),
                probe: Rc::clone(&probe),
                tick,
                share: None,
            });
            until("a re-render", || *probe.renders.borrow() >= renders + tick).await;
        }
        assert_eq!(*probe.opens.borrow(), 1, "re-renders never reconnect");
        assert_eq!(live_listeners(), base + 4);
        app.destroy();
        // Yew runs the destroy on its next scheduler pass; the hook's own teardown is
        // synchronous, so one pass is all it takes.
        sleep(0).await;
        assert_eq!(live_listeners(), base, "unmount removes every listener");
        let sender = probe.sender.borrow().clone().expect("a sender");
        assert!(sender.send(&"after unmount".to_owned()).is_err());
        assert_eq!(
            sender.status(),
            ConnectionStatus::Closed(browser_websocket::ClosedBecause::Dropped)
        );
    }
}

/// The numbers listed, the status, and how many renders it took.
type Seen = (Vec<u32>, Option<ConnectionStatus>, u32);

#[derive(Properties, Clone)]
struct BurstProps {
    seen: Rc<RefCell<Seen>>,
}

impl PartialEq for BurstProps {
    fn eq(&self, other: &BurstProps) -> bool {
        Rc::ptr_eq(&self.seen, &other.seen)
    }
}

#[function_component]
fn Burst(props: &BurstProps) -> Html {
    let ws = use_websocket_with::<u32, (), Padded>(&url(FLOOD), UseWebSocketOptions::default());
    let mut seen = props.seen.borrow_mut();
    seen.0 = ws.messages().iter().copied().collect();
    seen.1 = Some(ws.status().clone());
    seen.2 += 1;
    HISTORY.with(|history| {
        history
            .borrow_mut()
            .push(format!("{} numbers, {:?}", seen.0.len(), seen.1))
    });
    html! {}
}

/// `/flood/1000/4/text` sends the numbers 0000 to 0999 as fast as the connection takes
/// them, then closes with 1000: all of them are listed, in order, in a few renders.
#[wasm_bindgen_test]
async fn a_burst_of_a_thousand_arrives_whole_and_in_order() {
    let _alone = alone().await;
    let seen = Rc::new(RefCell::new((Vec::new(), None, 0)));
    let app = yew::Renderer::<Burst>::with_root_and_props(
        root().into(),
        BurstProps {
            seen: Rc::clone(&seen),
        },
    )
    .render();
    until("closed by the server", || {
        matches!(seen.borrow().1, Some(ConnectionStatus::Closed(_)))
    })
    .await;
    let (numbers, _, renders) = seen.borrow().clone();
    harness::assert_the_flood_arrived_whole(&numbers);
    assert!(
        renders < 100,
        "batched: {renders} renders for 1000 messages"
    );
    app.destroy();
}

/// `/drop-after/1` echoes one message, then drops the connection (1006). A send while
/// waiting to retry is queued (the count shows it) and goes out once on the reconnect.
#[wasm_bindgen_test]
async fn a_send_while_disconnected_is_queued_and_sent_once_on_reconnect() {
    let _alone = alone().await;
    let base = live_listeners();
    let probe = Rc::new(Probe::default());
    let app = mount("/drop-after/1", &probe, 0);
    until("open", || status(&probe) == Some(ConnectionStatus::Open)).await;
    let sender = probe.sender.borrow().clone().expect("a sender");
    assert_eq!(sender.send(&"first".to_owned()), Ok(Sent::Now));
    until("waiting to retry", || {
        matches!(status(&probe), Some(ConnectionStatus::Waiting { .. }))
    })
    .await;
    assert_eq!(sender.send(&"while away".to_owned()), Ok(Sent::Queued));
    until("the queued count", || *probe.queued.borrow() == 1).await;
    until("the echo of the queued send", || {
        probe.messages.borrow().len() == 2
    })
    .await;
    assert_eq!(*probe.messages.borrow(), ["first", "while away"]);
    assert_eq!(*probe.queued.borrow(), 0);
    app.destroy();
    sleep(0).await;
    assert_eq!(live_listeners(), base);
}

/// Two components whose options share their connection across tabs under one name hold
/// one connection between them, and both hear a send from the one that follows.
#[wasm_bindgen_test]
async fn two_components_sharing_across_tabs_hold_one_connection() {
    let _alone = alone().await;
    let base = live_listeners();
    let key = harness::unique_key("yew-shared");
    let path = format!("/counted/{key}");
    let probes = [Rc::new(Probe::default()), Rc::new(Probe::default())];
    let apps = probes
        .each_ref()
        .map(|probe| mount_with(&path, probe, 0, Some(&key)));
    let sender = |n: usize| probes[n].sender.borrow().clone().expect("a sender");
    harness::assert_two_shares_hold_one_connection(
        &key,
        |n| probes[n].sender.borrow().as_ref()?.handle(),
        |n| probes[n].messages.borrow().clone(),
        |n, text| sender(n).send(&text.to_owned()),
    )
    .await;
    for app in apps {
        app.destroy();
    }
    harness::until_server_counts(&key, r#"{"open":0,"opened":1}"#).await;
    until("every listener gone", || live_listeners() == base).await;
}
