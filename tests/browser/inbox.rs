//! The receive path: an unread burst stays out of wasm memory, and an inbox limit bounds
//! what a slow reader holds, by dropping the oldest or by closing.

use crate::common::{
    socket::{classic, rest_of_stream},
    time::within,
};
use browser_websocket::{CloseCode, Event, InboxLimit, Message, Overflow, WhenInboxFull};
use futures_util::StreamExt;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

const MIB: f64 = 1024.0 * 1024.0;

/// The byte length of wasm linear memory, which grows but never shrinks.
fn wasm_memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// 64 MiB that arrives as 65 536 binary messages while the stream is not polled grows
/// wasm memory by at most 16 MiB while queued, and by at most 16 MiB once drained.
#[wasm_bindgen_test]
async fn an_unread_64_mib_burst_stays_out_of_wasm_memory() {
    const COUNT: usize = 65_536;
    const SIZE: usize = 1024;
    let before = wasm_memory_bytes();
    // The classic socket queues what is not read in the page; this is what that costs.
    // (The stream transport does not read it off the network at all.)
    let mut ws = classic(&format!("/flood/{COUNT}/{SIZE}/binary"))
        .connect()
        .expect("valid URL");
    // Not a single poll of the stream until the whole flood has arrived.
    let close = within("the flood to finish", ws.closed()).await;
    assert_eq!(close.code, CloseCode::NORMAL);
    let queued = wasm_memory_bytes() - before;

    let mut received = 0;
    while let Some(event) = within("the next event", ws.next()).await {
        if let Event::Message(message) = event {
            let bytes = message.as_bytes().expect("binary");
            assert_eq!(bytes.len(), SIZE);
            assert_eq!(
                u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]),
                received as u32,
                "in order"
            );
            received += 1;
        }
    }
    let drained = wasm_memory_bytes() - before;
    console_log!(
        "wasm memory growth: {:.1} MiB while 64 MiB was queued, {:.1} MiB after draining",
        queued / MIB,
        drained / MIB
    );
    assert_eq!(received, COUNT);
    assert!(
        queued <= 16.0 * MIB,
        "grew {:.1} MiB while queued",
        queued / MIB
    );
    assert!(
        drained <= 16.0 * MIB,
        "grew {:.1} MiB once drained",
        drained / MIB
    );
}

fn text(i: usize) -> Event {
    Event::Message(Message::Text(format!("{i:08}")))
}

/// A limit of 100 with `DropOldest`: a reader that wakes up after a flood of 1 000 finds
/// the newest 100, after a marker saying 900 were dropped.
#[wasm_bindgen_test]
async fn a_full_inbox_drops_the_oldest_and_says_how_many() {
    let mut ws = classic("/flood/1000/8/text")
        .inbox_limit(InboxLimit::messages(100).when_full(WhenInboxFull::DropOldest))
        .connect()
        .expect("valid URL");
    let close = within("the flood to finish", ws.closed()).await;
    let mut expected = vec![
        Event::Open,
        Event::Overflow(Overflow::Dropped { messages: 900 }),
    ];
    expected.extend((900..1000).map(text));
    expected.push(Event::Closed(close));
    assert_eq!(rest_of_stream(&mut ws).await, expected);
}

/// A limit of 100 messages that closes: the reader gets the first 100, a marker that the
/// connection is closing with 4009, then the close; nothing else.
#[wasm_bindgen_test]
async fn a_full_inbox_closes_the_connection_with_4009() {
    let mut ws = classic("/flood/10000/8/text")
        .inbox_limit(InboxLimit::messages(100))
        .connect()
        .expect("valid URL");
    let close = within("the close", ws.closed()).await;
    let events = rest_of_stream(&mut ws).await;
    assert_eq!(events.len(), 103, "Open, 100 messages, Overflow, Closed");
    assert_eq!(events[0], Event::Open);
    assert_eq!(events[1..101], (0..100).map(text).collect::<Vec<_>>()[..]);
    assert_eq!(
        events[101],
        Event::Overflow(Overflow::Closing {
            code: InboxLimit::OVERFLOW_CODE
        })
    );
    assert_eq!(events[102], Event::Closed(close));
}

/// A byte limit counts sizes: 10 messages of 1 KiB fit in 10 KiB, the 11th closes.
#[wasm_bindgen_test]
async fn a_byte_limit_closes_when_the_bytes_do_not_fit() {
    let mut ws = classic("/flood/20/1024/binary")
        .inbox_limit(InboxLimit::bytes(10 * 1024))
        .connect()
        .expect("valid URL");
    within("the close", ws.closed()).await;
    let events = rest_of_stream(&mut ws).await;
    let messages = events
        .iter()
        .filter(|event| matches!(event, Event::Message(_)))
        .count();
    assert_eq!(messages, 10);
    assert!(events.contains(&Event::Overflow(Overflow::Closing {
        code: InboxLimit::OVERFLOW_CODE
    })));
}
