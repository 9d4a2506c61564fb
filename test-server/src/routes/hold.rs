//! `/hold/{ms}`: completes the handshake, reads nothing for `ms` milliseconds, then drops
//! the TCP connection without a close frame (1006). What the client sends meanwhile
//! fills the TCP buffers and then stays in its `bufferedAmount`: the bytes that never
//! left the browser when the connection went.

use std::time::Duration;

use axum::extract::ws::WebSocket;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::report::Outcome;
use crate::session::WsRequest;

pub async fn handler(Path(ms): Path<String>, request: WsRequest) -> Response {
    match ms.parse::<u64>() {
        Ok(ms) => request.run(move |socket| hold(socket, ms)),
        Err(_) => (StatusCode::BAD_REQUEST, "ms must be a whole number").into_response(),
    }
}

/// Dropping the socket drops hyper's upgraded connection, which closes the TCP stream.
async fn hold(socket: WebSocket, ms: u64) -> Outcome {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    drop(socket);
    Outcome::Gone
}
