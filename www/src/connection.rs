//! The task that drives one plain socket: it owns the socket (split into sender and
//! receiver), shows its events, carries out the buttons' commands and keeps the readouts
//! live while the socket lives.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::poll_fn;
use std::rc::Rc;
use std::task::{Context, Poll};

use browser_websocket::{Error, Event, Message, WebSocket, WebSocketReceiver, WebSocketSender};
use futures_channel::mpsc::UnboundedReceiver;
use futures_util::future::LocalBoxFuture;
use futures_util::{FutureExt, StreamExt};
use gloo_timers::future::IntervalStream;

use crate::burst;
use crate::counters::{Counters, Direction};
use crate::describe::{self, now, size};
use crate::format;
use crate::log::Kind;
use crate::session::Command;
use crate::view::View;

/// How often the readouts refresh while the socket lives: `bufferedAmount` has no event.
pub const TICK_MS: u32 = 50;

/// Drives `ws` until the page drops its [`Session`](crate::session::Session); `live`
/// turns false once the socket has closed.
pub async fn run(
    ws: WebSocket,
    view: Rc<View>,
    commands: UnboundedReceiver<Command>,
    live: Rc<Cell<bool>>,
) {
    let (sender, receiver) = ws.split();
    let driver = Driver {
        view,
        commands,
        receiver,
        events_ended: false,
        sender: Some(sender),
        burst: None,
        waiting: VecDeque::new(),
        ticker: Some(IntervalStream::new(TICK_MS)),
        counters: Rc::new(RefCell::new(Counters::default())),
        peak_buffered: 0,
        live,
    };
    driver.run().await;
}

/// A burst in flight: it holds the sender until every message is in the browser's hands.
type Burst = LocalBoxFuture<'static, (WebSocketSender, Result<(), Error>, f64)>;

/// What woke the task.
enum Step {
    /// The Session was dropped.
    Stop,
    Command(Command),
    Event(Event),
    EventsEnded,
    BurstDone(WebSocketSender, Result<(), Error>, f64),
    Tick,
}

