//! `/silent`: accepts the connection and never sends a message, for heartbeat tests. It
//! still answers a close frame, so a client that gives up closes cleanly.

use axum::extract::ws::{Message, WebSocket};
use axum::response::Response;

use crate::closing;
use crate::report::Outcome;
use crate::session::WsRequest;

pub async fn handler(request: WsRequest) -> Response {
    request.run(ignore_everything)
}

async fn ignore_everything(mut socket: WebSocket) -> Outcome {
    while let Some(Ok(message)) = socket.recv().await {
        if let Message::Close(frame) = message {
            return closing::finish_client_close(&mut socket, frame).await;
        }
    }
    Outcome::Gone
}
