//! [`SharedSocket`]: a reconnecting socket shared by the tabs of an origin, and its
//! [`SharedHandle`]. The runtime of a [`Relay`]: the lock, the channel, and the leader's
//! connection.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use futures_core::Stream;

use super::codec::{self, Post};
use super::relay::{Do, Relay, Role};
use super::wire::{TabId, Wire};
use crate::browser::global::{Timer, now_ms, random};
use crate::browser::tabs::{TabChannel, TabLock};
use crate::connection_status::{ClosedBecause, ConnectionStatus, GiveUp};
use crate::error::Error;
use crate::message::Message;
use crate::ready_state::ReadyState;
use crate::reconnect::{ReconnectEvent, ReconnectingBuilder, ReconnectingWebSocket, Sent};

/// How often the leader looks at its socket's buffer while sends wait for confirmation.
const DRAIN_CHECK_MS: u32 = 20;

/// A reconnecting socket shared by every tab of the origin that opens one with the same
/// name: one tab (the leader, holding a Web Lock) holds the connection, the others hear
/// every message and send through it over a `BroadcastChannel`. A `Stream` of the same
/// [`ReconnectEvent`]s as a [`ReconnectingWebSocket`]'s, in every tab.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{ReconnectEvent, ReconnectPolicy, WebSocket};
/// use futures_util::StreamExt;
///
/// let mut ws = WebSocket::builder("wss://example.com/feed")
///     .reconnecting(ReconnectPolicy::default())
///     .shared_across_tabs("feed")
///     .connect()?;
/// let handle = ws.handle();
/// handle.send("hello")?; // from any tab: it goes out once, through the leader
/// while let Some(event) = ws.next().await {
///     if let ReconnectEvent::Message(message) = event {
///         println!("{message:?} ({:?}, {} tabs)", handle.role(), handle.tabs());
///     }
/// }
/// # Ok(()) }
/// ```
///
/// # Guarantees
/// - Every tab receives every message the connection receives, once, in the order the
///   server sent them (each carries the leader's term and its place in it).
/// - A send from any tab goes out through the leader, which confirms it once the socket's
///   buffer has drained past it; the sender keeps it until then. At a handover the next
///   leader gets every unconfirmed send, in order: a send is lost never, and arrives twice
///   only if the old leader died with it sent but unconfirmed (at-least-once across a
///   crash, exactly-once otherwise).
/// - Dropping it, or [`close`](SharedHandle::close), lets go of this tab's share only:
///   if it led, the lock goes to the next tab, which connects; the connection closes when
///   the last tab lets go.
/// - Where Web Locks or BroadcastChannel are missing, it is an ordinary reconnecting
///   socket of its own, always the [`Role::Leader`] of one tab.
pub struct SharedSocket {
    inner: Rc<Inner>,
}

/// Sends, closes and reads the role, the tab count and the status of a [`SharedSocket`],
/// from anywhere; cheap to clone. It does not keep the socket alive.
#[derive(Clone)]
pub struct SharedHandle {
    inner: Weak<Inner>,
}

