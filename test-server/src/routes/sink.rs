//! `/sink` and `/slow/{bytes_per_sec}`: swallow messages and count their bytes, so a test
//! can check that everything it sent arrived; the text message `done` asks for the byte
//! count so far. `/slow` reads no faster than the given rate, so the client's send buffer
//! (its `bufferedAmount`) really fills.

use std::time::Duration;

use axum::extract::ws::{Message, WebSocket};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tokio::time::Instant;

use crate::closing;
use crate::report::Outcome;
use crate::session::WsRequest;

pub async fn handler(request: WsRequest) -> Response {
    request.run(|socket| sink(socket, None))
}

pub async fn slow_handler(Path(rate): Path<String>, request: WsRequest) -> Response {
    match parse_rate(&rate) {
        Some(bytes_per_sec) => request.run(move |socket| sink(socket, Some(bytes_per_sec))),
        None => (
            StatusCode::BAD_REQUEST,
            "bytes_per_sec must be a whole number from 1 up",
        )
            .into_response(),
    }
}

fn parse_rate(text: &str) -> Option<u64> {
    text.parse().ok().filter(|&rate| rate > 0)
}

/// When the reader may take its next message, having read `bytes` since `start`.
fn paced_until(start: Instant, bytes: u64, bytes_per_sec: u64) -> Instant {
    start + Duration::from_secs_f64(bytes as f64 / bytes_per_sec as f64)
}

async fn sink(mut socket: WebSocket, bytes_per_sec: Option<u64>) -> Outcome {
    let start = Instant::now();
    let mut bytes: u64 = 0;
    let mut messages: u64 = 0;
    while let Some(Ok(message)) = socket.recv().await {
        match message {
            Message::Text(text) if text.as_str() == "done" => {
                eprintln!("sink: done after {messages} messages, {bytes} bytes");
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
        if let Some(rate) = bytes_per_sec {
            tokio::time::sleep_until(paced_until(start, bytes, rate)).await;
        }
    }
    Outcome::Gone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_must_be_a_positive_number() {
        assert_eq!(parse_rate("1048576"), Some(1_048_576));
        assert_eq!(parse_rate("0"), None);
        assert_eq!(parse_rate("-1"), None);
        assert_eq!(parse_rate("fast"), None);
    }

    #[test]
    fn pacing_spreads_bytes_over_time() {
        let start = Instant::now();
        assert_eq!(paced_until(start, 0, 100), start);
        assert_eq!(
            paced_until(start, 50, 100),
            start + Duration::from_millis(500)
        );
        assert_eq!(paced_until(start, 300, 100), start + Duration::from_secs(3));
    }
}
