//! The reconnect decisions as a pure state machine: no browser, no timers, no I/O.
//!
//! The [`ReconnectingWebSocket`](crate::ReconnectingWebSocket) tells it what happened and
//! when ([`Happened`], milliseconds on one clock), with a random draw for the jitter when a
//! connection closes, and performs the [`Decision`] it gets back. Everything that decides (failure counting, backoff, which closes retry, the
//! heartbeat, giving up) is here and tested natively.

use std::time::Duration;

use super::heartbeat::{Beat, HeartbeatClock};
use super::phase::Phase;
use crate::close::CloseEvent;
use crate::connection_status::{ClosedBecause, GiveUp};
use crate::error::Error;
use crate::message::Message;
use crate::reconnect::heartbeat::Heartbeat;
use crate::reconnect::policy::ReconnectPolicy;

/// Something that happened to a reconnecting socket.
#[derive(Debug)]
pub(crate) enum Happened<'a> {
    /// The current connection opened.
    Opened,
    /// A message arrived on the current connection.
    Received(&'a Message),
    /// The current connection closed.
    Closed {
        /// Its close event.
        close: &'a CloseEvent,
        /// The socket's draw in `[0, 1)` (`Math.random`) for the jitter of the retry, if
        /// one follows; the policy's own [`random`](ReconnectPolicy::random) replaces it.
        random: f64,
    },
    /// You closed the socket for good (`close`, `close_with`, the Sink's close).
    ClosedByYou,
    /// Time passed: a timer the machine asked for rang, or the socket is being polled.
    TimePassed,
    /// The global scope fired `online`: the device has a network again.
    CameOnline,
    /// A retry is due, but `navigator.onLine` says there is no network.
    WentOffline,
    /// The page came back from the back/forward cache (`pageshow` with `persisted`).
    PageRestored,
    /// The page's document became visible again.
    BecameVisible,
    /// The current connection was still connecting when its connect timeout ran out; its
    /// close follows.
    ConnectTimedOut,
    /// The next connection could not even be started: its URL is unusable.
    ConnectRefused(Error),
}

/// What the socket must do now.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Decision {
    /// Nothing; wait for something to happen (and for [`ReconnectMachine::wake_at`]).
    Wait,
    /// Send the heartbeat's ping on the open connection, then report
    /// [`Happened::TimePassed`] again.
    SendPing,
    /// The heartbeat's deadline passed: close the connection with
    /// [`Heartbeat::TIMEOUT_CODE`]. Its close will be retried.
    CloseStale,
    /// Announce the retry, then wait for it.
    RetryLater {
        /// Which retry in a row it is, from 1.
        attempt: u32,
        /// How long until it starts.
        delay: Duration,
    },
    /// Start the next connection now.
    Connect,
    /// Nothing more will happen: the stream ends after what it has yielded.
    End,
    /// Announce that no more retries will be made, then end.
    GiveUp(GiveUp),
}

/// Which outside signals make a reconnecting socket retry at once, and whether it waits
/// for the network instead of spending attempts while offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lifecycle {
    /// While waiting, retry when `online` fires.
    pub(crate) online: bool,
    /// While waiting, retry when the page comes back from the back/forward cache; while
    /// connected, check the heartbeat then.
    pub(crate) page_restore: bool,
    /// When the page becomes visible and the heartbeat's deadline passed while it was
    /// hidden (timers were throttled), reconnect at once.
    pub(crate) visible: bool,
    /// While `navigator.onLine` is false, make no attempt: wait for `online`.
    pub(crate) pause_offline: bool,
}

impl Default for Lifecycle {
    /// Every trigger on.
    fn default() -> Lifecycle {
        Lifecycle {
            online: true,
            page_restore: true,
            visible: true,
            pause_offline: true,
        }
    }
}

/// The reconnect decisions for one reconnecting socket.
#[derive(Debug)]
pub(crate) struct ReconnectMachine {
    policy: ReconnectPolicy,
    heartbeat: Option<Heartbeat>,
    lifecycle: Lifecycle,
    /// Failed connections in a row since the last stable one.
    failures: u32,
    stage: Stage,
}

