//! Flow control: the `Sink` waits on `bufferedAmount`, `flush` waits for an empty buffer.

use crate::common::{
    server::{server_report, unique_id},
    socket::{next_message, open, open_classic},
    time::within,
};
use browser_websocket::{Error, Message, ReadyState, WaterMarks, WebSocket};
use futures_util::SinkExt;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

const CHUNK: usize = 64 << 10;
const TOTAL: usize = 64 << 20;

/// Asks a counting route how many bytes it has received.
async fn server_count(ws: &mut WebSocket) -> u64 {
    ws.send_text("done").expect("open socket");
    let reply = next_message(ws).await;
    reply
        .as_text()
        .and_then(|text| text.parse().ok())
        .unwrap_or_else(|| panic!("a byte count, got {reply:?}"))
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// 64 MiB in 64 KiB messages through the Sink to a server that reads at 64 MiB/s: the
/// buffer really fills, yet never holds more than the high mark plus one message, and
/// every byte arrives.
#[wasm_bindgen_test]
async fn flow_sink_keeps_buffered_amount_under_high_mark_plus_one_message() {
    let marks = WaterMarks::default();
    // `bufferedAmount` is the classic socket's; the stream transport's writer is tested
    // in `stream_transport.rs`.
    let mut ws = open_classic("/slow/67108864").await;
    let chunk = vec![7u8; CHUNK];
    let mut highest = 0;
    let send_all = async {
        for _ in 0..TOTAL / CHUNK {
            ws.feed(Message::Binary(chunk.clone()))
                .await
                .expect("open socket");
            highest = highest.max(ws.buffered_amount());
        }
    };
    within("64 MiB through the sink", send_all).await;
    console_log!("highest sampled bufferedAmount: {highest} bytes");
    assert!(
        highest as usize <= marks.high() as usize + CHUNK,
        "bufferedAmount reached {highest}"
    );
    assert!(
        highest > marks.low(),
        "the buffer never filled ({highest}): the test proved nothing"
    );
    assert_eq!(
        within("the count", server_count(&mut ws)).await,
        TOTAL as u64
    );
}

/// `flush().await` returns only once `bufferedAmount` is 0.
#[wasm_bindgen_test]
async fn flow_flush_returns_only_when_buffered_amount_is_zero() {
    let mut ws = open_classic("/slow/16777216").await;
    let chunk = vec![1u8; CHUNK];
    for _ in 0..64 {
        ws.send_bytes(&chunk).expect("open socket");
    }
    assert!(ws.buffered_amount() > 0, "4 MiB cannot leave at once");
    within("flush", ws.flush()).await.expect("open socket");
    assert_eq!(ws.buffered_amount(), 0);
}

/// The Sink's close sends 1000 and resolves once closed; closing again is an error, and
/// so is sending.
#[wasm_bindgen_test]
async fn flow_sink_close_waits_for_closed_and_closing_twice_is_an_error() {
    let id = unique_id("sink-close");
    let mut ws = open(&format!("/echo?id={id}")).await;
    within("Sink::close", SinkExt::close(&mut ws))
        .await
        .expect("open socket");
    assert_eq!(ws.ready_state(), ReadyState::Closed);
    assert_eq!(
        SinkExt::close(&mut ws).await,
        Err(Error::AlreadyClosing(ReadyState::Closed))
    );
    assert_eq!(
        ws.send(Message::Text("late".into())).await,
        Err(Error::NotOpen(ReadyState::Closed))
    );
    assert_eq!(server_report(&id).await, "close 1000 ");
}

/// The same 64 MiB through the Sink and through raw `send_bytes` calls to `/sink` both
/// arrive whole; the times are logged for comparison (no time is asserted).
#[wasm_bindgen_test]
async fn flow_sink_and_raw_sends_deliver_64_mib_to_sink() {
    let chunk = vec![3u8; CHUNK];

    let mut ws = open("/sink").await;
    let start = now_ms();
    for _ in 0..TOTAL / CHUNK {
        within("sink send", ws.feed(Message::Binary(chunk.clone())))
            .await
            .expect("open");
    }
    within("flush", ws.flush()).await.expect("open");
    let sink_ms = now_ms() - start;
    assert_eq!(
        within("the count", server_count(&mut ws)).await,
        TOTAL as u64
    );

    let mut raw = open("/sink").await;
    let start = now_ms();
    for _ in 0..TOTAL / CHUNK {
        raw.send_bytes(&chunk).expect("open");
    }
    within("flush", raw.flush()).await.expect("open");
    let raw_ms = now_ms() - start;
    assert_eq!(
        within("the count", server_count(&mut raw)).await,
        TOTAL as u64
    );

    console_log!(
        "64 MiB to /sink: Sink {sink_ms:.0} ms ({:.0} MiB/s), raw sends {raw_ms:.0} ms ({:.0} MiB/s)",
        64_000.0 / sink_ms,
        64_000.0 / raw_ms
    );
}
