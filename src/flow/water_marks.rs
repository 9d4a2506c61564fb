//! When a sender must wait: high and low water marks on `bufferedAmount`.

use crate::error::Error;

/// The `bufferedAmount` levels between which a sink stops and resumes accepting messages.
///
/// A sink accepts messages while the browser's send buffer is at or below `high`. Once it
/// rises above, the sink waits until the buffer has drained to `low`, so that it resumes
/// with room for a run of messages rather than one at a time.
///
/// # Large messages and fast links
/// Two things raise the marks a sink uses (never `high` above 16 MiB by a raise; marks
/// set higher stay as set):
/// - `high` is at least sixteen times the largest message the sink has sent, so that 1 MiB
///   messages go out sixteen at a time rather than one by one.
/// - A waiting sink re-reads `bufferedAmount` on a timer (every 1 ms, which browsers
///   stretch to 4 ms). Where the link would drain `low` before the next check (a loopback
///   or LAN), the sink resumes earlier: at what the link sends in two of the intervals
///   seen, up to `high`.
///
/// With messages of at most a sixteenth of `high` (64 KiB for the default 1 MiB), the
/// buffer never holds more than `high` plus one message.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn low_above_high_is_rejected() {
        assert_eq!(
            WaterMarks::new(1, 2),
            Err(Error::InvalidWaterMarks { high: 1, low: 2 })
        );
        assert!(WaterMarks::new(5, 5).is_ok());
    }

    #[test]
    fn defaults_are_one_mebibyte_and_a_quarter() {
        assert_eq!(
            WaterMarks::default(),
            WaterMarks::new(1 << 20, 256 << 10).unwrap()
        );
    }
}
