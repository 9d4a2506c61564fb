//! [`Rpc`]: calls over a reconnecting socket, and the task that reads its replies.

use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use futures_core::Stream;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::RpcError;
use super::call::{Call, Calls as CallTable, Slot};
use super::calls::{CallId, Calls, Ended};
use super::envelope::{Envelope, Incoming};
use super::notifications::{Notice, Notifications, Queue};
use crate::browser::global::{Timer, now_ms};
use crate::connection_status::ConnectionStatus;
use crate::error::Error;
use crate::message::Message;
use crate::reconnect::{ReconnectEvent, ReconnectEvents, ReconnectHandle, ReconnectingWebSocket};
use crate::typed::DecodeError;

/// Calls with replies over a [`ReconnectingWebSocket`], in the envelope `E`
/// ([`JsonRpc`](super::JsonRpc) or an app's own). A cheap `Clone` handle: make calls from
/// any callback or task.
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::rpc::{JsonRpc, Rpc};
/// use browser_websocket::{ReconnectPolicy, WebSocket};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let ws = WebSocket::builder("wss://example.com/rpc")
///     .reconnecting(ReconnectPolicy::default())
///     .connect()?;
/// let rpc = Rpc::<JsonRpc>::new(ws);
/// let sum: i64 = rpc.call("add", &(1, 2)).timeout(Duration::from_secs(5)).await?;
/// assert_eq!(sum, 3);
/// # Ok(()) }
/// ```
///
/// # The rules
/// - Ids are unique per connection; a reply whose id matches no call in progress is
///   counted ([`stray_replies`](Rpc::stray_replies)) and reported on the
///   [`notifications`](Rpc::notifications) stream.
/// - A call's timeout runs from the call, including time spent waiting for the
///   connection; a call that timed out while waiting is never sent.
/// - A call on the wire when the connection drops fails with
///   [`RpcError::Disconnected`] at once. A call made while disconnected waits (in the
///   `Rpc`, not in the socket's offline queue) and goes out on the next open.
/// - Dropping a [`Call`] removes its entry; dropping the last `Rpc` closes the socket at
///   once and fails every call in progress with [`RpcError::Closed`].
pub struct Rpc<E> {
    inner: Rc<Inner<E>>,
}

struct Inner<E> {
    handle: ReconnectHandle,
    calls: RefCell<Calls<Message, Rc<Slot>>>,
    timeout: Cell<Duration>,
    /// The deadline the task's timer is set for, if any: it is set again only for an
    /// earlier one, or after it rang (not on every poll).
    armed: Cell<Option<f64>>,
    closed: Cell<bool>,
    notices: Rc<RefCell<Queue>>,
    /// The reading task's waker: a new deadline re-arms its timer.
    task: RefCell<Option<Waker>>,
    /// The socket's events, read by the task but owned here, so that dropping the last
    /// `Rpc` closes the socket and removes its listeners at once, not at the task's next
    /// poll. `None` once the socket closed for good.
    events: RefCell<Option<ReconnectEvents>>,
    /// The timer for the earliest deadline, cleared with the `Rpc` for the same reason.
    timer: RefCell<Timer>,
    envelope: PhantomData<fn() -> E>,
}

impl<E: Envelope> Rpc<E> {
    /// How long a call waits for its reply unless [`Call::timeout`] says otherwise.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

    /// Makes calls over `ws`, which it takes over: its messages are read as replies and
    /// notifications. The task that reads them runs until the last `Rpc` is dropped.
    ///
    /// ```no_run
    /// use browser_websocket::rpc::{JsonRpc, Rpc};
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// # fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = WebSocket::builder("/rpc").reconnecting(ReconnectPolicy::default()).connect()?;
    /// let rpc = Rpc::<JsonRpc>::new(ws);
    /// # Ok(()) }
    /// ```
    pub fn new(ws: ReconnectingWebSocket) -> Rpc<E> {
        let (handle, events) = ws.split();
        let inner = Rc::new(Inner {
            handle,
            calls: RefCell::new(Calls::default()),
            timeout: Cell::new(Self::DEFAULT_TIMEOUT),
            armed: Cell::new(None),
            closed: Cell::new(false),
            notices: Rc::new(RefCell::new(Queue::default())),
            task: RefCell::new(None),
            events: RefCell::new(Some(events)),
            timer: RefCell::new(Timer::default()),
            envelope: PhantomData,
        });
        wasm_bindgen_futures::spawn_local(read(Rc::downgrade(&inner)));
        Rpc { inner }
    }