struct Inner {
    me: TabId,
    relay: RefCell<Relay<Message, ConnectionStatus>>,
    /// Read once, when this tab becomes the leader.
    builder: RefCell<Option<ReconnectingBuilder>>,
    /// `None` where Web Locks are missing: this tab leads alone.
    lock: RefCell<Option<TabLock>>,
    /// `None` where BroadcastChannel is missing.
    channel: RefCell<Option<TabChannel>>,
    /// The connection, while this tab leads.
    socket: RefCell<Option<ReconnectingWebSocket>>,
    events: RefCell<VecDeque<ReconnectEvent>>,
    status: RefCell<ConnectionStatus>,
    drain_check: RefCell<Timer>,
    /// The handle closed this tab's share.
    closed: Cell<bool>,
    /// The shared connection is closed for good: the stream ends once its events are
    /// read.
    finished: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl SharedSocket {
    pub(crate) fn start(builder: ReconnectingBuilder, name: &str) -> SharedSocket {
        // 53 bits: a JS number carries it exactly.
        let me = TabId((random() * 9_007_199_254_740_992.0) as u64);
        let inner = Rc::new(Inner {
            me,
            relay: RefCell::new(Relay::new(me, message_size)),
            builder: RefCell::new(Some(builder)),
            lock: RefCell::new(None),
            channel: RefCell::new(None),
            socket: RefCell::new(None),
            events: RefCell::new(VecDeque::new()),
            status: RefCell::new(ConnectionStatus::Connecting),
            drain_check: RefCell::new(Timer::default()),
            closed: Cell::new(false),
            finished: Cell::new(false),
            waker: RefCell::new(None),
        });
        let weak = Rc::downgrade(&inner);
        // The channel's and the lock's name: the app's, kept apart from the page's own.
        let name = format!("browser-websocket:{name}");
        let channel = TabChannel::open(&name, move |parts| {
            if let (Some(inner), Some(wire)) = (weak.upgrade(), codec::decode(parts)) {
                inner.heard(wire);
            }
        });
        let lock = channel.as_ref().and_then(|_| TabLock::request(&name));
        let alone = channel.is_none() || lock.is_none();
        inner.channel.replace(channel);
        inner.lock.replace(lock);
        if alone {
            // Without both, no tab can share: this one leads by itself.
            inner.lead();
        } else {
            let hello = inner.relay.borrow().hello();
            inner.perform(vec![hello]);
        }
        SharedSocket { inner }
    }

    /// A handle for sends, closes, the role and the status.
    pub fn handle(&self) -> SharedHandle {
        SharedHandle {
            inner: Rc::downgrade(&self.inner),
        }
    }
}

impl Stream for SharedSocket {
    type Item = ReconnectEvent;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<ReconnectEvent>> {
        let inner = &self.inner;
        inner.waker.replace(Some(cx.waker().clone()));
        if inner.closed.get() || inner.finished.get() {
            return Poll::Ready(inner.events.borrow_mut().pop_front());
        }
        let granted = inner
            .lock
            .borrow()
            .as_ref()
            .is_some_and(|lock| lock.poll_held(cx).is_ready());
        if granted && inner.relay.borrow().role() == Role::Follower {
            inner.lead();
        }
        inner.poll_socket(cx);
        inner.check_drained(cx);
        match inner.events.borrow_mut().pop_front() {
            Some(event) => Poll::Ready(Some(event)),
            None => Poll::Pending,
        }
    }
}

impl Inner {
    /// This tab got the lock (or leads alone): a new term, and the connection.
    fn lead(&self) {
        let todo = self.relay.borrow_mut().became_leader(now_ms() as u64);
        self.perform(todo);
    }

    /// Reads the leader's socket: messages go to every tab, other events change the
    /// status every tab shows and pass through here as they are.
    fn poll_socket(&self, cx: &mut Context<'_>) {
        loop {
            let polled = match self.socket.borrow_mut().as_mut() {
                Some(socket) => Pin::new(socket).poll_next(cx),
                None => return,
            };
            match polled {
                Poll::Ready(Some(ReconnectEvent::Message(message))) => {
                    let todo = self.relay.borrow_mut().received(message);
                    self.perform(todo);
                }
                Poll::Ready(Some(event)) => {
                    self.events.borrow_mut().push_back(event);
                    self.share_status();
                }
                Poll::Ready(None) => {
                    // Closed for good (a final close, or the policy gave up): every tab
                    // hears it and its stream ends. This tab keeps the lock, so that no
                    // other tab connects again for this name, and answers a tab that
                    // joins later with the same status.
                    let status = self
                        .socket
                        .borrow()
                        .as_ref()
                        .map(ReconnectingWebSocket::status);
                    let status = status.unwrap_or(ConnectionStatus::Closed(ClosedBecause::Dropped));
                    self.status.replace(status.clone());
                    self.socket.replace(None);
                    self.finished.set(true);
                    let todo = self.relay.borrow_mut().status(status);
                    self.perform(todo);
                    return;
                }
                Poll::Pending => return,
            }
        }
    }

    /// Tells every tab the leader's status.
    fn share_status(&self) {
        let status = match self.socket.borrow().as_ref() {
            Some(socket) => socket.status(),
            None => self.status.borrow().clone(),
        };
        let todo = self.relay.borrow_mut().status(status);
        self.perform(todo);
    }

    /// Confirms the sends the socket's buffer has drained past; looks again soon while
    /// some wait.
    fn check_drained(&self, cx: &mut Context<'_>) {
        if self.relay.borrow().role() != Role::Leader || !self.relay.borrow().sends_in_buffer() {
            return;
        }
        let drained = self.socket.borrow().as_ref().is_some_and(|socket| {
            socket.status() == ConnectionStatus::Open
                && socket.queued() == 0
                && socket.with_socket(|ws| ws.buffered_amount()) == Some(0)
        });
        if drained {
            let todo = self.relay.borrow_mut().drained(u64::MAX);
            self.perform(todo);
        } else {
            self.drain_check
                .borrow_mut()
                .set(DRAIN_CHECK_MS, cx.waker());
        }
    }