/// Where the machine is: a live connection, waiting to retry, or ended. (What it reports is
/// [`Phase`], read from this.)
#[derive(Debug)]
enum Stage {
    /// A connection exists: connecting, open or closing.
    Live(Live),
    /// Between a failure and the next retry.
    Waiting {
        attempt: u32,
        retry_at: f64,
        /// The retry is due but the device is offline: wait for `online`.
        paused: bool,
    },
    Ended(ClosedBecause),
}

/// What belongs to one connection.
#[derive(Debug)]
struct Live {
    /// Which retry in a row made this connection; 0 for the first.
    attempt: u32,
    opened_at: Option<f64>,
    /// Running while open, if a heartbeat is configured.
    heartbeat: Option<HeartbeatClock>,
    closed_by_heartbeat: bool,
    /// Closed because the heartbeat was found overdue when the page came back: retry
    /// without a backoff.
    retry_at_once: bool,
    /// It did not open within the connect timeout.
    timed_out: bool,
    /// You closed it: its close ends the socket.
    closing_for_good: bool,
}

impl Live {
    fn new(attempt: u32) -> Live {
        Live {
            attempt,
            opened_at: None,
            heartbeat: None,
            closed_by_heartbeat: false,
            retry_at_once: false,
            timed_out: false,
            closing_for_good: false,
        }
    }
}

impl ReconnectMachine {
    /// A machine whose first connection has just been started.
    pub(crate) fn new(
        policy: ReconnectPolicy,
        heartbeat: Option<Heartbeat>,
        lifecycle: Lifecycle,
    ) -> ReconnectMachine {
        ReconnectMachine {
            policy,
            heartbeat,
            lifecycle,
            failures: 0,
            stage: Stage::Live(Live::new(0)),
        }
    }

    /// What to do now that `happened` at `now` (milliseconds).
    pub(crate) fn step(&mut self, happened: Happened<'_>, now: f64) -> Decision {
        match (&mut self.stage, happened) {
            (Stage::Ended(_), _) => Decision::Wait,
            (Stage::Live(live), Happened::Opened) => {
                live.opened_at = Some(now);
                live.heartbeat = self
                    .heartbeat
                    .clone()
                    .map(|config| HeartbeatClock::start(config, now));
                Decision::Wait
            }
            (Stage::Live(live), Happened::Received(message)) => {
                if let Some(clock) = &mut live.heartbeat {
                    clock.heard(message, now);
                }
                Decision::Wait
            }
            (Stage::Live(live), Happened::TimePassed) => match &mut live.heartbeat {
                None => Decision::Wait,
                Some(clock) => match clock.beat(now) {
                    Beat::SendPing => Decision::SendPing,
                    Beat::WaitUntil(_) => Decision::Wait,
                    Beat::TimedOut => {
                        live.heartbeat = None;
                        live.closed_by_heartbeat = true;
                        Decision::CloseStale
                    }
                },
            },
            (Stage::Live(live), Happened::ClosedByYou) => {
                live.closing_for_good = true;
                live.heartbeat = None;
                Decision::Wait
            }
            (Stage::Live(_), Happened::Closed { close, random }) => {
                self.after_close(close, random, now)
            }
            (Stage::Live(_), Happened::ConnectRefused(error)) => {
                self.give_up(GiveUp::BadUrl(error))
            }
            (Stage::Live(live), Happened::ConnectTimedOut) => {
                live.timed_out = true;
                Decision::Wait
            }
            (Stage::Live(live), Happened::BecameVisible) if self.lifecycle.visible => {
                close_if_overdue(live, now)
            }
            (Stage::Live(live), Happened::PageRestored) if self.lifecycle.page_restore => {
                close_if_overdue(live, now)
            }
            (
                Stage::Live(_),
                Happened::CameOnline
                | Happened::WentOffline
                | Happened::PageRestored
                | Happened::BecameVisible,
            ) => Decision::Wait,
            (Stage::Waiting { .. }, Happened::ClosedByYou) => {
                self.stage = Stage::Ended(ClosedBecause::ByYou);
                Decision::End
            }
            (
                Stage::Waiting {
                    retry_at, paused, ..
                },
                Happened::TimePassed,
            ) if now >= *retry_at && !*paused => self.start_retry(),
            (Stage::Waiting { paused, .. }, Happened::WentOffline)
                if self.lifecycle.pause_offline =>
            {
                *paused = true;
                Decision::Wait
            }
            (Stage::Waiting { paused, .. }, Happened::CameOnline)
                if self.lifecycle.online || *paused =>
            {
                self.start_retry()
            }
            (Stage::Waiting { .. }, Happened::PageRestored) if self.lifecycle.page_restore => {
                self.start_retry()
            }
            (Stage::Waiting { .. }, _) => Decision::Wait,
        }
    }

