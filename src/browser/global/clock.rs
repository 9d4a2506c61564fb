//! The one clock every timing decision reads.

/// Milliseconds since the Unix epoch, from `Date.now()`: available in windows and workers
/// alike, and the unit every timing decision in this crate is made in.
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}
