//! Close codes and close events (RFC 6455 §7.4, WHATWG WebSockets §"The close() method").

use std::fmt;

/// The longest close reason the browser accepts, in UTF-8 bytes.
///
/// A close frame's payload is at most 125 bytes (RFC 6455 §5.5), two of which hold the code.
pub const MAX_CLOSE_REASON_BYTES: usize = 123;

/// A WebSocket close status code, as defined by RFC 6455 §7.4.
///
/// A `u16` newtype in the style of `http::StatusCode`: named constants for the codes the
/// RFC and IANA define, [`CloseCode::new`] to check any other number, and predicates that
/// say which range a code belongs to.
///
/// ```
/// use browser_websocket::CloseCode;
///
/// let kicked = CloseCode::new(4001)?;
/// assert!(kicked.is_application());
/// assert!(kicked.is_sendable());
///
/// assert_eq!(CloseCode::NORMAL.as_u16(), 1000);
/// assert_eq!(CloseCode::NORMAL.canonical_reason(), Some("Normal Closure"));
/// assert!(!CloseCode::GOING_AWAY.is_sendable()); // only servers and browsers send 1001
///
/// assert!(CloseCode::new(999).is_err());
/// # Ok::<(), browser_websocket::Error>(())
/// ```
///
/// # Which codes exist
/// [`CloseCode::new`] accepts 1000–4999, the range RFC 6455 gives meaning to. A code the
/// browser reports in a [`CloseEvent`] is kept exactly as the browser reported it.
///
/// # Which codes a browser may send
/// Only 1000 and 3000–4999 ([`CloseCode::is_sendable`]); `WebSocket::close_with` checks
/// this before calling the browser, which would otherwise throw `InvalidAccessError`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CloseCode(pub(crate) u16);

/// Every code RFC 6455 and the IANA registry name, listed once: the constant, the
/// number, the registry's name, and what it means. The constants and
/// [`CloseCode::canonical_reason`] are both made from this table.
macro_rules! close_codes {
    ($( $(#[$doc:meta])* ($name:ident, $code:literal, $reason:literal); )+) => {
        impl CloseCode {
            $(
                $(#[$doc])*
                pub const $name: CloseCode = CloseCode($code);
            )+

            /// The code's name in the IANA registry, where it has one.
            ///
            /// ```
            /// use browser_websocket::CloseCode;
            ///
            /// assert_eq!(CloseCode::ABNORMAL.canonical_reason(), Some("Abnormal Closure"));
            /// assert_eq!(CloseCode::new(4001)?.canonical_reason(), None);
            /// # Ok::<(), browser_websocket::Error>(())
            /// ```
            pub const fn canonical_reason(self) -> Option<&'static str> {
                match self.0 {
                    $( $code => Some($reason), )+
                    _ => None,
                }
            }
        }
    };
}

close_codes! {
    /// 1000: the purpose for which the connection was established has been fulfilled.
    (NORMAL, 1000, "Normal Closure");
    /// 1001: an endpoint is going away (server shutdown, page navigation).
    (GOING_AWAY, 1001, "Going Away");
    /// 1002: an endpoint received a frame that breaks the protocol.
    (PROTOCOL_ERROR, 1002, "Protocol Error");
    /// 1003: an endpoint received a kind of data it cannot accept.
    (UNSUPPORTED_DATA, 1003, "Unsupported Data");
    /// 1004: reserved, with no meaning yet. Never sent.
    (RESERVED, 1004, "Reserved");
    /// 1005: reserved; reported when a close frame carried no code. Never sent.
    (NO_STATUS, 1005, "No Status Received");
    /// 1006: reserved; reported when the connection dropped without a close frame. Never sent.
    (ABNORMAL, 1006, "Abnormal Closure");
    /// 1007: a message's data did not match its type (e.g. invalid UTF-8 in a text message).
    (INVALID_PAYLOAD, 1007, "Invalid Frame Payload Data");
    /// 1008: a message broke the endpoint's policy.
    (POLICY_VIOLATION, 1008, "Policy Violation");
    /// 1009: a message was too big to process.
    (MESSAGE_TOO_BIG, 1009, "Message Too Big");
    /// 1010: the client needed an extension the server did not negotiate.
    (MANDATORY_EXTENSION, 1010, "Mandatory Extension");
    /// 1011: the server hit an unexpected condition.
    (INTERNAL_ERROR, 1011, "Internal Error");
    /// 1012: the server is restarting.
    (SERVICE_RESTART, 1012, "Service Restart");
    /// 1013: the server is overloaded; try again later.
    (TRY_AGAIN_LATER, 1013, "Try Again Later");
    /// 1014: a gateway or proxy got an invalid response from upstream.
    (BAD_GATEWAY, 1014, "Bad Gateway");
    /// 1015: reserved; reported when the TLS handshake failed. Never sent.
    (TLS_HANDSHAKE, 1015, "TLS Handshake");
}

impl CloseCode {
    /// Keeps a code exactly as the browser reported it in a `close` event.
    pub(crate) const fn from_browser(code: u16) -> CloseCode {
        CloseCode(code)
    }

    /// The code as a number.
    ///
    /// ```
    /// assert_eq!(browser_websocket::CloseCode::GOING_AWAY.as_u16(), 1001);
    /// ```
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// Whether a browser may send this code: 1000 or 3000–4999.
    ///
    /// ```
    /// use browser_websocket::CloseCode;
    ///
    /// assert!(CloseCode::NORMAL.is_sendable());
    /// assert!(CloseCode::new(4999)?.is_sendable());
    /// assert!(!CloseCode::NO_STATUS.is_sendable());
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub const fn is_sendable(self) -> bool {
        matches!(self.0, 1000 | 3000..=4999)
    }

    /// Whether the code is one of RFC 6455's own (1000–2999).
    ///
    /// ```
    /// assert!(browser_websocket::CloseCode::ABNORMAL.is_protocol());
    /// ```
    pub const fn is_protocol(self) -> bool {
        matches!(self.0, 1000..=2999)
    }

    /// Whether the code is registered with IANA for libraries and frameworks (3000–3999).
    ///
    /// ```
    /// assert!(browser_websocket::CloseCode::new(3000)?.is_registered());
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub const fn is_registered(self) -> bool {
        matches!(self.0, 3000..=3999)
    }

    /// Whether the code is private to an application (4000–4999).
    ///
    /// ```
    /// assert!(browser_websocket::CloseCode::new(4001)?.is_application());
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub const fn is_application(self) -> bool {
        matches!(self.0, 4000..=4999)
    }

    /// Whether the code is reserved for reporting and never appears in a close frame
    /// (1004, 1005, 1006, 1015).
    ///
    /// ```
    /// assert!(browser_websocket::CloseCode::ABNORMAL.is_reserved());
    /// ```
    pub const fn is_reserved(self) -> bool {
        matches!(
            self,
            CloseCode::RESERVED
                | CloseCode::NO_STATUS
                | CloseCode::ABNORMAL
                | CloseCode::TLS_HANDSHAKE
        )
    }
}

impl fmt::Debug for CloseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CloseCode({})", self.0)
    }
}

