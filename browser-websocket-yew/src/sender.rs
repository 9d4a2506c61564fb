//! The cheap, cloneable way to send from anywhere in a component tree.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;

use browser_websocket::{
    ClosedBecause, Codec, ConnectionStatus, Error, ReadyState, ReconnectHandle, Sent,
};
use serde::Serialize;

/// Sends `Out` values, encoded by `C`, on a component's connection; `Clone` it into
/// callbacks and pass it to child components as a prop.
///
/// ```no_run
/// use browser_websocket_yew::{use_websocket, Json, Sender};
/// use yew::prelude::*;
///
/// #[derive(Properties, PartialEq)]
/// struct ComposerProps {
///     sender: Sender<String, Json>,
/// }
///
/// #[function_component]
/// fn Composer(props: &ComposerProps) -> Html {
///     let sender = props.sender.clone();
///     let onclick = move |_| match sender.send(&"hello".to_owned()) {
///         Ok(sent) => println!("{sent:?}"), // Now, or Queued until the connection is back
///         Err(error) => println!("not sent: {error}"),
///     };
///     html! { <button {onclick}>{ "Say hello" }</button> }
/// }
///
/// #[function_component]
/// fn Chat() -> Html {
///     let chat = use_websocket::<String, String, Json>("/room/lobby");
///     html! { <Composer sender={chat.sender()} /> }
/// }
/// ```
///
/// Two senders are equal when they send on the same component's connection, so a child
/// that takes one as a prop does not re-render for it.
pub struct Sender<Out, C> {
    link: Rc<SenderLink>,
    types: PhantomData<fn(&Out) -> C>,
}

/// The component's current handle (none before the first connect, on the server, and
/// after unmount) and who to tell when a send changes the queue.
pub(crate) struct SenderLink {
    handle: RefCell<Option<ReconnectHandle>>,
    /// A connection was let go (unmount) and none replaced it.
    gone: Cell<bool>,
    on_queued: Box<dyn Fn(usize)>,
}

impl SenderLink {
    pub(crate) fn new(on_queued: impl Fn(usize) + 'static) -> SenderLink {
        SenderLink {
            handle: RefCell::new(None),
            gone: Cell::new(false),
            on_queued: Box::new(on_queued),
        }
    }

    pub(crate) fn set(&self, handle: Option<ReconnectHandle>) {
        self.gone.set(handle.is_none());
        // Never borrowed across user code: a failed borrow cannot happen.
        if let Ok(mut current) = self.handle.try_borrow_mut() {
            *current = handle;
        }
    }

    /// A clone of the handle, so no borrow is held while it is used.
    fn handle(&self) -> Option<ReconnectHandle> {
        self.handle
            .try_borrow()
            .ok()
            .and_then(|handle| handle.clone())
    }
}

impl<Out, C> Sender<Out, C> {
    pub(crate) fn new(link: Rc<SenderLink>) -> Sender<Out, C> {
        Sender {
            link,
            types: PhantomData,
        }
    }

    /// Closes the connection for good (code 1000): no reconnect follows, and the status
    /// ends at `Closed(ByYou)`.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_yew::Sender<String, browser_websocket_yew::Json>) {
    /// let leave = move |_: yew::MouseEvent| {
    ///     let _ = sender.close();
    /// };
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] if there is no connection (before the first connect, on the
    /// server, after unmount); [`Error::AlreadyClosing`] if it was closed before.
    pub fn close(&self) -> Result<(), Error> {
        match self.link.handle() {
            Some(handle) => handle.close(),
            None => Err(Error::NotOpen(ReadyState::Closed)),
        }
    }

    /// The status right now (the component's copy is the one of its last render).
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_yew::Sender<String, browser_websocket_yew::Json>) {
    /// if sender.status().is_open() {
    ///     println!("online");
    /// }
    /// # }
    /// ```
    ///
    /// `Connecting` until the component's first connect (and always on the server);
    /// `Closed(Dropped)` once the component unmounted.
    pub fn status(&self) -> ConnectionStatus {
        match self.link.handle() {
            Some(handle) => handle.status(),
            None if self.link.gone.get() => ConnectionStatus::Closed(ClosedBecause::Dropped),
            None => ConnectionStatus::Connecting,
        }
    }

    /// How many sends wait in the offline queue right now.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_yew::Sender<String, browser_websocket_yew::Json>) {
    /// println!("{} waiting", sender.queued());
    /// # }
    /// ```
    pub fn queued(&self) -> usize {
        self.link.handle().map_or(0, |handle| handle.queued())
    }

    /// The core crate's handle on the connection, for what this type does not offer
    /// (`take_unsent`, `set_binary_type`, `with_socket`, sending a raw message, ...);
    /// `None` when there is no connection.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_yew::Sender<String, browser_websocket_yew::Json>) {
    /// if let Some(handle) = sender.handle() {
    ///     let unsent = handle.take_unsent();
    /// }
    /// # }
    /// ```
    pub fn handle(&self) -> Option<ReconnectHandle> {
        self.link.handle()
    }
}

impl<Out: Serialize, C: Codec> Sender<Out, C> {
    /// Encodes `value` and sends it now if the connection is open, or queues it until the
    /// next open: never dropped silently. A send that queues re-renders the component
    /// with the new [`queued`](crate::UseWebSocket::queued) count.
    ///
    /// ```no_run
    /// # fn run(sender: browser_websocket_yew::Sender<String, browser_websocket_yew::Json>) -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::Sent;
    ///
    /// match sender.send(&"hi".to_owned())? {
    ///     Sent::Now => {}
    ///     Sent::Queued => println!("goes out when the connection is back"),
    ///     Sent::QueuedDroppingOldest(dropped) => println!("queue full; dropped {dropped:?}"),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// - [`Error::NotOpen`]: no connection (before the component's first connect, on the
    ///   server, after unmount), or it is closed for good;
    /// - [`Error::QueueFull`]: disconnected with a full queue that refuses new messages;
    /// - [`Error::Encode`]: `C` cannot encode the value.
    ///
    /// Nothing is sent or queued when it fails.
    pub fn send(&self, value: &Out) -> Result<Sent, Error> {
        let Some(handle) = self.link.handle() else {
            return Err(Error::NotOpen(ReadyState::Closed));
        };
        let sent = handle.send(C::encode(value)?)?;
        if !matches!(sent, Sent::Now) {
            (self.link.on_queued)(handle.queued());
        }
        Ok(sent)
    }
}

impl<Out, C> Clone for Sender<Out, C> {
    fn clone(&self) -> Self {
        Sender::new(Rc::clone(&self.link))
    }
}

/// The same component's connection.
impl<Out, C> PartialEq for Sender<Out, C> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.link, &other.link)
    }
}

impl<Out, C> fmt::Debug for Sender<Out, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("handle", &self.link.handle())
            .finish()
    }
}
