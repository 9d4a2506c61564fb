//! The stream transport (`WebSocketStream`, feature `stream`): the same socket API, with
//! receive backpressure. Chromium has it; elsewhere `Auto` falls back to the classic
//! socket.

use crate::common::{
    blob::blob_of,
    server::{unique_id, url},
    socket::{next_event, next_message, open_classic},
    time::{sleep, within},
};
use browser_websocket::{BinaryType, CloseCode, Error, Event, Message, Transport, WebSocket};
use futures_util::SinkExt;
use wasm_bindgen_test::wasm_bindgen_test;

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
        ws.send_blob(&blob_of(&[1])),
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

const FLOOD_COUNT: u64 = 1024;
const FLOOD_SIZE: usize = 64 << 10;

/// How many messages the server's flood `id` has handed to its connection so far.
async fn server_progress(id: &str) -> u64 {
    let mut report = open_classic(&format!("/progress/{id}")).await;
    match next_message(&mut report).await {
        Message::Text(count) => count.parse().expect("a count"),
        other => panic!("a count is text, got {other:?}"),
    }
}

/// The server's count once it has stopped moving: read until two reads 300 ms apart
/// agree.
async fn settled_progress(id: &str) -> u64 {
    within("the server's count to settle", async {
        let mut last = server_progress(id).await;
        loop {
            sleep(300).await;
            let now = server_progress(id).await;
            if now == last {
                return now;
            }
            last = now;
        }
    })
    .await
}

/// Reads flood message `i` and checks its length and bytes.
async fn read_flood_message(ws: &mut WebSocket, i: u64) {
    let message = next_message(ws).await;
    let bytes = message.as_bytes().expect("binary");
    assert_eq!(bytes.len(), FLOOD_SIZE, "message {i}");
    assert_eq!(
        u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]),
        i as u32,
        "in order"
    );
    assert!(
        bytes[4..]
            .iter()
            .enumerate()
            .all(|(k, &b)| b == ((k + 4) % 251) as u8),
        "message {i} is intact"
    );
}

/// The control: over the classic socket a reader that stops changes nothing; the browser
/// reads all 64 MiB anyway, and the server finishes.
#[wasm_bindgen_test]
async fn over_the_classic_socket_a_reader_that_stops_does_not_stop_the_server() {
    let id = unique_id("no-backpressure");
    let mut ws = WebSocket::builder(url(&format!(
        "/flood/{FLOOD_COUNT}/{FLOOD_SIZE}/binary?id={id}"
    )))
    .transport(Transport::Classic)
    .connect()
    .expect("valid URL");
    assert_eq!(next_event(&mut ws).await, Event::Open);
    read_flood_message(&mut ws, 0).await;
    assert_eq!(settled_progress(&id).await, FLOOD_COUNT);
}

/// Receive backpressure: a reader that stops makes the server stop (its count settles far
/// below the 1 024 messages and stays there); when the reader resumes, the flood
/// completes with every byte in order.
#[wasm_bindgen_test]
async fn over_the_stream_transport_a_reader_that_stops_stops_the_server() {
    if !Transport::stream_available() {
        return;
    }
    let id = unique_id("backpressure");
    let mut ws =
        stream(&format!("/flood/{FLOOD_COUNT}/{FLOOD_SIZE}/binary?id={id}")).expect("valid URL");
    assert_eq!(next_event(&mut ws).await, Event::Open);
    for i in 0..8 {
        read_flood_message(&mut ws, i).await;
    }
    let stalled = settled_progress(&id).await;
    wasm_bindgen_test::console_log!(
        "the server stopped after {stalled} of {FLOOD_COUNT} messages while nobody read"
    );
    assert!(
        stalled < FLOOD_COUNT / 2,
        "the server sent {stalled} of {FLOOD_COUNT}: no backpressure"
    );
    sleep(500).await;
    assert_eq!(server_progress(&id).await, stalled, "still stopped");
    for i in 8..FLOOD_COUNT {
        read_flood_message(&mut ws, i).await;
    }
    assert_eq!(server_progress(&id).await, FLOOD_COUNT);
    let close = within("the close", ws.closed()).await;
    assert_eq!(close.code, CloseCode::NORMAL);
}