    /// Leaves the wait: the next connection starts now.
    fn start_retry(&mut self) -> Decision {
        self.stage = Stage::Live(Live::new(self.attempt()));
        Decision::Connect
    }

    /// The current connection closed: retry, end, or give up.
    fn after_close(&mut self, close: &CloseEvent, random: f64, now: f64) -> Decision {
        let Stage::Live(live) = &self.stage else {
            return Decision::Wait;
        };
        if live.closing_for_good {
            self.stage = Stage::Ended(ClosedBecause::ByYou);
            return Decision::End;
        }
        let failed_by_us = live.closed_by_heartbeat || live.timed_out;
        if !(failed_by_us || self.policy.retries(close)) {
            self.stage = Stage::Ended(ClosedBecause::Final(close.clone()));
            return Decision::End;
        }
        let open_for = live.opened_at.map(|at| duration_between(at, now));
        if open_for.is_some_and(|open_for| self.policy.is_stable(open_for)) {
            self.failures = 0;
        }
        self.failures += 1;
        if !self.policy.allows_attempt(self.failures) {
            return self.give_up(GiveUp::AttemptsExhausted {
                attempts: self.failures - 1,
            });
        }
        let delay = if live.retry_at_once {
            Duration::ZERO
        } else {
            // Your `random` is called only here, once per delay, as it always was.
            let unit = self.policy.draw(|| random);
            self.policy.delay(self.failures, unit)
        };
        self.stage = Stage::Waiting {
            attempt: self.failures,
            retry_at: now + delay.as_secs_f64() * 1000.0,
            paused: false,
        };
        Decision::RetryLater {
            attempt: self.failures,
            delay,
        }
    }

    fn give_up(&mut self, why: GiveUp) -> Decision {
        self.stage = Stage::Ended(ClosedBecause::GaveUp(why.clone()));
        Decision::GiveUp(why)
    }

    /// When the socket should report [`Happened::TimePassed`] next, if ever: the retry
    /// while waiting, the heartbeat's next beat while open.
    pub(crate) fn wake_at(&self) -> Option<f64> {
        match &self.stage {
            Stage::Waiting { paused: true, .. } => None,
            Stage::Waiting { retry_at, .. } => Some(*retry_at),
            Stage::Live(live) => live.heartbeat.as_ref().map(HeartbeatClock::next_beat_at),
            Stage::Ended(_) => None,
        }
    }

    /// Whether a retry is due at `now`, so that the socket asks whether it is online.
    pub(crate) fn retry_due(&self, now: f64) -> bool {
        self.lifecycle.pause_offline
            && matches!(self.stage, Stage::Waiting { retry_at, paused: false, .. } if now >= retry_at)
    }

    /// Whether [`Happened::CameOnline`] would matter now, so that the socket listens for
    /// `online` only while it does.
    pub(crate) fn listens_for_online(&self) -> bool {
        (self.lifecycle.online || self.lifecycle.pause_offline)
            && matches!(self.stage, Stage::Waiting { .. })
    }

    /// Whether [`Happened::PageRestored`] would matter now.
    pub(crate) fn listens_for_page_restore(&self) -> bool {
        self.lifecycle.page_restore
            && match &self.stage {
                Stage::Waiting { .. } => true,
                Stage::Live(live) => live.heartbeat.is_some(),
                Stage::Ended(_) => false,
            }
    }

