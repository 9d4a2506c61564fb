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
pub async fn echo(socket: WebSocket) -> Outcome {
    echo_seeing(socket, |_| {}).await
}

/// [`echo`], handing each text to `seen` before it goes back (`/counted` keeps them).
pub async fn echo_seeing(mut socket: WebSocket, mut seen: impl FnMut(&str)) -> Outcome {
    while let Some(Ok(message)) = socket.recv().await {
        if let Message::Text(text) = &message {
            seen(text.as_str());
        }
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
