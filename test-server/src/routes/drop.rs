//! `/drop`: completes the handshake, waits for the client's first message, then drops the
//! TCP connection without a close frame, so the browser reports 1006 with
//! `wasClean == false`.
//!
//! Waiting for a message makes the drop happen after the browser has fired `open`:
//! dropping at once races the handshake, and Firefox then reports a failed connection.

use axum::extract::ws::WebSocket;
use axum::response::Response;

use crate::report::Outcome;
use crate::session::WsRequest;

pub async fn handler(request: WsRequest) -> Response {
    request.run(abandon)
}

/// Dropping the socket drops hyper's upgraded connection, which closes the TCP stream.
async fn abandon(mut socket: WebSocket) -> Outcome {
    let _first_message = socket.recv().await;
    drop(socket);
    Outcome::Gone
}
