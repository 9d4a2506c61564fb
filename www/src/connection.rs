//! Plain mode: one socket, split into sender and receiver. It shows the socket's events,
//! carries out the buttons' commands, and holds back sends while a burst has the sender.

use std::collections::VecDeque;
use std::rc::Rc;
use std::task::{Context, Poll};

use browser_websocket::{Error, Event, Message, WebSocket, WebSocketReceiver, WebSocketSender};
use futures_util::StreamExt;

use crate::burst;
use crate::counters::Direction;
use crate::describe::{self, now, size};
use crate::driver::{open_detail, Burst, Readouts, Socket};
use crate::format;
use crate::log::Kind;
use crate::session::Command;

/// A plain socket, as the task drives it.
pub struct Plain {
    receiver: WebSocketReceiver,
    /// `None` while a burst holds it.
    sender: Option<WebSocketSender>,
    /// Messages sent while a burst held the sender; sent when it ends, in order.
    waiting: VecDeque<Message>,
}

impl Plain {
    pub fn new(ws: WebSocket) -> Plain {
        let (sender, receiver) = ws.split();
        Plain {
            receiver,
            sender: Some(sender),
            waiting: VecDeque::new(),
        }
    }
}

/// What a burst hands back: the sender, how it went, and when it started.
pub type BurstEnd = (WebSocketSender, Result<(), Error>, f64);

impl Socket for Plain {
    type Event = Event;
    type BurstEnd = BurstEnd;

    fn poll_event(&mut self, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        self.receiver.poll_next_unpin(cx)
    }

    fn command(&mut self, readouts: &mut Readouts, command: Command) {
        let view = &readouts.view;
        match command {
            Command::Send(message) => match &self.sender {
                Some(sender) => send(readouts, sender, &message),
                None => {
                    view.log.add(Kind::Info, "queued until the burst ends");
                    self.waiting.push_back(message);
                }
            },
            // The driver starts bursts itself.
            Command::Burst => {}
            Command::Close { code, reason } => {
                match self.receiver.close_with(code, &reason) {
                    Ok(()) => view
                        .log
                        .add(Kind::Info, &format!("closing with {code} {reason:?}")),
                    Err(error) => view.report("Close failed", &error),
                }
                self.refresh(readouts);
            }
            Command::Disconnect => {
                match self.receiver.close() {
                    Ok(()) => view.log.add(Kind::Info, "closing with 1000"),
                    Err(error) => view.report("Disconnect failed", &error),
                }
                self.refresh(readouts);
            }
            Command::SetBinaryType(binary_type) => {
                self.receiver.set_binary_type(binary_type);
                let text = format!("binaryType is now {}", binary_type.as_str());
                view.log.add(Kind::Info, &text);
            }
        }
    }

    fn start_burst(&mut self, readouts: &Readouts) -> Option<Burst<BurstEnd>> {
        let Some(mut sender) = self.sender.take() else {
            readouts
                .view
                .report("Burst refused", &"a burst is already running");
            return None;
        };
        readouts.view.log.add(
            Kind::Info,
            &format!(
                "burst: {} × {} = {} through the Sink (send_all)",
                burst::MESSAGES,
                format::bytes(burst::MESSAGE_BYTES as u64),
                format::bytes(burst::TOTAL_BYTES)
            ),
        );
        let counters = Rc::clone(&readouts.counters);
        let started = now();
        Some(Box::pin(async move {
            let result = burst::send(&mut sender, |bytes| {
                counters.borrow_mut().record(Direction::Out, bytes, now());
            })
            .await;
            (sender, result, started)
        }))
    }

    fn burst_done(&mut self, readouts: &mut Readouts, (sender, result, started): BurstEnd) {
        match result {
            Ok(()) => {
                let text = format!(
                    "burst done: {} in {}, bufferedAmount peaked at {}",
                    format::bytes(burst::TOTAL_BYTES),
                    format::seconds(now() - started),
                    format::bytes(readouts.peak_buffered.into())
                );
                readouts.view.log.add(Kind::Info, &text);
            }
            Err(error) => readouts.view.report("Burst stopped", &error),
        }
        for message in std::mem::take(&mut self.waiting) {
            send(readouts, &sender, &message);
        }
        self.sender = Some(sender);
        self.refresh(readouts);
    }

    fn event(&mut self, readouts: &mut Readouts, event: Event) {
        // Messages wait for the next tick: a flood must not redraw the readouts per message.
        if !matches!(event, Event::Message(_)) {
            self.refresh(readouts);
        }
        match event {
            Event::Open => {
                let detail = open_detail(&self.receiver.url(), &self.receiver.protocol());
                readouts.view.log.add(Kind::Open, &detail);
            }
            Event::Message(message) => readouts.received(&message),
            Event::Error => readouts.browser_error(),
            Event::Closed(close) => {
                readouts.live.set(false);
                readouts
                    .view
                    .log
                    .add(Kind::Closed, &describe::close(&close));
            }
            other => readouts.view.log.add(Kind::Info, &format!("{other:?}")),
        }
    }

    fn refresh(&mut self, readouts: &mut Readouts) {
        readouts.view.status.show_state(self.receiver.ready_state());
        readouts.show_traffic(self.receiver.buffered_amount());
    }
}

/// Sends `message` now, counting and logging it.
fn send(readouts: &Readouts, sender: &WebSocketSender, message: &Message) {
    let sent = match message {
        Message::Text(text) => sender.send_text(text),
        Message::Binary(bytes) => sender.send_bytes(bytes),
        Message::Blob(blob) => sender.send_blob(blob),
    };
    match sent {
        Ok(()) => {
            readouts
                .counters
                .borrow_mut()
                .record(Direction::Out, size(message), now());
            readouts
                .view
                .log
                .add(Kind::Sent, &describe::message(message));
        }
        Err(error) => readouts.view.report("Send failed", &error),
    }
}