    /// Whether [`Happened::BecameVisible`] would matter now.
    pub(crate) fn listens_for_visibility(&self) -> bool {
        self.lifecycle.visible
            && matches!(&self.stage, Stage::Live(live) if live.heartbeat.is_some())
    }

    /// The ping to send on [`Decision::SendPing`].
    pub(crate) fn ping(&self) -> Option<&Message> {
        self.heartbeat.as_ref().map(Heartbeat::ping)
    }

    /// Why it ended, once it has.
    pub(crate) fn ending(&self) -> Option<&ClosedBecause> {
        match &self.stage {
            Stage::Ended(ending) => Some(ending),
            _ => None,
        }
    }

    /// What an app shows: connecting, open, waiting, closed and why.
    pub(crate) fn status(&self) -> Phase {
        match &self.stage {
            Stage::Live(live) if live.closing_for_good => Phase::Closing,
            Stage::Live(live) if live.opened_at.is_some() => Phase::Open,
            Stage::Live(live) => Phase::Connecting {
                attempt: live.attempt,
            },
            Stage::Waiting {
                attempt,
                paused: true,
                ..
            } => Phase::Offline { attempt: *attempt },
            Stage::Waiting {
                attempt, retry_at, ..
            } => Phase::Waiting {
                attempt: *attempt,
                retry_at: *retry_at,
            },
            Stage::Ended(why) => Phase::Closed(why.clone()),
        }
    }

    /// Failed connections in a row since the last stable one.
    pub(crate) fn failures(&self) -> u32 {
        self.failures
    }

    /// Which retry in a row the current connection is (0 for the first), or the one
    /// being waited for.
    pub(crate) fn attempt(&self) -> u32 {
        match &self.stage {
            Stage::Live(live) => live.attempt,
            Stage::Waiting { attempt, .. } => *attempt,
            Stage::Ended(_) => self.failures,
        }
    }
}

/// The page is back (visible again, or restored): if the heartbeat's deadline passed
/// meanwhile, the connection is stale; close it and reconnect without a backoff.
fn close_if_overdue(live: &mut Live, now: f64) -> Decision {
    match &live.heartbeat {
        Some(clock) if clock.overdue(now) => {
            live.heartbeat = None;
            live.closed_by_heartbeat = true;
            live.retry_at_once = true;
            Decision::CloseStale
        }
        _ => Decision::Wait,
    }
}

