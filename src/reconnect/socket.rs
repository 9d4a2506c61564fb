//! The reconnecting socket: a thin shell that performs what the reconnect machine decides.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures_core::Stream;

use super::machine::{Decision, Happened, ReconnectMachine};
use super::pending_sends::PendingSends;
use crate::browser::global::{is_online, now_ms, GlobalListener, Timer};
use crate::flow::Flow;
use crate::{
    CloseCode, Error, Event, Heartbeat, Message, ReadyState, ReconnectEvent, Sent, WebSocket,
    WebSocketBuilder,
};

/// A WebSocket that reconnects after failures, queues sends while disconnected, and can
/// watch the connection with a heartbeat.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use std::time::Duration;
/// use browser_websocket::{Heartbeat, Message, ReconnectEvent, ReconnectPolicy, Sent, WebSocket};
/// use futures_util::StreamExt;
///
/// let mut ws = WebSocket::builder("wss://example.com/chat")
///     .reconnecting(ReconnectPolicy::default().max_delay(Duration::from_secs(10)))
///     .heartbeat(Heartbeat::new("ping", Duration::from_secs(20), Duration::from_secs(45)))
///     .connect()?;
///
/// // Sent now if open, queued until the next open otherwise: never lost silently.
/// match ws.send("hello")? {
///     Sent::Now | Sent::Queued => {}
///     Sent::QueuedDroppingOldest(dropped) => println!("dropped {dropped:?}"),
/// }
///
/// // Polling the stream is what drives reconnects and heartbeats.
/// while let Some(event) = ws.next().await {
///     match event {
///         ReconnectEvent::Message(Message::Text(text)) if text != "pong" => println!("{text}"),
///         ReconnectEvent::Reconnecting { attempt, delay } => {
///             println!("connection lost; retry {attempt} in {delay:?}")
///         }
///         ReconnectEvent::Closed(close) => println!("closed: {}", close.code),
///         _ => {}
///     }
/// }
/// let unsent = ws.take_unsent(); // what never got out, if the stream gave up
/// # Ok(()) }
/// ```
///
/// # How it retries
/// Exactly one retry per failure: the browser's `error` + `close` pair is one failure.
/// Retries follow the [`ReconnectPolicy`](crate::ReconnectPolicy): which closes retry, the backoff with full
/// jitter, the attempt limit. Your own [`close`](Self::close) never retries; a heartbeat
/// timeout always does.
///
/// # Driven by polling
/// Reconnects, queue flushes and heartbeats happen while the stream is polled; nothing is
/// spawned. Keep a task reading the stream (as an app does anyway).
///
/// # Drop
/// Dropping it closes the current connection with 1000 and cancels every timer and
/// listener it holds; messages still queued are dropped with it (take them first with
/// [`take_unsent`](Self::take_unsent)).
pub struct ReconnectingWebSocket {
    /// What the `&self` methods (sends, close, state) touch.
    shared: Rc<Shared>,
    /// What only polling touches.
    driver: Driver,
}

/// The state sends and closes share with the polling side. Every borrow of it is short
/// and never held while user code runs, so any callback may call back into the socket.
#[derive(Debug, Default)]
struct Shared {
    socket: RefCell<Option<Rc<WebSocket>>>,
    pending: RefCell<PendingSends>,
    /// You called `close`: no reconnect follows.
    close_requested: Cell<bool>,
    /// The machine has ended: sends fail from now on.
    ended: Cell<bool>,
    /// The task polling the stream, woken when you close.
    waker: RefCell<Option<Waker>>,
}

/// The polling side: the machine and the browser resources that carry out its decisions.
struct Driver {
    builder: WebSocketBuilder,
    url_provider: Option<Box<dyn FnMut() -> String>>,
    machine: ReconnectMachine,
    /// Whether the machine has been told of your close.
    told_close: bool,
    /// Rings at the machine's `wake_at`, which it was last set to.
    timer: Timer,
    timer_at: Option<f64>,
    /// The lifecycle listeners, each held only while the machine listens for its event.
    lifecycle: LifecycleListeners,
    /// The Sink's flow control on the current connection.
    flow: Flow,
    /// Events decided on, to yield after the current one (`Reconnecting`, `GaveUp`).
    announcements: VecDeque<ReconnectEvent>,
}

/// The listeners that let the page's lifecycle cut a wait short.
#[derive(Debug, Default)]
struct LifecycleListeners {
    /// `online` on the global scope.
    online: Option<GlobalListener>,
    /// `pageshow` on a window.
    page_restore: Option<GlobalListener>,
    /// `visibilitychange` on the document.
    visibility: Option<GlobalListener>,
}

