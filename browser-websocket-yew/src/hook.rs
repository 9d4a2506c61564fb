//! The hook: one connection per mounted component, its state, and a sender.

use std::fmt;
use std::rc::Rc;

use browser_websocket::ui::{Session, Sharing};
use browser_websocket::{Codec, ConnectionStatus, Error, Sent};
use serde::Serialize;
use serde::de::DeserializeOwned;
use yew::prelude::*;

use crate::state::State;
use crate::{Messages, Sender, UseWebSocketOptions};

/// What [`use_websocket`] returns: the connection's status, every message received, the
/// offline queue's length, all as of this render, and a way to send.
///
/// ```no_run
/// use browser_websocket_yew::{use_websocket, Json};
/// use yew::prelude::*;
///
/// #[function_component]
/// fn Status() -> Html {
///     let chat = use_websocket::<String, String, Json>("/room/lobby");
///     html! {
///         <p>
///             { chat.status().to_string() }                       // "open", "retry 2 in 1.4 s", ...
///             { format!(" · {} messages", chat.messages().len()) }
///             { format!(" · {} waiting", chat.queued()) }
///         </p>
///     }
/// }
/// ```
///
/// Cloning is cheap; clone it into callbacks. Typed by `In` (what arrives), `Out` (what
/// is sent) and `C`, the codec ([`Json`](crate::Json) or [`Postcard`](crate::Postcard)).
pub struct UseWebSocket<In: 'static, Out, C> {
    state: UseReducerHandle<State<In>>,
    sender: Sender<Out, C>,
}

impl<In: 'static, Out, C> UseWebSocket<In, Out, C> {
    /// What the connection is doing: `Connecting`, `Open`, `Waiting { attempt, retry_in }`
    /// (re-read every 100 ms by default, so it counts down), `Reconnecting`, `Closed(why)`.
    /// Its `Display` is short English for a status line.
    ///
    /// ```no_run
    /// # fn run(chat: browser_websocket_yew::UseWebSocket<String, String, browser_websocket_yew::Json>) {
    /// use browser_websocket::ConnectionStatus;
    ///
    /// let class = match chat.status() {
    ///     ConnectionStatus::Open => "online",
    ///     ConnectionStatus::Closed(_) => "closed",
    ///     _ => "offline",
    /// };
    /// # }
    /// ```
    ///
    /// `Connecting` on the server and until the first connection is made.
    pub fn status(&self) -> &ConnectionStatus {
        &self.state.status
    }

    /// Every message received since the component mounted, oldest first (bounded by
    /// [`keep_last`](UseWebSocketOptions::keep_last)).
    ///
    /// ```no_run
    /// # fn run(chat: browser_websocket_yew::UseWebSocket<String, String, browser_websocket_yew::Json>) {
    /// for text in chat.messages() {
    ///     println!("{text}");
    /// }
    /// # }
    /// ```
    pub fn messages(&self) -> &Messages<In> {
        &self.state.messages
    }

    /// How many sends wait for the connection (in the offline queue).
    ///
    /// ```no_run
    /// # fn run(chat: browser_websocket_yew::UseWebSocket<String, String, browser_websocket_yew::Json>) {
    /// if chat.queued() > 0 {
    ///     println!("{} messages go out when the connection is back", chat.queued());
    /// }
    /// # }
    /// ```
    pub fn queued(&self) -> usize {
        self.state.queued
    }

    /// Which tab holds the connection and how many tabs use it: for one
    /// [shared across tabs](UseWebSocketOptions::shared_across_tabs); a connection of the
    /// tab's own is `Leader` of 1. Its `Display` is short English for a status line.
    ///
    /// ```no_run
    /// # fn run(chat: browser_websocket_yew::UseWebSocket<String, String, browser_websocket_yew::Json>) {
    /// println!("{} ({} tabs)", chat.sharing(), chat.sharing().tabs);
    /// # }
    /// ```
    pub fn sharing(&self) -> Sharing {
        self.state.sharing
    }

    /// A cheap, cloneable [`Sender`] on this connection, e.g. for a child component.
    ///
    /// ```no_run
    /// # fn run(chat: browser_websocket_yew::UseWebSocket<String, String, browser_websocket_yew::Json>) {
    /// let sender = chat.sender();
    /// let _ = sender.send(&"hi".to_owned());
    /// # }
    /// ```
    pub fn sender(&self) -> Sender<Out, C> {
        self.sender.clone()
    }
}

