//! `use_websocket`: one connection per reactive owner, as signals and a `Copy` sender.

use std::fmt;

use browser_websocket::ui::{Change, Session, Sharing};
use browser_websocket::{Codec, ConnectionStatus, Error, Sent};
use leptos::prelude::{
    Effect, Get, GetUntracked, RwSignal, Set, Signal, StoredValue, Update, WithUntracked,
    WithValue, on_cleanup,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Sender, UseWebSocketOptions};

/// What [`use_websocket`] returns: signals for the status, the offline queue's length
/// and every message received, and a `Copy` sender. `Copy` itself, like a signal.
///
/// ```no_run
/// use browser_websocket_leptos::{use_websocket, Json};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Status() -> impl IntoView {
///     let chat = use_websocket::<String, String, Json>("/room/lobby");
///     view! {
///         <p>
///             {move || chat.status.get().to_string()} // "open", "retry 2 in 1.4 s", ...
///             {move || format!(" · {} messages", chat.messages.with(Vec::len))}
///             {move || format!(" · {} waiting", chat.queued.get())}
///         </p>
///     }
/// }
/// ```
///
/// Typed by `In` (what arrives), `Out` (what is sent) and `C`, the codec
/// ([`Json`](crate::Json) or [`Postcard`](crate::Postcard)).
#[non_exhaustive]
pub struct UseWebSocket<In: Send + Sync + 'static, Out: 'static, C: 'static> {
    /// What the connection is doing: `Connecting`, `Open`, `Waiting { attempt, retry_in }`
    /// (re-read every 100 ms by default while waiting, so it counts down),
    /// `Reconnecting`, `Closed(why)`. Its `Display` is short English for a status line.
    /// `Connecting` on the server.
    pub status: Signal<ConnectionStatus>,
    /// How many sends wait for the connection (in the offline queue).
    pub queued: Signal<usize>,
    /// Which tab holds the connection and how many tabs use it, for one
    /// [shared across tabs](UseWebSocketOptions::shared_across_tabs); `Leader` of 1 for a
    /// connection of the tab's own. Its `Display` is short English for a status line.
    pub sharing: Signal<Sharing>,
    /// Every message received since the component was created, oldest first: an
    /// append-only list (bounded by [`keep_last`](UseWebSocketOptions::keep_last)),
    /// never a latest value that a burst overwrites. Read it with `.with(..)` to avoid a
    /// copy.
    pub messages: Signal<Vec<In>>,
    /// Sends on this connection; see [`Sender::send`].
    pub sender: Sender<Out, C>,
}

impl<In: Send + Sync + 'static, Out: Serialize + 'static, C: Codec + 'static>
    UseWebSocket<In, Out, C>
{
    /// Encodes `value` and sends it now, or queues it until the connection is back; see
    /// [`Sender::send`].
    ///
    /// ```no_run
    /// # fn run(chat: browser_websocket_leptos::UseWebSocket<String, String, browser_websocket_leptos::Json>) {
    /// match chat.send(&"hi".to_owned()) {
    ///     Ok(sent) => leptos::logging::log!("{sent:?}"),
    ///     Err(error) => leptos::logging::log!("not sent: {error}"),
    /// }
    /// # }
    /// ```
    ///
    /// # Errors
    /// As [`Sender::send`]: no connection, a full queue, or a value `C` cannot encode.
    pub fn send(&self, value: &Out) -> Result<Sent, Error> {
        self.sender.send(value)
    }
}

impl<In: Send + Sync + 'static, Out: 'static, C: 'static> Clone for UseWebSocket<In, Out, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<In: Send + Sync + 'static, Out: 'static, C: 'static> Copy for UseWebSocket<In, Out, C> {}

impl<In: Send + Sync + 'static, Out: 'static, C: 'static> fmt::Debug for UseWebSocket<In, Out, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UseWebSocket")
            .field("status", &self.status)
            .field("queued", &self.queued)
            .field("sharing", &self.sharing)
            .field("messages", &self.messages)
            .field("sender", &self.sender)
            .finish()
    }
}

/// Connects to `url` for as long as the current reactive owner (the component calling
/// it) lives: a reconnecting socket with the default policy, whose messages are decoded
/// by `C` into `In`, and which sends `Out`.
///
/// ```no_run
/// use browser_websocket_leptos::{use_websocket, Json};
/// use leptos::prelude::*;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize, Clone)]
/// struct Line { from: String, text: String }
///
/// #[component]
/// fn Chat() -> impl IntoView {
///     let chat = use_websocket::<Line, Line, Json>("/room/lobby"); // relative: same host
///     let say_hi = move |_| {
///         let _ = chat.send(&Line { from: "me".into(), text: "hi".into() });
///     };
///     view! {
///         <p>{move || chat.status.get().to_string()}</p>
///         <ul>
///             {move || chat.messages.with(|lines| {
///                 lines.iter().map(|line| view! { <li>{line.text.clone()}</li> }).collect_view()
///             })}
///         </ul>
///         <button on:click=say_hi>"Say hi"</button>
///     }
/// }
/// ```
///
/// # Lifecycle
/// - In the browser it connects once, when called (a component body runs once), so a
///   send right away is queued rather than refused; it connects again only when the
///   `url` signal changes (the old connection closes first).
/// - When the owner is cleaned up (the component unmounts, the route changes), the
///   socket closes with 1000 and every listener and timer goes, at once.
/// - With the `ssr` feature, and on any target but wasm32, it never connects: the
///   signals stay at `Connecting`, no messages, 0 queued, which is also what the client
///   renders first, so hydration matches. When the client hydrates, the component body
///   runs there and only the browser connects.
///
/// # Nothing lost
/// Every message is appended to [`messages`](UseWebSocket::messages) in order; a burst is
/// one signal update (or a few). Sends while disconnected are queued (or refused with an
/// error), never dropped.
pub fn use_websocket<In, Out, C>(url: impl Into<Signal<String>>) -> UseWebSocket<In, Out, C>
where
    In: DeserializeOwned + Send + Sync + 'static,
    Out: 'static,
    C: Codec + 'static,
{
    use_websocket_with(url, UseWebSocketOptions::default())
}

