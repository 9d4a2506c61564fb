//! Typed sockets: structs through `/echo` with JSON and postcard, over every layer.

use std::time::Duration;

use crate::common::{server::url, socket::open, time::within};
use browser_websocket::{
    Event, Json, Message, Postcard, ReconnectEvent, ReconnectPolicy, Sent, Typed, TypedEvent,
    WebSocket,
};
use futures_util::{SinkExt, StreamExt};
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::wasm_bindgen_test;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Chat {
    from: String,
    text: String,
    seq: u32,
    tags: Vec<String>,
}

fn chat(seq: u32) -> Chat {
    Chat {
        from: "ada".into(),
        text: format!("héllo {seq}"),
        seq,
        tags: vec!["a".into(), "b".into()],
    }
}

/// The next decoded value, skipping nothing: anything else fails the test.
async fn next_value<S>(typed: &mut S) -> Chat
where
    S: futures_util::Stream<Item = TypedEvent<Chat, Event>> + Unpin,
{
    match within("a typed message", typed.next()).await {
        Some(TypedEvent::Message(value)) => value,
        other => panic!("expected a decoded Chat, got {other:?}"),
    }
}

/// A struct goes through `/echo` as a JSON text message and comes back equal.
#[wasm_bindgen_test]
async fn codec_json_round_trips_a_struct_as_text() {
    let ws = open("/echo").await;
    let mut typed = Typed::<_, Chat, Chat, Json>::new(ws);
    typed.send(chat(1)).await.expect("open");
    assert_eq!(next_value(&mut typed).await, chat(1));
}

/// A struct goes through `/echo` as a postcard binary message and comes back equal.
#[wasm_bindgen_test]
async fn codec_postcard_round_trips_a_struct_as_binary() {
    let ws = open("/echo").await;
    let mut typed = Typed::<_, Chat, Chat, Postcard>::new(ws);
    typed.send(chat(2)).await.expect("open");
    assert_eq!(next_value(&mut typed).await, chat(2));
}

/// A message that does not decode is yielded with its raw form and the reason; the stream
/// goes on and the next good message decodes.
#[wasm_bindgen_test]
async fn codec_decode_failure_keeps_the_stream_alive() {
    let ws = open("/echo").await;
    ws.send_text("{not json").expect("open");
    let mut typed = Typed::<_, Chat, Chat, Json>::new(ws);
    typed.send(chat(3)).await.expect("open");
    match within("the bad message", typed.next()).await {
        Some(TypedEvent::Undecodable { message, error }) => {
            assert_eq!(message, Message::Text("{not json".into()));
            assert!(!error.to_string().is_empty());
        }
        other => panic!("expected Undecodable, got {other:?}"),
    }
    assert_eq!(next_value(&mut typed).await, chat(3));
    typed.get_ref().close().expect("open");
    let rest: Vec<_> = within("the end", typed.collect()).await;
    assert!(matches!(
        rest.last(),
        Some(TypedEvent::Other(Event::Closed(_)))
    ));
}

/// Typed halves: the sender encodes with flow control, the receiver decodes.
#[wasm_bindgen_test]
async fn codec_works_on_split_halves() {
    let (sender, receiver) = open("/echo").await.split();
    let mut typed_sender = Typed::<_, (), Chat, Postcard>::new(sender);
    let mut typed_receiver = Typed::<_, Chat, (), Postcard>::new(receiver);
    for seq in 0..100 {
        typed_sender.feed(chat(seq)).await.expect("open");
    }
    typed_sender.flush().await.expect("open");
    for seq in 0..100 {
        assert_eq!(next_value(&mut typed_receiver).await, chat(seq));
    }
}

/// Typed over a reconnecting socket: values sent while disconnected (through the Sink, or
/// the typed `send` that says what became of them) are queued, encoded, and arrive after
/// the reconnect.
#[wasm_bindgen_test]
async fn codec_works_over_reconnect() {
    let ws = WebSocket::builder(url("/drop-after/1"))
        .reconnecting(
            ReconnectPolicy::default()
                .initial_delay(Duration::from_millis(10))
                .random(|| 0.0),
        )
        .connect()
        .expect("valid URL");
    let mut typed = Typed::<_, Chat, Chat, Json>::new(ws);
    let mut decoded = Vec::new();
    SinkExt::send(&mut typed, chat(1))
        .await
        .expect("queued or sent");
    while decoded.len() < 2 {
        match within("events", typed.next()).await {
            Some(TypedEvent::Message(value)) => decoded.push(value),
            Some(TypedEvent::Other(ReconnectEvent::Closed(_))) => {
                assert_eq!(typed.send(&chat(2)), Ok(Sent::Queued));
            }
            Some(TypedEvent::Other(_)) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(decoded, vec![chat(1), chat(2)]);
}
