//! The `Copy` way to send from any closure of a view.

use std::fmt;

use browser_websocket::ui;
use browser_websocket::{Codec, Error, ReadyState, ReconnectHandle, Sent};
use leptos::prelude::{GetValue, LocalStorage, StoredValue};
use serde::Serialize;

/// Sends `Out` values, encoded by `C`, on a component's connection. `Copy`, like a
/// signal: move it into as many closures and child components as you like.
///
/// ```no_run
/// use browser_websocket_leptos::{use_websocket, Json, Sender};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Composer(sender: Sender<String, Json>) -> impl IntoView {
///     let say = move |_| match sender.send(&"hello".to_owned()) {
///         Ok(sent) => leptos::logging::log!("{sent:?}"), // Now, or Queued until reconnected
///         Err(error) => leptos::logging::log!("not sent: {error}"),
///     };
///     view! { <button on:click=say>"Say hello"</button> }
/// }
///
/// #[component]
/// fn Chat() -> impl IntoView {
///     let chat = use_websocket::<String, String, Json>("/room/lobby");
///     view! { <Composer sender=chat.sender /> }
/// }
/// ```
pub struct Sender<Out: 'static, C: 'static> {
    /// The session's sender; `None` on the server, where nothing connects.
    pub(crate) sender: Option<StoredValue<ui::Sender<Out, C>, LocalStorage>>,
}

impl<Out: 'static, C: 'static> Sender<Out, C> {
    /// A clone of the session's sender, so nothing reactive is held while it is used;
    /// `None` on the server and once the owner was cleaned up.
    fn current(&self) -> Option<ui::Sender<Out, C>> {
        self.sender.and_then(|sender| sender.try_get_value())
    }

    /// Closes the connection for good (code 1000): no reconnect follows, and the status
    /// ends at `Closed(ByYou)`.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_leptos::Sender<String, browser_websocket_leptos::Json>) {
    /// let leave = move |_: leptos::ev::MouseEvent| {
    ///     let _ = sender.close();
    /// };
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] if there is no connection (on the server, after the owner was
    /// cleaned up); [`Error::AlreadyClosing`] if it was closed before.
    pub fn close(&self) -> Result<(), Error> {
        self.current()
            .map_or(Err(Error::NotOpen(ReadyState::Closed)), |sender| {
                sender.close()
            })
    }

    /// The core crate's handle on the connection, for what this type does not offer
    /// (`take_unsent`, `set_binary_type`, `with_socket`, sending a raw message, ...);
    /// `None` when there is no connection.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_leptos::Sender<String, browser_websocket_leptos::Json>) {
    /// if let Some(handle) = sender.handle() {
    ///     let unsent = handle.take_unsent();
    /// }
    /// # }
    /// ```
    pub fn handle(&self) -> Option<ReconnectHandle> {
        self.current()?.handle()
    }
}

impl<Out: Serialize + 'static, C: Codec + 'static> Sender<Out, C> {
    /// Encodes `value` and sends it now if the connection is open, or queues it until the
    /// next open: never dropped silently. A send that queues updates the
    /// [`queued`](crate::UseWebSocket::queued) signal. The core's
    /// [`ui::Sender::send`], made `Copy`.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_leptos::Sender<String, browser_websocket_leptos::Json>) -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::Sent;
    ///
    /// match sender.send(&"hi".to_owned())? {
    ///     Sent::Now => {}
    ///     Sent::Queued => leptos::logging::log!("goes out when the connection is back"),
    ///     Sent::QueuedDroppingOldest(dropped) => leptos::logging::log!("dropped {dropped:?}"),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// - [`Error::NotOpen`]: no connection (on the server, after the owner was cleaned
    ///   up), or it is closed for good;
    /// - [`Error::QueueFull`]: disconnected with a full queue that refuses new messages;
    /// - [`Error::Encode`]: `C` cannot encode the value.
    ///
    /// Nothing is sent or queued when it fails.
    pub fn send(&self, value: &Out) -> Result<Sent, Error> {
        self.current()
            .map_or(Err(Error::NotOpen(ReadyState::Closed)), |sender| {
                sender.send(value)
            })
    }
}

impl<Out: 'static, C: 'static> Clone for Sender<Out, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Out: 'static, C: 'static> Copy for Sender<Out, C> {}

impl<Out: 'static, C: 'static> fmt::Debug for Sender<Out, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("handle", &self.handle())
            .finish()
    }
}
