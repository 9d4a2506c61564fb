//! A socket that reconnects: backoff with jitter, an offline queue, heartbeats.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_core::Stream;
use gloo_events::EventListener;

use crate::alarm::Alarm;
use crate::diagnostics::ListenerCount;
use crate::heartbeat::{Beat, HeartbeatClock};
use crate::offline_queue::Queued;
use crate::{
    CloseCode, Error, Event, GiveUp, Heartbeat, Message, OfflineQueue, ReadyState, ReconnectEvent,
    ReconnectPolicy, Sent, WebSocket, WebSocketBuilder,
};

/// Options for a [`ReconnectingWebSocket`]; made by
/// [`WebSocketBuilder::reconnecting`].
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::{Heartbeat, OfflineQueue, ReconnectPolicy, WebSocket, WhenFull};
///
/// let ws = WebSocket::builder("wss://example.com/chat")
///     .protocols(["chat"])
///     .reconnecting(ReconnectPolicy::default().max_attempts(Some(10)))
///     .url_provider(|| format!("wss://example.com/chat?token={}", "fresh-token"))
///     .offline_queue(OfflineQueue::new(500, WhenFull::DropOldest))
///     .heartbeat(Heartbeat::new("ping", Duration::from_secs(15), Duration::from_secs(40)))
///     .retry_on_online(true)
///     .connect()?;
/// # Ok::<(), browser_websocket::Error>(())
/// ```
#[must_use = "a builder does nothing until `connect` is called"]
pub struct ReconnectingBuilder {
    builder: WebSocketBuilder,
    policy: ReconnectPolicy,
    url_provider: Option<Box<dyn FnMut() -> String>>,
    queue: OfflineQueue,
    heartbeat: Option<Heartbeat>,
    retry_on_online: bool,
}

impl ReconnectingBuilder {
    pub(crate) fn new(builder: WebSocketBuilder, policy: ReconnectPolicy) -> ReconnectingBuilder {
        ReconnectingBuilder {
            builder,
            policy,
            url_provider: None,
            queue: OfflineQueue::default(),
            heartbeat: None,
            retry_on_online: false,
        }
    }

    /// Called before every retry for the URL to use, e.g. to put a fresh token in the
    /// query string. The first connection uses the builder's URL.
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat?token=first")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .url_provider(|| "wss://example.com/chat?token=next".to_owned())
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn url_provider(
        mut self,
        provider: impl FnMut() -> String + 'static,
    ) -> ReconnectingBuilder {
        self.url_provider = Some(Box::new(provider));
        self
    }

    /// Where sends wait while disconnected; [`OfflineQueue::default`] unless set.
    ///
    /// ```no_run
    /// use browser_websocket::{OfflineQueue, ReconnectPolicy, WebSocket, WhenFull};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .offline_queue(OfflineQueue::new(50, WhenFull::DropOldest))
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn offline_queue(mut self, queue: OfflineQueue) -> ReconnectingBuilder {
        self.queue = queue;
        self
    }

    /// Pings while open and reconnects when replies stop; off unless set.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use browser_websocket::{Heartbeat, ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .heartbeat(Heartbeat::new("ping", Duration::from_secs(20), Duration::from_secs(45)))
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn heartbeat(mut self, heartbeat: Heartbeat) -> ReconnectingBuilder {
        self.heartbeat = Some(heartbeat);
        self
    }

    /// While waiting to retry, retry at once when the window fires `online` (the device
    /// got its network back); off unless set.
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .retry_on_online(true)
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn retry_on_online(mut self, retry: bool) -> ReconnectingBuilder {
        self.retry_on_online = retry;
        self
    }

