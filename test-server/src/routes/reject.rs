//! `/reject`: refuses the handshake with a plain 403, so the browser sees a failed
//! connection (an `error` event, then close code 1006).

use axum::http::StatusCode;

pub async fn handler() -> (StatusCode, &'static str) {
    (StatusCode::FORBIDDEN, "rejected")
}
