//! When a sender must wait: high and low water marks on `bufferedAmount`.

use crate::Error;

/// The `bufferedAmount` levels between which a sink stops and resumes accepting messages.
///
/// A sink accepts messages while the browser's send buffer is at or below `high`. Once it
/// rises above, the sink waits until the buffer has drained to `low`, so that it resumes
/// with room for a run of messages rather than one at a time.
///
/// ```
/// use browser_websocket::WaterMarks;
///
/// let marks = WaterMarks::new(4 << 20, 1 << 20)?; // stop above 4 MiB, resume at 1 MiB
/// assert_eq!(marks.high(), 4 << 20);
/// assert_eq!(WaterMarks::default().high(), 1 << 20);
/// assert!(WaterMarks::new(10, 20).is_err()); // low above high
/// # Ok::<(), browser_websocket::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WaterMarks {
    high: u32,
    low: u32,
}

impl WaterMarks {
    /// 1 MiB: enough to keep a fast link busy, small enough to stay responsive.
    pub const DEFAULT_HIGH: u32 = 1 << 20;
    /// 256 KiB.
    pub const DEFAULT_LOW: u32 = 256 << 10;

    /// Marks with `low <= high`.
    ///
    /// ```
    /// let marks = browser_websocket::WaterMarks::new(64 << 10, 0)?;
    /// assert_eq!(marks.low(), 0);
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidWaterMarks`] when `low > high`.
    pub fn new(high: u32, low: u32) -> Result<WaterMarks, Error> {
        if low > high {
            return Err(Error::InvalidWaterMarks { high, low });
        }
        Ok(WaterMarks { high, low })
    }

    /// The level above which the sink stops accepting messages.
    ///
    /// ```
    /// assert_eq!(browser_websocket::WaterMarks::default().high(), 1 << 20);
    /// ```
    pub const fn high(self) -> u32 {
        self.high
    }

    /// The level the buffer must drain to before the sink accepts messages again.
    ///
    /// ```
    /// assert_eq!(browser_websocket::WaterMarks::default().low(), 256 << 10);
    /// ```
    pub const fn low(self) -> u32 {
        self.low
    }
}

/// 1 MiB high, 256 KiB low.
impl Default for WaterMarks {
    fn default() -> WaterMarks {
        WaterMarks {
            high: WaterMarks::DEFAULT_HIGH,
            low: WaterMarks::DEFAULT_LOW,
        }
    }
}

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
            self.shut = buffered > self.marks.low;
        } else {
            self.shut = buffered > self.marks.high;
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
    fn low_above_high_is_rejected() {
        assert_eq!(
            WaterMarks::new(1, 2),
            Err(Error::InvalidWaterMarks { high: 1, low: 2 })
        );
        assert!(WaterMarks::new(5, 5).is_ok());
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

    #[test]
    fn defaults_are_one_mebibyte_and_a_quarter() {
        assert_eq!(
            WaterMarks::default(),
            WaterMarks::new(1 << 20, 256 << 10).unwrap()
        );
    }
}