    /// Starts the first connection; returns at once.
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`WebSocketBuilder::connect`] for the first URL. A failed *connection* is not an
    /// error here: it is retried.
    pub fn connect(self) -> Result<ReconnectingWebSocket, Error> {
        let socket = self.builder.clone().connect()?;
        Ok(ReconnectingWebSocket {
            builder: self.builder,
            policy: self.policy,
            url_provider: self.url_provider,
            heartbeat: self.heartbeat,
            retry_on_online: self.retry_on_online,
            link: RefCell::new(Link {
                socket: Some(socket),
                queue: Queued::new(self.queue),
                user_closed: false,
            }),
            phase: Phase::Connected,
            failures: 0,
            opened_at: None,
            clock: None,
            heartbeat_alarm: Alarm::default(),
            closed_by_heartbeat: false,
        })
    }
}

impl fmt::Debug for ReconnectingBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReconnectingBuilder")
            .field("builder", &self.builder)
            .field("policy", &self.policy)
            .field("url_provider", &self.url_provider.is_some())
            .field("queue", &self.queue)
            .field("heartbeat", &self.heartbeat)
            .field("retry_on_online", &self.retry_on_online)
            .finish()
    }
}

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
/// Retries follow the [`ReconnectPolicy`]: which closes retry, the backoff with full
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
    builder: WebSocketBuilder,
    policy: ReconnectPolicy,
    url_provider: Option<Box<dyn FnMut() -> String>>,
    heartbeat: Option<Heartbeat>,
    retry_on_online: bool,
    /// What `&self` methods (send, close) touch.
    link: RefCell<Link>,
    phase: Phase,
    /// Failures in a row since the last stable connection.
    failures: u32,
    opened_at: Option<f64>,
    clock: Option<HeartbeatClock>,
    heartbeat_alarm: Alarm,
    closed_by_heartbeat: bool,
}

struct Link {
    socket: Option<WebSocket>,
    queue: Queued,
    user_closed: bool,
}

enum Phase {
    /// A socket exists (connecting or open); its events pass through.
    Connected,
    /// Between a failure and the next retry.
    Waiting {
        attempt: u32,
        delay: Duration,
        announced: bool,
        alarm: Alarm,
        online: Option<OnlineListener>,
    },
    /// `GaveUp` is yet to be yielded.
    GivingUp(GiveUp),
    Ended,
}

/// Listens for the window's `online` event while waiting to retry.
struct OnlineListener {
    came_online: Rc<Cell<bool>>,
    _listener: EventListener,
    _count: ListenerCount,
}

