//! `/echo`: sends every message back as it came, in order.

use axum::extract::ws::{Message, WebSocket};
use axum::response::Response;

use crate::closing;
use crate::report::Outcome;
use crate::session::WsRequest;

pub async fn handler(request: WsRequest) -> Response {
    request.run(echo)
}

/// Echoes text as text and binary as binary until the client closes; also the tail of
/// `/protocols`. Pings are answered by tungstenite itself.
pub async fn echo(mut socket: WebSocket) -> Outcome {
    while let Some(Ok(message)) = socket.recv().await {
        match message {
            Message::Text(_) | Message::Binary(_) => {
                if socket.send(message).await.is_err() {
                    return Outcome::Gone;
                }
            }
            Message::Close(frame) => return closing::finish_client_close(&mut socket, frame).await,
            Message::Ping(_) | Message::Pong(_) => {}
        }
    }
    Outcome::Gone
}
