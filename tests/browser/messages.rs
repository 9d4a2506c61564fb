//! Sending and receiving text, bytes and Blobs through `/echo`.

use crate::common::{
    blob::{blob_bytes, blob_of},
    socket::{classic, next_event, next_message, open, open_classic},
};
use browser_websocket::{BinaryType, Event, Message};
use wasm_bindgen_test::wasm_bindgen_test;

/// Text goes out and comes back as the same text, non-ASCII included.
#[wasm_bindgen_test]
async fn echo_of_text_returns_the_same_text() {
    let mut ws = open("/echo").await;
    ws.send_text("héllo, wörld ✓").expect("open");
    assert_eq!(
        next_message(&mut ws).await,
        Message::Text("héllo, wörld ✓".into())
    );
}

/// Bytes go out from wasm memory and come back as the same bytes.
#[wasm_bindgen_test]
async fn echo_of_bytes_returns_the_same_bytes() {
    let mut ws = open("/echo").await;
    let bytes: Vec<u8> = (0..=255).collect();
    ws.send_bytes(&bytes).expect("open");
    assert_eq!(next_message(&mut ws).await, Message::Binary(bytes));
}

/// A Blob is sent without entering wasm memory and comes back as bytes by default.
#[wasm_bindgen_test]
async fn echo_of_a_blob_returns_its_bytes() {
    // Only the classic socket sends Blobs (the stream transport refuses with a typed
    // error, tested in `stream_transport.rs`).
    let mut ws = open_classic("/echo").await;
    ws.send_blob(&blob_of(b"blob body")).expect("open");
    assert_eq!(
        next_message(&mut ws).await,
        Message::Binary(b"blob body".to_vec())
    );
}

/// An `ArrayBuffer` and a `Uint8Array` view are sent as their bytes.
#[wasm_bindgen_test]
async fn echo_of_array_buffer_and_view_returns_their_bytes() {
    let mut ws = open("/echo").await;
    let view = js_sys::Uint8Array::from(&[7u8, 8, 9][..]);
    ws.send_array_buffer(&view.buffer()).expect("open");
    ws.send_uint8_array(&view.subarray(1, 3)).expect("open");
    assert_eq!(next_message(&mut ws).await, Message::Binary(vec![7, 8, 9]));
    assert_eq!(next_message(&mut ws).await, Message::Binary(vec![8, 9]));
}

/// In Blob mode, binary messages arrive as Blob handles holding the right bytes, and
/// interleaved text keeps its place.
#[wasm_bindgen_test]
async fn blob_mode_delivers_blobs_in_order_between_texts() {
    let mut ws = classic("/echo")
        .binary_type(BinaryType::Blob)
        .connect()
        .expect("valid URL");
    assert_eq!(next_event(&mut ws).await, Event::Open);
    assert_eq!(ws.binary_type(), BinaryType::Blob);
    for i in 0u8..5 {
        ws.send_text(&format!("text {i}")).expect("open");
        ws.send_bytes(&vec![i; usize::from(i) + 1]).expect("open");
    }
    for i in 0u8..5 {
        assert_eq!(
            next_message(&mut ws).await,
            Message::Text(format!("text {i}"))
        );
        let Message::Blob(blob) = next_message(&mut ws).await else {
            panic!("binary message {i} must be a Blob in Blob mode");
        };
        assert_eq!(blob_bytes(&blob).await, vec![i; usize::from(i) + 1]);
    }
}

/// `set_binary_type` changes how later messages arrive, not earlier ones.
#[wasm_bindgen_test]
async fn set_binary_type_affects_later_messages_only() {
    let mut ws = open_classic("/echo").await;
    ws.send_bytes(&[1]).expect("open");
    assert_eq!(next_message(&mut ws).await, Message::Binary(vec![1]));
    ws.set_binary_type(BinaryType::Blob);
    assert_eq!(ws.binary_type(), BinaryType::Blob);
    ws.send_bytes(&[2]).expect("open");
    let Message::Blob(blob) = next_message(&mut ws).await else {
        panic!("after set_binary_type(Blob) binary arrives as a Blob");
    };
    assert_eq!(blob_bytes(&blob).await, vec![2]);
}

/// An empty text and an empty binary message are messages too.
#[wasm_bindgen_test]
async fn empty_messages_round_trip() {
    let mut ws = open("/echo").await;
    ws.send_text("").expect("open");
    ws.send_bytes(&[]).expect("open");
    assert_eq!(next_message(&mut ws).await, Message::Text(String::new()));
    assert_eq!(next_message(&mut ws).await, Message::Binary(Vec::new()));
}