impl<In: 'static, Out: Serialize, C: Codec> UseWebSocket<In, Out, C> {
    /// Encodes `value` and sends it now, or queues it until the connection is back; see
    /// [`Sender::send`].
    ///
    /// ```no_run
    /// # fn run(chat: browser_websocket_yew::UseWebSocket<String, String, browser_websocket_yew::Json>) {
    /// match chat.send(&"hi".to_owned()) {
    ///     Ok(sent) => println!("{sent:?}"),
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

impl<In: 'static, Out, C> Clone for UseWebSocket<In, Out, C> {
    fn clone(&self) -> Self {
        UseWebSocket {
            state: self.state.clone(),
            sender: self.sender.clone(),
        }
    }
}

/// The same render's state of the same connection.
impl<In: 'static, Out, C> PartialEq for UseWebSocket<In, Out, C> {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.sender == other.sender
    }
}

impl<In: 'static, Out, C> fmt::Debug for UseWebSocket<In, Out, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UseWebSocket")
            .field("status", self.status())
            .field("messages", &self.messages().len())
            .field("queued", &self.queued())
            .finish()
    }
}

/// Connects to `url` while the component is mounted: a reconnecting socket with the
/// default policy, whose messages are decoded by `C` into `In`, and which sends `Out`.
///
/// ```no_run
/// use browser_websocket_yew::{use_websocket, Json};
/// use serde::{Deserialize, Serialize};
/// use yew::prelude::*;
///
/// #[derive(Serialize, Deserialize, Clone, PartialEq)]
/// struct Line { from: String, text: String }
///
/// #[function_component]
/// fn Chat() -> Html {
///     let chat = use_websocket::<Line, Line, Json>("/room/lobby"); // relative: same host
///     let onclick = {
///         let chat = chat.clone();
///         move |_| {
///             let _ = chat.send(&Line { from: "me".into(), text: "hi".into() });
///         }
///     };
///     html! {
///         <>
///             <p>{ chat.status().to_string() }</p>
///             <ul>{ for chat.messages().iter().map(|line| html! { <li>{ &line.text }</li> }) }</ul>
///             <button {onclick}>{ "Say hi" }</button>
///         </>
///     }
/// }
/// ```
///
/// # Lifecycle
/// - It connects once, after the first render (in an effect), and again only when `url`
///   changes (the old connection closes first). Re-renders never reconnect.
/// - Unmounting closes the socket with 1000 and removes every listener and timer at once
///   ([`live_listeners`](browser_websocket::live_listeners) is back where it was).
/// - On the server (`ssr`) effects do not run, and on any target but wasm32 it never
///   connects: the status stays `Connecting`, which is also what the client renders
///   first, so hydration matches. Only the browser connects.
///
/// # Nothing lost
/// Every message is appended to [`messages`](UseWebSocket::messages) in order; a burst
/// that arrives in one tick is one render. Sends while disconnected are queued (or
/// refused with an error), never dropped.
#[hook]
pub fn use_websocket<In, Out, C>(url: &str) -> UseWebSocket<In, Out, C>
where
    In: DeserializeOwned + 'static,
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
/// use browser_websocket_yew::{use_websocket_with, Json, UseWebSocketOptions};
/// use yew::prelude::*;
///
/// #[function_component]
/// fn Chat() -> Html {
///     let chat = use_websocket_with::<String, String, Json>(
///         "/room/lobby",
///         UseWebSocketOptions::default()
///             .policy(ReconnectPolicy::default().max_delay(Duration::from_secs(5)))
///             .keep_last(200),
///     );
///     html! { <p>{ chat.status().to_string() }</p> }
/// }
/// ```
///
/// Options may be built afresh on every render: they never cause a reconnect (see
/// [`UseWebSocketOptions`]).
#[hook]
pub fn use_websocket_with<In, Out, C>(
    url: &str,
    options: UseWebSocketOptions<In>,
) -> UseWebSocket<In, Out, C>
where
    In: DeserializeOwned + 'static,
    Out: 'static,
    C: Codec + 'static,
{
    let state = use_reducer(State::<In>::default);
    let session = {
        let dispatcher = state.dispatcher();
        use_memo((), move |()| {
            Session::<In, Out, C>::new(UseWebSocketOptions::default(), move |change| {
                dispatcher.dispatch(change);
            })
        })
    };
    // The newest options, read by the session when it needs them: never a reconnect.
    session.set_options(options);
    {
        let session = Rc::clone(&session);
        // Effects run only in the browser (not in a server render); the session also
        // never connects outside one.
        use_effect_with(url.to_owned(), move |url| {
            session.connect(url);
            // Unmount or a new URL: the socket closes and its listeners go right here.
            move || session.stop()
        });
    }
    UseWebSocket {
        state,
        sender: session.sender(),
    }
}
