//! Application-level keep-alive: ping on an interval, reconnect when replies stop.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::close::CloseCode;
use crate::message::Message;

/// Which messages count as a reply; see [`Heartbeat::reply_matches`].
type ReplyPredicate = Arc<dyn Fn(&Message) -> bool>;

/// Sends `ping` every `interval` while open; if no message (or none that
/// [`reply_matches`](Self::reply_matches) accepts) arrives within `deadline`, the
/// connection is closed with 4000 and a reconnect follows.
///
/// Browsers cannot send protocol-level ping frames and do not expose the pongs they
/// answer, so liveness has to be checked with ordinary messages your server answers.
///
/// ```
/// use std::time::Duration;
/// use browser_websocket::{Heartbeat, Message};
///
/// let heartbeat = Heartbeat::new("ping", Duration::from_secs(15), Duration::from_secs(40))
///     .reply_matches(|message: &Message| message.as_text() == Some("pong"));
/// ```
#[derive(Clone)]
pub struct Heartbeat {
    ping: Message,
    interval: Duration,
    deadline: Duration,
    is_reply: Option<ReplyPredicate>,
}

impl Heartbeat {
    /// The close code a heartbeat timeout closes with: 4000, in the application range.
    ///
    /// ```
    /// use browser_websocket::Heartbeat;
    ///
    /// assert_eq!(Heartbeat::TIMEOUT_CODE.as_u16(), 4000);
    /// assert!(Heartbeat::TIMEOUT_CODE.is_application());
    /// ```
    pub const TIMEOUT_CODE: CloseCode = CloseCode::from_browser(4000);
    /// The reason a heartbeat timeout closes with.
    pub const TIMEOUT_REASON: &'static str = "heartbeat timeout";

    /// Pings with `ping` every `interval`; any message counts as a sign of life.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let heartbeat = browser_websocket::Heartbeat::new("ping", Duration::from_secs(10), Duration::from_secs(25));
    /// ```
    pub fn new(ping: impl Into<Message>, interval: Duration, deadline: Duration) -> Heartbeat {
        Heartbeat {
            ping: ping.into(),
            interval,
            deadline,
            is_reply: None,
        }
    }

    /// Only messages this accepts count as a sign of life.
    ///
    /// ```
    /// # use std::time::Duration;
    /// use browser_websocket::{Heartbeat, Message};
    ///
    /// let heartbeat = Heartbeat::new("ping", Duration::from_secs(10), Duration::from_secs(25))
    ///     .reply_matches(|m: &Message| m.as_text() == Some("pong"));
    /// ```
    pub fn reply_matches(mut self, is_reply: impl Fn(&Message) -> bool + 'static) -> Heartbeat {
        self.is_reply = Some(Arc::new(is_reply));
        self
    }

    /// The message it pings with.
    pub(crate) fn ping(&self) -> &Message {
        &self.ping
    }

    fn counts(&self, message: &Message) -> bool {
        self.is_reply
            .as_ref()
            .is_none_or(|is_reply| is_reply(message))
    }
}

impl fmt::Debug for Heartbeat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Heartbeat")
            .field("ping", &self.ping)
            .field("interval", &self.interval)
            .field("deadline", &self.deadline)
            .field("reply_matches", &self.is_reply.is_some())
            .finish()
    }
}

/// What the heartbeat wants done now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Beat {
    /// Send the ping message.
    SendPing,
    /// The deadline passed without a sign of life: close and reconnect.
    TimedOut,
    /// Nothing until this time (milliseconds, the same clock as `now`).
    WaitUntil(f64),
}

/// The heartbeat's timing for one open connection; times in milliseconds.
#[derive(Debug, Clone)]
pub(crate) struct HeartbeatClock {
    config: Heartbeat,
    next_ping: f64,
    last_heard: f64,
}

impl HeartbeatClock {
    /// Starts at `now`, when the connection opened: the first ping is one interval away.
    pub(crate) fn start(config: Heartbeat, now: f64) -> HeartbeatClock {
        let next_ping = now + millis(config.interval);
        HeartbeatClock {
            config,
            next_ping,
            last_heard: now,
        }
    }

    /// A message arrived at `now`.
    pub(crate) fn heard(&mut self, message: &Message, now: f64) {
        if self.config.counts(message) {
            self.last_heard = now;
        }
    }

    /// When [`beat`](Self::beat) next has something to do: the next ping or the deadline.
    pub(crate) fn next_beat_at(&self) -> f64 {
        self.next_ping
            .min(self.last_heard + millis(self.config.deadline))
    }

    /// Whether the deadline has passed at `now` without a sign of life.
    pub(crate) fn overdue(&self, now: f64) -> bool {
        now >= self.last_heard + millis(self.config.deadline)
    }

    /// What to do at `now`. After `SendPing`, ask again for the next wait.
    pub(crate) fn beat(&mut self, now: f64) -> Beat {
        let deadline = self.last_heard + millis(self.config.deadline);
        if self.overdue(now) {
            return Beat::TimedOut;
        }
        if now >= self.next_ping {
            self.next_ping = now + millis(self.config.interval);
            return Beat::SendPing;
        }
        Beat::WaitUntil(self.next_ping.min(deadline))
    }
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(interval: u64, deadline: u64) -> HeartbeatClock {
        let config = Heartbeat::new(
            "ping",
            Duration::from_millis(interval),
            Duration::from_millis(deadline),
        );
        HeartbeatClock::start(config, 0.0)
    }

    #[test]
    fn pings_every_interval_while_replies_come() {
        let mut clock = clock(100, 250);
        assert_eq!(clock.beat(0.0), Beat::WaitUntil(100.0));
        assert_eq!(clock.beat(100.0), Beat::SendPing);
        clock.heard(&Message::from("pong"), 110.0);
        assert_eq!(clock.beat(110.0), Beat::WaitUntil(200.0));
        assert_eq!(clock.beat(200.0), Beat::SendPing);
        assert_eq!(clock.beat(200.0), Beat::WaitUntil(300.0));
    }

    #[test]
    fn silence_past_the_deadline_times_out() {
        let mut clock = clock(100, 250);
        assert_eq!(clock.beat(100.0), Beat::SendPing);
        assert_eq!(clock.beat(200.0), Beat::SendPing);
        assert_eq!(clock.beat(200.0), Beat::WaitUntil(250.0));
        assert_eq!(clock.beat(250.0), Beat::TimedOut);
    }

    #[test]
    fn only_matching_replies_count_when_a_predicate_is_set() {
        let config = Heartbeat::new(
            "ping",
            Duration::from_millis(100),
            Duration::from_millis(250),
        )
        .reply_matches(|m| m.as_text() == Some("pong"));
        let mut clock = HeartbeatClock::start(config, 0.0);
        clock.heard(&Message::from("chat message"), 200.0);
        assert_eq!(clock.beat(250.0), Beat::TimedOut);
        let config = Heartbeat::new(
            "ping",
            Duration::from_millis(100),
            Duration::from_millis(250),
        )
        .reply_matches(|m| m.as_text() == Some("pong"));
        let mut clock = HeartbeatClock::start(config, 0.0);
        clock.heard(&Message::from("pong"), 200.0);
        assert_ne!(clock.beat(250.0), Beat::TimedOut);
    }
}
