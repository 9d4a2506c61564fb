//! Reconnect mode: the socket Connect makes when "Reconnect automatically" is ticked, and
//! how the task drives it: its events (the reconnects between connections included), the
//! buttons' commands, and the readouts, with the Reconnect line's countdown.
//!
//! A `ReconnectingWebSocket` is not split into halves: the task keeps it in a [`Shared`]
//! cell, polls its events from there, and a burst sends through the same socket's `Sink`.

use std::cell::RefCell;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use browser_websocket::{
    BinaryType, Error, GiveUp, Heartbeat, Message, OfflineQueue, ReconnectEvent, ReconnectPolicy,
    ReconnectingWebSocket, Sent, WebSocket, WebSocketBuilder, WhenFull,
};
use futures_util::{Sink, SinkExt, StreamExt};

use crate::burst;
use crate::controls::ReconnectOptions;
use crate::counters::Direction;
use crate::describe::{self, now, size};
use crate::driver::{open_detail, Burst, Readouts, Socket};
use crate::format;
use crate::log::Kind;
use crate::outbox::Outbox;
use crate::reconnect_status::Phase;
use crate::session::Command;

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

/// What a burst hands back: how it went, and when it started.
pub type BurstEnd = (Result<(), Error>, f64);

/// A reconnecting socket, as the task drives it.
pub struct Reconnecting {
    ws: Shared,
    queue: OfflineQueue,
    /// What was handed to the socket and has not left yet: Out counts it once it has.
    outbox: Rc<RefCell<Outbox>>,
    phase: Phase,
    /// Retries that opened.
    reconnects: u32,
    /// A retry's socket starts with Connect's binaryType; the page sets this one on it.
    binary_type: BinaryType,
    /// Whether Close or Disconnect ended it, for the last line of the log.
    closed_by_page: bool,
}

impl Reconnecting {
    /// Takes over `ws`, made with the offline queue `queue`.
    pub fn new(ws: ReconnectingWebSocket, queue: OfflineQueue) -> Reconnecting {
        let binary_type = ws.with_socket(WebSocket::binary_type).unwrap_or_default();
        Reconnecting {
            ws: Shared(Rc::new(RefCell::new(ws))),
            queue,
            outbox: Rc::new(RefCell::new(Outbox::default())),
            phase: Phase::Connecting,
            reconnects: 0,
            binary_type,
            closed_by_page: false,
        }
    }
}

impl Socket for Reconnecting {
    type Event = ReconnectEvent;
    type BurstEnd = BurstEnd;

    fn poll_event(&mut self, cx: &mut Context<'_>) -> Poll<Option<ReconnectEvent>> {
        // Polling the stream is also what runs the retries and the heartbeat.
        self.ws.0.borrow_mut().poll_next_unpin(cx)
    }

    fn command(&mut self, readouts: &mut Readouts, command: Command) {
        match command {
            Command::Send(message) => self.send(readouts, message),
            // The driver starts bursts itself.
            Command::Burst => {}
            Command::Close { code, reason } => {
                let closed = self.ws.0.borrow().close_with(code, &reason);
                match closed {
                    Ok(()) => {
                        self.closed_by_page = true;
                        let text = format!("closing with {code} {reason:?} for good: no retry");
                        readouts.view.log.add(Kind::Info, &text);
                    }
                    Err(error) => readouts.view.report("Close failed", &error),
                }
                self.refresh(readouts);
            }
            Command::Disconnect => {
                let closed = self.ws.0.borrow().close();
                match closed {
                    Ok(()) => {
                        self.closed_by_page = true;
                        let text = "closing with 1000 for good: no retry";
                        readouts.view.log.add(Kind::Info, text);
                    }
                    Err(error) => readouts.view.report("Disconnect failed", &error),
                }
                self.refresh(readouts);
            }
            Command::SetBinaryType(binary_type) => {
                self.binary_type = binary_type;
                self.apply_binary_type();
                let text = format!(
                    "binaryType is now {}, also for the reconnects",
                    binary_type.as_str()
                );
                readouts.view.log.add(Kind::Info, &text);
            }
        }
    }

