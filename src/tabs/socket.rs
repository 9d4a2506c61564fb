//! [`SharedSocket`]: a reconnecting socket shared by the tabs of an origin, and what its
//! [`ReconnectHandle`]s forward to (`TabShare`). The runtime of a [`Relay`]: the lock,
//! the channel, and the leader's connection.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use futures_core::Stream;

use super::codec::{self, Post};
use super::relay::{Do, Relay};
use super::wire::{TabId, Wire};
use crate::binary_type::BinaryType;
use crate::browser::global::{Timer, now_ms, random};
use crate::browser::tabs::{PageLife, TabChannel, TabLock};
use crate::close::CloseCode;
use crate::connection_status::{ClosedBecause, ConnectionStatus, GiveUp};
use crate::error::Error;
use crate::message::Message;
use crate::ready_state::ReadyState;
use crate::reconnect::{
    Outlet, ReconnectEvent, ReconnectEvents, ReconnectHandle, ReconnectingBuilder,
    ReconnectingWebSocket, Sent, StatusBoard,
};
use crate::role::Role;
use crate::socket::WebSocket;

/// How often the leader looks at its socket's buffer while sends wait for confirmation.
const DRAIN_CHECK_MS: u32 = 20;

/// A reconnecting socket shared by every tab of the origin that opens one with the same
/// name: one tab (the leader, holding a Web Lock) holds the connection, the others hear
/// every message and send through it over a `BroadcastChannel`. A `Stream` of the same
/// [`ReconnectEvent`]s as a [`ReconnectingWebSocket`]'s, in every tab, with the same
/// [`ReconnectHandle`]; [`split`](SharedSocket::split) gives the same
/// [`ReconnectEvents`] too, so whatever takes those (a UI's feed, a typed handle) works
/// on it unchanged. (Not an `Rpc`, which takes a socket of the tab's own: every tab would
/// hear every reply, and two tabs' call ids would collide.)
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
/// # Its handle
/// [`handle`](SharedSocket::handle) is a [`ReconnectHandle`], each method as for a socket
/// of this tab's own, for the connection every tab shares, except:
/// - [`send`](ReconnectHandle::send) goes out on the connection if this tab leads, else
///   through the leader, and is kept here until the leader confirms it; `Sent::Now`
///   while the shared connection is open, `Sent::Queued` while not;
/// - [`close`](ReconnectHandle::close) lets go of this tab's share (the stream ends); the
///   connection closes, with [`close_with`](ReconnectHandle::close_with)'s code and
///   reason, only when the last tab lets go;
/// - [`queued`](ReconnectHandle::queued) counts this tab's sends that no leader
///   confirmed yet, and [`take_unsent`](ReconnectHandle::take_unsent) takes them (no
///   later leader gets them; some may have gone out already);
/// - [`with_socket`](ReconnectHandle::with_socket) runs only in the leader;
/// - [`role`](ReconnectHandle::role) and [`tabs`](ReconnectHandle::tabs) say which tab
///   holds the connection and how many share it.
///
/// # Guarantees
/// - Every tab receives every message the connection receives, once, in the order the
///   server sent them (each carries the leader's term and its place in it).
/// - A send from any tab goes out through the leader, which confirms it once the socket's
///   buffer has drained past it; the sender keeps it until then. At a handover the next
///   leader gets every unconfirmed send, in order: a send is lost never, and arrives twice
///   only if the old leader died with it sent but unconfirmed (at-least-once across a
///   crash, exactly-once otherwise).
/// - Dropping it, or its handle's [`close`](ReconnectHandle::close), lets go of this tab's
///   share only:
///   if it led, the lock goes to the next tab, which connects; the connection closes when
///   the last tab lets go.
/// - Every tab should use the same binary type: messages arrive as the leader's socket
///   reads them.
/// - Where Web Locks or BroadcastChannel are missing, it is an ordinary reconnecting
///   socket of its own, always the [`Role::Leader`] of one tab.
pub struct SharedSocket {
    inner: Rc<Inner>,
}

