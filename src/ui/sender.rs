//! [`Sender`]: how a UI sends on its [`Session`](super::Session), from any callback.

use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;

use serde::Serialize;

use crate::connection_status::{ClosedBecause, ConnectionStatus};
use crate::error::Error;
use crate::ready_state::ReadyState;
use crate::reconnect::{ReconnectHandle, Sent};
use crate::typed::{Codec, TypedReconnectHandle};

/// What a [`Sender`] needs of its session, whatever the session receives.
pub(crate) trait Link {
    /// The current connection's handle; none before the first connect, outside a
    /// browser, after a bad URL and after `stop`.
    fn handle(&self) -> Option<ReconnectHandle>;
    /// Whether the UI let go (`stop`).
    fn stopped(&self) -> bool;
    /// Tells the UI the queue's new length.
    fn report_queued(&self, queued: usize);
}

/// Sends `Out` values, encoded by `C`, on a [`Session`](super::Session)'s connection,
/// whichever URL it is connected to now. Cheap to clone; two are equal when they belong
/// to the same session, so a component that takes one as a prop does not re-render for
/// it.
///
/// ```no_run
/// use browser_websocket::ui::{FeedOptions, Session};
/// use browser_websocket::{Json, Sent};
///
/// # fn run() -> Result<(), browser_websocket::Error> {
/// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
/// session.connect("/room/lobby");
/// let sender = session.sender();
/// match sender.send(&"hello".to_owned())? {
///     Sent::Now => {}
///     Sent::Queued => println!("goes out when the connection is back"),
///     Sent::QueuedDroppingOldest(dropped) => println!("the queue was full: {dropped:?}"),
/// }
/// # Ok(()) }
/// ```
pub struct Sender<Out, C> {
    link: Rc<dyn Link>,
    types: PhantomData<fn(&Out) -> C>,
}

impl<Out, C> Sender<Out, C> {
    pub(crate) fn new(link: Rc<dyn Link>) -> Sender<Out, C> {
        Sender {
            link,
            types: PhantomData,
        }
    }

    /// Closes the connection for good (code 1000): no reconnect follows, and the status
    /// ends at `Closed(ByYou)`.
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::{Error, Json};
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// assert!(matches!(session.sender().close(), Err(Error::NotOpen(_)))); // not connected
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] if there is no connection (outside a browser, after a bad URL,
    /// after the UI let go); [`Error::AlreadyClosing`] if it was closed before.
    pub fn close(&self) -> Result<(), Error> {
        match self.link.handle() {
            Some(handle) => handle.close(),
            None => Err(Error::NotOpen(ReadyState::Closed)),
        }
    }

    /// What the connection is doing now, read from the core rather than from a UI's
    /// last render: `Connecting` before the first connect (and outside a browser),
    /// `Closed(Dropped)` once the UI let go.
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::{ConnectionStatus, Json};
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// assert_eq!(session.sender().status(), ConnectionStatus::Connecting);
    /// ```
    pub fn status(&self) -> ConnectionStatus {
        match self.link.handle() {
            Some(handle) => handle.status(),
            None if self.link.stopped() => ConnectionStatus::Closed(ClosedBecause::Dropped),
            None => ConnectionStatus::Connecting,
        }
    }

    /// How many sends wait in the offline queue now.
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::Json;
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// assert_eq!(session.sender().queued(), 0);
    /// ```
    pub fn queued(&self) -> usize {
        self.link.handle().map_or(0, |handle| handle.queued())
    }

    /// The core crate's handle on the connection, for what a sender does not offer
    /// (`take_unsent`, `set_binary_type`, `with_socket`, raw messages, ...); `None` when
    /// there is no connection.
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::Json;
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// if let Some(handle) = session.sender().handle() {
    ///     let unsent = handle.take_unsent();
    /// }
    /// ```
    pub fn handle(&self) -> Option<ReconnectHandle> {
        self.link.handle()
    }
}

impl<Out: Serialize, C: Codec> Sender<Out, C> {
    /// Encodes `value` and sends it now if the connection is open, or queues it until the
    /// next open: never dropped silently. A send that queues tells the UI the queue's new
    /// length (a [`Change`](super::Change) with `queued`).
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::{Error, Json};
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// // Not connected (this runs natively): refused, never lost silently.
    /// assert!(matches!(session.sender().send(&"hi".to_owned()), Err(Error::NotOpen(_))));
    /// ```
    ///
    /// # Errors
    /// - [`Error::NotOpen`]: no connection (outside a browser, after a bad URL, after the
    ///   UI let go), or it is closed for good;
    /// - [`Error::QueueFull`]: disconnected with a full queue that refuses new messages;
    /// - [`Error::Encode`]: `C` cannot encode the value.
    ///
    /// Nothing is sent or queued when it fails.
    pub fn send(&self, value: &Out) -> Result<Sent, Error> {
        let Some(handle) = self.link.handle() else {
            return Err(Error::NotOpen(ReadyState::Closed));
        };
        let typed = TypedReconnectHandle::<(), Out, C>::new(handle);
        let sent = typed.send(value)?;
        if !matches!(sent, Sent::Now) {
            self.link.report_queued(typed.get_ref().queued());
        }
        Ok(sent)
    }
}

impl<Out, C> Clone for Sender<Out, C> {
    fn clone(&self) -> Self {
        Sender::new(Rc::clone(&self.link))
    }
}

/// The same session.
impl<Out, C> PartialEq for Sender<Out, C> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(Rc::as_ptr(&self.link), Rc::as_ptr(&other.link))
    }
}

impl<Out, C> fmt::Debug for Sender<Out, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("handle", &self.link.handle())
            .finish()
    }
}
