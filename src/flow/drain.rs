//! How fast the browser empties its send buffer, as a waiting sink sees it.

/// What a waiting sink learns from its `bufferedAmount` readings: how fast the browser
/// sends, and how far apart the re-checks really are. From both comes the
/// [`reserve`](Drain::reserve): the bytes the buffer must still hold at a check so that
/// it does not run dry before the next one, which the gate raises its low mark to (up to
/// its high mark).
///
/// Without it, a fixed low mark starves a fast link: at 500 MB/s (a loopback) 256 KiB
/// drains in half a millisecond, while browsers stretch a waiting sink's 1 ms timer to
/// 4 ms. On a link that drains the low mark slower than the re-checks come, the reserve
/// stays below it and changes nothing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Drain {
    /// When the last reading while waiting was taken (milliseconds); NaN after a send,
    /// which makes the next reading incomparable. (Not an `Option`: a sink's state is
    /// kept small, since the halves of a split carry it in their reunite error.)
    last_at: f64,
    /// What it read.
    last_buffered: u32,
    /// Bytes per millisecond: the latest rate seen, or half the one before if that was
    /// higher (browsers update `bufferedAmount` in steps, so one slow reading is not a
    /// slow link).
    rate: f32,
    /// Milliseconds between re-checks: the longest lately seen, decaying by a quarter
    /// per check.
    gap: f32,
}

impl Drain {
    /// The reserve never exceeds this, however fast the link.
    pub(crate) const MAX_RESERVE: u32 = 16 << 20;
    /// The gap assumed before one is seen: what browsers stretch nested timers to.
    pub(crate) const ASSUMED_GAP_MILLIS: f32 = 4.0;
    /// The reserve covers this many gaps: one for the wait, one for a late timer.
    const GAPS: f32 = 2.0;

    /// Records `buffered`, read at `now` (milliseconds) while this sink waited.
    pub(crate) fn observe(&mut self, buffered: u32, now: f64) {
        // NaN (no reading since a send) compares false.
        let elapsed = (now - self.last_at) as f32;
        if elapsed > 0.0 {
            let sample = self.last_buffered.saturating_sub(buffered) as f32 / elapsed;
            self.rate = if buffered == 0 {
                // An empty buffer only says the link is at least this fast.
                self.rate.max(sample)
            } else {
                sample.max(self.rate / 2.0)
            };
            self.gap = elapsed.max(self.gap * 0.75);
        }
        self.last_at = now;
        self.last_buffered = buffered;
    }

    /// Whether a reading has been taken since the last send: the sink is waiting.
    pub(crate) fn watching(&self) -> bool {
        !self.last_at.is_nan()
    }

    /// This sink is about to send: the next reading starts afresh.
    pub(crate) fn sending(&mut self) {
        self.last_at = f64::NAN;
    }

    /// Bytes the buffer should hold at a check to last until the one after next, at the
    /// rate seen; 0 until a rate has been seen.
    pub(crate) fn reserve(&self) -> u32 {
        let reserve = self.rate * self.gap * Self::GAPS;
        if reserve >= Self::MAX_RESERVE as f32 {
            Self::MAX_RESERVE
        } else {
            reserve as u32
        }
    }
}

impl Default for Drain {
    fn default() -> Drain {
        Drain {
            last_at: f64::NAN,
            last_buffered: 0,
            rate: 0.0,
            gap: Drain::ASSUMED_GAP_MILLIS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u32 = 1 << 20;

    #[test]
    fn nothing_seen_reserves_nothing() {
        let mut drain = Drain::default();
        assert_eq!(drain.reserve(), 0);
        drain.observe(4 * MIB, 0.0);
        assert_eq!(drain.reserve(), 0, "one reading is no rate");
    }

    #[test]
    fn the_reserve_is_two_gaps_at_the_rate_seen() {
        let mut drain = Drain::default();
        drain.observe(4 * MIB, 0.0);
        // 500 KiB per ms over the assumed 4 ms gap: 4 ms of it, twice.
        drain.observe(4 * MIB - 2_048_000, 4.0);
        assert_eq!(drain.reserve(), 500 * 1024 * 8);
    }

    #[test]
    fn a_slow_link_reserves_little() {
        let mut drain = Drain::default();
        drain.observe(MIB, 0.0);
        drain.observe(MIB - 40_000, 4.0); // 10 MB/s
        assert_eq!(drain.reserve(), 80_000, "below the default low mark");
    }

    #[test]
    fn an_empty_buffer_raises_the_rate_but_never_lowers_it() {
        let mut drain = Drain::default();
        drain.observe(2 * MIB, 0.0);
        drain.observe(MIB, 4.0); // 256 KiB per ms
        let seen = drain.reserve();
        assert_eq!(seen, 2 * MIB);
        drain.sending();
        drain.observe(MIB / 2, 8.0);
        drain.observe(0, 12.0); // ran dry: at least 128 KiB per ms, less than seen
        assert_eq!(drain.reserve(), seen);
        drain.sending();
        drain.observe(2 * MIB, 12.0);
        drain.observe(0, 13.0); // ran dry: at least 2 MiB per ms, more than seen
        assert!(drain.reserve() > seen);
    }

    #[test]
    fn one_still_reading_halves_the_rate_instead_of_zeroing_it() {
        let mut drain = Drain::default();
        drain.observe(4 * MIB, 0.0);
        drain.observe(2 * MIB, 4.0);
        let before = drain.reserve();
        drain.observe(2 * MIB, 8.0);
        assert_eq!(drain.reserve(), before / 2);
    }

    #[test]
    fn readings_across_a_send_are_not_compared() {
        let mut drain = Drain::default();
        assert!(!drain.watching());
        drain.observe(MIB, 0.0);
        assert!(drain.watching());
        drain.sending();
        assert!(!drain.watching());
        drain.observe(3 * MIB, 4.0);
        assert_eq!(
            drain.reserve(),
            0,
            "the buffer grew by a send, not by draining"
        );
    }

    #[test]
    fn a_late_timer_widens_the_gap_at_once_and_it_narrows_slowly() {
        let mut drain = Drain::default();
        drain.observe(100 * MIB, 0.0);
        drain.observe(100 * MIB - 16_000, 16.0); // 1 000 B/ms, 16 ms apart
        assert_eq!(drain.reserve(), 32_000);
        drain.observe(100 * MIB - 20_000, 20.0); // 4 ms later: the gap is now 12 ms
        assert_eq!(drain.reserve(), 24_000);
    }

    #[test]
    fn the_reserve_is_capped() {
        let mut drain = Drain::default();
        drain.observe(u32::MAX, 0.0);
        drain.observe(0, 0.001);
        assert_eq!(drain.reserve(), Drain::MAX_RESERVE);
    }
}
