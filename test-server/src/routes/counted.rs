//! `/counted/{key}` echoes, like `/echo`, counts its connections per key and keeps the
//! text it receives; `/counted/{key}/now` answers one text message, `{"open":1,"opened":3}`
//! (open now, ever opened), and `/counted/{key}/received` one with the texts received so
//! far, joined by commas; both then close with 1000. A plain `GET` of
//! `/counted/{key}/count` and `/counted/{key}/texts` answers the same, for a checker
//! outside the browser. Each test uses its own key.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::closing;
use crate::connections::Counts;
use crate::routes::echo::echo_seeing;
use crate::routes::AppState;
use crate::session::WsRequest;

pub async fn handler(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: WsRequest,
) -> Response {
    request.run(move |socket| async move {
        let _counted = state.connections.open(&key);
        echo_seeing(socket, |text| state.connections.record(&key, text)).await
    })
}

pub async fn received_handler(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: WsRequest,
) -> Response {
    let received = state.connections.received(&key).join(",");
    request.run(move |socket| closing::tell(socket, received))
}

pub async fn now_handler(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: WsRequest,
) -> Response {
    let counts = as_json(state.connections.counts(&key));
    request.run(move |socket| closing::tell(socket, counts))
}

/// `GET /counted/{key}/count`: the counts as JSON.
pub async fn count_http(State(state): State<AppState>, Path(key): Path<String>) -> String {
    as_json(state.connections.counts(&key))
}

/// `GET /counted/{key}/texts`: the texts received, joined by commas.
pub async fn texts_http(State(state): State<AppState>, Path(key): Path<String>) -> String {
    state.connections.received(&key).join(",")
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
