//! Messages and bytes in each direction, and the throughput over the last second.

use std::collections::VecDeque;

/// How far back "current throughput" looks.
pub const WINDOW_MS: f64 = 1000.0;

/// Which way a message went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    In,
    Out,
}

/// Totals for one connection, plus the recent messages that make up the throughput.
#[derive(Debug, Default)]
pub struct Counters {
    pub messages_in: u64,
    pub messages_out: u64,
    pub bytes_in: u64,
    pub bytes_out: u64,
    /// `(time in ms, size, direction)` of the messages in the last [`WINDOW_MS`].
    recent: VecDeque<(f64, u64, Direction)>,
}

impl Counters {
    /// Counts one message of `size` bytes at `now_ms`.
    pub fn record(&mut self, direction: Direction, size: u64, now_ms: f64) {
        match direction {
            Direction::In => {
                self.messages_in += 1;
                self.bytes_in += size;
            }
            Direction::Out => {
                self.messages_out += 1;
                self.bytes_out += size;
            }
        }
        self.recent.push_back((now_ms, size, direction));
        self.forget_before(now_ms);
    }

    /// Bytes per second in `direction` over the last second.
    pub fn rate(&mut self, direction: Direction, now_ms: f64) -> f64 {
        self.forget_before(now_ms);
        let bytes: u64 = self
            .recent
            .iter()
            .filter(|(_, _, d)| *d == direction)
            .map(|(_, size, _)| size)
            .sum();
        bytes as f64 * 1000.0 / WINDOW_MS
    }

    /// Whether nothing moved in the last second: the throughput reads 0 both ways.
    pub fn is_quiet(&mut self, now_ms: f64) -> bool {
        self.forget_before(now_ms);
        self.recent.is_empty()
    }

    fn forget_before(&mut self, now_ms: f64) {
        while self
            .recent
            .front()
            .is_some_and(|(at, _, _)| *at <= now_ms - WINDOW_MS)
        {
            self.recent.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_count_each_direction_apart() {
        let mut counters = Counters::default();
        counters.record(Direction::Out, 10, 0.0);
        counters.record(Direction::In, 10, 1.0);
        counters.record(Direction::In, 5, 2.0);
        assert_eq!((counters.messages_in, counters.bytes_in), (2, 15));
        assert_eq!((counters.messages_out, counters.bytes_out), (1, 10));
    }

    #[test]
    fn rate_sums_only_the_last_second() {
        let mut counters = Counters::default();
        counters.record(Direction::In, 1000, 0.0);
        counters.record(Direction::In, 500, 600.0);
        assert_eq!(counters.rate(Direction::In, 900.0), 1500.0);
        assert_eq!(counters.rate(Direction::In, 1000.0), 500.0);
        assert_eq!(counters.rate(Direction::Out, 1000.0), 0.0);
        assert_eq!(counters.rate(Direction::In, 1600.0), 0.0);
    }

    #[test]
    fn totals_outlive_the_window() {
        let mut counters = Counters::default();
        counters.record(Direction::Out, 7, 0.0);
        assert!(!counters.is_quiet(999.0));
        assert!(counters.is_quiet(5000.0));
        assert_eq!(counters.bytes_out, 7);
    }
}