    /// Calls `method` with `params` and returns its [`Call`], which resolves to the
    /// result decoded as `R`. The request goes out now if the connection is open, or on
    /// the next open; the call's timeout counts from here.
    ///
    /// ```no_run
    /// # async fn run(rpc: browser_websocket::rpc::Rpc<browser_websocket::rpc::JsonRpc>) -> Result<(), browser_websocket::rpc::RpcError> {
    /// let members: Vec<String> = rpc.call("members", &["lobby"]).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The call resolves to an [`RpcError`]: see each variant.
    pub fn call<R: DeserializeOwned>(&self, method: &str, params: &impl Serialize) -> Call<R> {
        let inner = &self.inner;
        if inner.closed.get() {
            return Call::failed(RpcError::Closed);
        }
        let Ok(mut calls) = inner.calls.try_borrow_mut() else {
            return Call::failed(RpcError::Closed);
        };
        let id = calls.next_id();
        let request = match E::request_text(id, method, params) {
            Ok(text) => Message::Text(text),
            Err(error) => return Call::failed(RpcError::Encode(Error::Encode(error.to_string()))),
        };
        let made_at = now_ms();
        let deadline = made_at + inner.timeout.get().as_secs_f64() * 1000.0;
        let slot = Rc::new(Slot::default());
        match inner.send_if_open(&request) {
            Ok(true) => calls.sent(id, deadline, Rc::clone(&slot)),
            Ok(false) => calls.waiting(id, request, deadline, Rc::clone(&slot)),
            Err(error) => return Call::failed(error),
        }
        drop(calls);
        inner.wake_for(deadline);
        let table: Rc<dyn CallTable> = Rc::clone(inner) as Rc<dyn CallTable>;
        Call::in_progress(id, made_at, slot, Rc::downgrade(&table))
    }
}

impl<E> Rpc<E> {
    /// Sets the timeout of calls made from now on (from any clone) whose
    /// [`Call::timeout`] is not set.
    ///
    /// ```no_run
    /// # fn run(rpc: browser_websocket::rpc::Rpc<browser_websocket::rpc::JsonRpc>) {
    /// rpc.set_default_timeout(std::time::Duration::from_secs(10));
    /// # }
    /// ```
    pub fn set_default_timeout(&self, timeout: Duration) {
        self.inner.timeout.set(timeout);
    }

    /// The server's notifications, replies that matched no call, and messages that were
    /// not JSON, in order. They are kept from the start until this stream is taken; each
    /// call takes what is kept so far, and once every stream taken is dropped, nothing is
    /// kept.
    ///
    /// ```no_run
    /// use futures_util::StreamExt;
    /// use browser_websocket::rpc::Notice;
    ///
    /// # async fn run(rpc: browser_websocket::rpc::Rpc<browser_websocket::rpc::JsonRpc>) {
    /// let mut notices = rpc.notifications();
    /// while let Some(notice) = notices.next().await {
    ///     if let Notice::Notification(value) = notice {
    ///         println!("{}", value["method"]);
    ///     }
    /// }
    /// # }
    /// ```
    pub fn notifications(&self) -> Notifications {
        Notifications::new(Rc::clone(&self.inner.notices))
    }

    /// How many calls are in progress (waiting for the connection or on the wire).
    ///
    /// ```no_run
    /// # fn run(rpc: browser_websocket::rpc::Rpc<browser_websocket::rpc::JsonRpc>) {
    /// assert_eq!(rpc.in_progress(), 0);
    /// # }
    /// ```
    pub fn in_progress(&self) -> usize {
        self.inner.calls.try_borrow().map_or(0, |calls| calls.len())
    }

