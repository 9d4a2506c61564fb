//! What a reconnecting socket is doing, as an app shows it: [`ConnectionStatus`], and why
//! it closed for good ([`ClosedBecause`], [`GiveUp`]).

use std::fmt;
use std::time::Duration;

use crate::close::CloseEvent;
use crate::error::Error;

/// Where a [`ReconnectingWebSocket`](crate::ReconnectingWebSocket) is, kept up to date by
/// the library: what a status bar shows.
///
/// ```no_run
/// # fn run(ws: &browser_websocket::ReconnectingWebSocket) {
/// use browser_websocket::{ClosedBecause, ConnectionStatus};
///
/// let text = match ws.status() {
///     ConnectionStatus::Connecting => "connecting…".to_owned(),
///     ConnectionStatus::Open => "online".to_owned(),
///     ConnectionStatus::Waiting { attempt, retry_in } => {
///         format!("offline; retry {attempt} in {} s", retry_in.as_secs())
///     }
///     ConnectionStatus::Closed(ClosedBecause::GaveUp(why)) => format!("gave up: {why:?}"),
///     other => other.to_string(), // "reconnecting (attempt 2)", "closed by you", ...
/// };
/// # }
/// ```
///
/// It changes in this order: `Connecting`, `Open`, then after a failure `Waiting` (or
/// `Offline`), `Reconnecting`, `Open` again, ... and finally `Closing` and `Closed`.
/// [`status_changes`](crate::ReconnectHandle::status_changes) yields each change.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ConnectionStatus {
    /// The first connection is being made.
    Connecting,
    /// A connection is open: sends go out now.
    Open,
    /// The connection was lost; retry `attempt` starts in `retry_in`. Sends are queued.
    Waiting {
        /// Which retry in a row comes next, from 1.
        attempt: u32,
        /// How long until it starts, as of when the status was read.
        retry_in: Duration,
    },
    /// The retry is due, but the browser says the device is offline: it waits for the
    /// network (see [`pause_while_offline`](crate::ReconnectingBuilder::pause_while_offline)).
    Offline {
        /// Which retry in a row comes next.
        attempt: u32,
    },
    /// Retry `attempt` is connecting.
    Reconnecting {
        /// Which retry in a row this is, from 1.
        attempt: u32,
    },
    /// You closed it; the close is under way.
    Closing,
    /// Closed for good: no retry follows.
    Closed(ClosedBecause),
}

/// Why a reconnecting socket is closed for good.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ClosedBecause {
    /// You closed it (`close`, `close_with`, or the Sink's close).
    ByYou,
    /// The server closed it with a code the policy does not retry (1000, 1008, 4xxx, ...).
    Final(CloseEvent),
    /// It stopped retrying: too many attempts, or the URL provider gave an unusable URL.
    GaveUp(GiveUp),
    /// Its event stream was dropped, and with it the connection.
    Dropped,
}

impl ConnectionStatus {
    /// Whether sends go out now rather than into the queue.
    ///
    /// ```
    /// use browser_websocket::ConnectionStatus;
    ///
    /// assert!(ConnectionStatus::Open.is_open());
    /// assert!(!ConnectionStatus::Reconnecting { attempt: 1 }.is_open());
    /// ```
    pub fn is_open(&self) -> bool {
        matches!(self, ConnectionStatus::Open)
    }

    /// The variant's name, in lowercase: `connecting`, `open`, `waiting`, `offline`,
    /// `reconnecting`, `closing` or `closed`: a stable key for CSS classes and
    /// `data-` attributes.
    ///
    /// ```
    /// use std::time::Duration;
    /// use browser_websocket::ConnectionStatus;
    ///
    /// let waiting = ConnectionStatus::Waiting { attempt: 1, retry_in: Duration::ZERO };
    /// assert_eq!(waiting.kind(), "waiting");
    /// assert_eq!(ConnectionStatus::Open.kind(), "open");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            ConnectionStatus::Connecting => "connecting",
            ConnectionStatus::Open => "open",
            ConnectionStatus::Waiting { .. } => "waiting",
            ConnectionStatus::Offline { .. } => "offline",
            ConnectionStatus::Reconnecting { .. } => "reconnecting",
            ConnectionStatus::Closing => "closing",
            ConnectionStatus::Closed(_) => "closed",
        }
    }

    /// Whether it is closed for good.
    ///
    /// ```
    /// use browser_websocket::{ClosedBecause, ConnectionStatus};
    ///
    /// assert!(ConnectionStatus::Closed(ClosedBecause::ByYou).is_closed());
    /// assert!(!ConnectionStatus::Closing.is_closed());
    /// ```
    pub fn is_closed(&self) -> bool {
        matches!(self, ConnectionStatus::Closed(_))
    }
}

