//! One stderr line per plain HTTP answer (403, 404, 400, static files), to read when a
//! browser test fails. WebSocket connections log their own line when they end.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

pub async fn non_upgrades(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let target = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_owned(), ToString::to_string);
    let response = next.run(request).await;
    if response.status() != StatusCode::SWITCHING_PROTOCOLS {
        eprintln!("{method} {target}: {}", response.status());
    }
    response
}
