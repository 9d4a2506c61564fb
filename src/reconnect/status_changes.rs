//! A stream of a reconnecting socket's status changes.

use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_core::Stream;

use super::outlet::Outlet;
use crate::connection_status::ConnectionStatus;

/// Each change of a reconnecting socket's [`ConnectionStatus`], starting with the current
/// one; from [`status_changes`](crate::ReconnectHandle::status_changes).
///
/// It holds the latest status only (a status bar needs no history): a change that is
/// overtaken before the stream is polled is skipped. It ends after `Closed`. For a
/// connection [shared across tabs](crate::ReconnectingBuilder::shared_across_tabs) it
/// also yields (the same status again) when this tab's
/// [`role`](crate::ReconnectHandle::role) or the number of
/// [`tabs`](crate::ReconnectHandle::tabs) changes, so that a UI showing them renders.
///
/// ```no_run
/// # async fn run(ws: browser_websocket::ReconnectingWebSocket) {
/// use futures_util::StreamExt;
///
/// let mut changes = ws.status_changes();
/// wasm_bindgen_futures::spawn_local(async move {
///     while let Some(status) = changes.next().await {
///         println!("status: {status}");
///     }
/// });
/// # }
/// ```
#[derive(Debug)]
#[must_use = "a status stream does nothing unless polled"]
pub struct StatusChanges {
    outlet: Rc<dyn Outlet>,
    seen: Option<u64>,
    ended: bool,
}

impl StatusChanges {
    pub(crate) fn new(outlet: Rc<dyn Outlet>) -> StatusChanges {
        StatusChanges {
            outlet,
            seen: None,
            ended: false,
        }
    }
}

impl Stream for StatusChanges {
    type Item = ConnectionStatus;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<ConnectionStatus>> {
        let this = self.get_mut();
        if this.ended {
            return Poll::Ready(None);
        }
        let version = this.outlet.status_version();
        if this.seen == Some(version) {
            this.outlet.wait_for_status(cx.waker());
            return Poll::Pending;
        }
        this.seen = Some(version);
        let status = this.outlet.status();
        this.ended = status.is_closed();
        Poll::Ready(Some(status))
    }
}
