//! What every WebSocket route shares: the upgrade, the optional `?id=`, one log line when
//! the connection ends, and recording its outcome in the [`Reports`] registry.

use std::collections::HashMap;
use std::future::Future;

use axum::extract::ws::{WebSocket, WebSocketUpgrade};
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};

use crate::report::{Outcome, Reports};
use crate::routes::AppState;

/// A request to a WebSocket route, not yet upgraded.
///
/// The upgrade is kept as a `Result` so a route can check its path first and answer 400
/// to a bad path whether or not the request is a WebSocket handshake.
#[derive(Debug)]
pub struct WsRequest {
    upgrade: Result<WebSocketUpgrade, Response>,
    id: Option<String>,
    label: String,
    reports: Reports,
}

impl FromRequestParts<AppState> for WsRequest {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let upgrade = WebSocketUpgrade::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response);
        let Query(mut query) = Query::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let label = parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.path().to_owned(), ToString::to_string);
        Ok(WsRequest {
            upgrade,
            id: query.remove("id"),
            label,
            reports: state.reports.clone(),
        })
    }
}

impl WsRequest {
    /// The request's `?id=`, if it had one.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The registry, for routes that read it.
    pub fn reports(&self) -> &Reports {
        &self.reports
    }

    /// Accepts the upgrade with `protocol` as the selected subprotocol.
    pub fn select_protocol(mut self, protocol: HeaderValue) -> Self {
        if let Ok(upgrade) = &mut self.upgrade {
            upgrade.set_selected_protocol(protocol);
        }
        self
    }

    /// Completes the handshake and runs `conversation` on the socket; when it returns,
    /// logs the outcome and records it under the request's `id`, if it had one.
    ///
    /// A request that is not a valid WebSocket handshake gets axum's rejection instead.
    pub fn run<F, Fut>(self, conversation: F) -> Response
    where
        F: FnOnce(WebSocket) -> Fut + Send + 'static,
        Fut: Future<Output = Outcome> + Send + 'static,
    {
        let WsRequest {
            upgrade,
            id,
            label,
            reports,
        } = self;
        let upgrade = match upgrade {
            Ok(upgrade) => upgrade,
            Err(rejection) => return rejection,
        };
        let failed_label = label.clone();
        upgrade
            .on_failed_upgrade(move |error| eprintln!("{failed_label}: upgrade failed: {error}"))
            .on_upgrade(move |socket| async move {
                let outcome = conversation(socket).await;
                eprintln!("{label}: {outcome}");
                if let Some(id) = id {
                    reports.record(&id, &outcome);
                }
            })
    }
}
