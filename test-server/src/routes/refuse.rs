//! `/refuse/{key}/{k}`: refuses the first `k` handshakes made with `key` (HTTP 503), then
//! accepts and echoes, for backoff tests. Each test uses its own `key`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::routes::echo::echo;
use crate::routes::AppState;
use crate::session::WsRequest;

pub async fn handler(
    State(state): State<AppState>,
    Path((key, k)): Path<(String, String)>,
    request: WsRequest,
) -> Response {
    let Ok(k) = k.parse::<u32>() else {
        return (StatusCode::BAD_REQUEST, "k must be a whole number").into_response();
    };
    let attempt = state.attempts.next(&key);
    if attempt <= k {
        eprintln!("/refuse/{key}/{k}: attempt {attempt} refused");
        return (StatusCode::SERVICE_UNAVAILABLE, "refused").into_response();
    }
    request.run(echo)
}