/// Holds `listener` exactly while `wanted`, attaching it with `attach` when missing.
fn hold(
    listener: &mut Option<GlobalListener>,
    wanted: bool,
    attach: impl FnOnce() -> Option<GlobalListener>,
) {
    if !wanted {
        *listener = None;
    } else if listener.is_none() {
        *listener = attach();
    }
}

impl Shared {
    /// The current connection, if any; the borrow ends before the caller uses it.
    fn socket(&self) -> Option<Rc<WebSocket>> {
        self.socket.borrow().clone()
    }

    fn open_socket(&self) -> Option<Rc<WebSocket>> {
        self.socket()
            .filter(|socket| socket.ready_state() == ReadyState::Open)
    }

    /// Sends every queued message on `socket`, in order.
    fn flush_pending(&self, socket: &WebSocket) -> Result<(), Error> {
        self.pending
            .borrow_mut()
            .drain_with(|message| socket.send_message(message))
    }

    fn wake_driver(&self) {
        let waker = self.waker.borrow_mut().take();
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl ReconnectingWebSocket {
    pub(crate) fn new(
        builder: WebSocketBuilder,
        url_provider: Option<Box<dyn FnMut() -> String>>,
        machine: ReconnectMachine,
        first: WebSocket,
        pending: PendingSends,
    ) -> ReconnectingWebSocket {
        let flow = Flow::new(builder.water_marks_in_use());
        let shared = Shared {
            socket: RefCell::new(Some(Rc::new(first))),
            pending: RefCell::new(pending),
            ..Shared::default()
        };
        ReconnectingWebSocket {
            shared: Rc::new(shared),
            driver: Driver {
                builder,
                url_provider,
                machine,
                told_close: false,
                timer: Timer::default(),
                timer_at: None,
                lifecycle: LifecycleListeners::default(),
                flow,
                announcements: VecDeque::new(),
            },
        }
    }

    /// Sends a message now if the connection is open, or queues it until the next open.
    ///
    /// Queued messages go out in order right after the next open, before any later send.
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::Sent;
    ///
    /// match ws.send("hello")? {
    ///     Sent::Now => {}
    ///     Sent::Queued => println!("will go out after the reconnect"),
    ///     Sent::QueuedDroppingOldest(old) => println!("queue full, dropped {old:?}"),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// - [`Error::QueueFull`]: disconnected, and the queue is full with
    ///   [`WhenFull::RejectNew`](crate::WhenFull::RejectNew); the message is not queued.
    /// - [`Error::NotOpen`]: after your own `close`, or once the stream has ended.
    pub fn send(&self, message: impl Into<Message>) -> Result<Sent, Error> {
        let message = message.into();
        let shared = &self.shared;
        if shared.close_requested.get() || shared.ended.get() {
            return Err(Error::NotOpen(self.ready_state()));
        }
        if let Some(socket) = shared.open_socket() {
            shared.flush_pending(&socket)?;
            socket.send_message(&message)?;
            return Ok(Sent::Now);
        }
        let queued = shared.pending.borrow_mut().push(message);
        queued
    }

    /// Closes with 1000 for good: no reconnect follows. While waiting to retry, the stream
    /// simply ends.
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) -> Result<(), browser_websocket::Error> {
    /// ws.close()?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::AlreadyClosing`] if you closed it before.
    pub fn close(&self) -> Result<(), Error> {
        self.close_with(CloseCode::NORMAL, "")
    }

    /// Closes with a code and reason for good: no reconnect follows.
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::CloseCode;
    /// ws.close_with(CloseCode::new(4000)?, "logged out")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::close_with`] for the code and reason (nothing changes then);
    /// [`Error::AlreadyClosing`] if you closed it before.
    pub fn close_with(&self, code: CloseCode, reason: &str) -> Result<(), Error> {
        crate::close::check_close(code, reason)?;
        let shared = &self.shared;
        if shared.close_requested.replace(true) {
            return Err(Error::AlreadyClosing(ReadyState::Closed));
        }
        shared.wake_driver();
        match shared.socket() {
            Some(socket)
                if matches!(
                    socket.ready_state(),
                    ReadyState::Connecting | ReadyState::Open
                ) =>
            {
                socket.close_with(code, reason)
            }
            _ => Ok(()),
        }
    }

    /// The current connection's state; `CLOSED` while waiting to retry.
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) {
    /// let online = ws.ready_state() == browser_websocket::ReadyState::Open;
    /// # }
    /// ```
    pub fn ready_state(&self) -> ReadyState {
        self.shared
            .socket()
            .map_or(ReadyState::Closed, |socket| socket.ready_state())
    }

    /// How many messages wait in the offline queue.
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) {
    /// println!("{} messages wait for the connection", ws.queued());
    /// # }
    /// ```
    pub fn queued(&self) -> usize {
        self.shared.pending.borrow().len()
    }

    /// Takes every message still queued, e.g. after the stream ended, to save or report
    /// them.
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) {
    /// for message in ws.take_unsent() {
    ///     println!("never sent: {message:?}");
    /// }
    /// # }
    /// ```
    pub fn take_unsent(&self) -> Vec<Message> {
        self.shared.pending.borrow_mut().take_all()
    }

    /// Runs `f` on the current connection, if there is one (not while waiting to retry).
    ///
    /// `f` may call this socket's other methods (`send`, `close`, `queued`, ...): no
    /// borrow is held while it runs.
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) {
    /// if let Some(url) = ws.with_socket(|socket| socket.url()) {
    ///     println!("connected to {url}");
    /// }
    /// # }
    /// ```
    pub fn with_socket<T>(&self, f: impl FnOnce(&WebSocket) -> T) -> Option<T> {
        self.shared.socket().map(|socket| f(&socket))
    }
}

impl Driver {
    /// Tells the machine what happened now and carries out what it decides, until it
    /// waits. Events it decides to announce join `announcements`.
    fn handle(&mut self, shared: &Shared, happened: Happened<'_>, cx: &Context<'_>) {
        let mut decision = self.machine.step(happened, now_ms());
        loop {
            decision = match decision {
                Decision::Wait | Decision::End => break,
                Decision::SendPing => {
                    if let (Some(socket), Some(ping)) = (shared.socket(), self.machine.ping()) {
                        // A failed ping shows up as a close soon enough.
                        let _ = socket.send_message(ping);
                    }
                    self.machine.step(Happened::TimePassed, now_ms())
                }
                Decision::CloseStale => {
                    if let Some(socket) = shared.socket() {
                        let _ =
                            socket.close_with(Heartbeat::TIMEOUT_CODE, Heartbeat::TIMEOUT_REASON);
                    }
                    break;
                }
                Decision::RetryLater { attempt, delay } => {
                    self.announcements
                        .push_back(ReconnectEvent::Reconnecting { attempt, delay });
                    break;
                }
                Decision::GiveUp(why) => {
                    self.announcements.push_back(ReconnectEvent::GaveUp(why));
                    break;
                }
                Decision::Connect => match self.connect_next() {
                    Ok(socket) => {
                        *shared.socket.borrow_mut() = Some(Rc::new(socket));
                        self.flow = Flow::new(self.builder.water_marks_in_use());
                        break;
                    }
                    Err(error) => self.machine.step(Happened::ConnectRefused(error), now_ms()),
                },
            };
        }
        shared.ended.set(self.machine.ending().is_some());
        self.arm(cx);
    }

    /// Starts the next connection, with the URL provider's URL if there is one.
    fn connect_next(&mut self) -> Result<WebSocket, Error> {
        if let Some(provider) = &mut self.url_provider {
            self.builder.set_url(provider());
        }
        self.builder.clone().connect()
    }

    /// Sets the timer to the machine's next wake-up and holds the `online` listener
    /// while the machine listens for it.
    fn arm(&mut self, cx: &Context<'_>) {
        match self.machine.wake_at() {
            Some(at) if self.timer_at != Some(at) || self.timer.rang() => {
                self.timer.set_at(at, now_ms(), cx.waker());
                self.timer_at = Some(at);
            }
            Some(_) => {}
            None => {
                self.timer.clear();
                self.timer_at = None;
            }
        }
        let waker = cx.waker();
        let machine = &self.machine;
        let listeners = &mut self.lifecycle;
        hold(&mut listeners.online, machine.listens_for_online(), || {
            Some(GlobalListener::online(waker))
        });
        hold(
            &mut listeners.page_restore,
            machine.listens_for_page_restore(),
            || GlobalListener::page_restored(waker),
        );
        hold(
            &mut listeners.visibility,
            machine.listens_for_visibility(),
            || GlobalListener::became_visible(waker),
        );
    }

    /// Tells the machine about the lifecycle events that fired since the last poll, and
    /// whether the device is offline when a retry is due.
    fn check_lifecycle(&mut self, shared: &Shared, cx: &Context<'_>) {
        let fired = |listener: &Option<GlobalListener>| {
            listener.as_ref().is_some_and(GlobalListener::take_fired)
        };
        if fired(&self.lifecycle.online) {
            self.handle(shared, Happened::CameOnline, cx);
        }
        if fired(&self.lifecycle.page_restore) {
            self.handle(shared, Happened::PageRestored, cx);
        }
        if fired(&self.lifecycle.visibility) {
            self.handle(shared, Happened::BecameVisible, cx);
        }
        if self.machine.retry_due(now_ms()) && !is_online() {
            self.handle(shared, Happened::WentOffline, cx);
        }
    }

    /// The next event of the current connection, as the stream yields it.
    fn on_event(&mut self, shared: &Shared, event: Event, cx: &Context<'_>) -> ReconnectEvent {
        match event {
            Event::Open => {
                self.handle(shared, Happened::Opened, cx);
                // Before anyone can send: queued messages go first.
                if let Some(socket) = shared.open_socket() {
                    let _ = shared.flush_pending(&socket);
                }
                ReconnectEvent::Open
            }
            Event::Message(message) => {
                self.handle(shared, Happened::Received(&message), cx);
                ReconnectEvent::Message(message)
            }
            Event::Error => ReconnectEvent::Error,
            Event::Closed(close) => {
                let socket = shared.socket.borrow_mut().take();
                if socket.is_some_and(|socket| socket.connection().timed_out()) {
                    self.handle(shared, Happened::ConnectTimedOut, cx);
                }
                self.handle(shared, Happened::Closed(&close), cx);
                ReconnectEvent::Closed(close)
            }
        }
    }
}

/// Yields the events of each connection in turn and the reconnects between them; see
/// [`ReconnectEvent`].
impl Stream for ReconnectingWebSocket {
    type Item = ReconnectEvent;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<ReconnectEvent>> {
        let ReconnectingWebSocket { shared, driver } = self.get_mut();
        *shared.waker.borrow_mut() = Some(cx.waker().clone());
        if let Some(event) = driver.announcements.pop_front() {
            return Poll::Ready(Some(event));
        }
        if shared.close_requested.get() && !driver.told_close {
            driver.told_close = true;
            driver.handle(shared, Happened::ClosedByYou, cx);
        }
        driver.check_lifecycle(shared, cx);
        driver.handle(shared, Happened::TimePassed, cx);
        if let Some(event) = driver.announcements.pop_front() {
            return Poll::Ready(Some(event));
        }
        if driver.machine.ending().is_some() {
            return Poll::Ready(None);
        }
        let Some(socket) = shared.socket() else {
            // Waiting to retry: the timer or `online` wakes us.
            return Poll::Pending;
        };
        match socket.poll_event(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(event)) => Poll::Ready(Some(driver.on_event(shared, event, cx))),
            // A connection's stream only ends after `Closed`, which moved us on.
            Poll::Ready(None) => Poll::Ready(None),
        }
    }
}

impl fmt::Debug for ReconnectingWebSocket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReconnectingWebSocket")
            .field("ready_state", &self.ready_state())
            .field("attempt", &self.driver.machine.attempt())
            .field("failures", &self.driver.machine.failures())
            .field("queued", &self.queued())
            .finish_non_exhaustive()
    }
}

