//! The stream transport (`WebSocketStream`, feature `stream`): the same socket API, with
//! receive backpressure. Chromium has it; elsewhere `Auto` falls back to the classic
//! socket.
#![cfg(all(target_arch = "wasm32", feature = "stream"))]

mod common;

use browser_websocket::{BinaryType, CloseCode, Error, Event, Message, Transport, WebSocket};
use common::{next_event, next_message, url, within};
use futures_util::SinkExt;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn stream(path: &str) -> Result<WebSocket, Error> {
    WebSocket::builder(url(path))
        .transport(Transport::Stream)
        .connect()
}

/// `Auto` takes the stream transport exactly where the browser has `WebSocketStream`, and
/// `Stream` without it is a typed error.
#[wasm_bindgen_test]
async fn auto_uses_the_stream_transport_where_the_browser_has_it() {
    let ws = WebSocket::builder(url("/echo"))
        .transport(Transport::Auto)
        .connect()
        .expect("valid URL");
    if Transport::stream_available() {
        assert_eq!(ws.transport(), Transport::Stream);
        assert!(ws.as_raw().is_none(), "no classic socket underneath");
    } else {
        assert_eq!(ws.transport(), Transport::Classic);
        assert_eq!(
            stream("/echo").map(drop),
            Err(Error::TransportUnavailable(Transport::Stream))
        );
    }
    let blob = WebSocket::builder(url("/echo"))
        .transport(Transport::Auto)
        .binary_type(BinaryType::Blob)
        .connect()
        .expect("valid URL");
    assert_eq!(
        blob.transport(),
        Transport::Classic,
        "Blobs need the classic socket"
    );
}

/// Over the stream transport: open, text and binary echo, a Blob send refused with a
/// typed error, and the close code and reason from the `closed` promise.
#[wasm_bindgen_test]
async fn the_stream_transport_echoes_and_closes_like_the_classic_one() {
    if !Transport::stream_available() {
        return;
    }
    let mut ws = stream("/echo").expect("valid URL");
    assert_eq!(ws.transport(), Transport::Stream);
    assert_eq!(next_event(&mut ws).await, Event::Open);
    assert_eq!(ws.url(), url("/echo"));
    ws.send_text("héllo").expect("open");
    assert_eq!(next_message(&mut ws).await, Message::from("héllo"));
    ws.send_bytes(&[1, 2, 3]).expect("open");
    assert_eq!(next_message(&mut ws).await, Message::Binary(vec![1, 2, 3]));
    assert_eq!(
        ws.send_blob(&common::blob_of(&[1])),
        Err(Error::NotSupported {
            what: "sending a Blob",
            transport: Transport::Stream
        })
    );
    ws.close_with(CloseCode::new(4321).expect("valid"), "bye")
        .expect("open");
    let close = within("the close", ws.closed()).await;
    assert_eq!(close.code.as_u16(), 4321);
    assert_eq!(close.reason, "bye");
    assert!(close.was_clean);
}

/// The Sink waits on the writer and `flush` on the writes it issued: 4 MiB reach the
/// server complete.
#[wasm_bindgen_test]
async fn the_stream_transports_sink_flushes_every_write() {
    if !Transport::stream_available() {
        return;
    }
    let mut ws = stream("/sink").expect("valid URL");
    assert_eq!(next_event(&mut ws).await, Event::Open);
    let chunk = vec![5u8; 64 << 10];
    within("4 MiB through the sink", async {
        for _ in 0..64 {
            ws.feed(Message::Binary(chunk.clone())).await.expect("open");
        }
        ws.flush().await.expect("open");
    })
    .await;
    ws.send_text("done").expect("open");
    assert_eq!(
        next_message(&mut ws).await,
        Message::Text((64 * (64 << 10)).to_string())
    );
}
