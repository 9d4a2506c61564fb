//! Reconnect mode: the socket Connect makes when "Reconnect automatically" is ticked, and
//! how the task drives it: its events (the reconnects between connections included), its
//! status changes, the buttons' commands, and the readouts.
//!
//! The Reconnect line shows the library's own [`ConnectionStatus`]: the task follows
//! `status_changes()`, and each tick reads `status()` again for the countdown.
//!
//! A `ReconnectingWebSocket` is not split into halves: the task keeps it in a
//! [`SocketCell`], polls its events from there, and a burst sends through the same
//! socket's `Sink`.

use std::cell::RefCell;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use browser_websocket::{
    BinaryType, ClosedBecause, ConnectionStatus, Error, GiveUp, Heartbeat, Message, OfflineQueue,
    ReconnectEvent, ReconnectPolicy, ReconnectingWebSocket, Sent, StatusChanges, WebSocket,
    WebSocketBuilder, WhenFull,
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
struct SocketCell(Rc<RefCell<ReconnectingWebSocket>>);

/// The socket's own `Sink`, one borrow per call.
impl Sink<Message> for SocketCell {
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

/// What the task hears from a reconnecting socket.
pub enum Update {
    Event(ReconnectEvent),
    /// The status changed, perhaps with no event: a retry's timer fired.
    Status(ConnectionStatus),
}

/// A reconnecting socket, as the task drives it.
pub struct Reconnecting {
    ws: SocketCell,
    /// `None` once it has yielded `Closed`, its last.
    status_changes: Option<StatusChanges>,
    queue: OfflineQueue,
    /// What was handed to the socket and has not left yet: Out counts it once it has.
    outbox: Rc<RefCell<Outbox>>,
    /// Connections that opened; all but the first were retries.
    opens: u32,
    /// A retry's socket starts with Connect's binaryType; the page sets this one on it.
    binary_type: BinaryType,
}

impl Reconnecting {
    /// Takes over `ws`, made with the offline queue `queue`.
    pub fn new(ws: ReconnectingWebSocket, queue: OfflineQueue) -> Reconnecting {
        let binary_type = ws.with_socket(WebSocket::binary_type).unwrap_or_default();
        Reconnecting {
            status_changes: Some(ws.status_changes()),
            ws: SocketCell(Rc::new(RefCell::new(ws))),
            queue,
            outbox: Rc::new(RefCell::new(Outbox::default())),
            opens: 0,
            binary_type,
        }
    }
}

impl Socket for Reconnecting {
    type Event = Update;
    type BurstEnd = BurstEnd;

    fn poll_event(&mut self, cx: &mut Context<'_>) -> Poll<Option<Update>> {
        if let Some(changes) = &mut self.status_changes {
            match changes.poll_next_unpin(cx) {
                Poll::Ready(Some(status)) => return Poll::Ready(Some(Update::Status(status))),
                Poll::Ready(None) => self.status_changes = None,
                Poll::Pending => {}
            }
        }
        // Polling the events is also what runs the retries and the heartbeat.
        let event = self.ws.0.borrow_mut().poll_next_unpin(cx);
        event.map(|event| event.map(Update::Event))
    }

    fn command(&mut self, readouts: &mut Readouts, command: Command) {
        match command {
            Command::Send(message) => self.send(readouts, message),
            // The driver starts bursts itself.
            Command::Burst => {}
            Command::Close { code, reason } => {
                let retry = self.retry_after_close();
                let closed = self.ws.0.borrow().close_with(code, &reason);
                match closed {
                    Ok(()) => {
                        let text = format!("closing with {code} {reason:?} for good: {retry}");
                        readouts.view.log.add(Kind::Info, &text);
                    }
                    Err(error) => readouts.view.report("Close failed", &error),
                }
                self.refresh(readouts);
            }
            Command::Disconnect => {
                let retry = self.retry_after_close();
                let closed = self.ws.0.borrow().close();
                match closed {
                    Ok(()) => {
                        let text = format!("closing with 1000 for good: {retry}");
                        readouts.view.log.add(Kind::Info, &text);
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

    fn event(&mut self, readouts: &mut Readouts, update: Update) {
        let event = match update {
            Update::Event(event) => event,
            Update::Status(status) => return self.show(readouts, &status),
        };
        // Messages wait for the next tick: a flood must not redraw the readouts per message.
        let redraw = !matches!(event, ReconnectEvent::Message(_));
        let log = &readouts.view.log;
        match event {
            ReconnectEvent::Open => self.opened(readouts),
            ReconnectEvent::Message(message) => readouts.received(&message),
            ReconnectEvent::Error => readouts.browser_error(),
            ReconnectEvent::Closed(close) => log.add(Kind::Closed, &describe::close(&close)),
            ReconnectEvent::Reconnecting { attempt, delay } => {
                let millis = delay.as_millis();
                let text = format!("Reconnecting attempt {attempt} in {millis} ms");
                log.add(Kind::Reconnecting, &text);
            }
            ReconnectEvent::GaveUp(why) => {
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
        let (status, unsent) = {
            let ws = self.ws.0.borrow();
            (ws.status(), ws.queued())
        };
        let unsent = match unsent {
            0 => String::new(),
            n => format!(" ({n} queued messages never went out)"),
        };
        if let ConnectionStatus::Closed(ClosedBecause::GaveUp(_)) = status {
            // The GaveUp line has said why.
            if !unsent.is_empty() {
                readouts.view.log.add(Kind::Info, unsent.trim());
            }
        } else {
            let text = format!("{status} · no retry follows{unsent}");
            readouts.view.log.add(Kind::Info, &text);
        }
        self.show(readouts, &status);
    }

    fn refresh(&mut self, readouts: &mut Readouts) {
        // Read afresh, for the countdown: `Waiting`'s `retry_in` is as of the read.
        let status = self.ws.0.borrow().status();
        self.show(readouts, &status);
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

    /// Redraws the readouts, with `status` on the Reconnect line.
    fn show(&self, readouts: &mut Readouts, status: &ConnectionStatus) {
        let (state, buffered, queued) = {
            let ws = self.ws.0.borrow();
            (
                ws.ready_state(),
                ws.with_socket(WebSocket::buffered_amount).unwrap_or(0),
                ws.queued(),
            )
        };
        self.settle_outbox(readouts, queued);
        let view = &readouts.view.status;
        if between_connections(status) {
            view.show_reconnecting();
        } else {
            view.show_state(state);
        }
        readouts.show_traffic(buffered);
        let reconnects = self.opens.saturating_sub(1);
        readouts
            .view
            .status
            .show_reconnect(status, reconnects, queued);
    }

    /// What a close from the page does to the retries, for the log.
    fn retry_after_close(&self) -> &'static str {
        if between_connections(&self.ws.0.borrow().status()) {
            "the retry is cancelled"
        } else {
            "no retry"
        }
    }

    /// A connection opened: the first, or a retry that worked, which has just sent what
    /// the offline queue held.
    fn opened(&mut self, readouts: &Readouts) {
        self.opens += 1;
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
        if self.opens > 1 {
            detail = format!("reconnect {} · {detail}", self.opens - 1);
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

/// Whether the socket is between connections, so that the badge reads RECONNECTING rather
/// than the readyState of the socket in between (`CLOSED`, then `CONNECTING`).
fn between_connections(status: &ConnectionStatus) -> bool {
    matches!(
        status,
        ConnectionStatus::Waiting { .. }
            | ConnectionStatus::Offline { .. }
            | ConnectionStatus::Reconnecting { .. }
    )
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn only_waiting_offline_and_retrying_are_between_connections() {
        let between = [
            ConnectionStatus::Waiting {
                attempt: 1,
                retry_in: Duration::ZERO,
            },
            ConnectionStatus::Offline { attempt: 1 },
            ConnectionStatus::Reconnecting { attempt: 1 },
        ];
        assert!(between.iter().all(between_connections));
        let settled = [
            ConnectionStatus::Connecting,
            ConnectionStatus::Open,
            ConnectionStatus::Closing,
            ConnectionStatus::Closed(ClosedBecause::ByYou),
        ];
        assert!(!settled.iter().any(between_connections));
    }
}
