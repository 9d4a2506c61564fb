//! Split halves: either can close, the receiver sees the end, dropping both closes.

use crate::common::{
    server::{server_report, unique_id, url},
    socket::{next_event, open, rest_of_stream},
    time::within,
};
use browser_websocket::{CloseCode, Error, Event, Message, ReadyState, WebSocket};
use futures_util::StreamExt;
use wasm_bindgen_test::wasm_bindgen_test;

fn code(number: u16) -> CloseCode {
    CloseCode::new(number).expect("in range")
}

/// The sender half closes; the receiver yields the final `Closed` with that code, and
/// sends afterwards are errors.
#[wasm_bindgen_test]
async fn split_sender_closes_and_receiver_sees_closed() {
    let (sender, mut receiver) = open("/echo").await.split();
    sender.send_text("before").expect("open");
    assert_eq!(
        within("echo", receiver.next()).await,
        Some(Event::Message(Message::Text("before".into())))
    );
    sender.close_with(code(4000), "from sender").expect("open");
    assert_eq!(
        sender.send_text("after"),
        Err(Error::NotOpen(ReadyState::Closing))
    );
    let events: Vec<Event> = within("the end", receiver.by_ref().collect()).await;
    let Some(Event::Closed(close)) = events.last() else {
        panic!("the receiver must end with Closed, got {events:?}");
    };
    assert_eq!(
        (close.code, close.reason.as_str()),
        (code(4000), "from sender")
    );
    assert_eq!(
        sender.send_bytes(&[1]),
        Err(Error::NotOpen(ReadyState::Closed))
    );
}

/// The receiver half closes too; the sender's sends fail from then on.
#[wasm_bindgen_test]
async fn split_receiver_closes_and_sender_sends_fail() {
    let id = unique_id("split-receiver");
    let (sender, mut receiver) = open(&format!("/echo?id={id}")).await.split();
    receiver
        .close_with(code(3001), "from receiver")
        .expect("open");
    assert_eq!(
        sender.send_text("x"),
        Err(Error::NotOpen(ReadyState::Closing))
    );
    let events: Vec<Event> = within("the end", receiver.by_ref().collect()).await;
    assert!(matches!(events.last(), Some(Event::Closed(c)) if c.code == code(3001)));
    assert_eq!(server_report(&id).await, "close 3001 from receiver");
}

/// Dropping both halves closes the socket: the server sees 1000.
#[wasm_bindgen_test]
async fn split_dropping_both_halves_closes_the_socket() {
    let id = unique_id("split-drop");
    let (sender, receiver) = open(&format!("/echo?id={id}")).await.split();
    drop(sender);
    drop(receiver);
    assert_eq!(server_report(&id).await, "close 1000 ");
}

/// Dropping one half keeps the connection: the other still sends and closes it.
#[wasm_bindgen_test]
async fn split_dropping_one_half_keeps_the_connection_open() {
    let id = unique_id("split-half");
    let (sender, receiver) = open(&format!("/echo?id={id}")).await.split();
    drop(receiver);
    assert_eq!(sender.ready_state(), ReadyState::Open);
    sender
        .send_text("still here")
        .expect("the sender keeps it open");
    sender.close_with(code(3002), "sender alone").expect("open");
    assert_eq!(server_report(&id).await, "close 3002 sender alone");
}

/// Halves of one socket reunite into a working socket; halves of two do not, and come back.
#[wasm_bindgen_test]
async fn split_reunite_accepts_only_halves_of_one_socket() {
    let (sender_a, receiver_a) = open("/echo").await.split();
    let (sender_b, receiver_b) = WebSocket::connect(&url("/echo")).expect("valid").split();
    let mismatch = sender_a.reunite(receiver_b).expect_err("different sockets");
    let (sender_a, _receiver_b) = (mismatch.sender, mismatch.receiver);
    let mut ws = sender_a.reunite(receiver_a).expect("one socket");
    ws.send_text("whole again").expect("open");
    assert_eq!(
        next_event(&mut ws).await,
        Event::Message(Message::Text("whole again".into()))
    );
    drop(sender_b);
    ws.close().expect("open");
    rest_of_stream(&mut ws).await;
}
