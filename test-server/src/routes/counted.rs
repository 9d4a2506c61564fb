//! `/counted/{key}` echoes, like `/echo`, and counts its connections per key;
//! `/counted/{key}/now` answers one text message, `{"open":1,"opened":3}` (open now, ever
//! opened), and closes with 1000. Each test uses its own key.

use axum::extract::ws::{Message, WebSocket};
use axum::extract::{Path, State};
use axum::response::Response;

use crate::closing;
use crate::connections::Counts;
use crate::report::Outcome;
use crate::routes::echo::echo;
use crate::routes::AppState;
use crate::session::WsRequest;

pub async fn handler(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: WsRequest,
) -> Response {
    request.run(move |socket| async move {
        let _counted = state.connections.open(&key);
        echo(socket).await
    })
}

pub async fn now_handler(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: WsRequest,
) -> Response {
    request.run(move |socket| tell(socket, state.connections.counts(&key)))
}

async fn tell(mut socket: WebSocket, counts: Counts) -> Outcome {
    if socket
        .send(Message::Text(as_json(counts).into()))
        .await
        .is_err()
    {
        return Outcome::Gone;
    }
    closing::close_and_wait(socket, 1000, "").await
}

fn as_json(counts: Counts) -> String {
    format!(r#"{{"open":{},"opened":{}}}"#, counts.open, counts.opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counts_are_json() {
        let counts = Counts { open: 1, opened: 3 };
        assert_eq!(as_json(counts), r#"{"open":1,"opened":3}"#);
    }
}
