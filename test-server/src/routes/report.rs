//! `/report/{id}`: tells a browser test how the connection it opened with `?id=` ended,
//! as one text message (`close <code> <reason>`, `gone`, or `timeout`).

use std::time::Duration;

use axum::extract::ws::WebSocket;
use axum::extract::Path;
use axum::response::Response;

use crate::closing;
use crate::report::{Outcome, Reports};
use crate::session::WsRequest;

/// How long to wait for the outcome. The test usually asks right after closing, before
/// the server has seen the close frame, so an absent outcome is waited for, not an error.
const OUTCOME_WAIT: Duration = Duration::from_secs(10);

pub async fn handler(Path(id): Path<String>, request: WsRequest) -> Response {
    let reports = request.reports().clone();
    request.run(move |socket| answer(socket, reports, id))
}

async fn answer(socket: WebSocket, reports: Reports, id: String) -> Outcome {
    let text = reports
        .wait_for(&id, OUTCOME_WAIT)
        .await
        .unwrap_or_else(|| "timeout".to_owned());
    closing::tell(socket, text).await
}
