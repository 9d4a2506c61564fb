//! The `Copy` way to send from any event handler.

use std::fmt;

use browser_websocket::ui;
use browser_websocket::{Codec, Error, ReadyState, ReconnectHandle, Sent};
use dioxus::signals::{CopyValue, ReadableExt};
use serde::Serialize;

/// Sends `Out` values, encoded by `C`, on a component's connection. `Copy`, like a
/// signal: move it into as many handlers and child components as you like.
///
/// ```no_run
/// use browser_websocket_dioxus::{use_websocket, Json, Sender};
/// use dioxus::prelude::*;
///
/// #[component]
/// fn Composer(sender: Sender<String, Json>) -> Element {
///     let say = move |_| match sender.send(&"hello".to_owned()) {
///         Ok(sent) => println!("{sent:?}"), // Now, or Queued until reconnected
///         Err(error) => println!("not sent: {error}"),
///     };
///     rsx! { button { onclick: say, "Say hello" } }
/// }
///
/// #[component]
/// fn Chat() -> Element {
///     let chat = use_websocket::<String, String, Json>("/room/lobby");
///     rsx! { Composer { sender: chat.sender } }
/// }
/// ```
///
/// Two are equal when they send on the same component's connection, so a child that
/// takes one as a prop does not re-render for it.
pub struct Sender<Out: 'static, C: 'static> {
    /// The session's sender, owned by the component; `None` where nothing connects.
    pub(crate) sender: Option<CopyValue<ui::Sender<Out, C>>>,
}

impl<Out: 'static, C: 'static> Sender<Out, C> {
    /// The session's sender, cloned out so that no borrow is held while it sends;
    /// `None` on the server and once the component unmounted.
    fn session(&self) -> Option<ui::Sender<Out, C>> {
        let sender = self.sender?;
        let sender = sender.try_peek().ok()?;
        Some(sender.clone())
    }

    /// Closes the connection for good (code 1000): no reconnect follows, and the status
    /// ends at `Closed(ByYou)`.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_dioxus::Sender<String, browser_websocket_dioxus::Json>) {
    /// let leave = move |_: dioxus::prelude::Event<dioxus::prelude::MouseData>| {
    ///     let _ = sender.close();
    /// };
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] if there is no connection (on the server, after the component
    /// unmounted); [`Error::AlreadyClosing`] if it was closed before.
    pub fn close(&self) -> Result<(), Error> {
        let session = self.session().ok_or(Error::NotOpen(ReadyState::Closed))?;
        session.close()
    }

    /// The core crate's handle on the connection, for what this type does not offer
    /// (`take_unsent`, `set_binary_type`, `with_socket`, sending a raw message, ...);
    /// `None` when there is no connection.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_dioxus::Sender<String, browser_websocket_dioxus::Json>) {
    /// if let Some(handle) = sender.handle() {
    ///     let unsent = handle.take_unsent();
    /// }
    /// # }
    /// ```
    pub fn handle(&self) -> Option<ReconnectHandle> {
        self.session().and_then(|session| session.handle())
    }
}

impl<Out: Serialize + 'static, C: Codec + 'static> Sender<Out, C> {
    /// Encodes `value` and sends it now if the connection is open, or queues it until the
    /// next open: never dropped silently. A send that queues updates the
    /// [`queued`](crate::UseWebSocket::queued) signal. The core's [`ui::Sender::send`],
    /// made `Copy`.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_dioxus::Sender<String, browser_websocket_dioxus::Json>) -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::Sent;
    ///
    /// match sender.send(&"hi".to_owned())? {
    ///     Sent::Now => {}
    ///     Sent::Queued => println!("goes out when the connection is back"),
    ///     Sent::QueuedDroppingOldest(dropped) => println!("dropped {dropped:?}"),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// - [`Error::NotOpen`]: no connection (on the server, after the component
    ///   unmounted), or it is closed for good;
    /// - [`Error::QueueFull`]: disconnected with a full queue that refuses new messages;
    /// - [`Error::Encode`]: `C` cannot encode the value.
    ///
    /// Nothing is sent or queued when it fails.
    pub fn send(&self, value: &Out) -> Result<Sent, Error> {
        let session = self.session().ok_or(Error::NotOpen(ReadyState::Closed))?;
        session.send(value)
    }
}

impl<Out: 'static, C: 'static> Clone for Sender<Out, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Out: 'static, C: 'static> Copy for Sender<Out, C> {}

/// The same component's connection (or both where nothing connects).
impl<Out: 'static, C: 'static> PartialEq for Sender<Out, C> {
    fn eq(&self, other: &Self) -> bool {
        self.sender == other.sender
    }
}

impl<Out: 'static, C: 'static> fmt::Debug for Sender<Out, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("handle", &self.handle())
            .finish()
    }
}
