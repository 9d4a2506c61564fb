//! The polling side of a reconnecting socket: it tells the machine what happened and
//! carries out what it decides, with the browser's timers and listeners.

use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_core::Stream;

use super::machine::{Decision, Happened, ReconnectMachine};
use super::outlet::Outlet;
use super::phase::Phase;
use super::shared::Shared;
use crate::browser::global::{GlobalListener, Timer, is_online, now_ms, random};
use crate::connection_status::ClosedBecause;
use crate::error::Error;
use crate::event::Event;
use crate::flow::Flow;
use crate::reconnect::event::ReconnectEvent;
use crate::reconnect::heartbeat::Heartbeat;
use crate::socket::{WebSocket, WebSocketBuilder};

/// The machine and the browser resources that carry out its decisions. Owns the
/// connection: dropping it closes the connection.
pub(crate) struct Driver {
    pub(crate) shared: Rc<Shared>,
    builder: WebSocketBuilder,
    url_provider: Option<Box<dyn FnMut() -> String>>,
    pub(crate) machine: ReconnectMachine,
    /// Whether the machine has been told of your close.
    told_close: bool,
    /// Rings at the machine's `wake_at`, which it was last set to.
    timer: Timer,
    timer_at: Option<f64>,
    /// The lifecycle listeners, each held only while the machine listens for its event.
    lifecycle: LifecycleListeners,
    /// The Sink's flow control on the current connection.
    pub(crate) flow: Flow,
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

impl Driver {
    pub(crate) fn new(
        shared: Rc<Shared>,
        builder: WebSocketBuilder,
        url_provider: Option<Box<dyn FnMut() -> String>>,
        machine: ReconnectMachine,
    ) -> Driver {
        let flow = Flow::new(builder.water_marks_in_use());
        Driver {
            shared,
            builder,
            url_provider,
            machine,
            told_close: false,
            timer: Timer::default(),
            timer_at: None,
            lifecycle: LifecycleListeners::default(),
            flow,
            announcements: VecDeque::new(),
        }
    }

    /// Tells the machine what happened now and carries out what it decides, until it
    /// waits. Events it decides to announce join `announcements`.
    fn handle(&mut self, happened: Happened<'_>, cx: &Context<'_>) {
        let mut decision = self.machine.step(happened, now_ms());
        loop {
            decision = match decision {
                Decision::Wait | Decision::End => break,
                Decision::SendPing => {
                    if let (Some(socket), Some(ping)) = (self.shared.socket(), self.machine.ping())
                    {
                        // A failed ping shows up as a close soon enough.
                        let _ = socket.send_message(ping);
                    }
                    self.machine.step(Happened::TimePassed, now_ms())
                }
                Decision::CloseStale => {
                    if let Some(socket) = self.shared.socket() {
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
                        self.shared.set_socket(Some(socket));
                        self.flow = Flow::new(self.builder.water_marks_in_use());
                        break;
                    }
                    Err(error) => self.machine.step(Happened::ConnectRefused(error), now_ms()),
                },
            };
        }
        self.shared.set_ended(self.machine.ending().is_some());
        self.shared.status.set(self.machine.status());
        self.arm(cx);
    }

    /// Starts the next connection, with the URL provider's URL if there is one and the
    /// binary type last set.
    fn connect_next(&mut self) -> Result<WebSocket, Error> {
        if let Some(provider) = &mut self.url_provider {
            self.builder.set_url(provider());
        }
        self.builder
            .clone()
            .binary_type(self.shared.binary_type())
            .connect()
    }

    /// Sets the timer to the machine's next wake-up and holds each lifecycle listener
    /// while the machine listens for its event.
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
    fn check_lifecycle(&mut self, cx: &Context<'_>) {
        let fired = |listener: &Option<GlobalListener>| {
            listener.as_ref().is_some_and(GlobalListener::take_fired)
        };
        if fired(&self.lifecycle.online) {
            self.handle(Happened::CameOnline, cx);
        }
        if fired(&self.lifecycle.page_restore) {
            self.handle(Happened::PageRestored, cx);
        }
        if fired(&self.lifecycle.visibility) {
            self.handle(Happened::BecameVisible, cx);
        }
        if self.machine.retry_due(now_ms()) && !is_online() {
            self.handle(Happened::WentOffline, cx);
        }
    }

    /// The next event of the current connection, as the stream yields it.
    fn on_event(&mut self, event: Event, cx: &Context<'_>) -> ReconnectEvent {
        match event {
            Event::Open => {
                self.handle(Happened::Opened, cx);
                // Before anyone can send: queued messages go first.
                if let Some(socket) = self.shared.open_socket() {
                    let _ = self.shared.flush_pending(&socket);
                }
                ReconnectEvent::Open
            }
            Event::Message(message) => {
                self.handle(Happened::Received(&message), cx);
                ReconnectEvent::Message(message)
            }
            Event::Error => ReconnectEvent::Error,
            Event::Overflow(overflow) => ReconnectEvent::Overflow(overflow),
            Event::Closed(close) => {
                let socket = self.shared.set_socket(None);
                if socket.is_some_and(|socket| socket.connection().timed_out()) {
                    self.handle(Happened::ConnectTimedOut, cx);
                }
                let random = random();
                self.handle(
                    Happened::Closed {
                        close: &close,
                        random,
                    },
                    cx,
                );
                ReconnectEvent::Closed(close)
            }
        }
    }

