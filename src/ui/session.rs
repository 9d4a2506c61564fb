//! [`Session`]: a component's connection, from mount to unmount, in terms any UI
//! framework can wire to its own state.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;
use std::rc::{Rc, Weak};

use serde::de::DeserializeOwned;

use super::change::ListLength;
use super::sender::Link;
use super::{Batch, Change, Feed, FeedOptions, Sender};
use crate::connection_status::{ClosedBecause, ConnectionStatus, GiveUp};
use crate::reconnect::ReconnectHandle;
use crate::typed::Codec;

/// A component's connection: it holds the latest options, connects (again only when the
/// URL changes), keeps the `keep_last` count, sends, and tells the UI every [`Change`]
/// through one callback. A framework crate wires that callback to its signals or its
/// reducer, and calls [`connect`](Session::connect) and [`stop`](Session::stop) from its
/// lifecycle: that is all of it.
///
/// ```no_run
/// use browser_websocket::ui::{FeedOptions, Session};
/// use browser_websocket::Json;
///
/// # fn run() -> Result<(), browser_websocket::Error> {
/// let session = Session::<String, String, Json>::new(FeedOptions::default(), |change| {
///     // Once per batch: apply to the framework's state and render.
///     println!("{} new, status {:?}", change.arrived.len(), change.status);
/// });
/// session.connect("/room/lobby"); // on mount, and whenever the URL changes
/// session.sender().send(&"hi".to_owned())?; // now, or queued until the connection opens
/// session.stop(); // on unmount: the socket closes, every listener and timer goes
/// # Ok(()) }
/// ```
///
/// Cloning is cheap and every clone is the same session. Outside a browser (a server
/// render, a native test) it never connects: the status stays `Connecting`, which is
/// also what the client renders first.
pub struct Session<In, Out, C> {
    inner: Rc<Inner<In, C>>,
    /// What its [`Sender`]s send.
    sends: PhantomData<fn(&Out)>,
}

struct Inner<In, C> {
    options: RefCell<FeedOptions<In>>,
    connection: RefCell<Option<Connection<In, C>>>,
    listed: Cell<ListLength>,
    /// Set by `stop`: the component let go.
    stopped: Cell<bool>,
    on_change: Box<dyn Fn(Change<In>)>,
}

/// One connection to one URL: dropping it closes the socket.
struct Connection<In, C> {
    url: String,
    handle: Option<ReconnectHandle>,
    /// Dropped first when the connection is: the streams close the socket.
    _feed: Option<Feed<In, C>>,
}

impl<In, Out, C> Session<In, Out, C>
where
    In: DeserializeOwned + 'static,
    Out: 'static,
    C: Codec + 'static,
{
    /// A session that has not connected yet; `on_change` is called with every change,
    /// and may call back into the session.
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::{ConnectionStatus, Json};
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// assert_eq!(session.sender().status(), ConnectionStatus::Connecting);
    /// ```
    pub fn new(
        options: FeedOptions<In>,
        on_change: impl Fn(Change<In>) + 'static,
    ) -> Session<In, Out, C> {
        Session {
            sends: PhantomData,
            inner: Rc::new(Inner {
                options: RefCell::new(options),
                connection: RefCell::new(None),
                listed: Cell::new(ListLength::default()),
                stopped: Cell::new(false),
                on_change: Box::new(on_change),
            }),
        }
    }

    /// Connects to `url`, unless the session is connected to it already: a new URL closes
    /// the old connection first. A URL the crate cannot use is reported as the status
    /// `Closed(GaveUp(BadUrl(..)))`, not as an error. Nothing happens outside a browser.
    ///
    /// ```no_run
    /// # fn run(session: browser_websocket::ui::Session<String, String, browser_websocket::Json>) {
    /// session.connect("/room/lobby");
    /// session.connect("/room/lobby"); // the same URL: nothing happens
    /// session.connect("/room/garden"); // lobby closes, garden opens
    /// # }
    /// ```
    pub fn connect(&self, url: &str) {
        // Natively (a server, a test) there is no browser: never touch one.
        if !cfg!(target_arch = "wasm32") || self.connected_to(url) {
            return;
        }
        self.inner.stopped.set(false);
        // The old socket closes before the new one opens.
        let old = self.inner.connection.replace(None);
        drop(old);
        self.emit(Change::status(ConnectionStatus::Connecting));
        // Cloned out, so no borrow is held while the builder runs.
        let options = self.inner.options.borrow().clone();
        let session = Rc::downgrade(&self.inner);
        let deliver = move |batch| deliver(&session, batch);
        let connection = match options.open::<C>(url, deliver) {
            Ok((handle, feed)) => Connection {
                url: url.to_owned(),
                handle: Some(handle),
                _feed: Some(feed),
            },
            Err(error) => {
                let why = ClosedBecause::GaveUp(GiveUp::BadUrl(error));
                self.emit(Change::status(ConnectionStatus::Closed(why)));
                Connection {
                    url: url.to_owned(),
                    handle: None,
                    _feed: None,
                }
            }
        };
        self.inner.connection.replace(Some(connection));
    }

    /// Replaces the options: the builder is read at the next connect, the callbacks and
    /// `keep_last` at the next batch. Never reconnects, so a component may build its
    /// options afresh on every render.
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::Json;
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// session.set_options(FeedOptions::default().keep_last(50));
    /// ```
    pub fn set_options(&self, options: FeedOptions<In>) {
        // Only ever borrowed for a clone, so this cannot fail; if it did, the old options
        // stay.
        if let Ok(mut current) = self.inner.options.try_borrow_mut() {
            *current = options;
        }
    }

    /// The way to send, close and read the status and queue: cheap to clone, equal for
    /// the same session.
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::{ConnectionStatus, Json};
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// let sender = session.sender();
    /// assert_eq!(sender, session.sender());
    /// assert_eq!(sender.status(), ConnectionStatus::Connecting);
    /// ```
    pub fn sender(&self) -> Sender<Out, C> {
        Sender::new(Rc::clone(&self.inner) as Rc<dyn Link>)
    }
}

