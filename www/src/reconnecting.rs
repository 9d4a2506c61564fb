//! Reconnect mode: the socket Connect makes when "Reconnect automatically" is ticked, and
//! the task that drives it: its events (the reconnects between connections included),
//! the buttons' commands, and the readouts, with the Reconnect line's countdown.
//!
//! A `ReconnectingWebSocket` is not split into halves: the task keeps it in a [`Shared`]
//! cell, polls its events from there, and a burst sends through the same socket's `Sink`.

use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use browser_websocket::{
    BinaryType, Error, GiveUp, Heartbeat, Message, OfflineQueue, ReconnectEvent, ReconnectPolicy,
    ReconnectingWebSocket, Sent, WebSocket, WebSocketBuilder, WhenFull,
};
use futures_channel::mpsc::UnboundedReceiver;
use futures_util::future::LocalBoxFuture;
use futures_util::{FutureExt, Sink, SinkExt, StreamExt};
use gloo_timers::future::IntervalStream;

use crate::burst;
use crate::connection::TICK_MS;
use crate::controls::ReconnectOptions;
use crate::counters::{Counters, Direction};
use crate::describe::{self, now, size};
use crate::format;
use crate::log::Kind;
use crate::outbox::Outbox;
use crate::reconnect_status::Phase;
use crate::session::Command;
use crate::view::View;

/// The page's retry policy: the first retry waits a random 0–500 ms, and the ceiling
/// doubles with each failure in a row, up to 8 s.
pub fn policy() -> ReconnectPolicy {
    ReconnectPolicy::default()
        .initial_delay(Duration::from_millis(500))
        .max_delay(Duration::from_secs(8))
}

/// The Heartbeat box: ping every 3 s, reconnect after 7 s without a message. Any message
/// counts as a reply, so `/echo`'s echo of the ping does; `/silent` times out.
pub fn heartbeat() -> Heartbeat {
    Heartbeat::new("ping", Duration::from_secs(3), Duration::from_secs(7))
}

/// Connects `builder`'s URL as a reconnecting socket with the page's policy.
///
/// # Errors
/// As `WebSocketBuilder::connect`: a URL or subprotocol the browser would refuse.
pub fn connect(
    builder: WebSocketBuilder,
    options: ReconnectOptions,
) -> Result<ReconnectingWebSocket, Error> {
    let builder = builder.reconnecting(policy()).offline_queue(options.queue);
    if options.heartbeat {
        builder.heartbeat(heartbeat()).connect()
    } else {
        builder.connect()
    }
}

/// The log's account of what Connect set up, read from the policy itself.
pub fn describe_options(options: ReconnectOptions) -> String {
    let policy = policy();
    let queue = match options.queue.when_full() {
        WhenFull::RejectNew => "rejects new sends when full",
        WhenFull::DropOldest => "drops the oldest when full",
    };
    let heartbeat = if options.heartbeat {
        "heartbeat: ping every 3 s, reconnect after 7 s of silence"
    } else {
        "no heartbeat"
    };
    format!(
        "reconnecting automatically: the first retry after a random 0–{} ms, the ceiling \
         doubling up to {} s · offline queue of {}, {queue} · {heartbeat}",
        policy.delay_ceiling(1).as_millis(),
        policy.delay_ceiling(u32::MAX).as_secs(),
        options.queue.capacity()
    )
}

/// Drives `ws` until the page drops its [`Session`](crate::session::Session); `live`
/// turns false once the socket is done (closed for good, or given up).
pub async fn run(
    ws: ReconnectingWebSocket,
    queue: OfflineQueue,
    view: Rc<View>,
    commands: UnboundedReceiver<Command>,
    live: Rc<Cell<bool>>,
) {
    let binary_type = ws.with_socket(WebSocket::binary_type).unwrap_or_default();
    let driver = Driver {
        view,
        commands,
        ws: Shared(Rc::new(RefCell::new(ws))),
        queue,
        events_ended: false,
        burst: None,
        ticker: Some(IntervalStream::new(TICK_MS)),
        counters: Rc::new(RefCell::new(Counters::default())),
        outbox: Rc::new(RefCell::new(Outbox::default())),
        peak_buffered: 0,
        phase: Phase::Connecting,
        reconnects: 0,
        binary_type,
        closed_by_page: false,
        live,
    };
    driver.run().await;
}