fn duration_between(earlier: f64, later: f64) -> Duration {
    Duration::from_secs_f64(((later - earlier) / 1000.0).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::close::CloseCode;
    use crate::error::UrlProblem;

    /// Ceilings of 100, 200, 400 ... ms.
    fn policy() -> ReconnectPolicy {
        ReconnectPolicy::default()
            .initial_delay(Duration::from_millis(100))
            .max_delay(Duration::from_secs(10))
            .stable_after(Duration::from_secs(5))
    }

    /// `close` arrived, with a draw that makes the delay half the ceiling.
    fn closed(close: &CloseEvent) -> Happened<'_> {
        Happened::Closed { close, random: 0.5 }
    }

    /// The default lifecycle, changed by `change`.
    fn lifecycle(change: impl FnOnce(&mut Lifecycle)) -> Lifecycle {
        let mut lifecycle = Lifecycle::default();
        change(&mut lifecycle);
        lifecycle
    }

    /// Pings every 100 ms, stale after 250 ms of silence.
    fn with_heartbeat(lifecycle: Lifecycle) -> ReconnectMachine {
        let heartbeat = Heartbeat::new(
            "ping",
            Duration::from_millis(100),
            Duration::from_millis(250),
        );
        ReconnectMachine::new(policy(), Some(heartbeat), lifecycle)
    }

    fn machine(policy: ReconnectPolicy) -> ReconnectMachine {
        ReconnectMachine::new(policy, None, Lifecycle::default())
    }

    fn close(code: u16) -> CloseEvent {
        CloseEvent {
            code: CloseCode::new(code).expect("a valid code"),
            reason: String::new(),
            was_clean: code != 1006,
        }
    }

    fn retry(attempt: u32, millis: u64) -> Decision {
        Decision::RetryLater {
            attempt,
            delay: Duration::from_millis(millis),
        }
    }

    /// Waits out the retry announced at `now` and returns the time it started.
    fn wait_out(machine: &mut ReconnectMachine, now: f64) -> f64 {
        let at = machine.wake_at().expect("a retry is scheduled");
        assert!(at >= now);
        assert_eq!(machine.step(Happened::TimePassed, at - 1.0), Decision::Wait);
        assert_eq!(machine.step(Happened::TimePassed, at), Decision::Connect);
        at
    }

    #[test]
    fn each_failure_in_a_row_counts_and_the_backoff_grows() {
        let mut machine = machine(policy());
        let mut now = 0.0;
        for (attempt, millis) in [(1, 50), (2, 100), (3, 200), (4, 400)] {
            assert_eq!(
                machine.step(closed(&close(1006)), now),
                retry(attempt, millis)
            );
            assert_eq!(machine.failures(), attempt);
            assert_eq!(machine.attempt(), attempt);
            now = wait_out(&mut machine, now);
            assert_eq!(machine.attempt(), attempt, "the retry's connection");
        }
    }

    #[test]
    fn the_policy_s_own_random_replaces_the_socket_s_draw() {
        let mut own = machine(policy().random(|| 0.25));
        assert_eq!(
            own.step(
                Happened::Closed {
                    close: &close(1006),
                    random: 0.9
                },
                0.0
            ),
            retry(1, 25)
        );
        let mut socket_s = machine(policy());
        assert_eq!(
            socket_s.step(
                Happened::Closed {
                    close: &close(1006),
                    random: 0.9
                },
                0.0
            ),
            retry(1, 90)
        );
    }

    #[test]
    fn a_stable_connection_resets_the_failure_count() {
        let mut machine = machine(policy());
        assert_eq!(machine.step(closed(&close(1006)), 0.0), retry(1, 50));
        let now = wait_out(&mut machine, 0.0);
        assert_eq!(machine.step(Happened::Opened, now), Decision::Wait);
        // Open for 5 s: stable, so the next failure is the first again.
        assert_eq!(
            machine.step(closed(&close(1006)), now + 5_000.0),
            retry(1, 50)
        );
    }

    #[test]
    fn a_short_lived_connection_does_not_reset_the_count() {
        let mut machine = machine(policy());
        assert_eq!(machine.step(closed(&close(1006)), 0.0), retry(1, 50));
        let now = wait_out(&mut machine, 0.0);
        machine.step(Happened::Opened, now);
        assert_eq!(
            machine.step(closed(&close(1006)), now + 4_999.0),
            retry(2, 100)
        );
    }

    #[test]
    fn your_close_while_waiting_ends_at_once() {
        let mut machine = machine(policy());
        machine.step(closed(&close(1006)), 0.0);
        assert_eq!(machine.step(Happened::ClosedByYou, 10.0), Decision::End);
        assert_eq!(machine.ending(), Some(&ClosedBecause::ByYou));
        assert_eq!(machine.wake_at(), None, "no retry is left scheduled");
        assert_eq!(machine.step(Happened::TimePassed, 1e9), Decision::Wait);
    }

    #[test]
    fn your_close_while_connected_ends_when_the_close_arrives_whatever_its_code() {
        let mut machine = machine(policy());
        machine.step(Happened::Opened, 0.0);
        assert_eq!(machine.step(Happened::ClosedByYou, 1.0), Decision::Wait);
        assert_eq!(machine.ending(), None, "the close has not arrived yet");
        assert_eq!(machine.step(closed(&close(1006)), 2.0), Decision::End);
        assert_eq!(machine.ending(), Some(&ClosedBecause::ByYou));
    }

    #[test]
    fn a_final_close_code_ends_without_a_retry() {
        for code in [1000, 1008, 4000, 4999] {
            let mut machine = machine(policy());
            machine.step(Happened::Opened, 0.0);
            assert_eq!(machine.step(closed(&close(code)), 1.0), Decision::End);
            assert_eq!(machine.ending(), Some(&ClosedBecause::Final(close(code))));
        }
    }

    #[test]
    fn the_heartbeat_pings_each_interval_and_closes_a_silent_connection() {
        let heartbeat = Heartbeat::new(
            "ping",
            Duration::from_millis(100),
            Duration::from_millis(250),
        );
        let mut machine = ReconnectMachine::new(policy(), Some(heartbeat), Lifecycle::default());
        assert_eq!(machine.wake_at(), None, "no heartbeat before open");
        machine.step(Happened::Opened, 0.0);
        assert_eq!(machine.wake_at(), Some(100.0));
        assert_eq!(machine.step(Happened::TimePassed, 50.0), Decision::Wait);
        assert_eq!(
            machine.step(Happened::TimePassed, 100.0),
            Decision::SendPing
        );
        assert_eq!(machine.ping(), Some(&Message::from("ping")));
        assert_eq!(machine.step(Happened::TimePassed, 100.0), Decision::Wait);
        assert_eq!(
            machine.step(Happened::TimePassed, 200.0),
            Decision::SendPing
        );
        assert_eq!(machine.wake_at(), Some(250.0), "the deadline comes first");
        assert_eq!(
            machine.step(Happened::TimePassed, 250.0),
            Decision::CloseStale
        );
        assert_eq!(
            machine.wake_at(),
            None,
            "the heartbeat stops once it closed"
        );
    }

    #[test]
    fn a_reply_keeps_the_heartbeat_alive() {
        let heartbeat = Heartbeat::new(
            "ping",
            Duration::from_millis(100),
            Duration::from_millis(250),
        );
        let mut machine = ReconnectMachine::new(policy(), Some(heartbeat), Lifecycle::default());
        machine.step(Happened::Opened, 0.0);
        machine.step(Happened::Received(&Message::from("pong")), 240.0);
        assert_eq!(
            machine.step(Happened::TimePassed, 250.0),
            Decision::SendPing
        );
        assert_eq!(machine.step(Happened::TimePassed, 250.0), Decision::Wait);
        assert_eq!(
            machine.step(Happened::TimePassed, 490.0),
            Decision::CloseStale
        );
    }

    #[test]
    fn a_close_caused_by_the_heartbeat_is_retried_even_with_a_final_code() {
        let heartbeat = Heartbeat::new(
            "ping",
            Duration::from_millis(100),
            Duration::from_millis(250),
        );
        let mut machine = ReconnectMachine::new(policy(), Some(heartbeat), Lifecycle::default());
        machine.step(Happened::Opened, 0.0);
        assert_eq!(
            machine.step(Happened::TimePassed, 250.0),
            Decision::CloseStale
        );
        // Our own close frame carries 4000, which the default policy treats as final.
        assert_eq!(machine.step(closed(&close(4000)), 260.0), retry(1, 50));
    }

    #[test]
    fn max_attempts_gives_up_after_that_many_retries() {
        let mut machine = machine(policy().max_attempts(Some(2)));
        let mut now = 0.0;
        for attempt in 1..=2 {
            assert!(matches!(
                machine.step(closed(&close(1006)), now),
                Decision::RetryLater { attempt: a, .. } if a == attempt
            ));
            now = wait_out(&mut machine, now);
        }
        let gave_up = GiveUp::AttemptsExhausted { attempts: 2 };
        assert_eq!(
            machine.step(closed(&close(1006)), now),
            Decision::GiveUp(gave_up.clone())
        );
        assert_eq!(machine.ending(), Some(&ClosedBecause::GaveUp(gave_up)));
    }

    #[test]
    fn max_attempts_zero_gives_up_at_the_first_failure() {
        let mut machine = machine(policy().max_attempts(Some(0)));
        assert_eq!(
            machine.step(closed(&close(1006)), 0.0),
            Decision::GiveUp(GiveUp::AttemptsExhausted { attempts: 0 })
        );
    }

    #[test]
    fn retry_when_decides_which_closes_retry() {
        let only_4500 = policy().retry_when(|close: &CloseEvent| close.code.as_u16() == 4500);
        let mut machine = machine(only_4500);
        assert_eq!(machine.step(closed(&close(4500)), 0.0), retry(1, 50));
        wait_out(&mut machine, 0.0);
        assert_eq!(machine.step(closed(&close(1006)), 100.0), Decision::End);
        assert_eq!(machine.ending(), Some(&ClosedBecause::Final(close(1006))));
    }

    #[test]
    fn an_unusable_url_from_the_provider_gives_up() {
        let mut machine = machine(policy());
        machine.step(closed(&close(1006)), 0.0);
        wait_out(&mut machine, 0.0);
        let error = Error::InvalidUrl {
            url: "http://x".into(),
            problem: UrlProblem::UnsupportedScheme("http".into()),
        };
        assert_eq!(
            machine.step(Happened::ConnectRefused(error.clone()), 60.0),
            Decision::GiveUp(GiveUp::BadUrl(error))
        );
        assert!(machine.ending().is_some());
    }

    #[test]
    fn coming_online_retries_at_once_when_enabled() {
        let mut machine = ReconnectMachine::new(policy(), None, Lifecycle::default());
        assert!(!machine.listens_for_online(), "not while connected");
        machine.step(closed(&close(1006)), 0.0);
        assert!(machine.listens_for_online());
        assert_eq!(machine.step(Happened::CameOnline, 1.0), Decision::Connect);
        assert!(!machine.listens_for_online());
        assert_eq!(machine.attempt(), 1);
    }

    #[test]
    fn coming_online_is_ignored_when_disabled_or_connected() {
        let mut machine = ReconnectMachine::new(
            policy(),
            None,
            lifecycle(|l| {
                l.online = false;
                l.pause_offline = false;
            }),
        );
        assert_eq!(machine.step(Happened::CameOnline, 0.0), Decision::Wait);
        machine.step(closed(&close(1006)), 0.0);
        assert!(!machine.listens_for_online());
        assert_eq!(machine.step(Happened::CameOnline, 1.0), Decision::Wait);
        assert_eq!(machine.step(Happened::TimePassed, 50.0), Decision::Connect);
    }

    #[test]
    fn nothing_happens_after_the_end() {
        let mut machine = machine(policy());
        machine.step(closed(&close(1000)), 0.0);
        for happened in [
            Happened::Opened,
            closed(&close(1006)),
            Happened::TimePassed,
            Happened::CameOnline,
            Happened::ClosedByYou,
        ] {
            assert_eq!(machine.step(happened, 1.0), Decision::Wait);
        }
        assert_eq!(machine.ending(), Some(&ClosedBecause::Final(close(1000))));
    }

    #[test]
    fn offline_when_the_retry_is_due_spends_no_attempt_until_online() {
        let mut machine = machine(policy());
        assert_eq!(machine.step(closed(&close(1006)), 0.0), retry(1, 50));
        assert!(!machine.retry_due(49.0));
        assert!(machine.retry_due(50.0));
        assert_eq!(machine.step(Happened::WentOffline, 50.0), Decision::Wait);
        assert!(!machine.retry_due(60.0), "paused");
        assert_eq!(machine.wake_at(), None, "no timer while paused");
        assert_eq!(machine.step(Happened::TimePassed, 1e6), Decision::Wait);
        assert!(machine.listens_for_online());
        assert_eq!(machine.step(Happened::CameOnline, 1e6), Decision::Connect);
        assert_eq!(machine.failures(), 1, "the pause cost no attempt");
        assert_eq!(machine.attempt(), 1);
    }

    #[test]
    fn with_pause_off_an_offline_device_retries_anyway() {
        let mut machine =
            ReconnectMachine::new(policy(), None, lifecycle(|l| l.pause_offline = false));
        machine.step(closed(&close(1006)), 0.0);
        assert!(!machine.retry_due(50.0), "nothing to ask when not pausing");
        assert_eq!(machine.step(Happened::WentOffline, 50.0), Decision::Wait);
        assert_eq!(machine.step(Happened::TimePassed, 50.0), Decision::Connect);
    }

    #[test]
    fn a_page_restored_from_the_cache_retries_at_once_when_enabled() {
        let mut machine = machine(policy());
        machine.step(closed(&close(1006)), 0.0);
        assert!(machine.listens_for_page_restore());
        assert_eq!(machine.step(Happened::PageRestored, 1.0), Decision::Connect);

        let mut off = ReconnectMachine::new(policy(), None, lifecycle(|l| l.page_restore = false));
        off.step(closed(&close(1006)), 0.0);
        assert!(!off.listens_for_page_restore());
        assert_eq!(off.step(Happened::PageRestored, 1.0), Decision::Wait);
    }

    #[test]
    fn visible_again_after_the_heartbeat_deadline_reconnects_without_a_backoff() {
        let mut machine = with_heartbeat(Lifecycle::default());
        assert!(
            !machine.listens_for_visibility(),
            "no heartbeat before open"
        );
        machine.step(Happened::Opened, 0.0);
        assert!(machine.listens_for_visibility());
        // Hidden: no timer ran, so the deadline (250 ms) passed unnoticed.
        assert_eq!(
            machine.step(Happened::BecameVisible, 1_000.0),
            Decision::CloseStale
        );
        assert_eq!(
            machine.step(closed(&close(4000)), 1_001.0),
            retry(1, 0),
            "retried at once, and counted"
        );
        assert_eq!(
            machine.step(Happened::TimePassed, 1_001.0),
            Decision::Connect
        );
    }

    #[test]
    fn visible_again_within_the_deadline_changes_nothing() {
        let mut machine = with_heartbeat(Lifecycle::default());
        machine.step(Happened::Opened, 0.0);
        assert_eq!(machine.step(Happened::BecameVisible, 200.0), Decision::Wait);
        assert_eq!(
            machine.step(Happened::TimePassed, 200.0),
            Decision::SendPing
        );

        let mut off = with_heartbeat(lifecycle(|l| l.visible = false));
        off.step(Happened::Opened, 0.0);
        assert!(!off.listens_for_visibility());
        assert_eq!(off.step(Happened::BecameVisible, 1_000.0), Decision::Wait);
    }

    #[test]
    fn a_page_restored_with_an_overdue_heartbeat_reconnects_too() {
        let mut machine = with_heartbeat(Lifecycle::default());
        machine.step(Happened::Opened, 0.0);
        assert!(machine.listens_for_page_restore());
        assert_eq!(
            machine.step(Happened::PageRestored, 300.0),
            Decision::CloseStale
        );
    }

    #[test]
    fn a_connect_timeout_is_one_failed_attempt_whatever_retry_when_says() {
        let mut machine = machine(policy().retry_when(|_: &CloseEvent| false));
        assert_eq!(
            machine.step(Happened::ConnectTimedOut, 10_000.0),
            Decision::Wait
        );
        assert_eq!(machine.step(closed(&close(1006)), 10_001.0), retry(1, 50));
        assert_eq!(machine.failures(), 1);
    }

    #[test]
    fn the_status_follows_the_phases() {
        let mut machine = machine(policy());
        assert_eq!(machine.status(), Phase::Connecting { attempt: 0 });
        machine.step(Happened::Opened, 0.0);
        assert_eq!(machine.status(), Phase::Open);
        machine.step(closed(&close(1006)), 10.0);
        assert_eq!(
            machine.status(),
            Phase::Waiting {
                attempt: 1,
                retry_at: 60.0
            }
        );
        machine.step(Happened::WentOffline, 60.0);
        assert_eq!(machine.status(), Phase::Offline { attempt: 1 });
        machine.step(Happened::CameOnline, 70.0);
        assert_eq!(machine.status(), Phase::Connecting { attempt: 1 });
        machine.step(Happened::ClosedByYou, 71.0);
        assert_eq!(machine.status(), Phase::Closing);
        machine.step(closed(&close(1000)), 72.0);
        assert_eq!(machine.status(), Phase::Closed(ClosedBecause::ByYou));
    }
}
