//! Both ways a close handshake can go (RFC 6455 §7.1.2, §5.5.1), each ending in the
//! [`Outcome`] the registry records.

use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket};

use crate::report::Outcome;

/// How long the server waits for the client to answer its close frame. A browser answers
/// at once; a client that never does is reported as `gone`.
const CLOSE_REPLY_LIMIT: Duration = Duration::from_secs(10);

/// Finishes a handshake the client started: tungstenite has queued the echoed close
/// frame, and reading on flushes it and then ends the stream, so the browser sees
/// `wasClean == true`.
pub async fn finish_client_close(socket: &mut WebSocket, frame: Option<CloseFrame>) -> Outcome {
    while let Some(Ok(_)) = socket.recv().await {}
    Outcome::from_close(frame)
}

/// Starts a handshake from the server: sends `code` and `reason`, then waits (bounded)
/// for the client's close frame, discarding any messages still in flight before it.
pub async fn close_and_wait(mut socket: WebSocket, code: u16, reason: &str) -> Outcome {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    if socket.send(Message::Close(Some(frame))).await.is_err() {
        return Outcome::Gone;
    }
    tokio::time::timeout(CLOSE_REPLY_LIMIT, read_until_end(&mut socket))
        .await
        .unwrap_or(Outcome::Gone)
}

/// Reads until the stream ends; the client's close frame, if one came, is the outcome.
async fn read_until_end(socket: &mut WebSocket) -> Outcome {
    let mut outcome = Outcome::Gone;
    while let Some(Ok(message)) = socket.recv().await {
        if let Message::Close(frame) = message {
            outcome = Outcome::from_close(frame);
        }
    }
    outcome
}

/// Sends `text`, then closes with 1000 and waits for the client's answer: how a route
/// that answers one question ends.
pub async fn tell(mut socket: WebSocket, text: String) -> Outcome {
    if socket.send(Message::Text(text.into())).await.is_err() {
        return Outcome::Gone;
    }
    close_and_wait(socket, 1000, "").await
}