/// The reconnecting socket, shared by the task, which polls its events, and a burst,
/// which sends through its `Sink`. Each borrows it for one call at a time, never across
/// an `.await`, so the two never meet.
#[derive(Clone)]
struct Shared(Rc<RefCell<ReconnectingWebSocket>>);

/// The socket's own `Sink`, one borrow per call.
impl Sink<Message> for Shared {
    type Error = Error;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.0.borrow_mut().poll_ready_unpin(cx)
    }

    fn start_send(self: Pin<&mut Self>, message: Message) -> Result<(), Error> {
        self.0.borrow_mut().start_send_unpin(message)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.0.borrow_mut().poll_flush_unpin(cx)
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.0.borrow_mut().poll_close_unpin(cx)
    }
}

/// A burst in flight, with the time it started.
type Burst = LocalBoxFuture<'static, (Result<(), Error>, f64)>;

/// What woke the task.
enum Step {
    /// The Session was dropped.
    Stop,
    Command(Command),
    Event(ReconnectEvent),
    EventsEnded,
    BurstDone(Result<(), Error>, f64),
    Tick,
}

struct Driver {
    view: Rc<View>,
    commands: UnboundedReceiver<Command>,
    ws: Shared,
    queue: OfflineQueue,
    events_ended: bool,
    burst: Option<Burst>,
    ticker: Option<IntervalStream>,
    counters: Rc<RefCell<Counters>>,
    /// What was handed to the socket and has not left yet: Out counts it once it has.
    outbox: Rc<RefCell<Outbox>>,
    peak_buffered: u32,
    phase: Phase,
    /// Retries that opened.
    reconnects: u32,
    /// A retry's socket starts with Connect's binaryType; the page sets this one on it.
    binary_type: BinaryType,
    /// Whether Close or Disconnect ended it, for the last line of the log.
    closed_by_page: bool,
    live: Rc<Cell<bool>>,
}

impl Driver {
    async fn run(mut self) {
        self.refresh();
        loop {
            match poll_fn(|cx| self.poll_step(cx)).await {
                Step::Stop => return,
                Step::Command(command) => self.command(command),
                Step::Event(event) => self.event(event),
                Step::EventsEnded => self.events_ended(),
                Step::BurstDone(result, started) => self.burst_done(result, started),
                Step::Tick => self.tick(),
            }
        }
    }

    fn poll_step(&mut self, cx: &mut Context<'_>) -> Poll<Step> {
        // Commands first: once the Session is dropped, nothing more may reach the page.
        if let Poll::Ready(command) = self.commands.poll_next_unpin(cx) {
            return Poll::Ready(command.map_or(Step::Stop, Step::Command));
        }
        // Polling the stream is also what runs the retries and the heartbeat.
        if !self.events_ended {
            let polled = self.ws.0.borrow_mut().poll_next_unpin(cx);
            if let Poll::Ready(event) = polled {
                return Poll::Ready(event.map_or(Step::EventsEnded, Step::Event));
            }
        }
        if let Some(burst) = &mut self.burst {
            if let Poll::Ready((result, started)) = burst.poll_unpin(cx) {
                self.burst = None;
                return Poll::Ready(Step::BurstDone(result, started));
            }
        }
        if let Some(ticker) = &mut self.ticker {
            if let Poll::Ready(Some(())) = ticker.poll_next_unpin(cx) {
                return Poll::Ready(Step::Tick);
            }
        }
        Poll::Pending
    }

    fn command(&mut self, command: Command) {
        match command {
            Command::Send(message) => self.send(message),
            Command::Burst => self.start_burst(),
            Command::Close { code, reason } => {
                let closed = self.ws.0.borrow().close_with(code, &reason);
                match closed {
                    Ok(()) => {
                        self.closed_by_page = true;
                        let text = format!("closing with {code} {reason:?} for good: no retry");
                        self.view.log.add(Kind::Info, &text);
                    }
                    Err(error) => self.view.report("Close failed", &error),
                }
                self.refresh();
            }
            Command::Disconnect => {
                let closed = self.ws.0.borrow().close();
                match closed {
                    Ok(()) => {
                        self.closed_by_page = true;
                        let text = "closing with 1000 for good: no retry";
                        self.view.log.add(Kind::Info, text);
                    }
                    Err(error) => self.view.report("Disconnect failed", &error),
                }
                self.refresh();
            }
            Command::SetBinaryType(binary_type) => {
                self.binary_type = binary_type;
                self.apply_binary_type();
                let text = format!(
                    "binaryType is now {}, also for the reconnects",
                    binary_type.as_str()
                );
                self.view.log.add(Kind::Info, &text);
            }
        }
    }