    /// Another tab posted `wire`.
    fn heard(&self, wire: Post) {
        if self.closed.get() {
            return;
        }
        let hello = matches!(wire, Wire::Hello { .. });
        let todo = self.relay.borrow_mut().heard(wire);
        self.perform(todo);
        if hello && self.relay.borrow().role() == Role::Leader {
            // A new tab learns the status now, not at the next change.
            self.share_status();
        }
    }

    /// Carries out what the relay decided, in order.
    fn perform(&self, todo: Vec<Do<Message, ConnectionStatus>>) {
        for step in todo {
            match step {
                Do::Post(wire) => {
                    if let Some(channel) = self.channel.borrow().as_ref() {
                        channel.post(&codec::encode(&wire));
                    }
                }
                Do::SendOnSocket { message, .. } => {
                    if let Some(socket) = self.socket.borrow().as_ref() {
                        // Queued while disconnected, by the socket itself.
                        let _ = socket.send(message);
                    }
                }
                Do::Deliver(message) => self.push(ReconnectEvent::Message(message)),
                Do::ShowStatus(status) => self.show(status),
                Do::Connect => self.connect(),
            }
        }
    }

    fn connect(&self) {
        let Some(builder) = self.builder.borrow_mut().take() else {
            return;
        };
        match builder.connect() {
            Ok(socket) => {
                // Sends made before the lock came are on the relay's list: `became_leader`
                // puts them on this socket next, which queues them until it opens.
                self.socket.replace(Some(socket));
            }
            Err(error) => {
                let status = ConnectionStatus::Closed(ClosedBecause::GaveUp(GiveUp::BadUrl(error)));
                let todo = self.relay.borrow_mut().status(status);
                self.perform(todo);
            }
        }
        self.wake();
    }

    /// Shows the shared status; a follower also yields the event it stands for (the
    /// leader's own socket yielded it already), and its stream ends when the connection
    /// is closed for good.
    fn show(&self, status: ConnectionStatus) {
        self.status.replace(status.clone());
        if self.relay.borrow().role() != Role::Follower {
            return;
        }
        let event = match &status {
            ConnectionStatus::Open => Some(ReconnectEvent::Open),
            ConnectionStatus::Waiting { attempt, retry_in } => Some(ReconnectEvent::Reconnecting {
                attempt: *attempt,
                delay: *retry_in,
            }),
            ConnectionStatus::Closed(ClosedBecause::Final(close)) => {
                Some(ReconnectEvent::Closed(close.clone()))
            }
            ConnectionStatus::Closed(ClosedBecause::GaveUp(why)) => {
                Some(ReconnectEvent::GaveUp(why.clone()))
            }
            _ => None,
        };
        if let Some(event) = event {
            self.push(event);
        }
        if matches!(status, ConnectionStatus::Closed(_)) {
            self.let_go(status);
        }
    }

    fn push(&self, event: ReconnectEvent) {
        self.events.borrow_mut().push_back(event);
        self.wake();
    }

    fn wake(&self) {
        if let Some(waker) = self.waker.borrow_mut().take() {
            waker.wake();
        }
    }

    /// Lets go of this tab's share: a bye to the others, the lock to the next tab, the
    /// connection closed (1000) if this tab held it; the handle shows `status` from now.
    fn let_go(&self, status: ConnectionStatus) {
        if self.closed.replace(true) {
            return;
        }
        let bye = Wire::Bye { tab: self.me };
        if let Some(channel) = self.channel.borrow().as_ref() {
            channel.post(&codec::encode(&bye));
        }
        self.socket.replace(None);
        self.lock.replace(None);
        self.channel.replace(None);
        self.drain_check.borrow_mut().clear();
        // A connection closed for good keeps saying why, after its stream ended too.
        if !matches!(*self.status.borrow(), ConnectionStatus::Closed(_)) {
            self.status.replace(status);
        }
        self.wake();
    }
}

impl Drop for SharedSocket {
    fn drop(&mut self) {
        self.inner
            .let_go(ConnectionStatus::Closed(ClosedBecause::Dropped));
    }
}

impl SharedHandle {
    /// Sends `message`: on the connection if this tab leads (now, or queued until it
    /// opens), else through the leader, kept here until the leader confirms it.
    /// [`Sent::Now`] while the shared connection is open, [`Sent::Queued`] while not.
    ///
    /// ```no_run
    /// # fn run(handle: browser_websocket::SharedHandle) -> Result<(), browser_websocket::Error> {
    /// handle.send("hello")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`] after this tab's [`close`](SharedHandle::close), or once the
    /// socket was dropped.
    pub fn send(&self, message: impl Into<Message>) -> Result<Sent, Error> {
        let inner = self.live()?;
        let todo = inner.relay.borrow_mut().send(message.into());
        inner.perform(todo);
        // On its way now while the shared connection is open, in whichever tab holds it.
        Ok(if self.status().is_open() {
            Sent::Now
        } else {
            Sent::Queued
        })
    }

