//! Opening connections: URLs, subprotocols, refused handshakes.

use crate::common::{
    server::{SERVER, unique_id, url},
    socket::{next_event, next_message, rest_of_stream},
    time::within,
};
use browser_websocket::{CloseCode, Error, Event, ReadyState, UrlProblem, WebSocket};
use wasm_bindgen_test::wasm_bindgen_test;

fn url_problem(address: &str) -> UrlProblem {
    match WebSocket::connect(address) {
        Err(Error::InvalidUrl { url, problem }) => {
            assert_eq!(url, address, "the error keeps the URL as given");
            problem
        }
        Err(other) => panic!("{address:?}: expected InvalidUrl, got {other:?}"),
        Ok(_) => panic!("{address:?}: expected InvalidUrl, got a socket"),
    }
}

/// Connecting yields `Open` first, and `opened()` and `ready_state()` agree with it.
#[wasm_bindgen_test]
async fn connect_yields_open_first_and_state_becomes_open() {
    let mut ws = WebSocket::connect(&url("/echo")).expect("valid URL");
    assert_eq!(ws.ready_state(), ReadyState::Connecting);
    within("opened()", ws.opened())
        .await
        .expect("the server accepts");
    assert_eq!(ws.ready_state(), ReadyState::Open);
    assert_eq!(next_event(&mut ws).await, Event::Open);
    assert_eq!(ws.url(), url("/echo"));
}

/// The page's own origin as a WebSocket origin: `ws://host:port` of `location`.
fn page_origin_as_ws() -> String {
    let location = web_sys::window().expect("a window").location();
    format!("ws://{}", location.host().expect("location.host"))
}

/// Relative and `http:` URLs resolve as the WHATWG constructor resolves them, in every
/// browser: against the page, with `http:` becoming `ws:`.
#[wasm_bindgen_test]
async fn connect_resolves_relative_and_http_urls() {
    let ws = WebSocket::connect("/echo").expect("a relative URL resolves");
    assert_eq!(ws.url(), format!("{}/echo", page_origin_as_ws()));
    drop(ws);

    let mut ws =
        WebSocket::connect(&format!("//{}/echo", SERVER)).expect("a scheme-relative URL resolves");
    assert_eq!(ws.url(), url("/echo"));
    assert_eq!(next_event(&mut ws).await, Event::Open);

    let mut ws = WebSocket::connect(&format!("http://{}/echo", SERVER)).expect("http: becomes ws:");
    assert_eq!(ws.url(), url("/echo"));
    assert_eq!(next_event(&mut ws).await, Event::Open);
    ws.send_text("over http:").expect("open");
    assert_eq!(next_message(&mut ws).await, "over http:".into());
}

/// Other schemes and fragments (even empty ones, and on relative URLs) are typed errors,
/// in every browser.
#[wasm_bindgen_test]
fn connect_rejects_other_schemes_and_fragments() {
    assert_eq!(
        url_problem("ftp://example.com/echo"),
        UrlProblem::UnsupportedScheme("ftp".into())
    );
    assert_eq!(
        url_problem("data:text/plain,hi"),
        UrlProblem::UnsupportedScheme("data".into())
    );
    assert_eq!(
        url_problem(&format!("{}#top", url("/echo"))),
        UrlProblem::Fragment
    );
    assert_eq!(
        url_problem(&format!("{}#", url("/echo"))),
        UrlProblem::Fragment
    );
    assert_eq!(url_problem("/echo#top"), UrlProblem::Fragment);
}

/// A URL the URL parser refuses becomes `Malformed` with the browser's message, not an
/// escaped exception.
#[wasm_bindgen_test]
fn connect_maps_the_browsers_syntax_error_to_malformed() {
    match url_problem("ws://[::1/") {
        UrlProblem::Malformed(message) => assert!(!message.is_empty()),
        other => panic!("expected Malformed, got {other:?}"),
    }
}

/// Invalid and repeated subprotocol names never reach the browser.
#[wasm_bindgen_test]
fn connect_rejects_invalid_and_duplicate_protocols() {
    let with = |protocols: &[&str]| {
        WebSocket::builder(url("/protocols"))
            .protocols(protocols.iter().copied())
            .connect()
            .map(drop)
    };
    assert_eq!(
        with(&["has space"]),
        Err(Error::InvalidProtocol {
            protocol: "has space".into()
        })
    );
    assert_eq!(
        with(&[""]),
        Err(Error::InvalidProtocol {
            protocol: String::new()
        })
    );
    assert_eq!(
        with(&["chat", "chat"]),
        Err(Error::DuplicateProtocol {
            protocol: "chat".into()
        })
    );
}

