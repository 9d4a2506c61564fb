//! `use_rpc`: calls with replies over a connection of the component's own (feature `rpc`).

use std::fmt;

use browser_websocket::rpc::{Call, Envelope, Rpc, RpcError};
use browser_websocket::ui::Calls;
use dioxus::core::{use_drop, use_hook};
use dioxus::hooks::{use_effect, use_reactive};
use dioxus::signals::{CopyValue, ReadableExt};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::use_websocket::in_browser;

/// What [`use_rpc`] returns: the way to make calls on the component's connection.
/// `Copy`, so it moves into any handler or `spawn`ed task; a call is a future.
///
/// ```no_run
/// use browser_websocket_dioxus::{use_rpc, JsonRpc, RpcError};
/// use dioxus::prelude::*;
///
/// #[component]
/// fn WhoIsHere() -> Element {
///     let rpc = use_rpc::<JsonRpc>("/room/lobby/rpc");
///     let mut members = use_signal(|| None::<Result<Vec<String>, RpcError>>);
///     let ask = move |_| {
///         spawn(async move {
///             members.set(Some(rpc.call::<Vec<String>>("members", &()).await));
///         });
///     };
///     rsx! {
///         button { onclick: ask, "Who is here?" }
///         match &*members.read() {
///             Some(Ok(names)) => rsx! { p { {names.join(", ")} } },
///             Some(Err(error)) => rsx! { p { "no list: {error}" } },
///             None => rsx! {},
///         }
///     }
/// }
/// ```
pub struct UseRpc<E: 'static> {
    /// The core's connection for calls, owned by the component; `None` where nothing
    /// connects.
    calls: Option<CopyValue<Calls<E>>>,
}

impl<E: Envelope> UseRpc<E> {
    /// Calls `method` with `params` and resolves to the reply's result, decoded as `R`;
    /// `.timeout(duration)` sets how long it may take.
    ///
    /// ```no_run
    /// # async fn run(rpc: browser_websocket_dioxus::UseRpc<browser_websocket_dioxus::JsonRpc>) {
    /// use std::time::Duration;
    ///
    /// let sum = rpc.call::<i64>("add", &(1, 2)).timeout(Duration::from_secs(5)).await;
    /// # }
    /// ```
    ///
    /// # Errors
    /// The call resolves to an [`RpcError`], never hangs: `Timeout`, `Disconnected`,
    /// `Remote` (the server's error), and `NotConnected` at once when there is no
    /// connection (on the server, after the component unmounted, for a bad URL).
    pub fn call<R: DeserializeOwned>(&self, method: &str, params: &impl Serialize) -> Call<R> {
        match self.calls() {
            Some(calls) => calls.call(method, params),
            None => Call::from(RpcError::NotConnected),
        }
    }
}

impl<E: 'static> UseRpc<E> {
    /// The core's [`Rpc`], for what this type does not offer (notifications, the
    /// socket's handle); `None` when there is no connection.
    ///
    /// ```no_run
    /// # fn run(rpc: browser_websocket_dioxus::UseRpc<browser_websocket_dioxus::JsonRpc>) {
    /// if let Some(rpc) = rpc.rpc() {
    ///     println!("{rpc:?}");
    /// }
    /// # }
    /// ```
    pub fn rpc(&self) -> Option<Rpc<E>> {
        self.calls()?.rpc()
    }

    /// The core's connection, while the component is mounted.
    fn calls(&self) -> Option<Calls<E>> {
        Some(self.calls?.try_peek().ok()?.clone())
    }
}

impl<E: 'static> Clone for UseRpc<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: 'static> Copy for UseRpc<E> {}

/// The URL and the connection's [`Rpc`].
impl<E: 'static> fmt::Debug for UseRpc<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UseRpc")
            .field("calls", &self.calls())
            .finish()
    }
}

/// Makes calls to `url` (JSON-RPC 2.0 with [`JsonRpc`](crate::JsonRpc), or an app's own
/// [`Envelope`]) over a reconnecting connection of the calling component's own, for as
/// long as it is mounted; not the one of [`use_websocket`](crate::use_websocket), as
/// the core's [`Rpc`] takes its socket over.
///
/// ```no_run
/// use browser_websocket_dioxus::{use_rpc, JsonRpc};
/// use dioxus::prelude::*;
///
/// #[component]
/// fn Sum() -> Element {
///     let rpc = use_rpc::<JsonRpc>("/calc");
///     let mut sum = use_signal(|| None::<i64>);
///     let add = move |_| {
///         spawn(async move { sum.set(rpc.call("add", &(1, 2)).await.ok()) });
///     };
///     rsx! { button { onclick: add, "1 + 2 = {sum:?}" } }
/// }
/// ```
///
/// # Lifecycle
/// In the browser it connects during the first render (a call made right away waits for
/// the connection), again when a render passes another `url` (the old socket closes
/// first), and the socket closes with 1000 when the component unmounts. With `ssr` or
/// `server`, and on any target but wasm32, it never connects: calls resolve to
/// `RpcError::NotConnected` at once.
pub fn use_rpc<E: Envelope>(url: impl Into<String>) -> UseRpc<E> {
    let url = url.into();
    let handle = use_hook(|| UseRpc {
        calls: in_browser().then(|| {
            let calls = Calls::new();
            // Now, so that a call made during the first render waits for this connection.
            calls.connect(&url);
            CopyValue::new(calls)
        }),
    });
    // A later URL, after the render that passed it; the first run sees the same URL,
    // which `connect` leaves alone.
    use_effect(use_reactive((&url,), move |(url,)| {
        if let Some(calls) = handle.calls() {
            calls.connect(&url);
        }
    }));
    // The socket closes with 1000 and its listeners go right here.
    use_drop(move || {
        if let Some(calls) = handle.calls() {
            calls.stop();
        }
    });
    handle
}