    /// The stream's next event: what was announced, then the current connection's.
    pub(crate) fn poll_event(&mut self, cx: &mut Context<'_>) -> Poll<Option<ReconnectEvent>> {
        self.shared.remember_driver(cx.waker());
        if let Some(event) = self.announcements.pop_front() {
            return Poll::Ready(Some(event));
        }
        if self.shared.close_requested() && !self.told_close {
            self.told_close = true;
            self.handle(Happened::ClosedByYou, cx);
        }
        self.check_lifecycle(cx);
        self.handle(Happened::TimePassed, cx);
        if let Some(event) = self.announcements.pop_front() {
            return Poll::Ready(Some(event));
        }
        if self.machine.ending().is_some() {
            return Poll::Ready(None);
        }
        let Some(socket) = self.shared.socket() else {
            // Waiting to retry: the timer or a lifecycle listener wakes us.
            return Poll::Pending;
        };
        match socket.poll_event(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(event)) => Poll::Ready(Some(self.on_event(event, cx))),
            // A connection's stream only ends after `Closed`, which moved us on.
            Poll::Ready(None) => Poll::Ready(None),
        }
    }
}

/// The connection goes with the driver: it is closed with 1000, and handles see
/// `Closed(Dropped)` unless it had already ended.
impl Drop for Driver {
    fn drop(&mut self) {
        self.shared.set_socket(None);
        self.shared.set_ended(true);
        if !matches!(self.shared.status.phase(), Phase::Closed(_)) {
            self.shared
                .status
                .set(Phase::Closed(ClosedBecause::Dropped));
        }
    }
}

impl fmt::Debug for Driver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Driver")
            .field("attempt", &self.machine.attempt())
            .field("failures", &self.machine.failures())
            .field("status", &self.shared.status())
            .finish_non_exhaustive()
    }
}

/// The event stream of a split [`ReconnectingWebSocket`](crate::ReconnectingWebSocket),
/// from [`split`](crate::ReconnectingWebSocket::split): the task that reads it drives
/// the reconnects, and owns the connection.
///
/// ```no_run
/// # fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{ReconnectPolicy, WebSocket};
/// use futures_util::StreamExt;
///
/// let (handle, mut events) = WebSocket::builder("wss://example.com/feed")
///     .reconnecting(ReconnectPolicy::default())
///     .connect()?
///     .split();
/// wasm_bindgen_futures::spawn_local(async move {
///     while let Some(event) = events.next().await {
///         println!("{event:?}");
///     }
/// });
/// handle.send("subscribe")?;
/// # Ok(()) }
/// ```
///
/// # Drop
/// Dropping it closes the connection with 1000 and cancels every timer and listener;
/// handles then see [`ClosedBecause::Dropped`](crate::ClosedBecause::Dropped).
#[must_use = "dropping the event stream closes the connection"]
pub struct ReconnectEvents {
    source: Source,
}

/// Where the events come from.
// Boxing the driver would cost every socket of a tab's own an allocation and an indirection
// on each poll, to save the few shared sockets 800 bytes.
#[allow(clippy::large_enum_variant)]
enum Source {
    /// This tab's own connection, which the stream drives.
    Own(Driver),
    /// A connection another layer drives (one shared by every tab), and the outlet its
    /// handles use.
    Relayed {
        events: Pin<Box<dyn Stream<Item = ReconnectEvent>>>,
        outlet: Rc<dyn Outlet>,
    },
}

impl ReconnectEvents {
    pub(crate) fn new(driver: Driver) -> ReconnectEvents {
        ReconnectEvents {
            source: Source::Own(driver),
        }
    }

    /// The events of a connection another layer drives; `outlet` is what its handles
    /// use. Dropping the stream drops `events`.
    pub(crate) fn relayed(
        events: impl Stream<Item = ReconnectEvent> + 'static,
        outlet: Rc<dyn Outlet>,
    ) -> ReconnectEvents {
        ReconnectEvents {
            source: Source::Relayed {
                events: Box::pin(events),
                outlet,
            },
        }
    }

    /// Another handle on the same socket.
    ///
    /// ```no_run
    /// # fn run(events: &browser_websocket::ReconnectEvents) {
    /// let handle = events.handle();
    /// println!("{}", handle.status());
    /// # }
    /// ```
    pub fn handle(&self) -> crate::ReconnectHandle {
        match &self.source {
            Source::Own(driver) => crate::ReconnectHandle::new(driver.shared.clone()),
            Source::Relayed { outlet, .. } => crate::ReconnectHandle::new(Rc::clone(outlet)),
        }
    }
}

/// Yields the events of each connection in turn and the reconnects between them; see
/// [`ReconnectEvent`].
impl Stream for ReconnectEvents {
    type Item = ReconnectEvent;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<ReconnectEvent>> {
        match &mut self.get_mut().source {
            Source::Own(driver) => driver.poll_event(cx),
            Source::Relayed { events, .. } => events.as_mut().poll_next(cx),
        }
    }
}

impl fmt::Debug for ReconnectEvents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Source::Own(driver) => f.debug_tuple("ReconnectEvents").field(driver).finish(),
            Source::Relayed { outlet, .. } => {
                f.debug_tuple("ReconnectEvents").field(outlet).finish()
            }
        }
    }
}
