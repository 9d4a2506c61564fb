//! The decision a flow-controlled sink makes: may another message go now?

use crate::WaterMarks;

/// The hysteresis between the marks: open until above `high`, then shut until at `low`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Gate {
    marks: WaterMarks,
    shut: bool,
}

impl Gate {
    pub(crate) fn new(marks: WaterMarks) -> Gate {
        Gate { marks, shut: false }
    }

    /// Whether a message may be sent now that `buffered` bytes wait in the browser.
    pub(crate) fn admits(&mut self, buffered: u32) -> bool {
        if self.shut {
            self.shut = buffered > self.marks.low();
        } else {
            self.shut = buffered > self.marks.high();
        }
        !self.shut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(high: u32, low: u32) -> Gate {
        Gate::new(WaterMarks::new(high, low).expect("low <= high"))
    }

    #[test]
    fn gate_admits_up_to_and_including_the_high_mark() {
        let mut gate = gate(100, 20);
        assert!(gate.admits(0));
        assert!(gate.admits(100));
        assert!(!gate.admits(101));
    }

    #[test]
    fn once_shut_the_gate_waits_for_the_low_mark() {
        let mut gate = gate(100, 20);
        assert!(!gate.admits(150));
        assert!(!gate.admits(100), "below high is not enough");
        assert!(!gate.admits(21));
        assert!(gate.admits(20));
        assert!(gate.admits(90), "open again until above high");
        assert!(!gate.admits(101));
    }

    #[test]
    fn equal_marks_behave_as_a_single_threshold() {
        let mut gate = gate(50, 50);
        assert!(!gate.admits(51));
        assert!(gate.admits(50));
    }
}
