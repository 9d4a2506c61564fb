//! `use_rpc`: calls with replies over a component's own connection (feature `rpc`).

use std::fmt;

use browser_websocket::rpc::{Call, Envelope, Rpc, RpcError};
use browser_websocket::ui::Calls;
use serde::Serialize;
use serde::de::DeserializeOwned;
use yew::prelude::*;

/// What [`use_rpc`] returns: a way to make calls on the component's connection, from any
/// callback. Cloning is cheap, and every clone (from any render) makes its calls on the
/// connection of the moment.
///
/// ```no_run
/// use browser_websocket_yew::{use_rpc, JsonRpc};
/// use yew::prelude::*;
///
/// #[function_component]
/// fn WhoIsHere() -> Html {
///     let rpc = use_rpc::<JsonRpc>("/room/lobby/rpc");
///     let members = use_state(Vec::<String>::new);
///     let onclick = {
///         let (rpc, members) = (rpc.clone(), members.clone());
///         move |_| {
///             let members = members.clone();
///             rpc.call_then("members", &(), move |result| {
///                 members.set(result.unwrap_or_default());
///             });
///         }
///     };
///     html! {
///         <>
///             <button {onclick}>{ "Who is here?" }</button>
///             <ul>{ for members.iter().map(|name| html! { <li>{ name }</li> }) }</ul>
///         </>
///     }
/// }
/// ```
///
/// Typed by the envelope `E`: [`JsonRpc`](crate::JsonRpc) or an app's own
/// [`Envelope`].
pub struct UseRpc<E> {
    /// The core's connection for calls; not connected before the first effect, on the
    /// server, for a URL the crate cannot use, and after an unmount.
    calls: Calls<E>,
}

impl<E: Envelope> UseRpc<E> {
    /// Calls `method` with `params`; the [`Call`] resolves to the result decoded as
    /// `R`. The request goes out now if the connection is open, or when it opens; the
    /// core's [`Rpc::call`].
    ///
    /// ```no_run
    /// use browser_websocket_yew::{JsonRpc, UseRpc};
    /// use yew::platform::spawn_local;
    ///
    /// # fn run(rpc: UseRpc<JsonRpc>) {
    /// let rpc = rpc.clone();
    /// spawn_local(async move {
    ///     match rpc.call::<Vec<String>>("members", &()).await {
    ///         Ok(members) => println!("{}", members.join(", ")),
    ///         Err(error) => println!("no list: {error}"),
    ///     }
    /// });
    /// # }
    /// ```
    ///
    /// # Errors
    /// The call resolves to an [`RpcError`]; with no connection (on the server, before
    /// the hook's effect ran, for a URL the crate cannot use, after an unmount) it is
    /// [`RpcError::NotConnected`] at once, never a panic.
    pub fn call<R: DeserializeOwned>(&self, method: &str, params: &impl Serialize) -> Call<R> {
        self.calls.call(method, params)
    }

    /// Calls `method` with `params` and hands the outcome to `then` when it is there: a
    /// call from a callback with no `spawn_local` of your own, e.g. into a
    /// [`UseStateHandle`]. With no connection, `then` runs at once with
    /// [`RpcError::NotConnected`].
    ///
    /// ```no_run
    /// use browser_websocket_yew::{JsonRpc, RpcError, UseRpc};
    /// use yew::prelude::*;
    ///
    /// # fn run(rpc: UseRpc<JsonRpc>, members: UseStateHandle<Option<Result<Vec<String>, RpcError>>>) {
    /// let refresh = {
    ///     let rpc = rpc.clone();
    ///     Callback::from(move |_: MouseEvent| {
    ///         let members = members.clone();
    ///         rpc.call_then("members", &(), move |result| members.set(Some(result)));
    ///     })
    /// };
    /// # }
    /// ```
    ///
    /// The call has the default timeout ([`Rpc::DEFAULT_TIMEOUT`]); for another one, await
    /// [`call`](UseRpc::call) with [`Call::timeout`] in a task of your own.
    pub fn call_then<R, F>(&self, method: &str, params: &impl Serialize, then: F)
    where
        R: DeserializeOwned + 'static,
        F: FnOnce(Result<R, RpcError>) + 'static,
    {
        match self.rpc() {
            Some(rpc) => {
                let call = rpc.call::<R>(method, params);
                yew::platform::spawn_local(async move { then(call.await) });
            }
            // Not spawned: on the server there may be no runtime to spawn on.
            None => then(Err(RpcError::NotConnected)),
        }
    }
}

