//! The status as the reconnect machine keeps it, with absolute times.

use std::time::Duration;

use crate::connection_status::{ClosedBecause, ConnectionStatus};

/// The status as the machine keeps it: absolute times, so that `retry_in` is computed when
/// it is read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Phase {
    Connecting { attempt: u32 },
    Open,
    Waiting { attempt: u32, retry_at: f64 },
    Offline { attempt: u32 },
    Closing,
    Closed(ClosedBecause),
}

impl Phase {
    /// The public status at `now` (milliseconds on the machine's clock).
    pub(crate) fn at(&self, now: f64) -> ConnectionStatus {
        match self {
            Phase::Connecting { attempt: 0 } => ConnectionStatus::Connecting,
            Phase::Connecting { attempt } => ConnectionStatus::Reconnecting { attempt: *attempt },
            Phase::Open => ConnectionStatus::Open,
            Phase::Waiting { attempt, retry_at } => ConnectionStatus::Waiting {
                attempt: *attempt,
                retry_in: Duration::from_secs_f64(((retry_at - now) / 1000.0).max(0.0)),
            },
            Phase::Offline { attempt } => ConnectionStatus::Offline { attempt: *attempt },
            Phase::Closing => ConnectionStatus::Closing,
            Phase::Closed(why) => ConnectionStatus::Closed(why.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_read_as_the_public_status_at_a_time() {
        assert_eq!(
            Phase::Connecting { attempt: 0 }.at(0.0),
            ConnectionStatus::Connecting
        );
        assert_eq!(
            Phase::Connecting { attempt: 3 }.at(0.0),
            ConnectionStatus::Reconnecting { attempt: 3 }
        );
        let waiting = Phase::Waiting {
            attempt: 2,
            retry_at: 5_000.0,
        };
        assert_eq!(
            waiting.at(3_500.0),
            ConnectionStatus::Waiting {
                attempt: 2,
                retry_in: Duration::from_millis(1_500)
            }
        );
        assert_eq!(
            waiting.at(9_000.0),
            ConnectionStatus::Waiting {
                attempt: 2,
                retry_in: Duration::ZERO
            },
            "never negative"
        );
    }
}