    /// Sends now if open, queues otherwise, and says which: what `send` returned.
    fn send(&mut self, message: Message) {
        let queued = self.ws.0.borrow().queued();
        self.settle_outbox(queued);
        let detail = describe::message(&message);
        let bytes = size(&message);
        let sent = self.ws.0.borrow().send(message);
        let queued = self.ws.0.borrow().queued();
        match sent {
            Ok(Sent::Now) => {
                self.outbox.borrow_mut().accepted(bytes);
                self.view.log.add(Kind::Sent, &detail);
            }
            Ok(Sent::Queued) => {
                self.outbox.borrow_mut().accepted(bytes);
                let text = format!("Sent::Queued · {detail} · {queued} waiting");
                self.view.log.add(Kind::Queued, &text);
            }
            Ok(Sent::QueuedDroppingOldest(oldest)) => {
                let mut outbox = self.outbox.borrow_mut();
                outbox.dropped_oldest();
                outbox.accepted(bytes);
                let dropped = describe::message(&oldest);
                let text = format!("Sent::QueuedDroppingOldest · {detail} · dropped {dropped}");
                self.view.log.add(Kind::Queued, &text);
            }
            Err(error) => self.view.report("Send failed", &error),
        }
        self.refresh();
    }

    fn start_burst(&mut self) {
        if self.burst.is_some() {
            self.view
                .report("Burst refused", &"a burst is already running");
            return;
        }
        if self.queue.when_full() == WhenFull::DropOldest {
            // Through the Sink, what the queue drops is lost without a word (the crate's
            // docs say so): the page could not tell it from what was sent.
            self.view.report(
                "Burst refused",
                &"a Sink cannot say what a drop-oldest offline queue drops: \
                  connect with a queue that rejects new sends",
            );
            return;
        }
        self.view.log.add(
            Kind::Info,
            &format!(
                "burst: {} × {} = {} through the reconnecting socket's Sink (send_all); \
                 while disconnected they go to the offline queue",
                burst::MESSAGES,
                format::bytes(burst::MESSAGE_BYTES as u64),
                format::bytes(burst::TOTAL_BYTES)
            ),
        );
        let mut sink = self.ws.clone();
        let outbox = Rc::clone(&self.outbox);
        let started = now();
        self.burst = Some(Box::pin(async move {
            let result = burst::send(&mut sink, |bytes| outbox.borrow_mut().accepted(bytes)).await;
            (result, started)
        }));
    }

    fn burst_done(&mut self, result: Result<(), Error>, started: f64) {
        match result {
            Ok(()) => {
                let queued = self.ws.0.borrow().queued();
                let waiting = if queued == 0 {
                    String::new()
                } else {
                    format!(", {queued} messages wait in the offline queue")
                };
                let text = format!(
                    "burst done: {} in {}, bufferedAmount peaked at {}{waiting}",
                    format::bytes(burst::TOTAL_BYTES),
                    format::seconds(now() - started),
                    format::bytes(self.peak_buffered.into())
                );
                self.view.log.add(Kind::Info, &text);
            }
            Err(error) => {
                // Only `start_send` fails here (the socket's `poll_ready` and `poll_flush`
                // only wait while it is open): the last message was not taken.
                self.outbox.borrow_mut().refused_last();
                self.view.report("Burst stopped", &error);
            }
        }
        self.refresh();
    }

    fn event(&mut self, event: ReconnectEvent) {
        // Messages wait for the next tick: a flood must not redraw the readouts per message.
        let redraw = !matches!(event, ReconnectEvent::Message(_));
        match event {
            ReconnectEvent::Open => self.opened(),
            ReconnectEvent::Message(message) => {
                self.counters
                    .borrow_mut()
                    .record(Direction::In, size(&message), now());
                self.view
                    .log
                    .add(Kind::Message, &describe::message(&message));
            }
            ReconnectEvent::Error => self.view.log.add(
                Kind::Error,
                "the browser fired error (it gives scripts no detail)",
            ),
            ReconnectEvent::Closed(close) => {
                self.phase = Phase::Closed;
                self.view.log.add(Kind::Closed, &describe::close(&close));
            }
            ReconnectEvent::Reconnecting { attempt, delay } => {
                let millis = delay.as_millis();
                self.phase = Phase::Waiting {
                    attempt,
                    at_ms: now() + millis as f64,
                };
                let text = format!("Reconnecting attempt {attempt} in {millis} ms");
                self.view.log.add(Kind::Reconnecting, &text);
            }
            ReconnectEvent::GaveUp(why) => {
                self.phase = Phase::GaveUp;
                let text = match why {
                    GiveUp::AttemptsExhausted { attempts } => {
                        format!("after {attempts} retries in a row")
                    }
                    GiveUp::BadUrl(error) => format!("the retry's URL cannot be used: {error}"),
                };
                self.view.log.add(Kind::GaveUp, &text);
            }
            other => self.view.log.add(Kind::Error, &format!("{other:?}")),
        }
        if redraw {
            self.refresh();
        }
    }