/// The server picks the first offered subprotocol; `protocol()` reports it once open.
#[wasm_bindgen_test]
async fn connect_negotiates_the_first_offered_protocol() {
    let mut ws = WebSocket::builder(url("/protocols"))
        .protocols(["chat.v2", "chat.v1"])
        .connect()
        .expect("valid protocols");
    assert_eq!(ws.protocol(), "", "nothing is chosen before open");
    assert_eq!(next_event(&mut ws).await, Event::Open);
    assert_eq!(ws.protocol(), "chat.v2");
    assert_eq!(next_message(&mut ws).await.as_text(), Some("chat.v2"));
}

/// Checks that `ws` fails as a failed connection does: `opened()` fails with a close 1006
/// that was not clean, and the stream reports `Error`, then that `Closed`, then ends.
async fn fails_to_connect(ws: &mut WebSocket) {
    let failure = within("opened() to fail", ws.opened()).await;
    let Err(Error::ConnectFailed(close)) = failure else {
        panic!("expected ConnectFailed, got {failure:?}");
    };
    assert_eq!(close.code, CloseCode::ABNORMAL);
    assert!(!close.was_clean);
    let events = rest_of_stream(ws).await;
    assert_eq!(events, vec![Event::Error, Event::Closed(close)]);
    assert_eq!(ws.ready_state(), ReadyState::Closed);
}

/// A handshake the server refuses (HTTP 403) makes `opened()` fail once, with the close
/// event, and the stream reports `Error` then `Closed` 1006.
#[wasm_bindgen_test]
async fn connect_to_a_rejecting_server_fails_opened() {
    let mut ws = WebSocket::connect(&url("/reject")).expect("valid URL");
    fails_to_connect(&mut ws).await;
}

/// A port the Fetch standard blocks (9, "discard") fails the connection like any other
/// failure, `Error` then one `Closed` 1006 and the end, in every browser. WebKit fires
/// only `error` there, with no `close` ever after; the crate makes up the close it owes.
#[wasm_bindgen_test]
async fn a_blocked_port_ends_with_one_abnormal_close_in_every_browser() {
    const BLOCKED: &str = "ws://127.0.0.1:9/";
    let mut ws = WebSocket::connect(BLOCKED).expect("a blocked port is a valid URL");
    fails_to_connect(&mut ws).await;
    assert_eq!(ws.closed().await.code, CloseCode::ABNORMAL);
}

/// Sending before the socket opens is an error, not the browser's exception.
#[wasm_bindgen_test]
fn send_while_connecting_is_an_error() {
    let ws = WebSocket::connect(&url("/echo")).expect("valid URL");
    let too_early = Err(Error::NotOpen(ReadyState::Connecting));
    assert_eq!(ws.send_text("too early"), too_early);
    assert_eq!(ws.send_bytes(&[1]), too_early);
}

/// A server that accepts TCP but never answers the handshake: the connect timeout
/// abandons the attempt, `opened()` says so, and the stream ends as for any failed
/// connect.
#[wasm_bindgen_test]
async fn connect_timeout_abandons_a_handshake_that_never_answers() {
    let key = unique_id("stall");
    let timeout = std::time::Duration::from_millis(300);
    let mut ws = WebSocket::builder(url(&format!("/stall/{key}/1")))
        .connect_timeout(timeout)
        .connect()
        .expect("valid URL");
    assert_eq!(
        within("opened()", ws.opened()).await,
        Err(Error::ConnectTimedOut { after: timeout })
    );
    assert_eq!(ws.ready_state(), ReadyState::Closed);
    let events = rest_of_stream(&mut ws).await;
    assert!(!events.contains(&Event::Open), "never opened: {events:?}");
    match events.last() {
        Some(Event::Closed(close)) => assert_eq!(close.code, CloseCode::ABNORMAL),
        other => panic!("expected Closed, got {other:?}"),
    }
}

/// A connect timeout that does not run out changes nothing.
#[wasm_bindgen_test]
async fn connect_timeout_lets_a_timely_connection_open() {
    let mut ws = WebSocket::builder(url("/echo"))
        .connect_timeout(std::time::Duration::from_secs(10))
        .connect()
        .expect("valid URL");
    assert_eq!(within("opened()", ws.opened()).await, Ok(()));
    assert_eq!(next_event(&mut ws).await, Event::Open);
}