impl OnlineListener {
    fn attach(cx: &Context<'_>) -> Option<OnlineListener> {
        let window = web_sys::window()?;
        let came_online = Rc::new(Cell::new(false));
        let flag = Rc::clone(&came_online);
        let waker = cx.waker().clone();
        let listener = EventListener::new(&window, "online", move |_| {
            flag.set(true);
            waker.wake_by_ref();
        });
        Some(OnlineListener {
            came_online,
            _listener: listener,
            _count: ListenerCount::new(1),
        })
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl ReconnectingWebSocket {
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
        let mut link = self.link.borrow_mut();
        if link.user_closed || matches!(self.phase, Phase::Ended | Phase::GivingUp(_)) {
            let state = link
                .socket
                .as_ref()
                .map_or(ReadyState::Closed, WebSocket::ready_state);
            return Err(Error::NotOpen(state));
        }
        if link.flush_if_open()? {
            if let Some(socket) = &link.socket {
                socket.send_message(&message)?;
                return Ok(Sent::Now);
            }
        }
        link.queue.push(message)
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
        let mut link = self.link.borrow_mut();
        if link.user_closed {
            return Err(Error::AlreadyClosing(ReadyState::Closed));
        }
        link.user_closed = true;
        match &link.socket {
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
        self.link
            .borrow()
            .socket
            .as_ref()
            .map_or(ReadyState::Closed, WebSocket::ready_state)
    }

    /// How many messages wait in the offline queue.
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) {
    /// println!("{} messages wait for the connection", ws.queued());
    /// # }
    /// ```
    pub fn queued(&self) -> usize {
        self.link.borrow().queue.len()
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
        self.link.borrow_mut().queue.take_all()
    }

    /// The current connection, if there is one (not while waiting to retry).
    ///
    /// ```no_run
    /// # fn run(ws: &browser_websocket::ReconnectingWebSocket) {
    /// if let Some(raw) = ws.with_socket(|socket| socket.as_raw().clone()) {
    ///     // a web_sys::WebSocket
    /// }
    /// # }
    /// ```
    pub fn with_socket<T>(&self, f: impl FnOnce(&WebSocket) -> T) -> Option<T> {
        self.link.borrow().socket.as_ref().map(f)
    }

    /// Runs the heartbeat: pings when due, closes with 4000 when replies stopped, and sets
    /// the alarm for the next beat.
    fn run_heartbeat(&mut self, cx: &Context<'_>) {
        let Some(clock) = &mut self.clock else {
            return;
        };
        let link = self.link.borrow();
        let Some(socket) = &link.socket else {
            return;
        };
        let now = now_ms();
        loop {
            match clock.beat(now) {
                Beat::SendPing => {
                    // A failed ping shows up as a close soon enough.
                    let _ = socket.send_message(clock.ping());
                }
                Beat::TimedOut => {
                    let _ = socket.close_with(
                        CloseCode::from_browser(Heartbeat::TIMEOUT_CODE),
                        Heartbeat::TIMEOUT_REASON,
                    );
                    self.closed_by_heartbeat = true;
                    self.clock = None;
                    self.heartbeat_alarm.clear();
                    return;
                }
                Beat::WaitUntil(at) => {
                    let wait = (at - now).ceil().max(0.0) as u32;
                    self.heartbeat_alarm.set(wait, cx);
                    return;
                }
            }
        }
    }

    /// Turns one core event into what the stream yields, deciding on retries at `Closed`.
    fn on_event(&mut self, event: Event, cx: &Context<'_>) -> ReconnectEvent {
        match event {
            Event::Open => {
                self.opened_at = Some(now_ms());
                // Before anyone can send: queued messages go first.
                let _ = self.link.borrow_mut().flush_if_open();
                if let Some(config) = &self.heartbeat {
                    self.clock = Some(HeartbeatClock::start(config.clone(), now_ms()));
                }
                ReconnectEvent::Open
            }
            Event::Message(message) => {
                if let Some(clock) = &mut self.clock {
                    clock.heard(&message, now_ms());
                }
                ReconnectEvent::Message(message)
            }
            Event::Error => ReconnectEvent::Error,
            Event::Closed(close) => {
                self.link.borrow_mut().socket = None;
                self.clock = None;
                self.heartbeat_alarm.clear();
                let by_heartbeat = std::mem::take(&mut self.closed_by_heartbeat);
                let user_closed = self.link.borrow().user_closed;
                if user_closed || !(by_heartbeat || self.policy.retries(&close)) {
                    self.phase = Phase::Ended;
                    return ReconnectEvent::Closed(close);
                }
                let open_for = self.opened_at.take().map(|at| now_ms() - at);
                if open_for
                    .is_some_and(|ms| self.policy.is_stable(Duration::from_secs_f64(ms / 1000.0)))
                {
                    self.failures = 0;
                }
                self.failures += 1;
                self.phase = if self.policy.allows_attempt(self.failures) {
                    Phase::Waiting {
                        attempt: self.failures,
                        delay: self.policy.delay(self.failures),
                        announced: false,
                        alarm: Alarm::default(),
                        online: if self.retry_on_online {
                            OnlineListener::attach(cx)
                        } else {
                            None
                        },
                    }
                } else {
                    Phase::GivingUp(GiveUp::AttemptsExhausted {
                        attempts: self.failures - 1,
                    })
                };
                ReconnectEvent::Closed(close)
            }
        }
    }

    /// Starts the next connection; a URL that cannot be used ends the stream.
    fn retry(&mut self) -> Option<ReconnectEvent> {
        if let Some(provider) = &mut self.url_provider {
            self.builder.set_url(provider());
        }
        match self.builder.clone().connect() {
            Ok(socket) => {
                self.link.borrow_mut().socket = Some(socket);
                self.phase = Phase::Connected;
                None
            }
            Err(error) => {
                self.phase = Phase::Ended;
                Some(ReconnectEvent::GaveUp(GiveUp::BadUrl(error)))
            }
        }
    }
}

impl Link {
    /// Sends the queue if the socket is open; whether it is open.
    fn flush_if_open(&mut self) -> Result<bool, Error> {
        let Some(socket) = &self.socket else {
            return Ok(false);
        };
        if socket.ready_state() != ReadyState::Open {
            return Ok(false);
        }
        self.queue
            .drain_with(|message| socket.send_message(message))?;
        Ok(true)
    }
}

/// Yields the events of each connection in turn and the reconnects between them; see
/// [`ReconnectEvent`].
impl Stream for ReconnectingWebSocket {
    type Item = ReconnectEvent;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<ReconnectEvent>> {
        let this = self.get_mut();
        loop {
            match &mut this.phase {
                Phase::Ended => return Poll::Ready(None),
                Phase::GivingUp(give_up) => {
                    let give_up = give_up.clone();
                    this.phase = Phase::Ended;
                    return Poll::Ready(Some(ReconnectEvent::GaveUp(give_up)));
                }
                Phase::Waiting {
                    attempt,
                    delay,
                    announced,
                    alarm,
                    online,
                } => {
                    if this.link.borrow().user_closed {
                        this.phase = Phase::Ended;
                        continue;
                    }
                    if !*announced {
                        *announced = true;
                        let millis = u32::try_from(delay.as_millis()).unwrap_or(u32::MAX);
                        alarm.set(millis, cx);
                        return Poll::Ready(Some(ReconnectEvent::Reconnecting {
                            attempt: *attempt,
                            delay: *delay,
                        }));
                    }
                    let came_online = online.as_ref().is_some_and(|o| o.came_online.get());
                    if !alarm.rang() && !came_online {
                        return Poll::Pending;
                    }
                    if let Some(event) = this.retry() {
                        return Poll::Ready(Some(event));
                    }
                }
                Phase::Connected => {
                    this.run_heartbeat(cx);
                    let polled = {
                        let mut link = this.link.borrow_mut();
                        match &mut link.socket {
                            Some(socket) => Pin::new(socket).poll_next(cx),
                            None => Poll::Ready(None),
                        }
                    };
                    return match polled {
                        Poll::Pending => Poll::Pending,
                        Poll::Ready(Some(event)) => Poll::Ready(Some(this.on_event(event, cx))),
                        // The core stream only ends after `Closed`, which moved us on.
                        Poll::Ready(None) => {
                            this.phase = Phase::Ended;
                            Poll::Ready(None)
                        }
                    };
                }
            }
        }
    }
}

impl fmt::Debug for ReconnectingWebSocket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReconnectingWebSocket")
            .field("ready_state", &self.ready_state())
            .field("failures", &self.failures)
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
        let mut link = this.link.borrow_mut();
        match &mut link.socket {
            Some(socket) if socket.ready_state() == ReadyState::Open => {
                futures_sink::Sink::<Message>::poll_ready(Pin::new(socket), cx)
            }
            _ => Poll::Ready(Ok(())),
        }
    }

    fn start_send(self: Pin<&mut Self>, message: Message) -> Result<(), Error> {
        self.send(message).map(drop)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        let this = self.get_mut();
        let mut link = this.link.borrow_mut();
        match &mut link.socket {
            Some(socket) if socket.ready_state() == ReadyState::Open => {
                futures_sink::Sink::<Message>::poll_flush(Pin::new(socket), cx)
            }
            _ => Poll::Ready(Ok(())),
        }
    }

    fn poll_close(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(self.close())
    }
}
