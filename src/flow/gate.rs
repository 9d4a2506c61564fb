//! The decision a flow-controlled sink makes: may another message go now?

use crate::flow::water_marks::WaterMarks;

/// The hysteresis between the marks: open until above `high`, then shut until at `low`.
///
/// Two things raise the marks, never above [`Gate::MAX_RAISED_HIGH`] for `high`:
/// - **Large messages**: `high` is at least [`Gate::MESSAGES_IN_FLIGHT`] of the largest
///   message sent so far, so that a sink of 1 MiB messages keeps a few in the buffer
///   rather than one. A message's size is what it added to `bufferedAmount`, which
///   `send()` raises at once (WHATWG WebSockets, `send()` step 3).
/// - **A fast link**: `low` is at least the reserve a [`Drain`](super::drain::Drain)
///   asks for (what the link sends before the next re-check), up to `high`, so that the
///   buffer is refilled before it runs dry.
///
/// With messages of at most a sixteenth of `high` and a link slower than `low` per
/// re-check, the marks are as set: the buffer never holds more than `high` plus one
/// message.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Gate {
    marks: WaterMarks,
    shut: bool,
    /// The largest message seen so far, in bytes.
    largest: u32,
    /// `bufferedAmount` when the gate last admitted a message, before it was sent; `None`
    /// while shut.
    admitted_at: Option<u32>,
}

impl Gate {
    /// `high` is raised to hold at least this many of the largest message.
    pub(crate) const MESSAGES_IN_FLIGHT: u32 = 16;
    /// No raise takes `high` above 16 MiB (marks set higher stay as set).
    pub(crate) const MAX_RAISED_HIGH: u32 = 16 << 20;

    pub(crate) fn new(marks: WaterMarks) -> Gate {
        Gate {
            marks,
            shut: false,
            largest: 0,
            admitted_at: None,
        }
    }

    /// Whether a message may be sent now that `buffered` bytes wait in the browser, and
    /// the buffer should hold `reserve` at a check to last until the next one.
    pub(crate) fn admits(&mut self, buffered: u32, reserve: u32) -> bool {
        if let Some(before) = self.admitted_at {
            self.largest = self.largest.max(buffered.saturating_sub(before));
        }
        let (high, low) = self.marks_in_use(reserve);
        self.shut = if self.shut {
            buffered > low
        } else {
            buffered > high
        };
        self.admitted_at = (!self.shut).then_some(buffered);
        !self.shut
    }

    /// `(high, low)` as raised for the largest message and `reserve`.
    pub(crate) fn marks_in_use(&self, reserve: u32) -> (u32, u32) {
        let for_messages = self
            .largest
            .saturating_mul(Self::MESSAGES_IN_FLIGHT)
            .min(Self::MAX_RAISED_HIGH);
        let high = self.marks.high().max(for_messages);
        let low = self.marks.low().max(reserve.min(high));
        (high, low)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(high: u32, low: u32) -> Gate {
        Gate::new(WaterMarks::new(high, low).expect("low <= high"))
    }

    /// Readings rising by `step` from `from` to `to`: a run of `step`-byte messages.
    fn admits_all(gate: &mut Gate, from: u32, to: u32, step: usize) -> bool {
        (from..=to)
            .step_by(step)
            .all(|buffered| gate.admits(buffered, 0))
    }

    #[test]
    fn gate_admits_up_to_and_including_the_high_mark() {
        let mut gate = gate(100, 20);
        assert!(admits_all(&mut gate, 0, 100, 5));
        assert!(!gate.admits(101, 0));
    }

    #[test]
    fn once_shut_the_gate_waits_for_the_low_mark() {
        let mut gate = gate(100, 20);
        assert!(!gate.admits(150, 0));
        assert!(!gate.admits(100, 0), "below high is not enough");
        assert!(!gate.admits(21, 0));
        assert!(gate.admits(20, 0));
        assert!(
            admits_all(&mut gate, 20, 100, 5),
            "open again until above high"
        );
        assert!(!gate.admits(101, 0));
    }

    #[test]
    fn equal_marks_behave_as_a_single_threshold() {
        let mut gate = gate(50, 50);
        assert!(!gate.admits(51, 0));
        assert!(gate.admits(50, 0));
    }

    #[test]
    fn a_reserve_below_the_low_mark_changes_nothing() {
        let mut gate = gate(100, 20);
        assert!(!gate.admits(101, 19));
        assert!(!gate.admits(21, 19));
        assert!(gate.admits(20, 19));
    }

    #[test]
    fn a_reserve_raises_the_low_mark_up_to_the_high_one_only() {
        let mut gate = gate(100, 20);
        assert!(!gate.admits(101, 50));
        assert!(!gate.admits(51, 50));
        assert!(gate.admits(50, 50), "open again at the reserve");
        assert!(admits_all(&mut gate, 55, 100, 5));
        assert!(!gate.admits(101, 500), "a reserve never raises high");
        assert_eq!(gate.marks_in_use(500), (100, 100));
        assert!(gate.admits(100, 500));
    }

    #[test]
    fn large_messages_raise_the_high_mark_to_sixteen_of_them() {
        let mut gate = gate(1000, 100);
        assert!(gate.admits(0, 0));
        assert!(gate.admits(600, 0), "one message of 600 bytes went out");
        assert_eq!(gate.marks_in_use(0), (9600, 100));
        assert!(admits_all(&mut gate, 600, 9600, 600));
        assert!(!gate.admits(9601, 0));
    }

    #[test]
    fn small_messages_leave_the_marks_as_set() {
        let mut gate = gate(1000, 100);
        assert!(admits_all(&mut gate, 0, 1000, 62));
        assert_eq!(
            gate.marks_in_use(0),
            (1000, 100),
            "62 x 16 is not above 1000"
        );
        assert!(!gate.admits(1001, 0));
    }

    #[test]
    fn a_size_is_only_measured_across_an_admitted_send() {
        let mut gate = gate(1000, 100);
        assert!(!gate.admits(5000, 0), "shut: nothing was sent from here");
        assert!(!gate.admits(4000, 0));
        assert!(gate.admits(100, 0));
        assert!(gate.admits(150, 0));
        assert_eq!(gate.marks_in_use(0), (1000, 100), "a 50-byte message");
    }

    #[test]
    fn the_raised_high_mark_is_capped_but_marks_set_higher_stay() {
        let mut gate = gate(1 << 20, 1 << 18);
        assert!(gate.admits(0, 0));
        assert!(
            !gate.admits(100 << 20, 0),
            "one 100 MiB message is above 16 MiB"
        );
        assert_eq!(gate.marks_in_use(0).0, Gate::MAX_RAISED_HIGH);
        let mut big = Gate::new(WaterMarks::new(u32::MAX, 0).expect("valid"));
        assert!(big.admits(0, 0));
        assert!(big.admits(100 << 20, 0));
        assert_eq!(big.marks_in_use(0).0, u32::MAX);
    }
}