/// Shows the number, and the IANA name where there is one: `1000 Normal Closure`, `4001`.
impl fmt::Display for CloseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.canonical_reason() {
            Some(name) => write!(f, "{} {}", self.0, name),
            None => write!(f, "{}", self.0),
        }
    }
}

impl From<CloseCode> for u16 {
    fn from(code: CloseCode) -> u16 {
        code.0
    }
}

/// How a connection ended: the browser's `CloseEvent`, typed.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{CloseCode, WebSocket};
///
/// let ws = WebSocket::connect("wss://example.com/chat")?;
/// let closed = ws.closed().await;
/// if closed.code == CloseCode::ABNORMAL {
///     // The connection dropped without a close frame: worth a reconnect.
/// }
/// println!("closed: {} {:?} clean={}", closed.code, closed.reason, closed.was_clean);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CloseEvent {
    /// The code from the close frame; [`CloseCode::NO_STATUS`] when the frame had none,
    /// [`CloseCode::ABNORMAL`] when no close frame arrived.
    pub code: CloseCode,
    /// The reason from the close frame; empty when there was none.
    pub reason: String,
    /// Whether the closing handshake completed (`wasClean`).
    pub was_clean: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_code_accepts_the_rfc_range() {
        for code in [1000, 1001, 1005, 1006, 2999, 3000, 4000, 4999] {
            assert_eq!(CloseCode::new(code).map(CloseCode::as_u16), Ok(code));
        }
    }

    #[test]
    fn only_1000_and_3000_to_4999_are_sendable() {
        let sendable: Vec<u16> = (1000..=4999)
            .filter(|&n| CloseCode(n).is_sendable())
            .collect();
        let expected: Vec<u16> = std::iter::once(1000).chain(3000..=4999).collect();
        assert_eq!(sendable, expected);
    }

    #[test]
    fn every_named_code_has_its_registry_name_and_only_those_do() {
        let named: Vec<u16> = (0..=u16::MAX)
            .filter(|&n| CloseCode(n).canonical_reason().is_some())
            .collect();
        assert_eq!(named, (1000..=1015).collect::<Vec<u16>>());
        assert_eq!(CloseCode::RESERVED.canonical_reason(), Some("Reserved"));
        assert_eq!(CloseCode::TLS_HANDSHAKE.as_u16(), 1015);
    }

    #[test]
    fn ranges_are_disjoint_and_named() {
        let code = CloseCode(3500);
        assert!(code.is_registered() && !code.is_application() && !code.is_protocol());
        let code = CloseCode(4500);
        assert!(code.is_application() && !code.is_registered());
        assert_eq!(CloseCode::NORMAL.to_string(), "1000 Normal Closure");
        assert_eq!(CloseCode(4001).to_string(), "4001");
    }
}
