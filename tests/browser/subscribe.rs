//! Several listeners: subscriptions see every event independently of each other.

use crate::common::{
    server::url,
    socket::{classic, next_event, open, rest_of_stream},
    time::within,
};
use browser_websocket::{Event, Message, WebSocket};
use futures_util::StreamExt;
use wasm_bindgen_test::wasm_bindgen_test;

fn expected_flood(n: usize) -> Vec<Event> {
    let mut events = vec![Event::Open];
    events.extend((0..n).map(|i| Event::Message(Message::Text(format!("{i:016}")))));
    events
}

/// Two subscribers and the main stream each see all 1 000 messages of a flood, in order.
#[wasm_bindgen_test]
async fn subscribe_two_subscribers_and_the_stream_each_see_all_1000_messages() {
    // Waiting for the close unread needs the classic socket's in-page queue.
    let mut ws = classic("/flood/1000/16/text").connect().expect("valid URL");
    let first = ws.subscribe();
    let second = ws.subscribe();
    within("the flood", ws.closed()).await;
    assert_eq!(first.queued(), 1_002, "Open, 1 000 messages, Closed");

    let mut main_events = rest_of_stream(&mut ws).await;
    let mut first_events: Vec<Event> = within("first", first.collect()).await;
    let mut second_events: Vec<Event> = within("second", second.collect()).await;
    for events in [&mut main_events, &mut first_events, &mut second_events] {
        assert!(matches!(events.pop(), Some(Event::Closed(_))));
        assert_eq!(*events, expected_flood(1_000));
    }
}

/// Dropping one subscriber mid-stream disturbs neither the other nor the main stream.
#[wasm_bindgen_test]
async fn subscribe_dropping_one_subscriber_disturbs_no_one() {
    let mut ws = open("/echo").await;
    let mut kept = ws.subscribe();
    let dropped = ws.subscribe();
    ws.send_text("one").expect("open");
    assert_eq!(
        within("kept", kept.next()).await,
        Some(Event::Message(Message::Text("one".into())))
    );
    drop(dropped);
    ws.send_text("two").expect("open");
    assert_eq!(
        within("kept", kept.next()).await,
        Some(Event::Message(Message::Text("two".into())))
    );
    let main: Vec<Event> = vec![next_event(&mut ws).await, next_event(&mut ws).await];
    assert_eq!(
        main,
        vec![
            Event::Message(Message::Text("one".into())),
            Event::Message(Message::Text("two".into()))
        ]
    );
}

/// A subscription does not keep the connection alive: dropping the socket ends it after
/// the events it already holds.
#[wasm_bindgen_test]
async fn subscribe_ends_when_the_socket_is_dropped() {
    let mut ws = WebSocket::connect(&url("/echo")).expect("valid URL");
    let mut subscription = ws.subscribe();
    assert_eq!(next_event(&mut ws).await, Event::Open);
    drop(ws);
    assert_eq!(within("Open", subscription.next()).await, Some(Event::Open));
    assert_eq!(within("the end", subscription.next()).await, None);
}
