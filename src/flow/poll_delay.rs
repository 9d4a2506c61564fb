//! How often a waiting sink re-reads `bufferedAmount`, which has no event.

/// How long to wait before re-reading `bufferedAmount`: 1 ms (browsers stretch nested
/// timers to about 4 ms) while the buffer drains or has been still for less than 250 ms,
/// then doubling up to 64 ms, so that a stalled network does not cost a timer a
/// millisecond. (Browsers update `bufferedAmount` in coarse steps, so a short stillness
/// is not a stall.)
#[derive(Debug, Clone, Copy)]
pub(crate) struct PollDelay {
    millis: u32,
    last_buffered: Option<u32>,
    /// When the buffer was last seen to shrink (milliseconds).
    still_since: Option<f64>,
}

impl PollDelay {
    pub(crate) const MIN_MILLIS: u32 = 1;
    pub(crate) const MAX_MILLIS: u32 = 64;
    /// How long the buffer must stay still before checks back off.
    pub(crate) const STALL_MILLIS: f64 = 250.0;

    /// The wait before the next check, `buffered` being the amount read at `now` (ms).
    pub(crate) fn next(&mut self, buffered: u32, now: f64) -> u32 {
        let draining = self.last_buffered.is_none_or(|last| buffered < last);
        self.last_buffered = Some(buffered);
        if draining {
            self.still_since = None;
            self.millis = Self::MIN_MILLIS;
            return self.millis;
        }
        let still_since = *self.still_since.get_or_insert(now);
        self.millis = if now - still_since < Self::STALL_MILLIS {
            Self::MIN_MILLIS
        } else {
            (self.millis * 2).min(Self::MAX_MILLIS)
        };
        self.millis
    }
}

impl Default for PollDelay {
    fn default() -> PollDelay {
        PollDelay {
            millis: PollDelay::MIN_MILLIS,
            last_buffered: None,
            still_since: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_wait_is_one_millisecond() {
        assert_eq!(PollDelay::default().next(5_000_000, 0.0), 1);
    }

    #[test]
    fn a_buffer_still_for_less_than_250_ms_is_checked_every_millisecond() {
        let mut delay = PollDelay::default();
        let waits: Vec<u32> = (0..10)
            .map(|t| delay.next(1_000, f64::from(t) * 20.0))
            .collect();
        assert_eq!(waits, vec![1; 10]);
    }

    #[test]
    fn a_stalled_buffer_backs_off_to_64_ms() {
        let mut delay = PollDelay::default();
        delay.next(1_000, 0.0);
        delay.next(1_000, 0.0);
        let waits: Vec<u32> = (0..8)
            .map(|i| delay.next(1_000, 300.0 + f64::from(i)))
            .collect();
        assert_eq!(waits, vec![2, 4, 8, 16, 32, 64, 64, 64]);
    }

    #[test]
    fn a_draining_buffer_is_checked_every_millisecond_again() {
        let mut delay = PollDelay::default();
        for t in 0..5 {
            delay.next(1_000, f64::from(t) * 100.0);
        }
        assert_eq!(delay.next(1_000, 500.0), 4);
        assert_eq!(delay.next(999, 501.0), 1);
        assert_eq!(delay.next(999, 502.0), 1);
    }
}
