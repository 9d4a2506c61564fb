//! The live readouts: the readyState badge, the bufferedAmount gauge, the counters and,
//! for a reconnecting socket, the Reconnect line.

use browser_websocket::{ConnectionStatus, ReadyState, WaterMarks};
use web_sys::{Document, Element};

use crate::counters::{Counters, Direction};
use crate::dom::{by_id, set_text, PageError};
use crate::format;

/// The gauge's full scale: twice the Sink's default high-water mark, so both marks show.
pub const GAUGE_MAX: u32 = 2 * WaterMarks::DEFAULT_HIGH;

#[derive(Debug)]
pub struct Status {
    state: Element,
    buffered: Element,
    buffered_peak: Element,
    gauge_fill: Element,
    messages_in: Element,
    messages_out: Element,
    bytes_in: Element,
    bytes_out: Element,
    rate_in: Element,
    rate_out: Element,
    /// The Reconnect line, hidden unless the socket reconnects.
    reconnect: Element,
    reconnect_status: Element,
    reconnects: Element,
    queued: Element,
}

impl Status {
    pub fn find(document: &Document) -> Result<Status, PageError> {
        let status = Status {
            state: by_id(document, "state")?,
            buffered: by_id(document, "buffered")?,
            buffered_peak: by_id(document, "buffered-peak")?,
            gauge_fill: by_id(document, "buffered-fill")?,
            messages_in: by_id(document, "messages-in")?,
            messages_out: by_id(document, "messages-out")?,
            bytes_in: by_id(document, "bytes-in")?,
            bytes_out: by_id(document, "bytes-out")?,
            rate_in: by_id(document, "rate-in")?,
            rate_out: by_id(document, "rate-out")?,
            reconnect: by_id(document, "reconnect-line")?,
            reconnect_status: by_id(document, "reconnect-status")?,
            reconnects: by_id(document, "reconnects")?,
            queued: by_id(document, "queued")?,
        };
        place_marks(document)?;
        Ok(status)
    }

    /// The badge: the spec's name for the state, and `data-state` for its colour.
    pub fn show_state(&self, state: ReadyState) {
        let name = state.to_string();
        self.show_badge(&name, &name.to_ascii_lowercase());
    }

    /// The badge while a reconnecting socket waits to retry, or retries: not a readyState
    /// (the socket in between is `CLOSED` or `CONNECTING`), but what is going on.
    pub fn show_reconnecting(&self) {
        self.show_badge("RECONNECTING", "reconnecting");
    }

    fn show_badge(&self, text: &str, state: &str) {
        set_text(&self.state, text);
        let _ = self.state.set_attribute("data-state", state);
    }

    /// The Reconnect line: the library's status in its own words (`retry 2 in 1.5 s`),
    /// the reconnects so far and the offline queue's length; `data-status` holds the
    /// status's kind, `data-count` the numbers, for the stylesheet and for scripts.
    pub fn show_reconnect(&self, status: &ConnectionStatus, reconnects: u32, queued: usize) {
        set_text(&self.reconnect_status, &status.to_string());
        let _ = self.reconnect.set_attribute("data-status", status.kind());
        for (element, value) in [
            (&self.reconnects, reconnects as usize),
            (&self.queued, queued),
        ] {
            set_text(element, &format::count(value as u64));
            let _ = element.set_attribute("data-count", &value.to_string());
        }
    }

    /// Only a reconnecting socket has a Reconnect line. Showing it shortens the log: see
    /// [`View::show_reconnect_line`](crate::view::View::show_reconnect_line).
    pub fn set_reconnect_shown(&self, shown: bool) {
        let _ = self.reconnect.toggle_attribute_with_force("hidden", !shown);
    }

    /// The gauge and its readouts; `data-bytes` holds the exact numbers for scripts.
    pub fn show_buffered(&self, amount: u32, peak: u32) {
        for (element, value) in [(&self.buffered, amount), (&self.buffered_peak, peak)] {
            set_text(element, &format::bytes(value.into()));
            let _ = element.set_attribute("data-bytes", &value.to_string());
        }
        set_gauge(&self.gauge_fill, amount);
    }

    pub fn show_counters(&self, counters: &mut Counters, now_ms: f64) {
        set_text(&self.messages_in, &format::count(counters.messages_in));
        set_text(&self.messages_out, &format::count(counters.messages_out));
        set_text(&self.bytes_in, &format::bytes(counters.bytes_in));
        set_text(&self.bytes_out, &format::bytes(counters.bytes_out));
        let rate_in = counters.rate(Direction::In, now_ms);
        let rate_out = counters.rate(Direction::Out, now_ms);
        set_text(&self.rate_in, &format::rate(rate_in));
        set_text(&self.rate_out, &format::rate(rate_out));
    }
}

/// The share of [`GAUGE_MAX`] that `amount` fills, as a CSS percentage.
pub fn gauge_percent(amount: u32) -> f64 {
    (f64::from(amount) / f64::from(GAUGE_MAX) * 100.0).min(100.0)
}

fn set_gauge(element: &Element, amount: u32) {
    let style = format!("width: {:.1}%", gauge_percent(amount));
    let _ = element.set_attribute("style", &style);
}

/// Puts the high- and low-water mark ticks where the Sink's defaults lie, and labels
/// the scale, so that the page follows the crate if its defaults change.
fn place_marks(document: &Document) -> Result<(), PageError> {
    let marks = WaterMarks::default();
    for (id, level) in [("mark-high", marks.high()), ("mark-low", marks.low())] {
        let mark: Element = by_id(document, id)?;
        let _ = mark.set_attribute("style", &format!("left: {:.1}%", gauge_percent(level)));
        let _ = mark.set_attribute("title", &format::bytes(level.into()));
    }
    let legend = format!(
        "Sink marks: low {} · high {}",
        format::bytes(marks.low().into()),
        format::bytes(marks.high().into())
    );
    set_text(&by_id(document, "gauge-marks")?, &legend);
    set_text(
        &by_id(document, "gauge-max")?,
        &format::bytes(GAUGE_MAX.into()),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauge_shows_the_high_mark_at_half_scale_and_clamps() {
        assert_eq!(gauge_percent(0), 0.0);
        assert_eq!(gauge_percent(WaterMarks::DEFAULT_HIGH), 50.0);
        assert_eq!(gauge_percent(u32::MAX), 100.0);
    }
}
