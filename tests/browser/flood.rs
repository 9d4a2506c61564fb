//! Many messages: none lost, none reordered, even when the stream is polled late.

use crate::common::{
    server::url,
    socket::{classic, rest_of_stream},
    time::within,
};
use browser_websocket::{CloseCode, Event, Message, WebSocket};
use wasm_bindgen_test::wasm_bindgen_test;

/// 10 000 text messages that all arrived before the stream was first polled come out
/// complete and in order, followed by the server's close.
#[wasm_bindgen_test]
async fn flood_of_10000_arrives_complete_and_in_order_when_polled_late() {
    // The classic socket queues in the page what is not read; the stream transport would
    // make the server wait instead (`stream_transport.rs`).
    let mut ws = classic("/flood/10000/16/text")
        .connect()
        .expect("valid URL");
    // Wait for the close without touching the stream: every message is queued by then.
    let close = within("the flood to finish", ws.closed()).await;
    assert_eq!(close.code, CloseCode::NORMAL);

    let events = rest_of_stream(&mut ws).await;
    assert_eq!(events.len(), 10_002, "Open, 10 000 messages, Closed");
    assert_eq!(events[0], Event::Open);
    for (i, event) in events[1..10_001].iter().enumerate() {
        assert_eq!(
            event,
            &Event::Message(Message::Text(format!("{i:016}"))),
            "message {i}"
        );
    }
    assert_eq!(events[10_001], Event::Closed(close));
}

/// Binary messages keep their order and their bytes.
#[wasm_bindgen_test]
async fn flood_of_binary_messages_keeps_order_and_content() {
    let mut ws = WebSocket::connect(&url("/flood/1000/64/binary")).expect("valid URL");
    let events = rest_of_stream(&mut ws).await;
    assert_eq!(events.len(), 1_002);
    for (i, event) in events[1..1_001].iter().enumerate() {
        let Event::Message(Message::Binary(bytes)) = event else {
            panic!("message {i} must be binary, got {event:?}");
        };
        assert_eq!(bytes.len(), 64);
        assert_eq!(
            u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]),
            i as u32
        );
        assert!(
            bytes[4..]
                .iter()
                .enumerate()
                .all(|(k, &b)| b == ((k + 4) % 251) as u8)
        );
    }
}