    /// Lets go of this tab's share: the stream ends, and if this tab led, the next tab
    /// takes the lock and connects. The connection closes when the last tab lets go.
    ///
    /// ```no_run
    /// # fn run(handle: browser_websocket::SharedHandle) -> Result<(), browser_websocket::Error> {
    /// handle.close()?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::AlreadyClosing`] if this tab let go already.
    pub fn close(&self) -> Result<(), Error> {
        let inner = self
            .inner
            .upgrade()
            .filter(|inner| !inner.closed.get())
            .ok_or(Error::AlreadyClosing(ReadyState::Closed))?;
        inner.let_go(ConnectionStatus::Closed(ClosedBecause::ByYou));
        Ok(())
    }

    /// Whether this tab holds the connection.
    ///
    /// ```no_run
    /// # fn run(handle: browser_websocket::SharedHandle) {
    /// use browser_websocket::Role;
    /// if handle.role() == Role::Leader {
    ///     println!("this tab holds the connection");
    /// }
    /// # }
    /// ```
    pub fn role(&self) -> Role {
        self.inner
            .upgrade()
            .map_or(Role::Follower, |inner| inner.relay.borrow().role())
    }

    /// How many tabs share the connection, this one included, as the leader last said.
    ///
    /// ```no_run
    /// # fn run(handle: browser_websocket::SharedHandle) {
    /// println!("{} tabs share it", handle.tabs());
    /// # }
    /// ```
    pub fn tabs(&self) -> usize {
        self.inner
            .upgrade()
            .map_or(0, |inner| inner.relay.borrow().tabs())
    }

    /// The shared connection's status, as its leader sees it.
    ///
    /// ```no_run
    /// # fn run(handle: browser_websocket::SharedHandle) {
    /// println!("{}", handle.status());
    /// # }
    /// ```
    pub fn status(&self) -> ConnectionStatus {
        match self.inner.upgrade() {
            Some(inner) if inner.relay.borrow().role() == Role::Leader && !inner.closed.get() => {
                let socket = inner.socket.borrow();
                match socket.as_ref() {
                    Some(socket) => socket.status(),
                    None => inner.status.borrow().clone(),
                }
            }
            Some(inner) => inner.status.borrow().clone(),
            None => ConnectionStatus::Closed(ClosedBecause::Dropped),
        }
    }

    /// How many of this tab's sends wait: for the leader's confirmation, or (in the leader)
    /// to leave the browser.
    ///
    /// ```no_run
    /// # fn run(handle: browser_websocket::SharedHandle) {
    /// println!("{} unconfirmed", handle.unconfirmed());
    /// # }
    /// ```
    pub fn unconfirmed(&self) -> usize {
        self.inner
            .upgrade()
            .map_or(0, |inner| inner.relay.borrow().unconfirmed())
    }

    fn live(&self) -> Result<Rc<Inner>, Error> {
        self.inner
            .upgrade()
            .filter(|inner| !inner.closed.get())
            .ok_or(Error::NotOpen(ReadyState::Closed))
    }
}

/// A message's size on the socket, for the relay's buffer accounting.
fn message_size(message: &Message) -> u64 {
    match message {
        Message::Text(text) => text.len() as u64,
        Message::Binary(bytes) => bytes.len() as u64,
        Message::Blob(blob) => blob.size() as u64,
    }
}

impl fmt::Debug for SharedSocket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.handle(), f)
    }
}

/// The role, the tab count and the status.
impl fmt::Debug for SharedHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedHandle")
            .field("role", &self.role())
            .field("tabs", &self.tabs())
            .field("status", &self.status())
            .finish()
    }
}
