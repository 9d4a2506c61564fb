//! `/progress/{id}`: how many messages the `/flood` opened with `?id=` has handed to its
//! connection so far, as one text message, at once.

use axum::extract::ws::WebSocket;
use axum::extract::{Path, State};
use axum::response::Response;

use crate::closing;
use crate::progress::Progress;
use crate::report::Outcome;
use crate::routes::AppState;
use crate::session::WsRequest;

pub async fn handler(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: WsRequest,
) -> Response {
    let progress = state.progress.clone();
    request.run(move |socket| answer(socket, progress, id))
}

async fn answer(socket: WebSocket, progress: Progress, id: String) -> Outcome {
    closing::tell(socket, progress.get(&id).to_string()).await
}