/// Short English for a status line: `connecting`, `open`, `retry 2 in 1.5 s`, `offline`,
/// `reconnecting (attempt 2)`, `closing`, `closed by you`, ...
///
/// ```
/// use std::time::Duration;
/// use browser_websocket::ConnectionStatus;
///
/// let waiting = ConnectionStatus::Waiting { attempt: 2, retry_in: Duration::from_millis(1500) };
/// assert_eq!(waiting.to_string(), "retry 2 in 1.5 s");
/// ```
impl fmt::Display for ConnectionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionStatus::Connecting => f.write_str("connecting"),
            ConnectionStatus::Open => f.write_str("open"),
            ConnectionStatus::Waiting { attempt, retry_in } => {
                let tenths = retry_in.as_millis().div_ceil(100);
                write!(f, "retry {attempt} in {}.{} s", tenths / 10, tenths % 10)
            }
            ConnectionStatus::Offline { attempt } => {
                write!(f, "offline; retry {attempt} when the network is back")
            }
            ConnectionStatus::Reconnecting { attempt } => {
                write!(f, "reconnecting (attempt {attempt})")
            }
            ConnectionStatus::Closing => f.write_str("closing"),
            ConnectionStatus::Closed(ClosedBecause::ByYou) => f.write_str("closed by you"),
            ConnectionStatus::Closed(ClosedBecause::Final(close)) => {
                write!(f, "closed by the server: {}", close.code)?;
                if !close.reason.is_empty() {
                    write!(f, " {:?}", close.reason)?;
                }
                Ok(())
            }
            ConnectionStatus::Closed(ClosedBecause::GaveUp(GiveUp::AttemptsExhausted {
                attempts,
            })) => write!(f, "gave up after {attempts} retries"),
            ConnectionStatus::Closed(ClosedBecause::GaveUp(GiveUp::BadUrl(error))) => {
                write!(f, "gave up: {error}")
            }
            ConnectionStatus::Closed(ClosedBecause::Dropped) => f.write_str("closed (dropped)"),
        }
    }
}

/// Why a reconnecting socket stopped retrying: what [`ReconnectEvent::GaveUp`](crate::ReconnectEvent::GaveUp)
/// and [`ClosedBecause::GaveUp`] carry.
///
/// ```
/// use browser_websocket::{ClosedBecause, ConnectionStatus, GiveUp};
///
/// let why = GiveUp::AttemptsExhausted { attempts: 10 };
/// let status = ConnectionStatus::Closed(ClosedBecause::GaveUp(why));
/// assert_eq!(status.to_string(), "gave up after 10 retries");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum GiveUp {
    /// [`ReconnectPolicy::max_attempts`](crate::ReconnectPolicy::max_attempts) retries in a
    /// row failed.
    AttemptsExhausted {
        /// How many retries were made.
        attempts: u32,
    },
    /// The URL provider returned a URL that cannot be connected to.
    BadUrl(Error),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::close::CloseCode;

    #[test]
    fn statuses_read_as_short_english() {
        let closed = |why| ConnectionStatus::Closed(why).to_string();
        assert_eq!(ConnectionStatus::Open.to_string(), "open");
        assert_eq!(
            ConnectionStatus::Reconnecting { attempt: 2 }.to_string(),
            "reconnecting (attempt 2)"
        );
        assert_eq!(closed(ClosedBecause::ByYou), "closed by you");
        assert_eq!(
            closed(ClosedBecause::Final(CloseEvent {
                code: CloseCode::POLICY_VIOLATION,
                reason: "banned".into(),
                was_clean: true
            })),
            "closed by the server: 1008 Policy Violation \"banned\""
        );
        assert_eq!(
            closed(ClosedBecause::GaveUp(GiveUp::AttemptsExhausted {
                attempts: 5
            })),
            "gave up after 5 retries"
        );
    }

    /// Apps keep statuses in signals and state that may cross threads on the server
    /// (Leptos's `Send + Sync` signals).
    #[test]
    fn statuses_and_what_they_hold_are_send_and_sync() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<ConnectionStatus>();
        send_sync::<ClosedBecause>();
        send_sync::<crate::Error>();
        send_sync::<CloseEvent>();
        send_sync::<GiveUp>();
    }
}