    /// A connection opened: the first, or a retry that worked, which has just sent what
    /// the offline queue held.
    fn opened(&mut self) {
        let reconnected = self.phase.is_reconnecting();
        self.phase = Phase::Open;
        self.apply_binary_type();
        let (protocol, queued) = {
            let ws = self.ws.0.borrow();
            (
                ws.with_socket(WebSocket::protocol).unwrap_or_default(),
                ws.queued(),
            )
        };
        let flushed = self.settle_outbox(queued);
        let mut detail = if protocol.is_empty() {
            "no subprotocol".to_owned()
        } else {
            format!("subprotocol {protocol:?}")
        };
        if reconnected {
            self.reconnects += 1;
            detail = format!("reconnect {} · {detail}", self.reconnects);
        }
        if flushed > 0 {
            detail.push_str(&format!(" · the {flushed} queued messages went first"));
        }
        self.view.log.add(Kind::Open, &detail);
    }

    /// The stream ended: the socket is closed for good, or gave up.
    fn events_ended(&mut self) {
        self.events_ended = true;
        self.live.set(false);
        let why = match self.phase {
            Phase::GaveUp => None,
            Phase::Waiting { .. } | Phase::Retrying { .. } => {
                Some("closed by the page while waiting to retry: the retry is cancelled")
            }
            _ if self.closed_by_page => Some("closed by the page: no retry follows"),
            _ => Some("the policy does not retry this close: no retry follows"),
        };
        if self.phase != Phase::GaveUp {
            self.phase = Phase::Ended;
        }
        let unsent = self.ws.0.borrow().queued();
        let unsent = match unsent {
            0 => String::new(),
            n => format!(" ({n} queued messages never went out)"),
        };
        if let Some(why) = why {
            self.view.log.add(Kind::Info, &format!("{why}{unsent}"));
        } else if !unsent.is_empty() {
            self.view.log.add(Kind::Info, unsent.trim());
        }
        self.refresh();
    }

    fn tick(&mut self) {
        self.refresh();
        let idle =
            self.events_ended && self.burst.is_none() && self.counters.borrow_mut().is_quiet(now());
        if idle {
            // Done and the throughput has fallen to 0: nothing left to watch.
            self.ticker = None;
        }
    }

    fn apply_binary_type(&self) {
        self.ws.0.borrow().with_socket(|socket| {
            if socket.binary_type() != self.binary_type {
                socket.set_binary_type(self.binary_type);
            }
        });
    }

    /// Counts as Out what has left the offline queue, now that it holds `queued`; returns
    /// how many messages that was.
    fn settle_outbox(&self, queued: usize) -> usize {
        let left = self.outbox.borrow_mut().left(queued);
        let mut counters = self.counters.borrow_mut();
        for bytes in &left {
            counters.record(Direction::Out, *bytes, now());
        }
        left.len()
    }

    fn refresh(&mut self) {
        let (state, buffered, queued, has_socket) = {
            let ws = self.ws.0.borrow();
            (
                ws.ready_state(),
                ws.with_socket(WebSocket::buffered_amount).unwrap_or(0),
                ws.queued(),
                ws.with_socket(|_| ()).is_some(),
            )
        };
        // The retry has started: while waiting there is no socket at all.
        if let (Phase::Waiting { attempt, .. }, true) = (self.phase, has_socket) {
            self.phase = Phase::Retrying { attempt };
        }
        self.settle_outbox(queued);
        self.peak_buffered = self.peak_buffered.max(buffered);
        let now = now();
        let status = &self.view.status;
        if self.phase.is_reconnecting() {
            status.show_reconnecting();
        } else {
            status.show_state(state);
        }
        status.show_buffered(buffered, self.peak_buffered);
        status.show_counters(&mut self.counters.borrow_mut(), now);
        status.show_reconnect(self.phase, now, self.reconnects, queued);
    }
}
