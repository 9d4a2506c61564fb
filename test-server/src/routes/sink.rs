//! `/sink`: swallows messages and counts their bytes, so a test can check that everything
//! it sent arrived; the text message `done` asks for the byte count so far.

use axum::extract::ws::{Message, WebSocket};
use axum::response::Response;

use crate::closing;
use crate::report::Outcome;
use crate::session::WsRequest;

pub async fn handler(request: WsRequest) -> Response {
    request.run(sink)
}

async fn sink(mut socket: WebSocket) -> Outcome {
    let mut bytes: u64 = 0;
    let mut messages: u64 = 0;
    while let Some(Ok(message)) = socket.recv().await {
        match message {
            Message::Text(text) if text.as_str() == "done" => {
                eprintln!("/sink: done after {messages} messages, {bytes} bytes");
                if socket
                    .send(Message::Text(bytes.to_string().into()))
                    .await
                    .is_err()
                {
                    return Outcome::Gone;
                }
            }
            Message::Text(text) => {
                bytes += text.len() as u64;
                messages += 1;
            }
            Message::Binary(data) => {
                bytes += data.len() as u64;
                messages += 1;
            }
            Message::Close(frame) => return closing::finish_client_close(&mut socket, frame).await,
            Message::Ping(_) | Message::Pong(_) => {}
        }
    }
    Outcome::Gone
}
