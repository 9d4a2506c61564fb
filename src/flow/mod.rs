//! The flow layer: when a [`Sink`](futures_sink::Sink) may send, on `bufferedAmount`.
//!
//! - [`WaterMarks`]: the public high/low levels.
//! - `gate`: the hysteresis between them, raised for large messages and fast links (pure).
//! - `poll_delay`: how often a waiting sink re-reads `bufferedAmount` (pure).
//! - `drain`: how fast the browser sends, and the reserve the low mark is raised to so
//!   that a fast link does not run dry between two re-checks (pure).
//! - `sink_flow`: one sink's state on one connection, which performs what those decide.

mod drain;
mod gate;
mod poll_delay;
mod sink_flow;
mod water_marks;

pub(crate) use sink_flow::Flow;
pub use water_marks::WaterMarks;