struct Driver {
    view: Rc<View>,
    commands: UnboundedReceiver<Command>,
    receiver: WebSocketReceiver,
    events_ended: bool,
    /// `None` while a burst holds it.
    sender: Option<WebSocketSender>,
    burst: Option<Burst>,
    /// Messages sent while a burst held the sender; sent when it ends, in order.
    waiting: VecDeque<Message>,
    ticker: Option<IntervalStream>,
    counters: Rc<RefCell<Counters>>,
    peak_buffered: u32,
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
                Step::EventsEnded => self.events_ended = true,
                Step::BurstDone(sender, result, started) => {
                    self.burst_done(sender, result, started)
                }
                Step::Tick => self.tick(),
            }
        }
    }

    fn poll_step(&mut self, cx: &mut Context<'_>) -> Poll<Step> {
        // Commands first: once the Session is dropped, nothing more may reach the page.
        if let Poll::Ready(command) = self.commands.poll_next_unpin(cx) {
            return Poll::Ready(command.map_or(Step::Stop, Step::Command));
        }
        if !self.events_ended {
            if let Poll::Ready(event) = self.receiver.poll_next_unpin(cx) {
                return Poll::Ready(event.map_or(Step::EventsEnded, Step::Event));
            }
        }
        if let Some(burst) = &mut self.burst {
            if let Poll::Ready((sender, result, started)) = burst.poll_unpin(cx) {
                self.burst = None;
                return Poll::Ready(Step::BurstDone(sender, result, started));
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
            Command::Send(message) => match &self.sender {
                Some(sender) => self.send(sender, &message),
                None => {
                    self.view.log.add(Kind::Info, "queued until the burst ends");
                    self.waiting.push_back(message);
                }
            },
            Command::Burst => self.start_burst(),
            Command::Close { code, reason } => {
                match self.receiver.close_with(code, &reason) {
                    Ok(()) => self
                        .view
                        .log
                        .add(Kind::Info, &format!("closing with {code} {reason:?}")),
                    Err(error) => self.view.report("Close failed", &error),
                }
                self.refresh();
            }
            Command::Disconnect => {
                match self.receiver.close() {
                    Ok(()) => self.view.log.add(Kind::Info, "closing with 1000"),
                    Err(error) => self.view.report("Disconnect failed", &error),
                }
                self.refresh();
            }
            Command::SetBinaryType(binary_type) => {
                self.receiver.set_binary_type(binary_type);
                let text = format!("binaryType is now {}", binary_type.as_str());
                self.view.log.add(Kind::Info, &text);
            }
        }
    }

    fn send(&self, sender: &WebSocketSender, message: &Message) {
        let sent = match message {
            Message::Text(text) => sender.send_text(text),
            Message::Binary(bytes) => sender.send_bytes(bytes),
            Message::Blob(blob) => sender.send_blob(blob),
        };
        match sent {
            Ok(()) => {
                self.counters
                    .borrow_mut()
                    .record(Direction::Out, size(message), now());
                self.view.log.add(Kind::Sent, &describe::message(message));
            }
            Err(error) => self.view.report("Send failed", &error),
        }
    }

    fn start_burst(&mut self) {
        let Some(mut sender) = self.sender.take() else {
            self.view
                .report("Burst refused", &"a burst is already running");
            return;
        };
        self.view.log.add(
            Kind::Info,
            &format!(
                "burst: {} × {} = {} through the Sink (send_all)",
                burst::MESSAGES,
                format::bytes(burst::MESSAGE_BYTES as u64),
                format::bytes(burst::TOTAL_BYTES)
            ),
        );
        let counters = Rc::clone(&self.counters);
        let started = now();
        self.burst = Some(Box::pin(async move {
            let result = burst::send(&mut sender, |bytes| {
                counters.borrow_mut().record(Direction::Out, bytes, now());
            })
            .await;
            (sender, result, started)
        }));
    }

    fn burst_done(&mut self, sender: WebSocketSender, result: Result<(), Error>, started: f64) {
        match result {
            Ok(()) => {
                let text = format!(
                    "burst done: {} in {}, bufferedAmount peaked at {}",
                    format::bytes(burst::TOTAL_BYTES),
                    format::seconds(now() - started),
                    format::bytes(self.peak_buffered.into())
                );
                self.view.log.add(Kind::Info, &text);
            }
            Err(error) => self.view.report("Burst stopped", &error),
        }
        for message in std::mem::take(&mut self.waiting) {
            self.send(&sender, &message);
        }
        self.sender = Some(sender);
        self.refresh();
    }

    fn event(&mut self, event: Event) {
        // Messages wait for the next tick: a flood must not redraw the readouts per message.
        if !matches!(event, Event::Message(_)) {
            self.refresh();
        }
        match event {
            Event::Open => {
                let protocol = self.receiver.protocol();
                let detail = if protocol.is_empty() {
                    "no subprotocol".to_owned()
                } else {
                    format!("subprotocol {protocol:?}")
                };
                self.view.log.add(Kind::Open, &detail);
            }
            Event::Message(message) => {
                self.counters
                    .borrow_mut()
                    .record(Direction::In, size(&message), now());
                self.view
                    .log
                    .add(Kind::Message, &describe::message(&message));
            }
            Event::Error => self.view.log.add(
                Kind::Error,
                "the browser fired error (it gives scripts no detail)",
            ),
            Event::Closed(close) => {
                self.live.set(false);
                self.view.log.add(Kind::Closed, &describe::close(&close));
            }
            other => self.view.log.add(Kind::Error, &format!("{other:?}")),
        }
    }

    fn tick(&mut self) {
        self.refresh();
        let idle =
            !self.live.get() && self.burst.is_none() && self.counters.borrow_mut().is_quiet(now());
        if idle {
            // Closed and the throughput has fallen to 0: nothing left to watch.
            self.ticker = None;
        }
    }

    fn refresh(&mut self) {
        let buffered = self.receiver.buffered_amount();
        self.peak_buffered = self.peak_buffered.max(buffered);
        let status = &self.view.status;
        status.show_state(self.receiver.ready_state());
        status.show_buffered(buffered, self.peak_buffered);
        status.show_counters(&mut self.counters.borrow_mut(), now());
    }
}
