//! The outcome registry: how a browser test learns what the server saw.
//!
//! A connection opened with `?id=X` records its [`Outcome`] under `X` when it ends; the
//! `/report/X` route waits for that entry. Entries are never removed, so the same id can
//! be asked about again.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::CloseFrame;
use tokio::sync::watch;

/// How a WebSocket connection ended, from the client's side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The client sent a close frame with this code and reason.
    Closed { code: u16, reason: String },
    /// The connection ended without a close frame from the client (TCP closed, error,
    /// or the server dropped it).
    Gone,
}

impl Outcome {
    /// The outcome of a close frame the client sent.
    ///
    /// A close frame without a status code is reported as 1005, as the browser's
    /// `CloseEvent.code` would (RFC 6455 §7.1.5).
    pub fn from_close(frame: Option<CloseFrame>) -> Self {
        match frame {
            Some(frame) => Outcome::Closed {
                code: frame.code,
                reason: frame.reason.as_str().to_owned(),
            },
            None => Outcome::Closed {
                code: 1005,
                reason: String::new(),
            },
        }
    }
}

/// The text `/report/{id}` sends: `close <code> <reason>` or `gone`.
impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Closed { code, reason } => write!(f, "close {code} {reason}"),
            Outcome::Gone => f.write_str("gone"),
        }
    }
}

/// Shared `id -> outcome text` map; cloning shares it.
///
/// A `watch` channel rather than a mutex plus `Notify`: `wait_for` checks the current map
/// before sleeping, so an outcome recorded before the waiter arrives is never missed.
#[derive(Debug, Clone)]
pub struct Reports {
    outcomes: Arc<watch::Sender<HashMap<String, String>>>,
}

impl Default for Reports {
    fn default() -> Self {
        Reports {
            outcomes: Arc::new(watch::Sender::new(HashMap::new())),
        }
    }
}

impl Reports {
    /// Records (or replaces) the outcome for `id` and wakes everyone waiting on it.
    pub fn record(&self, id: &str, outcome: &Outcome) {
        let text = outcome.to_string();
        self.outcomes.send_modify(|outcomes| {
            outcomes.insert(id.to_owned(), text);
        });
    }

    /// Waits up to `limit` for an outcome for `id`; `None` if none arrived in time.
    pub async fn wait_for(&self, id: &str, limit: Duration) -> Option<String> {
        let mut outcomes = self.outcomes.subscribe();
        let found = outcomes.wait_for(|outcomes| outcomes.contains_key(id));
        // Err from `wait_for` needs the sender dropped, which `self` prevents.
        let outcome = match tokio::time::timeout(limit, found).await {
            Ok(Ok(outcomes)) => outcomes.get(id).cloned(),
            Ok(Err(_)) | Err(_) => None,
        };
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_text_matches_what_browser_tests_compare() {
        let closed = Outcome::from_close(Some(CloseFrame {
            code: 3000,
            reason: "done".into(),
        }));
        assert_eq!(closed.to_string(), "close 3000 done");
        assert_eq!(Outcome::from_close(None).to_string(), "close 1005 ");
        assert_eq!(Outcome::Gone.to_string(), "gone");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn an_outcome_recorded_before_the_wait_is_found() {
        let reports = Reports::default();
        reports.record("a", &Outcome::Gone);
        let found = reports.wait_for("a", Duration::from_millis(10)).await;
        assert_eq!(found.as_deref(), Some("gone"));
        // Outcomes stay: asking again gives the same answer.
        let again = reports.wait_for("a", Duration::from_millis(10)).await;
        assert_eq!(again.as_deref(), Some("gone"));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_waiter_wakes_when_its_outcome_arrives() {
        let reports = Reports::default();
        let waiter = {
            let reports = reports.clone();
            tokio::spawn(async move { reports.wait_for("b", Duration::from_secs(5)).await })
        };
        tokio::task::yield_now().await;
        reports.record("other", &Outcome::Gone);
        reports.record("b", &Outcome::from_close(None));
        let found = waiter.await.ok().flatten();
        assert_eq!(found.as_deref(), Some("close 1005 "));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_missing_outcome_times_out() {
        let reports = Reports::default();
        reports.record("other", &Outcome::Gone);
        assert_eq!(reports.wait_for("c", Duration::from_millis(20)).await, None);
    }
}