/// Sends through [`ReconnectingWebSocket::send`]: while disconnected, messages go to the
/// offline queue.
///
/// - `poll_ready` waits on the open socket's flow control; while disconnected it is ready
///   at once (the queue decides).
/// - `start_send` fails with [`Error::QueueFull`] when the queue refuses. With
///   [`WhenFull::DropOldest`](crate::WhenFull::DropOldest) the Sink cannot hand back what
///   it dropped: use [`send`](ReconnectingWebSocket::send) for that policy.
/// - `poll_flush` waits until the open socket's buffer is empty (queued messages count as
///   flushed: they wait for the next connection).
/// - `poll_close` closes for good, like [`close`](ReconnectingWebSocket::close), and
///   resolves at once; the stream's last event tells when the connection is gone.
impl futures_sink::Sink<Message> for ReconnectingWebSocket {
    type Error = Error;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        let this = self.get_mut();
        match this.shared.open_socket() {
            Some(socket) => this.driver.flow.poll_ready(socket.connection(), cx),
            None => Poll::Ready(Ok(())),
        }
    }

    fn start_send(self: Pin<&mut Self>, message: Message) -> Result<(), Error> {
        self.send(message).map(drop)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        let this = self.get_mut();
        match this.shared.open_socket() {
            Some(socket) => this.driver.flow.poll_flush(socket.connection(), cx),
            None => Poll::Ready(Ok(())),
        }
    }

    fn poll_close(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(self.close())
    }
}
