//! `use_rpc`: calls with replies over the owner's own connection (feature `rpc`), made
//! `Copy`.

use std::fmt;

use browser_websocket::rpc::{Call, Envelope, Rpc, RpcError};
use browser_websocket::ui::Calls;
use leptos::prelude::{
    Effect, Get, GetUntracked, LocalStorage, Signal, StoredValue, WithValue, on_cleanup,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::use_websocket::in_browser;

/// What [`use_rpc`] returns: a way to make calls on the owner's connection from any
/// closure or action. `Copy`, like a signal.
///
/// ```no_run
/// use browser_websocket_leptos::{use_rpc, JsonRpc};
/// use leptos::prelude::*;
///
/// #[component]
/// fn WhoIsHere() -> impl IntoView {
///     let rpc = use_rpc::<JsonRpc>("/room/lobby/rpc");
///     let members = Action::new_local(move |_: &()| {
///         let call = rpc.call::<Vec<String>>("members", &());
///         async move { call.await.unwrap_or_default() }
///     });
///     view! {
///         <button on:click=move |_| { members.dispatch_local(()); }>"Who is here?"</button>
///         <p>{move || members.value().get().map(|names| names.join(", "))}</p>
///     }
/// }
/// ```
///
/// Typed by the envelope `E`: [`JsonRpc`](crate::JsonRpc) or an app's own
/// [`Envelope`].
pub struct UseRpc<E: 'static> {
    /// The core's connection for calls; `None` on the server, where nothing connects.
    calls: Option<StoredValue<Calls<E>, LocalStorage>>,
}

impl<E: Envelope> UseRpc<E> {
    /// Calls `method` with `params`; the [`Call`] resolves to the result decoded as
    /// `R`. The request goes out now if the connection is open, or when it opens; the
    /// core's [`Rpc::call`]. Make the call in the action's closure (not inside its
    /// future), so that nothing reactive is read across an `await`.
    ///
    /// ```no_run
    /// use browser_websocket_leptos::{JsonRpc, UseRpc};
    /// use leptos::prelude::*;
    ///
    /// # fn run(rpc: UseRpc<JsonRpc>) {
    /// // A call is a future: the action's value is its `Result`.
    /// let members = Action::new_local(move |_: &()| rpc.call::<Vec<String>>("members", &()));
    /// members.dispatch_local(());
    /// # }
    /// ```
    ///
    /// # Errors
    /// The call resolves to an [`RpcError`]; with no connection (on the server, for a URL
    /// the crate cannot use, after the owner was cleaned up) it is [`RpcError::NotConnected`] at
    /// once, never a panic.
    pub fn call<R: DeserializeOwned>(&self, method: &str, params: &impl Serialize) -> Call<R> {
        let call = self
            .calls
            .and_then(|calls| calls.try_with_value(|calls| calls.call(method, params)));
        call.unwrap_or_else(|| Call::from(RpcError::NotConnected))
    }
}

impl<E: 'static> UseRpc<E> {
    /// The core crate's [`Rpc`] of the moment, for what this type does not offer
    /// (notifications, the default timeout, the socket's status); `None` when there is no
    /// connection. A clone held past the owner's cleanup keeps the socket open: let it go.
    ///
    /// ```no_run
    /// # fn run(rpc: browser_websocket_leptos::UseRpc<browser_websocket_leptos::JsonRpc>) {
    /// if let Some(rpc) = rpc.rpc() {
    ///     leptos::logging::log!("{} calls in progress", rpc.in_progress());
    /// }
    /// # }
    /// ```
    pub fn rpc(&self) -> Option<Rpc<E>> {
        self.calls?.try_with_value(Calls::rpc).flatten()
    }
}

impl<E: 'static> Clone for UseRpc<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: 'static> Copy for UseRpc<E> {}

impl<E: 'static> fmt::Debug for UseRpc<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let calls = self
            .calls
            .and_then(|calls| calls.try_with_value(Calls::clone));
        f.debug_struct("UseRpc").field("calls", &calls).finish()
    }
}

/// Makes calls over a connection of its own to `url` for as long as the current reactive
/// owner (the component calling it) lives: a reconnecting socket with the default policy,
/// read by the core's [`Rpc`] in the envelope `E`.
///
/// ```no_run
/// use browser_websocket_leptos::{use_rpc, JsonRpc};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Members(room: Signal<String>) -> impl IntoView {
///     // A new room closes the old connection and opens a new one.
///     let rpc = use_rpc::<JsonRpc>(Signal::derive(move || format!("/room/{}/rpc", room.get())));
///     let members = Action::new_local(move |_: &()| {
///         let call = rpc.call::<Vec<String>>("members", &());
///         async move { call.await.unwrap_or_default() }
///     });
///     // Right away: the call waits for the connection, then goes out.
///     members.dispatch_local(());
///     view! { <p>{move || members.value().get().map(|names| names.join(", "))}</p> }
/// }
/// ```
///
/// # Lifecycle
/// - In the browser it connects once, when called, so a call right away waits for the
///   connection rather than failing; it connects again only when the `url` signal
///   changes (the old connection closes first, and its calls in progress end with
///   [`RpcError::Closed`]).
/// - When the owner is cleaned up, the `Rpc` is dropped: the socket closes with 1000, its
///   listeners and timers go, and every call in progress ends with [`RpcError::Closed`].
/// - With the `ssr` feature, and on any target but wasm32, it never connects: every call
///   ends at once with [`RpcError::NotConnected`].
///
/// The `Rpc` takes over its socket's messages, so it needs a connection of its own: not
/// the one of [`use_websocket`](crate::use_websocket).
pub fn use_rpc<E: Envelope>(url: impl Into<Signal<String>>) -> UseRpc<E> {
    let url = url.into();
    // Browser-only values live in local storage, made only where they are used.
    UseRpc {
        calls: in_browser().then(|| start::<E>(url)),
    }
}

/// Connects now, again whenever `url` changes, and lets go when the owner is cleaned up.
fn start<E: Envelope>(url: Signal<String>) -> StoredValue<Calls<E>, LocalStorage> {
    let calls = Calls::<E>::new();
    // Now, during the body, so that a call made right away waits for this connection.
    calls.connect(&url.get_untracked());
    let calls = StoredValue::new_local(calls);
    // Then on every other URL; the first run (a tick later) sees the same URL, which
    // `connect` leaves alone.
    Effect::watch(
        move || url.get(),
        move |url: &String, _, _| {
            calls.try_with_value(|calls| calls.connect(url));
        },
        true,
    );
    // The socket closes with 1000 and its listeners go right here.
    on_cleanup(move || {
        calls.try_with_value(Calls::stop);
    });
    calls
}