/// [`use_websocket`] with options: how to connect, how many messages to keep, callbacks.
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::ReconnectPolicy;
/// use browser_websocket_leptos::{use_websocket_with, Json, UseWebSocketOptions};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Chat(room: Signal<String>) -> impl IntoView {
///     let url = Signal::derive(move || format!("/room/{}", room.get()));
///     let chat = use_websocket_with::<String, String, Json>(
///         url, // a new room closes the old connection and opens a new one
///         UseWebSocketOptions::default()
///             .policy(ReconnectPolicy::default().max_delay(Duration::from_secs(5)))
///             .keep_last(200),
///     );
///     view! { <p>{move || chat.status.get().to_string()}</p> }
/// }
/// ```
pub fn use_websocket_with<In, Out, C>(
    url: impl Into<Signal<String>>,
    options: UseWebSocketOptions<In>,
) -> UseWebSocket<In, Out, C>
where
    In: DeserializeOwned + Send + Sync + 'static,
    Out: 'static,
    C: Codec + 'static,
{
    let url = url.into();
    let signals = Signals {
        status: RwSignal::new(ConnectionStatus::Connecting),
        queued: RwSignal::new(0),
        sharing: RwSignal::new(Sharing::default()),
        messages: RwSignal::new(Vec::new()),
    };
    // Browser-only values live in local storage, which is made only where it is used:
    // a server may render on many threads.
    let sender =
        in_browser().then(|| StoredValue::new_local(start::<In, Out, C>(url, options, signals)));
    UseWebSocket {
        status: signals.status.into(),
        queued: signals.queued.into(),
        sharing: signals.sharing.into(),
        messages: signals.messages.into(),
        sender: Sender { sender },
    }
}

/// Whether this build talks to a browser: wasm32, and not the server side of SSR.
pub(crate) fn in_browser() -> bool {
    cfg!(all(target_arch = "wasm32", not(feature = "ssr")))
}

/// The signals a session writes.
struct Signals<In: Send + Sync + 'static> {
    status: RwSignal<ConnectionStatus>,
    queued: RwSignal<usize>,
    sharing: RwSignal<Sharing>,
    messages: RwSignal<Vec<In>>,
}

impl<In: Send + Sync + 'static> Clone for Signals<In> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<In: Send + Sync + 'static> Copy for Signals<In> {}

/// Connects now, again whenever `url` changes, and stops when the owner is cleaned up;
/// the session's sender is for the view.
fn start<In, Out, C>(
    url: Signal<String>,
    options: UseWebSocketOptions<In>,
    signals: Signals<In>,
) -> browser_websocket::ui::Sender<Out, C>
where
    In: DeserializeOwned + Send + Sync + 'static,
    Out: 'static,
    C: Codec + 'static,
{
    let session = Session::<In, Out, C>::new(options, move |change| apply(change, signals));
    // Now, during the body, so that a send made right away is queued.
    session.connect(&url.get_untracked());
    let sender = session.sender();
    let session = StoredValue::new_local(session);
    // Then on every other URL; the session ignores the URL it is connected to, which is
    // what the effect's first run (a tick later) sees.
    Effect::watch(
        move || url.get(),
        move |url: &String, _, _| session.with_value(|session| session.connect(url)),
        true,
    );
    // The socket closes with 1000 and its listeners go right here.
    on_cleanup(move || session.with_value(Session::stop));
    sender
}

/// Updates the signals once per change: one update of each at most.
fn apply<In: Send + Sync + 'static>(mut change: Change<In>, signals: Signals<In>) {
    if let Some(status) = change.status.take() {
        set_if_changed(signals.status, status);
    }
    if let Some(queued) = change.queued.take() {
        set_if_changed(signals.queued, queued);
    }
    if let Some(sharing) = change.sharing.take() {
        set_if_changed(signals.sharing, sharing);
    }
    if !change.arrived.is_empty() || change.drop_oldest > 0 {
        signals
            .messages
            .try_update(|messages| change.append_to(messages));
    }
}

/// Sets `signal` unless it already holds `value` (a set always notifies its readers);
/// does nothing once the owner was cleaned up.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.try_with_untracked(|current| *current != value) == Some(true) {
        let _ = signal.try_set(value);
    }
}