impl<In, Out, C> Session<In, Out, C> {
    /// Closes the connection and removes every listener and timer: what an unmount does.
    /// The status becomes `Closed(Dropped)`; a later [`connect`](Session::connect) starts
    /// again.
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::{ClosedBecause, ConnectionStatus, Json};
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// session.stop();
    /// assert_eq!(session.sender().status(), ConnectionStatus::Closed(ClosedBecause::Dropped));
    /// ```
    pub fn stop(&self) {
        self.inner.stopped.set(true);
        let connection = self.inner.connection.replace(None);
        // The socket closes with 1000 and its listeners go right here.
        drop(connection);
    }

    /// Whether both are the same session.
    ///
    /// ```
    /// use browser_websocket::ui::{FeedOptions, Session};
    /// use browser_websocket::Json;
    ///
    /// let session = Session::<String, String, Json>::new(FeedOptions::default(), |_| {});
    /// assert!(session.same_as(&session.clone()));
    /// ```
    pub fn same_as(&self, other: &Session<In, Out, C>) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }

    fn connected_to(&self, url: &str) -> bool {
        self.inner
            .connection
            .try_borrow()
            .is_ok_and(|connection| connection.as_ref().is_some_and(|now| now.url == url))
    }

    /// Hands `change` to the UI; no borrow is held, as the UI may call back.
    fn emit(&self, change: Change<In>) {
        (self.inner.on_change)(change);
    }
}

/// What a [`Sender`] reads of its session.
impl<In, C> Link for Inner<In, C> {
    fn handle(&self) -> Option<ReconnectHandle> {
        // Never borrowed across user code, so this cannot fail.
        let connection = self.connection.try_borrow().ok()?;
        connection.as_ref()?.handle.clone()
    }

    fn stopped(&self) -> bool {
        self.stopped.get()
    }

    fn report_queued(&self, queued: usize) {
        (self.on_change)(Change::queued(queued));
    }
}

/// Hands each event of `batch` to its callback, in order, then the whole batch to the UI
/// as one change: one render.
fn deliver<In, C>(session: &Weak<Inner<In, C>>, batch: Batch<In>) {
    let Some(inner) = session.upgrade() else {
        return;
    };
    // Cloned out, so no borrow is held while the callbacks run.
    let Ok(options) = inner.options.try_borrow().map(|options| options.clone()) else {
        return;
    };
    let arrived = options.dispatch(batch.events);
    let mut listed = inner.listed.get();
    let drop_oldest = listed.append(arrived.len(), options.kept());
    inner.listed.set(listed);
    (inner.on_change)(Change {
        arrived,
        drop_oldest,
        status: batch.status,
        queued: Some(batch.queued),
        sharing: Some(batch.sharing),
    });
}

impl<In, Out, C> Clone for Session<In, Out, C> {
    fn clone(&self) -> Self {
        Session {
            inner: Rc::clone(&self.inner),
            sends: PhantomData,
        }
    }
}

impl<In, Out, C> fmt::Debug for Session<In, Out, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = self
            .inner
            .connection
            .try_borrow()
            .ok()
            .and_then(|connection| connection.as_ref().map(|now| now.url.clone()));
        f.debug_struct("Session")
            .field("url", &url)
            .field("stopped", &self.inner.stopped.get())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::typed::Json;
    use std::cell::RefCell;

    type Seen = Rc<RefCell<Vec<Change<String>>>>;

    fn session() -> (Session<String, String, Json>, Seen) {
        let changes = Rc::new(RefCell::new(Vec::new()));
        let seen = Rc::clone(&changes);
        let session = Session::new(FeedOptions::default(), move |change| {
            seen.borrow_mut().push(change);
        });
        (session, changes)
    }

    #[test]
    fn outside_a_browser_nothing_connects_and_sends_are_refused() {
        let (session, changes) = session();
        session.connect("/room/lobby");
        let sender = session.sender();
        assert_eq!(sender.status(), ConnectionStatus::Connecting);
        assert!(sender.handle().is_none());
        assert!(matches!(
            sender.send(&"hi".to_owned()),
            Err(Error::NotOpen(_))
        ));
        assert!(matches!(sender.close(), Err(Error::NotOpen(_))));
        assert_eq!(sender.queued(), 0);
        assert!(changes.borrow().is_empty(), "nothing to tell the UI");
    }

    #[test]
    fn stop_reports_dropped_and_clones_are_one_session() {
        let (session, _) = session();
        let clone = session.clone();
        clone.stop();
        assert!(session.same_as(&clone));
        assert_eq!(
            session.sender().status(),
            ConnectionStatus::Closed(ClosedBecause::Dropped)
        );
        let (other, _) = self::session();
        assert!(!session.same_as(&other));
        assert_ne!(session.sender(), other.sender());
    }

    #[test]
    fn options_are_replaced_without_a_connection() {
        let (session, _) = session();
        session.set_options(FeedOptions::default().keep_last(3));
        assert_eq!(session.inner.options.borrow().kept(), 3);
    }
}
