//! `/stall/{key}/{k}`: the first `k` handshakes made with `key` are accepted on TCP but
//! never answered, then it accepts and echoes, for connect-timeout tests. Each test uses
//! its own `key`.

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
        eprintln!("/stall/{key}/{k}: attempt {attempt} left unanswered");
        // Holds the request until the client gives up and the connection is dropped.
        std::future::pending::<()>().await;
    }
    request.run(echo)
}
