//! Where a reconnecting socket stands between its connections, as the Reconnect line
//! shows it.

/// The reconnecting socket's phase, as far as the page has seen it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase {
    /// The first connection is being made.
    Connecting,
    Open,
    /// A connection closed; `Reconnecting` or the end follows at once.
    Closed,
    /// Retry number `attempt` starts at `at_ms` (milliseconds since 1970).
    Waiting {
        attempt: u32,
        at_ms: f64,
    },
    /// Retry number `attempt` is connecting.
    Retrying {
        attempt: u32,
    },
    /// Closed for good: no retry follows.
    Ended,
    /// The socket gave up retrying.
    GaveUp,
}

impl Phase {
    /// The line's text at `now_ms`: `attempt 2, retry in 312 ms`.
    pub fn describe(self, now_ms: f64) -> String {
        match self {
            Phase::Connecting => "connecting".to_owned(),
            Phase::Open => "connected".to_owned(),
            Phase::Closed => "closed".to_owned(),
            Phase::Waiting { attempt, at_ms } => {
                // As an integer: `-0.0` must not show as "-0".
                let left = (at_ms - now_ms).ceil().max(0.0) as u64;
                format!("attempt {attempt}, retry in {left} ms")
            }
            Phase::Retrying { attempt } => format!("attempt {attempt}, connecting"),
            Phase::Ended => "closed for good: no retry".to_owned(),
            Phase::GaveUp => "gave up".to_owned(),
        }
    }

    /// The line's `data-phase`, for the stylesheet and for scripts.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Connecting => "connecting",
            Phase::Open => "open",
            Phase::Closed => "closed",
            Phase::Waiting { .. } => "waiting",
            Phase::Retrying { .. } => "retrying",
            Phase::Ended => "ended",
            Phase::GaveUp => "gave-up",
        }
    }

    /// Whether the badge reads RECONNECTING rather than the current socket's readyState:
    /// from `Reconnecting` until the retry opens (or the socket is done).
    pub fn is_reconnecting(self) -> bool {
        matches!(self, Phase::Waiting { .. } | Phase::Retrying { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_rounds_up_and_stops_at_zero() {
        let waiting = Phase::Waiting {
            attempt: 2,
            at_ms: 1_000.0,
        };
        assert_eq!(waiting.describe(687.5), "attempt 2, retry in 313 ms");
        assert_eq!(waiting.describe(1_000.0), "attempt 2, retry in 0 ms");
        assert_eq!(waiting.describe(1_000.5), "attempt 2, retry in 0 ms");
        assert_eq!(waiting.describe(1_050.0), "attempt 2, retry in 0 ms");
    }

    #[test]
    fn only_waiting_and_retrying_read_reconnecting() {
        let reconnecting = [
            Phase::Waiting {
                attempt: 1,
                at_ms: 0.0,
            },
            Phase::Retrying { attempt: 1 },
        ];
        assert!(reconnecting.iter().all(|phase| phase.is_reconnecting()));
        let settled = [
            Phase::Connecting,
            Phase::Open,
            Phase::Closed,
            Phase::Ended,
            Phase::GaveUp,
        ];
        assert!(settled.iter().all(|phase| !phase.is_reconnecting()));
    }
}
