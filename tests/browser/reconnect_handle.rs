//! Sharing a reconnecting socket: cheap cloneable handles, the event stream apart, a
//! status the library keeps, and settings that last across retries.

use std::time::Duration;

use crate::common::{
    blob::blob_bytes,
    reconnect::{closed_code, connect, fast, next, reconnecting, slow},
    server::unique_id,
    socket::{classic, socket_listeners},
    time::within,
};
use browser_websocket::{
    BinaryType, ClosedBecause, ConnectionStatus, Error, Message, ReadyState, ReconnectEvent, Sent,
    WebSocket, live_listeners,
};
use futures_util::StreamExt;
use futures_util::future::join;
use wasm_bindgen_test::wasm_bindgen_test;

/// Handles clone into closures and send from there; the status follows the connection
/// through a drop and a retry to your close; the status stream yields each change.
#[wasm_bindgen_test]
async fn handles_send_from_anywhere_and_the_status_follows_the_connection() {
    let (handle, mut events) = connect("/drop-after/2", fast()).split();
    let mut changes = handle.status_changes();
    assert_eq!(handle.status(), ConnectionStatus::Connecting);
    assert_eq!(
        within("status", changes.next()).await,
        Some(ConnectionStatus::Connecting)
    );
    let say = {
        let handle = handle.clone();
        move |text: &str| handle.send(text)
    };
    assert_eq!(say("early"), Ok(Sent::Queued), "queued while connecting");

    assert_eq!(next(&mut events).await, Some(ReconnectEvent::Open));
    assert_eq!(handle.status(), ConnectionStatus::Open);
    assert_eq!(
        within("status", changes.next()).await,
        Some(ConnectionStatus::Open)
    );
    assert_eq!(say("now"), Ok(Sent::Now));
    for expected in ["early", "now"] {
        assert_eq!(
            next(&mut events).await,
            Some(ReconnectEvent::Message(Message::from(expected)))
        );
    }
    assert!(matches!(
        next(&mut events).await,
        Some(ReconnectEvent::Closed(_))
    ));
    match handle.status() {
        ConnectionStatus::Waiting {
            attempt: 1,
            retry_in,
        } => {
            assert!(retry_in <= Duration::from_millis(5))
        }
        other => panic!("expected Waiting, got {other:?}"),
    }
    assert!(matches!(
        within("status", changes.next()).await,
        Some(ConnectionStatus::Waiting { attempt: 1, .. })
    ));
    assert!(matches!(
        next(&mut events).await,
        Some(ReconnectEvent::Reconnecting { attempt: 1, .. })
    ));
    // The retry connects on the next poll: the status says so at once.
    let (event, status) = join(next(&mut events), async {
        within("status", changes.next()).await
    })
    .await;
    assert_eq!(status, Some(ConnectionStatus::Reconnecting { attempt: 1 }));
    assert_eq!(event, Some(ReconnectEvent::Open));
    assert_eq!(handle.status(), ConnectionStatus::Open);

    handle.close().expect("first close");
    assert_eq!(handle.status(), ConnectionStatus::Closing);
    assert!(matches!(
        next(&mut events).await,
        Some(ReconnectEvent::Closed(_))
    ));
    assert_eq!(next(&mut events).await, None);
    assert_eq!(
        handle.status(),
        ConnectionStatus::Closed(ClosedBecause::ByYou)
    );
    let mut last = None;
    while let Some(status) = within("the status stream to end", changes.next()).await {
        last = Some(status);
    }
    assert_eq!(last, Some(ConnectionStatus::Closed(ClosedBecause::ByYou)));
    assert_eq!(say("late"), Err(Error::NotOpen(ReadyState::Closed)));
}

/// A handle's close wakes the task that waits on the event stream, even while a retry
/// is 30 s away.
#[wasm_bindgen_test]
async fn a_handles_close_ends_a_waiting_stream_at_once() {
    let key = unique_id("handle-close");
    let (handle, mut events) = connect(&format!("/refuse/{key}/100"), slow()).split();
    closed_code(next(&mut events).await);
    reconnecting(next(&mut events).await);
    let (end, closed) = join(next(&mut events), async {
        // Runs once the stream's task is waiting.
        handle.close()
    })
    .await;
    assert_eq!(closed, Ok(()));
    assert_eq!(end, None);
    assert_eq!(
        handle.status(),
        ConnectionStatus::Closed(ClosedBecause::ByYou)
    );
}

/// `set_binary_type` on a handle applies now and to every later connection.
#[wasm_bindgen_test]
async fn binary_type_set_on_a_handle_lasts_across_retries() {
    // Blobs are the classic socket's.
    let (handle, mut events) = classic("/drop-after/1")
        .reconnecting(fast())
        .connect()
        .expect("valid URL")
        .split();
    handle.set_binary_type(BinaryType::Blob);
    assert_eq!(next(&mut events).await, Some(ReconnectEvent::Open));
    assert_eq!(
        handle.with_socket(WebSocket::binary_type),
        Some(BinaryType::Blob)
    );
    assert_eq!(handle.send(vec![1u8, 2, 3]), Ok(Sent::Now));
    assert!(matches!(
        next(&mut events).await,
        Some(ReconnectEvent::Message(Message::Blob(_)))
    ));
    closed_code(next(&mut events).await);
    reconnecting(next(&mut events).await);
    assert_eq!(next(&mut events).await, Some(ReconnectEvent::Open));
    assert_eq!(
        handle.with_socket(WebSocket::binary_type),
        Some(BinaryType::Blob),
        "the retry's socket"
    );
    assert_eq!(handle.send(vec![4u8]), Ok(Sent::Now));
    match next(&mut events).await {
        Some(ReconnectEvent::Message(Message::Blob(blob))) => {
            assert_eq!(blob_bytes(&blob).await, vec![4])
        }
        other => panic!("expected a Blob, got {other:?}"),
    }
}

/// Dropping the event stream closes the connection and removes every listener; handles
/// then say so, and sends fail instead of vanishing.
#[wasm_bindgen_test]
async fn dropping_the_event_stream_closes_and_handles_say_so() {
    let before = live_listeners();
    let (handle, mut events) = connect("/echo", fast()).split();
    assert_eq!(next(&mut events).await, Some(ReconnectEvent::Open));
    let transport = handle.with_socket(WebSocket::transport).expect("connected");
    assert_eq!(live_listeners(), before + socket_listeners(transport));
    drop(events);
    assert_eq!(live_listeners(), before);
    assert_eq!(
        handle.status(),
        ConnectionStatus::Closed(ClosedBecause::Dropped)
    );
    assert_eq!(handle.send("gone"), Err(Error::NotOpen(ReadyState::Closed)));
    assert_eq!(handle.queued(), 0);
}

/// A burst of 1 000 messages that arrive in one tick reaches a reader complete and in
/// order.
#[wasm_bindgen_test]
async fn a_burst_of_1000_messages_arrives_complete_and_in_order() {
    let (_handle, mut events) = connect("/flood/1000/8/text", fast()).split();
    assert_eq!(next(&mut events).await, Some(ReconnectEvent::Open));
    let mut texts = Vec::new();
    while texts.len() < 1000 {
        match next(&mut events).await {
            Some(ReconnectEvent::Message(Message::Text(text))) => texts.push(text),
            other => panic!("expected a message, got {other:?}"),
        }
    }
    let expected: Vec<String> = (0..1000).map(|i| format!("{i:08}")).collect();
    assert_eq!(texts, expected);
}