    fn start_burst(&mut self, readouts: &Readouts) -> Option<Burst<BurstEnd>> {
        if self.queue.when_full() == WhenFull::DropOldest {
            // Through the Sink, what the queue drops is lost without a word (the crate's
            // docs say so): the page could not tell it from what was sent.
            readouts.view.report(
                "Burst refused",
                &"a Sink cannot say what a drop-oldest offline queue drops: \
                  connect with a queue that rejects new sends",
            );
            return None;
        }
        readouts.view.log.add(
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
        Some(Box::pin(async move {
            let result = burst::send(&mut sink, |bytes| outbox.borrow_mut().accepted(bytes)).await;
            (result, started)
        }))
    }

    fn burst_done(&mut self, readouts: &mut Readouts, (result, started): BurstEnd) {
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
                    format::bytes(readouts.peak_buffered.into())
                );
                readouts.view.log.add(Kind::Info, &text);
            }
            Err(error) => {
                // Only `start_send` fails here (the socket's `poll_ready` and `poll_flush`
                // only wait while it is open): the last message was not taken.
                self.outbox.borrow_mut().refused_last();
                readouts.view.report("Burst stopped", &error);
            }
        }
        self.refresh(readouts);
    }

    fn event(&mut self, readouts: &mut Readouts, event: ReconnectEvent) {
        // Messages wait for the next tick: a flood must not redraw the readouts per message.
        let redraw = !matches!(event, ReconnectEvent::Message(_));
        let log = &readouts.view.log;
        match event {
            ReconnectEvent::Open => self.opened(readouts),
            ReconnectEvent::Message(message) => readouts.received(&message),
            ReconnectEvent::Error => readouts.browser_error(),
            ReconnectEvent::Closed(close) => {
                self.phase = Phase::Closed;
                log.add(Kind::Closed, &describe::close(&close));
            }
            ReconnectEvent::Reconnecting { attempt, delay } => {
                let millis = delay.as_millis();
                self.phase = Phase::Waiting {
                    attempt,
                    at_ms: now() + millis as f64,
                };
                let text = format!("Reconnecting attempt {attempt} in {millis} ms");
                log.add(Kind::Reconnecting, &text);
            }
            ReconnectEvent::GaveUp(why) => {
                self.phase = Phase::GaveUp;
                let text = match why {
                    GiveUp::AttemptsExhausted { attempts } => {
                        format!("after {attempts} retries in a row")
                    }
                    GiveUp::BadUrl(error) => format!("the retry's URL cannot be used: {error}"),
                };
                log.add(Kind::GaveUp, &text);
            }
            other => log.add(Kind::Info, &format!("{other:?}")),
        }
        if redraw {
            self.refresh(readouts);
        }
    }

    /// The stream ended: the socket is closed for good, or gave up.
    fn events_ended(&mut self, readouts: &mut Readouts) {
        readouts.live.set(false);
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
            readouts.view.log.add(Kind::Info, &format!("{why}{unsent}"));
        } else if !unsent.is_empty() {
            readouts.view.log.add(Kind::Info, unsent.trim());
        }
        self.refresh(readouts);
    }

    fn refresh(&mut self, readouts: &mut Readouts) {
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
        self.settle_outbox(readouts, queued);
        let status = &readouts.view.status;
        if self.phase.is_reconnecting() {
            status.show_reconnecting();
        } else {
            status.show_state(state);
        }
        readouts.show_traffic(buffered);
        let status = &readouts.view.status;
        status.show_reconnect(self.phase, now(), self.reconnects, queued);
    }
}

impl Reconnecting {
    /// Sends now if open, queues otherwise, and says which: what `send` returned.
    fn send(&mut self, readouts: &mut Readouts, message: Message) {
        let queued = self.ws.0.borrow().queued();
        self.settle_outbox(readouts, queued);
        let detail = describe::message(&message);
        let bytes = size(&message);
        let sent = self.ws.0.borrow().send(message);
        let queued = self.ws.0.borrow().queued();
        let log = &readouts.view.log;
        match sent {
            Ok(Sent::Now) => {
                self.outbox.borrow_mut().accepted(bytes);
                log.add(Kind::Sent, &detail);
            }
            Ok(Sent::Queued) => {
                self.outbox.borrow_mut().accepted(bytes);
                let text = format!("Sent::Queued · {detail} · {queued} waiting");
                log.add(Kind::Queued, &text);
            }
            Ok(Sent::QueuedDroppingOldest(oldest)) => {
                let mut outbox = self.outbox.borrow_mut();
                outbox.dropped_oldest();
                outbox.accepted(bytes);
                let dropped = describe::message(&oldest);
                let text = format!("Sent::QueuedDroppingOldest · {detail} · dropped {dropped}");
                log.add(Kind::Queued, &text);
            }
            Err(error) => readouts.view.report("Send failed", &error),
        }
        self.refresh(readouts);
    }

    /// A connection opened: the first, or a retry that worked, which has just sent what
    /// the offline queue held.
    fn opened(&mut self, readouts: &Readouts) {
        let reconnected = self.phase.is_reconnecting();
        self.phase = Phase::Open;
        self.apply_binary_type();
        let (url, protocol, queued) = {
            let ws = self.ws.0.borrow();
            (
                ws.with_socket(WebSocket::url).unwrap_or_default(),
                ws.with_socket(WebSocket::protocol).unwrap_or_default(),
                ws.queued(),
            )
        };
        let flushed = self.settle_outbox(readouts, queued);
        let mut detail = open_detail(&url, &protocol);
        if reconnected {
            self.reconnects += 1;
            detail = format!("reconnect {} · {detail}", self.reconnects);
        }
        if flushed > 0 {
            detail.push_str(&format!(" · the {flushed} queued messages went first"));
        }
        readouts.view.log.add(Kind::Open, &detail);
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
    fn settle_outbox(&self, readouts: &Readouts, queued: usize) -> usize {
        let left = self.outbox.borrow_mut().left(queued);
        let mut counters = readouts.counters.borrow_mut();
        for bytes in &left {
            counters.record(Direction::Out, *bytes, now());
        }
        left.len()
    }
}
