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
use std::time::Duration;

use browser_websocket::{
    Codec, ConnectionStatus, DecodeError, Message, ReconnectPolicy, Sent, WebSocket, live_listeners,
};
use browser_websocket_yew::{Json, Sender, UseWebSocketOptions, use_websocket_with};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const SERVER: &str = match option_env!("BROWSER_WEBSOCKET_TEST_SERVER") {
    Some(address) => address,
    None => "127.0.0.1:9001",
};

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
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        self.path == other.path && Rc::ptr_eq(&self.probe, &other.probe) && self.tick == other.tick
    }
}

#[function_component]
fn Client(props: &Props) -> Html {
    let probe = Rc::clone(&props.probe);
    let options = UseWebSocketOptions::default()
        .builder(|url| {
            WebSocket::builder(url).reconnecting(
                ReconnectPolicy::default()
                    .initial_delay(Duration::from_millis(300))
                    .random(|| 0.99),
            )
        })
        .on_event({
            let probe = Rc::clone(&probe);
            move |event| {
                if matches!(event, browser_websocket::ReconnectEvent::Open) {
                    *probe.opens.borrow_mut() += 1;
                }
            }
        });
    let url = format!("ws://{SERVER}{}", props.path);
    let ws = use_websocket_with::<String, String, Json>(&url, options);
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
    /// Whether a test runs: the runner interleaves async tests, and the listener count
    /// is global.
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs the test alone; the returned guard lets the next one start.
async fn alone() -> Alone {
    while BUSY.with(|busy| busy.replace(true)) {
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    HISTORY.with(|history| history.borrow_mut().clear());
    Alone
}

struct Alone;

impl Drop for Alone {
    fn drop(&mut self) {
        BUSY.with(|busy| busy.set(false));
    }
}

/// A fresh element to mount into.
fn root() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

fn mount(path: &str, probe: &Rc<Probe>, tick: u32) -> yew::AppHandle<Client> {
    yew::Renderer::<Client>::with_root_and_props(
        root(),
        Props {
            path: AttrValue::from(path.to_owned()),
            probe: Rc::clone(probe),
            tick,
        },
    )
    .render()
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
        "timed out waiting for {what}; renders saw {:?}",
        HISTORY.with(|h| h.borrow().clone())
    );
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
            });
            until("a re-render", || *probe.renders.borrow() >= renders + tick).await;
        }
        assert_eq!(*probe.opens.borrow(), 1, "re-renders never reconnect");
        assert_eq!(live_listeners(), base + 4);
        app.destroy();
        // Yew runs the destroy on its next scheduler pass; the hook's own teardown is
        // synchronous, so one pass is all it takes.
        gloo_timers::future::TimeoutFuture::new(0).await;
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

#[function_component]
fn Burst(props: &BurstProps) -> Html {
    let url = format!("ws://{SERVER}/flood/1000/4/text");
    let ws = use_websocket_with::<u32, (), Padded>(&url, UseWebSocketOptions::default());
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
        root(),
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
    assert!(
        numbers.iter().copied().eq(0..1000),
        "got {} numbers",
        numbers.len()
    );
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
    gloo_timers::future::TimeoutFuture::new(0).await;
    assert_eq!(live_listeners(), base);
}
