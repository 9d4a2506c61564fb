//! Against a server nobody here wrote: Python's `websockets`
//! (`third-party-server/server.py`, started by `cargo xtask test`; its address comes from
//! `BROWSER_WEBSOCKET_THIRD_PARTY_SERVER` at compile time). Frame-length
//! boundaries, multi-byte text, and close codes and reasons in both directions.

use crate::common::{
    server::unique_id,
    socket::{next_message, open_url, rest_of_stream},
    time::within,
};
use browser_websocket::{CloseCode, Event, Message, WebSocket};
use wasm_bindgen_test::wasm_bindgen_test;

/// The third-party server's `host:port`, fixed at compile time by `cargo xtask test`.
const THIRD_PARTY: &str = match option_env!("BROWSER_WEBSOCKET_THIRD_PARTY_SERVER") {
    Some(address) => address,
    None => "127.0.0.1:9002",
};

pub(crate) fn url(path: &str) -> String {
    format!("ws://{THIRD_PARTY}{path}")
}

async fn open(path: &str) -> WebSocket {
    open_url(&url(path)).await
}

/// Payload lengths where RFC 6455 §5.2 changes the frame header: 7-bit (0, 125), 16-bit
/// (126, 65535) and 64-bit (65536, 16 MiB) lengths.
const BOUNDARIES: [usize; 6] = [0, 125, 126, 65_535, 65_536, 16 << 20];

/// Binary messages of every boundary length come back byte for byte.
#[wasm_bindgen_test]
async fn binary_echo_across_the_frame_length_boundaries() {
    let mut ws = open("/echo").await;
    for length in BOUNDARIES {
        let bytes: Vec<u8> = (0..length).map(|i| (i % 251) as u8).collect();
        ws.send_bytes(&bytes).expect("open");
        let echoed = within("the echo", next_message(&mut ws)).await;
        assert_eq!(echoed.as_bytes().map(<[u8]>::len), Some(length));
        assert!(
            echoed == Message::Binary(bytes),
            "{length} bytes came back changed"
        );
    }
}

/// Text messages of every boundary length come back exactly.
#[wasm_bindgen_test]
async fn text_echo_across_the_frame_length_boundaries() {
    let mut ws = open("/echo").await;
    for length in BOUNDARIES {
        let text: String = (0..length)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        ws.send_text(&text).expect("open");
        let echoed = within("the echo", next_message(&mut ws)).await;
        assert_eq!(echoed.as_text().map(str::len), Some(length));
        assert!(
            echoed == Message::Text(text),
            "{length} chars came back changed"
        );
    }
}

/// Two-, three- and four-byte UTF-8 characters survive, alone and across a 64 KiB
/// message whose byte length is over the 16-bit boundary.
#[wasm_bindgen_test]
async fn multi_byte_utf8_text_comes_back_exactly() {
    let mut ws = open("/echo").await;
    let short = "héllo wörld, 日本語, 🦀🦀";
    let long = "é日🦀".repeat(7_282); // 9 bytes each: 65 538 bytes, 21 846 chars
    assert!(long.len() > 65_535);
    for text in [short.to_owned(), long] {
        ws.send_text(&text).expect("open");
        assert_eq!(
            within("the echo", next_message(&mut ws)).await,
            Message::Text(text)
        );
    }
}

/// The server's close codes and reasons, multi-byte ones included, reach the
/// `CloseEvent` exactly.
#[wasm_bindgen_test]
async fn server_close_codes_and_reasons_arrive_exactly() {
    for (code, reason) in [
        (1000, ""),
        (1001, "going away"),
        (1011, "internal"),
        (4000, "bye"),
        (3001, "größe 日本 🦀"),
    ] {
        let query = js_sys::encode_uri_component(reason);
        let mut ws = WebSocket::connect(&url(&format!("/close/{code}?reason={query}")))
            .expect("a valid URL");
        let close = within("the server's close", ws.closed()).await;
        assert_eq!(close.code.as_u16(), code, "{reason}");
        assert_eq!(close.reason, reason);
        assert!(close.was_clean);
        let events = rest_of_stream(&mut ws).await;
        assert_eq!(events.first(), Some(&Event::Open));
    }
}

/// The client's close code and a multi-byte reason, as the server received them.
#[wasm_bindgen_test]
async fn the_clients_close_code_and_multi_byte_reason_reach_the_server() {
    let id = unique_id("third-party-close");
    let ws = open(&format!("/record/{id}")).await;
    let reason = "größe 日本 🦀";
    ws.close_with(CloseCode::new(4001).expect("valid"), reason)
        .expect("open");
    let close = within("our close", ws.closed()).await;
    assert_eq!(close.code.as_u16(), 4001, "the server echoes our code");
    let mut report = open(&format!("/report/{id}")).await;
    assert_eq!(
        next_message(&mut report).await,
        Message::Text(format!("close 4001 {reason}"))
    );
}