    /// How many replies arrived whose id matched no call in progress (unknown, answered
    /// before, timed out or cancelled); each is also a [`Notice::StrayReply`].
    ///
    /// ```no_run
    /// # fn run(rpc: browser_websocket::rpc::Rpc<browser_websocket::rpc::JsonRpc>) {
    /// assert_eq!(rpc.stray_replies(), 0);
    /// # }
    /// ```
    pub fn stray_replies(&self) -> u64 {
        self.inner
            .calls
            .try_borrow()
            .map_or(0, |calls| calls.strays())
    }

    /// The reconnecting socket's handle: its status, `close`, raw sends.
    ///
    /// ```no_run
    /// # fn run(rpc: browser_websocket::rpc::Rpc<browser_websocket::rpc::JsonRpc>) {
    /// println!("{}", rpc.handle().status());
    /// # }
    /// ```
    pub fn handle(&self) -> &ReconnectHandle {
        &self.inner.handle
    }
}

impl<E> Inner<E> {
    /// Sends `request` if the socket is open now (`Ok(true)`); `Ok(false)` if it is not,
    /// so the call waits in the table, not in the socket's offline queue.
    fn send_if_open(&self, request: &Message) -> Result<bool, RpcError> {
        if self.handle.status() != ConnectionStatus::Open {
            return Ok(false);
        }
        match self.handle.send(request.clone()) {
            // Sent now: the status said open (a queued send would need the socket to
            // change state within this call).
            Ok(_) => Ok(true),
            Err(Error::NotOpen(_)) => Ok(false),
            Err(error) => Err(RpcError::Send(error)),
        }
    }

    /// Wakes the task if `deadline` comes before the one its timer is set for, so that
    /// it re-arms; otherwise the timer rings in time anyway (one poll per call saved).
    fn wake_for(&self, deadline: f64) {
        if self.armed.get().is_none_or(|armed| deadline < armed) {
            self.wake_task();
        }
    }

    fn wake_task(&self) {
        if let Ok(task) = self.task.try_borrow() {
            if let Some(waker) = task.as_ref() {
                waker.wake_by_ref();
            }
        }
    }

    /// Ends `waiters` with `error`.
    fn fail(waiters: Vec<(Rc<Slot>, Ended)>) {
        for (slot, ended) in waiters {
            slot.finish(Err(match ended {
                Ended::TimedOut => RpcError::Timeout,
                Ended::Disconnected => RpcError::Disconnected,
            }));
        }
    }

    fn notice(&self, notice: Notice) {
        if let Ok(mut notices) = self.notices.try_borrow_mut() {
            notices.push(notice);
        }
    }
}

impl<E: Envelope> Inner<E> {
    /// One event of the socket.
    fn on_event(&self, event: ReconnectEvent) {
        match event {
            ReconnectEvent::Open => self.on_open(),
            ReconnectEvent::Closed(_) => {
                let ended = self.calls.try_borrow_mut().map(|mut calls| calls.closed());
                Inner::<E>::fail(ended.unwrap_or_default());
            }
            ReconnectEvent::Message(message) => self.on_message(message),
            _ => {}
        }
    }

    /// Sends every waiting request that is still in time, oldest first.
    fn on_open(&self) {
        let Ok(mut calls) = self.calls.try_borrow_mut() else {
            return;
        };
        for (id, request) in calls.opened(now_ms()) {
            if !matches!(self.send_if_open(&request), Ok(true)) {
                calls.not_sent(id, request);
            }
        }
    }

    fn on_message(&self, message: Message) {
        let value = match &message {
            Message::Text(text) => serde_json::from_str::<Value>(text).map_err(DecodeError::new),
            _ => Err(DecodeError::new("a call's reply must be a text message")),
        };
        match value {
            Ok(value) => self.on_incoming(E::read(value)),
            Err(error) => self.notice(Notice::Undecodable { message, error }),
        }
    }

    fn on_incoming(&self, incoming: Incoming) {
        match incoming {
            Incoming::Reply { id, result } => self.on_reply(id, result),
            Incoming::Batch(all) => all.into_iter().for_each(|one| self.on_incoming(one)),
            Incoming::Notification(value) => self.notice(Notice::Notification(value)),
        }
    }