impl<E> UseRpc<E> {
    /// The core crate's [`Rpc`] of the moment, for what this type does not offer
    /// (notifications, the default timeout, the socket's status); `None` when there is no
    /// connection. A clone held past an unmount keeps the socket open: let it go.
    ///
    /// ```no_run
    /// # fn run(rpc: browser_websocket_yew::UseRpc<browser_websocket_yew::JsonRpc>) {
    /// if let Some(rpc) = rpc.rpc() {
    ///     println!("{} calls in progress, status {}", rpc.in_progress(), rpc.handle().status());
    /// }
    /// # }
    /// ```
    pub fn rpc(&self) -> Option<Rpc<E>> {
        self.calls.rpc()
    }
}

impl<E> Clone for UseRpc<E> {
    fn clone(&self) -> Self {
        UseRpc {
            calls: self.calls.clone(),
        }
    }
}

/// The same component's hook: equal across renders, so it never causes a re-render as a
/// prop.
impl<E> PartialEq for UseRpc<E> {
    fn eq(&self, other: &Self) -> bool {
        self.calls.ptr_eq(&other.calls)
    }
}

impl<E> fmt::Debug for UseRpc<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UseRpc")
            .field("url", &self.calls.url())
            .field("rpc", &self.rpc())
            .finish()
    }
}

/// Makes calls over a connection of its own to `url` while the component is mounted: a
/// reconnecting socket with the default policy, read by the core's [`Rpc`] in the
/// envelope `E`.
///
/// ```no_run
/// use browser_websocket_yew::{use_rpc, JsonRpc};
/// use yew::prelude::*;
///
/// #[function_component]
/// fn Members() -> Html {
///     let rpc = use_rpc::<JsonRpc>("/room/lobby/rpc"); // relative: same host
///     let members = use_state(Vec::<String>::new);
///     {
///         // On mount: the call waits for the connection, then goes out.
///         let (rpc, members) = (rpc.clone(), members.clone());
///         use_effect_with((), move |()| {
///             rpc.call_then("members", &(), move |result| members.set(result.unwrap_or_default()));
///         });
///     }
///     html! { <p>{ members.join(", ") }</p> }
/// }
/// ```
///
/// # Lifecycle
/// - It connects after the first render (in an effect), and again only when `url`
///   changes (the old connection closes first, and its calls in progress end with
///   [`RpcError::Closed`]). Re-renders never reconnect.
/// - Unmounting drops the `Rpc`: the socket closes with 1000, its listeners and timers
///   go, and every call in progress ends with [`RpcError::Closed`].
/// - On the server (`ssr`) effects do not run, and on any target but wasm32 it never
///   connects: every call ends at once with [`RpcError::NotConnected`].
///
/// The `Rpc` takes over its socket's messages, so it needs a connection of its own: not
/// the one of [`use_websocket`](crate::use_websocket).
#[hook]
pub fn use_rpc<E: Envelope>(url: &str) -> UseRpc<E> {
    let calls = (*use_memo((), |()| Calls::<E>::new())).clone();
    {
        let calls = calls.clone();
        use_effect_with(url.to_owned(), move |url| {
            calls.connect(url);
            // Unmount or a new URL: the socket closes and its listeners go right here.
            move || calls.stop()
        });
    }
    UseRpc { calls }
}
