//! `use_websocket`: one connection per component, as Dioxus signals and a `Copy` sender.

use std::fmt;

use browser_websocket::ui::{Change, Session, Sharing};
use browser_websocket::{Codec, ConnectionStatus, Error, Sent};
use dioxus::core::{use_drop, use_hook};
use dioxus::hooks::{use_effect, use_reactive};
use dioxus::signals::{CopyValue, ReadSignal, ReadableExt, Signal, WritableExt};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Sender, UseWebSocketOptions};

/// What [`use_websocket`] returns: read-only signals for the status, the offline queue's
/// length and every message received, and a `Copy` sender. `Copy` itself, like a
/// signal: move it into any event handler or child component.
///
/// ```no_run
/// use browser_websocket_dioxus::{use_websocket, Json};
/// use dioxus::prelude::*;
///
/// #[component]
/// fn Status() -> Element {
///     let chat = use_websocket::<String, String, Json>("/room/lobby");
///     rsx! {
///         p {
///             "{chat.status}" // "open", "retry 2 in 1.4 s", ...
///             " · {chat.messages.read().len()} messages"
///             " · {chat.queued} waiting"
///         }
///     }
/// }
/// ```
///
/// Typed by `In` (what arrives), `Out` (what is sent) and `C`, the codec
/// ([`Json`](crate::Json) or [`Postcard`](crate::Postcard)). Reading a field in a
/// component subscribes that component, as any Dioxus signal does; `peek()` does not.
#[non_exhaustive]
pub struct UseWebSocket<In: 'static, Out: 'static, C: 'static> {
    /// What the connection is doing: `Connecting`, `Open`, `Waiting { attempt, retry_in }`
    /// (re-read every 100 ms by default while waiting, so it counts down),
    /// `Reconnecting`, `Closed(why)`. Its `Display` is short English for a status line.
    /// `Connecting` on the server.
    pub status: ReadSignal<ConnectionStatus>,
    /// How many sends wait for the connection (in the offline queue).
    pub queued: ReadSignal<usize>,
    /// Which tab holds the connection and how many tabs use it, for one
    /// [shared across tabs](UseWebSocketOptions::shared_across_tabs); `Leader` of 1 for a
    /// connection of the tab's own. Its `Display` is short English for a status line.
    pub sharing: ReadSignal<Sharing>,
    /// Every message received since the component was mounted, oldest first: an
    /// append-only list (bounded by [`keep_last`](UseWebSocketOptions::keep_last)), never
    /// a latest value that a burst overwrites. `.read()` borrows it without a copy.
    pub messages: ReadSignal<Vec<In>>,
    /// Sends on this connection; see [`Sender::send`].
    pub sender: Sender<Out, C>,
}

impl<In: 'static, Out: Serialize + 'static, C: Codec + 'static> UseWebSocket<In, Out, C> {
    /// Encodes `value` and sends it now, or queues it until the connection is back; see
    /// [`Sender::send`].
    ///
    /// ```no_run
    /// # fn run(chat: browser_websocket_dioxus::UseWebSocket<String, String, browser_websocket_dioxus::Json>) {
    /// match chat.send(&"hi".to_owned()) {
    ///     Ok(sent) => println!("{sent:?}"), // Now, or Queued until reconnected
    ///     Err(error) => println!("not sent: {error}"),
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

impl<In: 'static, Out: 'static, C: 'static> Clone for UseWebSocket<In, Out, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<In: 'static, Out: 'static, C: 'static> Copy for UseWebSocket<In, Out, C> {}

impl<In: 'static, Out: 'static, C: 'static> fmt::Debug for UseWebSocket<In, Out, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UseWebSocket")
            .field("status", &*self.status.peek())
            .field("queued", &*self.queued.peek())
            .field("sharing", &*self.sharing.peek())
            .field("messages", &self.messages.peek().len())
            .field("sender", &self.sender)
            .finish()
    }
}

/// Connects to `url` for as long as the calling component is mounted: a reconnecting
/// socket with the default policy, whose messages are decoded by `C` into `In`, and
/// which sends `Out`.
///
/// ```no_run
/// use browser_websocket_dioxus::{use_websocket, Json};
/// use dioxus::prelude::*;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize, Clone)]
/// struct Line { from: String, text: String }
///
/// #[component]
/// fn Chat() -> Element {
///     let chat = use_websocket::<Line, Line, Json>("/room/lobby"); // relative: same host
///     let say_hi = move |_| {
///         let _ = chat.send(&Line { from: "me".into(), text: "hi".into() });
///     };
///     rsx! {
///         p { "{chat.status}" }
///         ul {
///             for line in chat.messages.read().iter() {
///                 li { "{line.from}: {line.text}" }
///             }
///         }
///         button { onclick: say_hi, "Say hi" }
///     }
/// }
/// ```
///
/// # Lifecycle
/// - In the browser it connects during the first render, so a send right away is queued
///   rather than refused; it connects again only when a render passes another `url`
///   (the old connection closes first). A `url` read from a signal in the component
///   body does that on its own: the component re-renders when the signal changes.
/// - When the component unmounts (a parent stops rendering it, the route changes), the
///   socket closes with 1000 and every listener and timer goes.
/// - With the `ssr` or `server` feature, and on any target but wasm32, it never
///   connects: the signals stay at `Connecting`, no messages, 0 queued, which is also
///   what the client renders first, so hydration matches.
///
/// # Nothing lost
/// Every message is appended to [`messages`](UseWebSocket::messages) in order; a burst is
/// one signal write (or a few), so one render. Sends while disconnected are queued (or
/// refused with an error), never dropped.
pub fn use_websocket<In, Out, C>(url: impl Into<String>) -> UseWebSocket<In, Out, C>
where
    In: DeserializeOwned + 'static,
    Out: 'static,
    C: Codec + 'static,
{
    use_websocket_with(url, UseWebSocketOptions::default())
}

