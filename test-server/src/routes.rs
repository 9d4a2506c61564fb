//! The route table. Each route's behaviour lives in `routes/<name>.rs`; adding one is a
//! new file plus one line here.

mod close;
mod counted;
mod drop;
mod drop_after;
mod echo;
mod flood;
mod hold;
mod jsonrpc_echo;
mod log;
mod progress;
mod protocols;
mod refuse;
mod reject;
mod report;
mod room;
mod room_rpc;
mod silent;
mod sink;
mod stall;
mod static_files;

use std::path::Path;
use std::sync::Arc;

use axum::routing::get;
use axum::Router;

use crate::attempts::Attempts;
use crate::connections::Connections;
use crate::progress::Progress;
use crate::report::Reports;

/// What the handlers share.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Outcomes of connections opened with `?id=`, for `/report/{id}`.
    pub reports: Reports,
    /// Handshake attempts per key, for `/refuse/{key}/{k}`.
    pub attempts: Attempts,
    /// Connections per key, for `/counted/{key}`.
    pub connections: Connections,
    /// How far each `/flood` with `?id=` has got, for `/progress/{id}`.
    pub progress: Progress,
    /// Directory served at `/` when no route matches; `None` makes that a 404.
    pub static_dir: Option<Arc<Path>>,
}

/// Builds the server's routes; unmatched paths fall through to the static files.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/echo", get(echo::handler))
        .route("/jsonrpc-echo", get(jsonrpc_echo::handler))
        .route("/close/{code}", get(close::handler))
        .route("/flood/{n}/{size}/{kind}", get(flood::handler))
        .route("/sink", get(sink::handler))
        .route("/slow/{bytes_per_sec}", get(sink::slow_handler))
        .route("/protocols", get(protocols::handler))
        .route("/reject", get(reject::handler))
        .route("/drop", get(drop::handler))
        .route("/drop-after/{n}", get(drop_after::handler))
        .route("/hold/{ms}", get(hold::handler))
        .route("/silent", get(silent::handler))
        .route("/refuse/{key}/{k}", get(refuse::handler))
        .route("/stall/{key}/{k}", get(stall::handler))
        .route("/report/{id}", get(report::handler))
        .route("/progress/{id}", get(progress::handler))
        .route("/room/{name}", get(room::handler))
        .route("/room/{name}/rpc", get(room_rpc::handler))
        .route("/counted/{key}", get(counted::handler))
        .route("/counted/{key}/now", get(counted::now_handler))
        .route("/counted/{key}/received", get(counted::received_handler))
        .route("/counted/{key}/count", get(counted::count_http))
        .route("/counted/{key}/texts", get(counted::texts_http))
        .fallback(static_files::handler)
        .layer(axum::middleware::from_fn(log::non_upgrades))
        .with_state(state)
}
