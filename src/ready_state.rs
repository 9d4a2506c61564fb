//! The connection's `readyState`, typed.

use std::fmt;

/// Where a connection is in its life: the browser's `readyState`.
///
/// ```no_run
/// use browser_websocket::{ReadyState, WebSocket};
///
/// let ws = WebSocket::connect("wss://example.com/chat")?;
/// assert_eq!(ws.ready_state(), ReadyState::Connecting);
/// # Ok::<(), browser_websocket::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReadyState {
    /// `CONNECTING` (0): the handshake has not finished yet.
    Connecting,
    /// `OPEN` (1): messages can be sent and received.
    Open,
    /// `CLOSING` (2): the closing handshake has started.
    Closing,
    /// `CLOSED` (3): the connection is closed or could not be opened.
    Closed,
}

impl ReadyState {
    /// The state for the browser's number, or `None` for a number the spec does not define.
    ///
    /// ```
    /// use browser_websocket::ReadyState;
    ///
    /// assert_eq!(ReadyState::from_u16(1), Some(ReadyState::Open));
    /// assert_eq!(ReadyState::from_u16(7), None);
    /// ```
    pub const fn from_u16(value: u16) -> Option<ReadyState> {
        match value {
            0 => Some(ReadyState::Connecting),
            1 => Some(ReadyState::Open),
            2 => Some(ReadyState::Closing),
            3 => Some(ReadyState::Closed),
            _ => None,
        }
    }

    /// The browser's number for this state.
    ///
    /// ```
    /// assert_eq!(browser_websocket::ReadyState::Closing.as_u16(), 2);
    /// ```
    pub const fn as_u16(self) -> u16 {
        match self {
            ReadyState::Connecting => 0,
            ReadyState::Open => 1,
            ReadyState::Closing => 2,
            ReadyState::Closed => 3,
        }
    }

    /// Reads the browser's number; an unknown one can only mean the socket is unusable.
    pub(crate) const fn from_browser(value: u16) -> ReadyState {
        match ReadyState::from_u16(value) {
            Some(state) => state,
            None => ReadyState::Closed,
        }
    }
}

/// The spec's constant names: `CONNECTING`, `OPEN`, `CLOSING`, `CLOSED`.
impl fmt::Display for ReadyState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReadyState::Connecting => "CONNECTING",
            ReadyState::Open => "OPEN",
            ReadyState::Closing => "CLOSING",
            ReadyState::Closed => "CLOSED",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spec_number_round_trips() {
        for value in 0..=3 {
            let state = ReadyState::from_u16(value).expect("0..=3 are defined");
            assert_eq!(state.as_u16(), value);
        }
    }

    #[test]
    fn unknown_numbers_are_none_and_read_as_closed() {
        assert_eq!(ReadyState::from_u16(4), None);
        assert_eq!(ReadyState::from_browser(4), ReadyState::Closed);
    }

    #[test]
    fn display_uses_the_spec_names() {
        assert_eq!(ReadyState::Open.to_string(), "OPEN");
        assert_eq!(ReadyState::Connecting.to_string(), "CONNECTING");
    }
}
