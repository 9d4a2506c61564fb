//! A sink's flow control on one connection: the gate, the re-check timer, the close.

use std::task::{Context, Poll};

use super::drain::Drain;
use super::gate::Gate;
use super::poll_delay::PollDelay;
use crate::browser::Connection;
use crate::browser::global::{Timer, now_ms};
use crate::close::CloseCode;
use crate::error::Error;
use crate::flow::water_marks::WaterMarks;
use crate::ready_state::ReadyState;

/// A sink's side of one connection: the water-mark gate and the timer that re-polls it.
///
/// The browser fires no event when its send buffer drains, so a waiting sink re-checks
/// `bufferedAmount` on a timer. The timer exists only while a task waits (an idle sink
/// costs nothing) and adapts: [`PollDelay`] re-checks after 1 ms while the buffer drains
/// and backs off to 64 ms once it has been stuck for 250 ms. The readings taken while
/// waiting tell how fast the browser sends ([`Drain`]), and the gate resumes early enough
/// for the buffer to last until the next check; it also lets a few large messages be
/// buffered at once ([`Gate`]), so a fast link does not run dry between checks.
#[derive(Debug)]
pub(crate) struct Flow {
    gate: Gate,
    delay: PollDelay,
    /// Boxed: the halves of a split carry their `Flow` in a reunite error, kept small.
    drain: Box<Drain>,
    timer: Timer,
    closing: Closing,
}

impl Flow {
    pub(crate) fn new(marks: WaterMarks) -> Flow {
        Flow {
            gate: Gate::new(marks),
            delay: PollDelay::default(),
            drain: Box::default(),
            timer: Timer::default(),
            closing: Closing::NotStarted,
        }
    }

    /// Ready once the buffer allows another message; an error if the socket is not open.
    pub(crate) fn poll_ready(
        &mut self,
        connection: &Connection,
        cx: &mut Context<'_>,
    ) -> Poll<Result<(), Error>> {
        connection.check_open()?;
        // A transport with a writer pushes back itself: no timer, no marks.
        if let Some(ready) = connection.poll_write_ready(cx) {
            return ready.map(Ok);
        }
        let buffered = connection.buffered_amount();
        // A reading after a wait tells how much drained meanwhile, before the gate decides.
        let now = self.drain.watching().then(|| self.observe(buffered));
        if self.gate.admits(buffered, self.drain.reserve()) {
            self.stop_waiting();
            return Poll::Ready(Ok(()));
        }
        let now = now.unwrap_or_else(|| self.observe(buffered));
        self.wake_later(buffered, now, cx);
        Poll::Pending
    }

    /// Ready once the browser has handed every queued byte to the network.
    pub(crate) fn poll_flush(
        &mut self,
        connection: &Connection,
        cx: &mut Context<'_>,
    ) -> Poll<Result<(), Error>> {
        if let Some(done) = connection.poll_writes_done(cx) {
            return done.map(Ok);
        }
        let buffered = connection.buffered_amount();
        if buffered == 0 {
            self.stop_waiting();
            return Poll::Ready(Ok(()));
        }
        // A socket that is no longer open will never send what is left.
        connection.check_open()?;
        let now = self.observe(buffered);
        self.wake_later(buffered, now, cx);
        Poll::Pending
    }

    /// Starts the closing handshake with 1000, then waits for the `close` event; closing
    /// again afterwards is an error.
    pub(crate) fn poll_close(
        &mut self,
        connection: &Connection,
        cx: &mut Context<'_>,
    ) -> Poll<Result<(), Error>> {
        match self.closing {
            Closing::NotStarted => {
                // The browser sends the close frame after the data already buffered.
                connection.close_with(CloseCode::NORMAL, "")?;
                self.closing = Closing::Waiting;
            }
            Closing::Waiting => {}
            Closing::Done => return Poll::Ready(Err(Error::AlreadyClosing(ReadyState::Closed))),
        }
        let closed = connection.poll_closed(cx);
        if closed.is_ready() {
            self.closing = Closing::Done;
        }
        closed.map(|_| Ok(()))
    }

    /// Records a reading taken while waiting; the time it was taken.
    fn observe(&mut self, buffered: u32) -> f64 {
        let now = now_ms();
        self.drain.observe(buffered, now);
        now
    }

    fn wake_later(&mut self, buffered: u32, now: f64, cx: &mut Context<'_>) {
        // Setting it again cancels the old timer: one timer per waiting sink at most.
        self.timer.set(self.delay.next(buffered, now), cx.waker());
    }

    /// The wait is over and a send follows: what drains from here is not comparable.
    fn stop_waiting(&mut self) {
        self.timer.clear();
        self.delay = PollDelay::default();
        self.drain.sending();
    }
}

/// Where this sink is in closing the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closing {
    NotStarted,
    Waiting,
    Done,
}