/// [`use_websocket`] with options: how to connect, how many messages to keep, callbacks.
/// The options of the latest render are the ones used: the builder at the next connect,
/// the callbacks and `keep_last` at the next batch.
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::ReconnectPolicy;
/// use browser_websocket_dioxus::{use_websocket_with, Json, UseWebSocketOptions};
/// use dioxus::prelude::*;
///
/// #[component]
/// fn Chat(room: String) -> Element {
///     let chat = use_websocket_with::<String, String, Json>(
///         format!("/room/{room}"), // another room closes this connection and opens one
///         UseWebSocketOptions::default()
///             .policy(ReconnectPolicy::default().max_delay(Duration::from_secs(5)))
///             .keep_last(200),
///     );
///     rsx! { p { "{chat.status}" } }
/// }
/// ```
pub fn use_websocket_with<In: DeserializeOwned + 'static, Out: 'static, C: Codec + 'static>(
    url: impl Into<String>,
    options: UseWebSocketOptions<In>,
) -> UseWebSocket<In, Out, C> {
    let url = url.into();
    let (handle, session) = use_hook(|| mount::<In, Out, C>(&url, options.clone()));
    if let Some(session) = &session {
        session.set_options(options);
    }
    // Every later URL, after the render that passed it; the session ignores the URL it is
    // connected to, which is what the effect's first run sees.
    let connected = session.clone();
    use_effect(use_reactive((&url,), move |(url,)| {
        if let Some(session) = &connected {
            session.connect(&url);
        }
    }));
    // The socket closes with 1000 and its listeners go right here.
    use_drop(move || {
        if let Some(session) = session {
            session.stop();
        }
    });
    handle
}

/// Whether this build talks to a browser: wasm32, and not a server render.
pub(crate) fn in_browser() -> bool {
    cfg!(all(target_arch = "wasm32", not(feature = "ssr")))
}

/// What the first render keeps for the later ones: the handle it returns, and the
/// session where one connects.
type Mounted<In, Out, C> = (UseWebSocket<In, Out, C>, Option<Session<In, Out, C>>);

/// The first render's work: the signals, and in the browser a session connected to
/// `url` and wired to them.
fn mount<In, Out, C>(url: &str, options: UseWebSocketOptions<In>) -> Mounted<In, Out, C>
where
    In: DeserializeOwned + 'static,
    Out: 'static,
    C: Codec + 'static,
{
    let signals = Signals {
        status: Signal::new(ConnectionStatus::Connecting),
        queued: Signal::new(0),
        sharing: Signal::new(Sharing::default()),
        messages: Signal::new(Vec::new()),
    };
    let session = in_browser().then(|| {
        let session = Session::<In, Out, C>::new(options, move |change| apply(change, signals));
        // Now, during the render, so that a send made right away is queued.
        session.connect(url);
        session
    });
    let sender = Sender {
        sender: session
            .as_ref()
            .map(|session| CopyValue::new(session.sender())),
    };
    let handle = UseWebSocket {
        status: signals.status.into(),
        queued: signals.queued.into(),
        sharing: signals.sharing.into(),
        messages: signals.messages.into(),
        sender,
    };
    (handle, session)
}

/// The signals a session writes.
struct Signals<In: 'static> {
    status: Signal<ConnectionStatus>,
    queued: Signal<usize>,
    sharing: Signal<Sharing>,
    messages: Signal<Vec<In>>,
}

impl<In: 'static> Clone for Signals<In> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<In: 'static> Copy for Signals<In> {}

/// Writes each signal once per change at most, and only what changed: one render per
/// batch. Nothing is written once the component is gone (its signals with it).
fn apply<In: 'static>(mut change: Change<In>, mut signals: Signals<In>) {
    if let Some(status) = change.status.take() {
        write_if_new(signals.status, status);
    }
    if let Some(queued) = change.queued.take() {
        write_if_new(signals.queued, queued);
    }
    if let Some(sharing) = change.sharing.take() {
        write_if_new(signals.sharing, sharing);
    }
    if change.arrived.is_empty() && change.drop_oldest == 0 {
        return;
    }
    if let Ok(mut messages) = signals.messages.try_write() {
        change.append_to(&mut messages);
    }
}

/// Sets `signal` to `value` unless it holds it already (a write always re-renders its
/// readers).
fn write_if_new<T: PartialEq + 'static>(mut signal: Signal<T>, value: T) {
    if signal.try_peek().is_ok_and(|current| *current == value) {
        return;
    }
    if let Ok(mut current) = signal.try_write() {
        *current = value;
    }
}