/// What a [`SharedSocket`]'s [`ReconnectHandle`]s forward to. It does not keep the
/// socket alive.
struct TabShare {
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
    /// Says bye when the page goes away and hello when it is shown again, so that the
    /// leader counts only the tabs that are there. `None` in a worker.
    page_life: RefCell<Option<PageLife>>,
    /// The connection, while this tab leads.
    socket: RefCell<Option<ReconnectingWebSocket>>,
    /// Its current connection, from its open until the close is read: what its
    /// `bufferedAmount` still holds then never left the browser.
    connection: RefCell<Option<Rc<WebSocket>>>,
    events: RefCell<VecDeque<ReconnectEvent>>,
    /// The shared connection's status, as the leader last told it (in the leader: as its
    /// socket last announced it); handles read a leader's socket directly.
    status: StatusBoard<ConnectionStatus>,
    /// Set by a handle; `None`: the builder's.
    binary_type: Cell<Option<BinaryType>>,
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
            page_life: RefCell::new(None),
            socket: RefCell::new(None),
            connection: RefCell::new(None),
            events: RefCell::new(VecDeque::new()),
            status: StatusBoard::new(ConnectionStatus::Connecting),
            binary_type: Cell::new(None),
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
            inner.say_hello();
            let (hiding, showing) = (Rc::downgrade(&inner), Rc::downgrade(&inner));
            let page_life = PageLife::watch(
                move || hiding.upgrade().iter().for_each(|inner| inner.say_bye()),
                move || showing.upgrade().iter().for_each(|inner| inner.say_hello()),
            );
            inner.page_life.replace(page_life);
        }
        SharedSocket { inner }
    }

    /// A cheap `Clone` handle for sends, closes, the status and the role: the same
    /// [`ReconnectHandle`] as a socket of this tab's own gives, forwarding to the shared
    /// connection (see [what it does here](SharedSocket#its-handle)).
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::SharedSocket) -> Result<(), browser_websocket::Error> {
    /// let handle = ws.handle();
    /// handle.send("hello")?;
    /// println!("{:?} of {} tabs", handle.role(), handle.tabs());
    /// # Ok(()) }
    /// ```
    pub fn handle(&self) -> ReconnectHandle {
        ReconnectHandle::new(self.share())
    }

    /// Splits into a [`ReconnectHandle`] and the [`ReconnectEvents`] stream, the same
    /// types a [`ReconnectingWebSocket`] splits into; the stream owns this tab's share.
    ///
    /// ```no_run
    /// # fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let (handle, events) = WebSocket::builder("wss://example.com/feed")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .shared_across_tabs("feed")
    ///     .connect()?
    ///     .split();
    /// # Ok(()) }
    /// ```
    pub fn split(self) -> (ReconnectHandle, ReconnectEvents) {
        let share = self.share();
        let handle = ReconnectHandle::new(Rc::clone(&share));
        (handle, ReconnectEvents::relayed(self, share))
    }

    fn share(&self) -> Rc<dyn Outlet> {
        Rc::new(TabShare {
            inner: Rc::downgrade(&self.inner),
        })
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
        self.telling_sharing_changes(|| {
            let todo = self.relay.borrow_mut().became_leader(now_ms() as u64);
            self.perform(todo);
        });
    }

    /// Runs `f`; if it changed this tab's role or the tab count, the status streams hear
    /// of it (the same status again), so that a UI showing them renders.
    fn telling_sharing_changes(&self, f: impl FnOnce()) {
        let sharing = || {
            let relay = self.relay.borrow();
            (relay.role(), relay.tabs())
        };
        let before = sharing();
        f();
        if sharing() != before {
            self.status.touch();
        }
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
                    match event {
                        ReconnectEvent::Open => self.remember_connection(),
                        ReconnectEvent::Closed(_) => self.connection_dropped(),
                        _ => {}
                    }
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
                    self.status.set(status.clone());
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

    /// Keeps the connection that just opened, to read its buffer when it closes.
    fn remember_connection(&self) {
        let connection = self
            .socket
            .borrow()
            .as_ref()
            .and_then(ReconnectingWebSocket::current_socket);
        self.connection.replace(connection);
    }

    /// The connection closed: the sends still in its buffer never left the browser, so
    /// they go again on the next connection, in order with those queued meanwhile (which
    /// the relay holds too, so the socket's queue is emptied first).
    fn connection_dropped(&self) {
        let Some(dead) = self.connection.take() else {
            // It never opened: every send put on it waits in the queue still.
            return;
        };
        if !self.relay.borrow().sends_in_buffer() {
            return;
        }
        let unsent = u64::from(dead.buffered_amount());
        let queued = self
            .socket
            .borrow()
            .as_ref()
            .map(ReconnectingWebSocket::take_unsent)
            .unwrap_or_default();
        let queued_bytes: u64 = queued.iter().map(message_size).sum();
        let handed = self
            .relay
            .borrow()
            .bytes_sent()
            .saturating_sub(queued_bytes);
        let todo = self
            .relay
            .borrow_mut()
            .connection_dropped(handed.saturating_sub(unsent));
        self.perform(todo);
    }

    /// Tells every tab the leader's status.
    fn share_status(&self) {
        let todo = self.relay.borrow_mut().status(self.socket_status());
        self.perform(todo);
    }

    /// The leader's socket's status now, or, without one, the status last shown.
    fn socket_status(&self) -> ConnectionStatus {
        match self.socket.borrow().as_ref() {
            Some(socket) => socket.status(),
            None => self.status.get(),
        }
    }

    /// Confirms the sends the socket's buffer has drained past; looks again soon while
    /// some wait.
    ///
    /// While the connection is open and nothing waits in its offline queue, every byte
    /// put on it in this term is either still in `bufferedAmount` or has left the
    /// browser, so the bytes sent less the buffer is how far it drained. (A heartbeat's
    /// ping in the buffer only makes that lower: a confirmation comes later, never
    /// early.)
    fn check_drained(&self, cx: &mut Context<'_>) {
        if self.relay.borrow().role() != Role::Leader || !self.relay.borrow().sends_in_buffer() {
            return;
        }
        let buffered = self.socket.borrow().as_ref().and_then(|socket| {
            let settled = socket.status() == ConnectionStatus::Open && socket.queued() == 0;
            settled.then(|| socket.with_socket(|ws| ws.buffered_amount()))?
        });
        if let Some(buffered) = buffered {
            let drained = self
                .relay
                .borrow()
                .bytes_sent()
                .saturating_sub(u64::from(buffered));
            let todo = self.relay.borrow_mut().drained(drained);
            self.perform(todo);
        }
        if self.relay.borrow().sends_in_buffer() {
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
        self.telling_sharing_changes(|| {
            let todo = self.relay.borrow_mut().heard(wire);
            self.perform(todo);
        });
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
                if let Some(binary_type) = self.binary_type.get() {
                    socket.set_binary_type(binary_type);
                }
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
        self.status.set(status.clone());
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

    /// Tells the leader (or the next one) that this tab is here.
    fn say_hello(&self) {
        if !self.closed.get() {
            let hello = self.relay.borrow().hello();
            self.perform(vec![hello]);
        }
    }

    /// Tells the leader that this tab is gone; it keeps its share (a page back from the
    /// back/forward cache says hello again).
    fn say_bye(&self) {
        if let Some(channel) = self.channel.borrow().as_ref() {
            channel.post(&codec::encode(&Wire::Bye { tab: self.me }));
        }
    }

    /// Lets go of this tab's share: a bye to the others, the lock to the next tab, the
    /// connection closed (1000) if this tab held it; the handle shows `status` from now.
    fn let_go(&self, status: ConnectionStatus) {
        if self.closed.replace(true) {
            return;
        }
        self.say_bye();
        self.page_life.replace(None);
        self.connection.replace(None);
        self.socket.replace(None);
        self.lock.replace(None);
        self.channel.replace(None);
        self.drain_check.borrow_mut().clear();
        // A connection closed for good keeps saying why, after its stream ended too.
        if !self.status.get().is_closed() {
            self.status.set(status);
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

/// What a [`SharedSocket`]'s handle does: each method as
/// [`ReconnectHandle`]'s, for the connection every tab shares.
impl Outlet for TabShare {
    /// On the connection if this tab leads (now, or queued until it opens), else through
    /// the leader, kept here until the leader confirms it.
    fn send(&self, message: Message) -> Result<Sent, Error> {
        let inner = self.live().ok_or(Error::NotOpen(ReadyState::Closed))?;
        let todo = inner.relay.borrow_mut().send(message);
        inner.perform(todo);
        // On its way now while the shared connection is open, in whichever tab holds it.
        Ok(if self.status().is_open() {
            Sent::Now
        } else {
            Sent::Queued
        })
    }

    /// Lets go of this tab's share. The last tab, if it leads, closes the connection with
    /// `code` and `reason`; otherwise the next tab takes over.
    fn close_with(&self, code: CloseCode, reason: &str) -> Result<(), Error> {
        crate::close_check::check_close(code, reason)?;
        let inner = self
            .live()
            .ok_or(Error::AlreadyClosing(ReadyState::Closed))?;
        let last = inner.relay.borrow().role() == Role::Leader && inner.relay.borrow().tabs() == 1;
        if last {
            if let Some(socket) = inner.socket.borrow().as_ref() {
                // Already closing or closed: dropping it below closes it anyway.
                let _ = socket.close_with(code, reason);
            }
        }
        inner.let_go(ConnectionStatus::Closed(ClosedBecause::ByYou));
        Ok(())
    }

    /// As the leader's socket says, in the leader; as the leader last told, elsewhere.
    fn status(&self) -> ConnectionStatus {
        match self.inner.upgrade() {
            Some(inner) if inner.relay.borrow().role() == Role::Leader && !inner.closed.get() => {
                inner.socket_status()
            }
            Some(inner) => inner.status.get(),
            None => ConnectionStatus::Closed(ClosedBecause::Dropped),
        }
    }

    fn status_version(&self) -> u64 {
        // Once the socket is gone its `Closed(Dropped)` is one change more.
        self.inner
            .upgrade()
            .map_or(u64::MAX, |inner| inner.status.version())
    }

    fn wait_for_status(&self, waker: &std::task::Waker) {
        if let Some(inner) = self.inner.upgrade() {
            inner.status.wait(waker);
        }
    }

    /// The leader's socket's, in the leader; what the shared status implies, elsewhere.
    fn ready_state(&self) -> ReadyState {
        if let Some(socket) = self.socket() {
            return socket.ready_state();
        }
        match self.status() {
            ConnectionStatus::Connecting => ReadyState::Connecting,
            ConnectionStatus::Open => ReadyState::Open,
            ConnectionStatus::Closing => ReadyState::Closing,
            _ => ReadyState::Closed,
        }
    }

    /// This tab's sends that no leader has confirmed yet.
    fn queued(&self) -> usize {
        self.inner
            .upgrade()
            .map_or(0, |inner| inner.relay.borrow().unconfirmed())
    }

    /// This tab's unconfirmed sends: no later leader gets them. Some may have gone out
    /// already (the leader had them and had not confirmed yet), so, as with a socket of
    /// this tab's own, it is for after the connection closed for good.
    fn take_unsent(&self) -> Vec<Message> {
        self.inner.upgrade().map_or_else(Vec::new, |inner| {
            inner.relay.borrow_mut().take_unconfirmed()
        })
    }

    fn binary_type(&self) -> BinaryType {
        match self.inner.upgrade() {
            Some(inner) => match inner.socket.borrow().as_ref() {
                Some(socket) => socket.binary_type(),
                None => inner.binary_type.get().unwrap_or_else(|| {
                    inner
                        .builder
                        .borrow()
                        .as_ref()
                        .map_or_else(BinaryType::default, ReconnectingBuilder::binary_type_in_use)
                }),
            },
            None => BinaryType::default(),
        }
    }

    /// This tab's socket's, now or when it leads.
    fn set_binary_type(&self, binary_type: BinaryType) {
        if let Some(inner) = self.inner.upgrade() {
            inner.binary_type.set(Some(binary_type));
            if let Some(socket) = inner.socket.borrow().as_ref() {
                socket.set_binary_type(binary_type);
            }
        }
    }

    /// The leader's connection, in the leader only.
    fn socket(&self) -> Option<Rc<WebSocket>> {
        let inner = self.live()?;
        let socket = inner.socket.borrow();
        socket.as_ref()?.current_socket()
    }

    fn role(&self) -> Role {
        self.inner
            .upgrade()
            .map_or(Role::Follower, |inner| inner.relay.borrow().role())
    }

    /// As the leader last said.
    fn tabs(&self) -> usize {
        self.inner
            .upgrade()
            .map_or(0, |inner| inner.relay.borrow().tabs())
    }
}

impl TabShare {
    /// The socket, unless it was dropped or this tab let go.
    fn live(&self) -> Option<Rc<Inner>> {
        self.inner.upgrade().filter(|inner| !inner.closed.get())
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
        let share = TabShare {
            inner: Rc::downgrade(&self.inner),
        };
        f.debug_tuple("SharedSocket").field(&share).finish()
    }
}

/// The role, the tab count and the status.
impl fmt::Debug for TabShare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TabShare")
            .field("role", &self.role())
            .field("tabs", &self.tabs())
            .field("status", &self.status())
            .finish()
    }
}
