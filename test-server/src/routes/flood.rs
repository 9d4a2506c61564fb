//! `/flood/{n}/{size}/{text|binary}`: sends `n` numbered messages of `size` bytes as fast
//! as the connection takes them, then closes with 1000 "flood done".

use axum::extract::ws::{Message, WebSocket};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use futures_util::SinkExt;

use crate::closing;
use crate::payload::{flood_binary, flood_text, text_digits};
use crate::progress::Progress;
use crate::report::Outcome;
use crate::routes::AppState;
use crate::session::WsRequest;

/// Largest message the route will build: a typo like `/flood/1/99999999999/binary` gets
/// a 400, not an allocation failure that kills the server for every other test.
const MAX_SIZE: usize = 64 * 1024 * 1024;

/// Whether the flood is of text or binary messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Binary,
}

/// A validated flood request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flood {
    pub count: u64,
    pub size: usize,
    pub kind: Kind,
}

pub async fn handler(
    State(state): State<AppState>,
    Path((count, size, kind)): Path<(String, String, String)>,
    request: WsRequest,
) -> Response {
    let tracked = request
        .id()
        .map(|id| (state.progress.clone(), id.to_owned()));
    match Flood::parse(&count, &size, &kind) {
        Ok(flood) => request.run(move |socket| send(socket, flood, tracked)),
        Err(message) => (StatusCode::BAD_REQUEST, message).into_response(),
    }
}

impl Flood {
    /// Validates the three path parts; the error says which one is wrong.
    ///
    /// Text messages must have room for the largest index, `count - 1`, in decimal.
    pub fn parse(count: &str, size: &str, kind: &str) -> Result<Flood, String> {
        let count: u64 = count
            .parse()
            .map_err(|_| format!("count {count:?} is not a non-negative integer"))?;
        let size: usize = size
            .parse()
            .map_err(|_| format!("size {size:?} is not a non-negative integer"))?;
        if size > MAX_SIZE {
            return Err(format!("size {size} is over the limit of {MAX_SIZE} bytes"));
        }
        let kind = match kind {
            "text" => Kind::Text,
            "binary" => Kind::Binary,
            _ => return Err(format!("kind {kind:?} is neither \"text\" nor \"binary\"")),
        };
        if let (Kind::Text, Some(last)) = (kind, count.checked_sub(1)) {
            if text_digits(last) > size {
                return Err(format!(
                    "size {size} is too small for index {last} in decimal"
                ));
            }
        }
        Ok(Flood { count, size, kind })
    }

    /// Message `i` of this flood.
    fn message(&self, i: u64) -> Message {
        match self.kind {
            Kind::Text => Message::Text(flood_text(i, self.size).into()),
            Kind::Binary => Message::Binary(flood_binary(i, self.size).into()),
        }
    }
}

/// Queues every message without a flush each (tungstenite writes out its buffer as it
/// fills), flushes once, then closes. With `tracked`, records after each message how many
/// have been handed on: a client that stops reading stops that count.
async fn send(mut socket: WebSocket, flood: Flood, tracked: Option<(Progress, String)>) -> Outcome {
    for i in 0..flood.count {
        if socket.feed(flood.message(i)).await.is_err() {
            return Outcome::Gone;
        }
        if let Some((progress, id)) = &tracked {
            progress.set(id, i + 1);
        }
    }
    if socket.flush().await.is_err() {
        return Outcome::Gone;
    }
    closing::close_and_wait(socket, 1000, "flood done").await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_paths_parse() {
        let flood = Flood::parse("100000", "16", "text");
        assert_eq!(
            flood,
            Ok(Flood {
                count: 100_000,
                size: 16,
                kind: Kind::Text
            })
        );
        let flood = Flood::parse("3", "8", "binary");
        assert_eq!(
            flood,
            Ok(Flood {
                count: 3,
                size: 8,
                kind: Kind::Binary
            })
        );
    }

    #[test]
    fn text_size_must_fit_the_last_index() {
        assert!(Flood::parse("10", "1", "text").is_ok());
        assert!(Flood::parse("11", "1", "text").is_err());
        assert!(Flood::parse("1", "0", "text").is_err());
        // Nothing is sent, so no index has to fit.
        assert!(Flood::parse("0", "0", "text").is_ok());
        // Binary has no such rule: any size works.
        assert!(Flood::parse("1000", "0", "binary").is_ok());
    }

    #[test]
    fn bad_parts_are_errors() {
        assert!(Flood::parse("-1", "16", "text").is_err());
        assert!(Flood::parse("x", "16", "text").is_err());
        assert!(Flood::parse("1", "16.5", "text").is_err());
        assert!(Flood::parse("1", "16", "Text").is_err());
        assert!(Flood::parse("1", "16", "blob").is_err());
        assert!(Flood::parse("1", "99999999999999999999999", "binary").is_err());
        assert!(Flood::parse("1", &(MAX_SIZE + 1).to_string(), "binary").is_err());
    }
}