    fn on_reply(&self, id: CallId, result: Result<Value, super::RemoteError>) {
        let waiter = self
            .calls
            .try_borrow_mut()
            .ok()
            .and_then(|mut calls| calls.replied(id));
        match waiter {
            Some(slot) => slot.finish(result.map_err(|error| RpcError::Remote {
                code: error.code,
                message: error.message,
                data: error.data,
            })),
            None => self.notice(Notice::StrayReply { id }),
        }
    }

    /// The socket is closed for good: every call ends `Closed`, and so will new ones.
    fn on_closed_for_good(&self) {
        self.closed.set(true);
        let all = self.calls.try_borrow_mut().map(|mut calls| calls.drain());
        for slot in all.unwrap_or_default() {
            slot.finish(Err(RpcError::Closed));
        }
    }

    /// Ends the calls that ran out of time (once the timer rang) and sets the timer for
    /// the earliest deadline, unless it is set for that one or an earlier one already.
    fn on_tick(&self, timer: &mut Timer, cx: &mut Context<'_>) {
        let now = now_ms();
        if timer.rang() {
            self.armed.set(None);
        }
        let (ended, next) = match self.calls.try_borrow_mut() {
            Ok(mut calls) if self.armed.get().is_none() => {
                (calls.expire(now), calls.next_deadline())
            }
            Ok(calls) => (Vec::new(), calls.next_deadline()),
            Err(_) => return,
        };
        Inner::<E>::fail(ended);
        // A timer set for a later deadline than needed rings late: set it again. One set
        // for an earlier deadline (a call answered or cancelled since) rings early and
        // expires nothing, then is set again: harmless.
        if let Some(at) = next.filter(|at| self.armed.get().is_none_or(|armed| *at < armed)) {
            timer.set_at(at, now, cx.waker());
            self.armed.set(Some(at));
        }
    }
}

impl<E> CallTable for Inner<E> {
    fn cancel(&self, id: CallId) {
        if let Ok(mut calls) = self.calls.try_borrow_mut() {
            calls.cancel(id);
        }
    }

    fn set_timeout(&self, id: CallId, made_at: f64, timeout: Duration) {
        let deadline = made_at + timeout.as_secs_f64() * 1000.0;
        if let Ok(mut calls) = self.calls.try_borrow_mut() {
            calls.set_deadline(id, deadline);
        }
        self.wake_for(deadline);
    }
}

/// The last `Rpc` let go: every call in progress ends `Closed`, the socket closes (its
/// events drop with this) and the task ends at its next poll.
impl<E> Drop for Inner<E> {
    fn drop(&mut self) {
        let all = self.calls.get_mut().drain();
        for slot in all {
            slot.finish(Err(RpcError::Closed));
        }
        if let Some(waker) = self.task.get_mut().take() {
            waker.wake();
        }
    }
}

/// The task: reads the socket's events and keeps the timer for the earliest deadline,
/// until the socket is closed for good or the last `Rpc` is dropped (which drops the
/// events and the timer with it).
async fn read<E: Envelope>(inner: Weak<Inner<E>>) {
    poll_fn(|cx| {
        let Some(inner) = inner.upgrade() else {
            return Poll::Ready(());
        };
        inner.task.replace(Some(cx.waker().clone()));
        // Only this task borrows them, so neither borrow can fail.
        let (Ok(mut events), Ok(mut timer)) =
            (inner.events.try_borrow_mut(), inner.timer.try_borrow_mut())
        else {
            return Poll::Pending;
        };
        let Some(stream) = events.as_mut() else {
            return Poll::Ready(());
        };
        loop {
            match Pin::new(&mut *stream).poll_next(cx) {
                Poll::Ready(Some(event)) => inner.on_event(event),
                Poll::Ready(None) => {
                    // The socket is closed for good: its stream goes, with what it held.
                    *events = None;
                    inner.on_closed_for_good();
                    return Poll::Ready(());
                }
                Poll::Pending => break,
            }
        }
        inner.on_tick(&mut timer, cx);
        Poll::Pending
    })
    .await;
}

impl<E> Clone for Rpc<E> {
    fn clone(&self) -> Self {
        Rpc {
            inner: Rc::clone(&self.inner),
        }
    }
}

impl<E> std::fmt::Debug for Rpc<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rpc")
            .field("in_progress", &self.in_progress())
            .field("stray_replies", &self.stray_replies())
            .finish_non_exhaustive()
    }
}
