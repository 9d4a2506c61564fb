//! The task behind the current connection, in either mode: it waits for whichever comes
//! first (a command from the buttons, an event of the socket, the end of a burst, a tick
//! of the readouts) and hands it to the mode's [`Socket`]: `connection.rs` for a plain
//! socket, `reconnecting.rs` for a `ReconnectingWebSocket`.

use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::rc::Rc;
use std::task::{Context, Poll};

use browser_websocket::Message;
use futures_channel::mpsc::UnboundedReceiver;
use futures_util::future::LocalBoxFuture;
use futures_util::{FutureExt, StreamExt};
use gloo_timers::future::IntervalStream;

use crate::counters::{Counters, Direction};
use crate::describe::{self, now, size};
use crate::log::Kind;
use crate::session::Command;
use crate::view::View;

/// How often the readouts refresh while the socket lives: `bufferedAmount` has no event.
const TICK_MS: u32 = 50;

/// A burst in flight; it ends with what the mode needs to finish it.
pub type Burst<T> = LocalBoxFuture<'static, T>;

/// One mode's socket, as the task drives it.
pub trait Socket {
    /// What its stream yields.
    type Event;
    /// What a burst hands back when it ends.
    type BurstEnd;

    /// The next event; for a reconnecting socket, polling is also what runs the retries
    /// and the heartbeat.
    fn poll_event(&mut self, cx: &mut Context<'_>) -> Poll<Option<Self::Event>>;

    /// Carries out a button's command: every one but [`Command::Burst`].
    fn command(&mut self, readouts: &mut Readouts, command: Command);

    /// Starts a burst (none is running), or says on the page why not.
    fn start_burst(&mut self, readouts: &Readouts) -> Option<Burst<Self::BurstEnd>>;

    fn burst_done(&mut self, readouts: &mut Readouts, end: Self::BurstEnd);

    fn event(&mut self, readouts: &mut Readouts, event: Self::Event);

    /// The stream has ended: the socket is done.
    fn events_ended(&mut self, _readouts: &mut Readouts) {}

    /// Redraws the readouts from the socket's state.
    fn refresh(&mut self, readouts: &mut Readouts);
}

/// What both modes show and count.
#[derive(Debug)]
pub struct Readouts {
    pub view: Rc<View>,
    pub counters: Rc<RefCell<Counters>>,
    /// The highest `bufferedAmount` seen on this connection.
    pub peak_buffered: u32,
    /// Turns false once the socket is done; the page's Session reads it.
    pub live: Rc<Cell<bool>>,
}

impl Readouts {
    /// A message arrived: counted, and written to the log.
    pub fn received(&self, message: &Message) {
        self.counters
            .borrow_mut()
            .record(Direction::In, size(message), now());
        self.view
            .log
            .add(Kind::Message, &describe::message(message));
    }

    /// The browser fired `error`.
    pub fn browser_error(&self) {
        self.view.log.add(
            Kind::Error,
            "the browser fired error (it gives scripts no detail)",
        );
    }

    /// Shows `bufferedAmount` with its peak, and the throughput counters.
    pub fn show_traffic(&mut self, buffered: u32) {
        self.peak_buffered = self.peak_buffered.max(buffered);
        let status = &self.view.status;
        status.show_buffered(buffered, self.peak_buffered);
        status.show_counters(&mut self.counters.borrow_mut(), now());
    }
}

/// The Open line's detail: the subprotocol the server chose, if any.
pub fn open_detail(url: &str, protocol: &str) -> String {
    if protocol.is_empty() {
        format!("{url} · no subprotocol")
    } else {
        format!("{url} · subprotocol {protocol:?}")
    }
}

/// Drives `socket` until the page drops its [`Session`](crate::session::Session).
pub async fn run<S: Socket>(
    socket: S,
    view: Rc<View>,
    commands: UnboundedReceiver<Command>,
    live: Rc<Cell<bool>>,
) {
    let driver = Driver {
        socket,
        readouts: Readouts {
            view,
            counters: Rc::new(RefCell::new(Counters::default())),
            peak_buffered: 0,
            live,
        },
        commands,
        events_ended: false,
        burst: None,
        ticker: Some(IntervalStream::new(TICK_MS)),
    };
    driver.run().await;
}

/// What woke the task.
enum Step<E, B> {
    /// The Session was dropped.
    Stop,
    Command(Command),
    Event(E),
    EventsEnded,
    BurstDone(B),
    Tick,
}

struct Driver<S: Socket> {
    socket: S,
    readouts: Readouts,
    commands: UnboundedReceiver<Command>,
    events_ended: bool,
    burst: Option<Burst<S::BurstEnd>>,
    /// `None` once the socket is done and the counters have fallen to 0.
    ticker: Option<IntervalStream>,
}

impl<S: Socket> Driver<S> {
    async fn run(mut self) {
        self.socket.refresh(&mut self.readouts);
        loop {
            match poll_fn(|cx| self.poll_step(cx)).await {
                Step::Stop => return,
                Step::Command(Command::Burst) => self.start_burst(),
                Step::Command(command) => self.socket.command(&mut self.readouts, command),
                Step::Event(event) => self.socket.event(&mut self.readouts, event),
                Step::EventsEnded => {
                    self.events_ended = true;
                    self.socket.events_ended(&mut self.readouts);
                }
                Step::BurstDone(end) => self.socket.burst_done(&mut self.readouts, end),
                Step::Tick => self.tick(),
            }
        }
    }

    fn poll_step(&mut self, cx: &mut Context<'_>) -> Poll<Step<S::Event, S::BurstEnd>> {
        // Commands first: once the Session is dropped, nothing more may reach the page.
        if let Poll::Ready(command) = self.commands.poll_next_unpin(cx) {
            return Poll::Ready(command.map_or(Step::Stop, Step::Command));
        }
        if !self.events_ended {
            if let Poll::Ready(event) = self.socket.poll_event(cx) {
                return Poll::Ready(event.map_or(Step::EventsEnded, Step::Event));
            }
        }
        if let Some(burst) = &mut self.burst {
            if let Poll::Ready(end) = burst.poll_unpin(cx) {
                self.burst = None;
                return Poll::Ready(Step::BurstDone(end));
            }
        }
        if let Some(ticker) = &mut self.ticker {
            if let Poll::Ready(Some(())) = ticker.poll_next_unpin(cx) {
                return Poll::Ready(Step::Tick);
            }
        }
        Poll::Pending
    }

    fn start_burst(&mut self) {
        if self.burst.is_some() {
            self.readouts
                .view
                .report("Burst refused", &"a burst is already running");
            return;
        }
        self.burst = self.socket.start_burst(&self.readouts);
    }

    fn tick(&mut self) {
        self.socket.refresh(&mut self.readouts);
        let idle = !self.readouts.live.get()
            && self.burst.is_none()
            && self.readouts.counters.borrow_mut().is_quiet(now());
        if idle {
            // Done and the throughput has fallen to 0: nothing left to watch.
            self.ticker = None;
        }
    }
}
