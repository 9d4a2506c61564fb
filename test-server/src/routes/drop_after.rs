//! `/drop-after/{n}`: echoes the first `n` messages, then drops the TCP connection without
//! a close frame (the browser reports 1006), for reconnect tests.

use axum::extract::ws::{Message, WebSocket};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::closing;
use crate::report::Outcome;
use crate::session::WsRequest;

pub async fn handler(Path(n): Path<String>, request: WsRequest) -> Response {
    match n.parse::<u64>() {
        Ok(n) => request.run(move |socket| echo_then_drop(socket, n)),
        Err(_) => (StatusCode::BAD_REQUEST, "n must be a whole number").into_response(),
    }
}

async fn echo_then_drop(mut socket: WebSocket, n: u64) -> Outcome {
    let mut echoed = 0;
    while echoed < n {
        match socket.recv().await {
            Some(Ok(message @ (Message::Text(_) | Message::Binary(_)))) => {
                if socket.send(message).await.is_err() {
                    return Outcome::Gone;
                }
                echoed += 1;
            }
            Some(Ok(Message::Close(frame))) => {
                return closing::finish_client_close(&mut socket, frame).await
            }
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
            Some(Err(_)) | None => return Outcome::Gone,
        }
    }
    // Dropping the socket closes TCP with no close frame.
    drop(socket);
    Outcome::Gone
}
