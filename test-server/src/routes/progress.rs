//! `/progress/{id}`: how many messages the `/flood` opened with `?id=` has handed to its
//! connection so far, as one text message, at once.

use axum::extract::ws::{Message, WebSocket};
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

async fn answer(mut socket: WebSocket, progress: Progress, id: String) -> Outcome {
    let text = progress.get(&id).to_string();
    if socket.send(Message::Text(text.into())).await.is_err() {
        return Outcome::Gone;
    }
    closing::close_and_wait(socket, 1000, "").await
}
