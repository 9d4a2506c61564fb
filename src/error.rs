//! The crate's one error type.

use std::fmt;

use crate::close::{CloseCode, CloseEvent};
use crate::ready_state::ReadyState;

/// Everything that can go wrong, one variant per cause.
///
/// Nothing in this crate panics or lets a JavaScript exception escape on bad input:
/// every fallible call returns this type, and a call that fails changes nothing (a rejected
/// `close_with` leaves the socket open; a rejected send sends nothing).
///
/// ```no_run
/// use browser_websocket::{Error, UrlProblem, WebSocket};
///
/// match WebSocket::connect("ftp://example.com/chat") {
///     Err(Error::InvalidUrl { problem: UrlProblem::UnsupportedScheme(scheme), .. }) => {
///         println!("{scheme} is not a WebSocket scheme: use ws, wss, http, https or a path")
///     }
///     Err(other) => println!("{other}"),
///     Ok(_ws) => {}
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// `connect`: the URL does not name a WebSocket endpoint: it cannot be parsed (or
    /// resolved against the page's or worker's base URL), its scheme is not `ws`, `wss`,
    /// `http` or `https`, or it has a fragment (the browser's `SyntaxError`).
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        problem: UrlProblem,
    },
    /// `connect`: a subprotocol name is empty or has a character outside an HTTP token
    /// (RFC 7230 §3.2.6), so the browser would throw `SyntaxError`.
    InvalidProtocol {
        /// The offending name.
        protocol: String,
    },
    /// `connect`: the same subprotocol name was given twice (the browser's `SyntaxError`).
    DuplicateProtocol {
        /// The repeated name.
        protocol: String,
    },
    /// `connect`: the browser refused the connection for security reasons (its
    /// `SecurityError`), e.g. a blocked port or an insecure `ws:` URL from an `https:` page.
    Security {
        /// The browser's message.
        message: String,
    },
    /// `CloseCode::new`: the number is outside 1000–4999.
    InvalidCloseCode(u16),
    /// `close_with`: browsers may only send 1000 and 3000–4999 (their `InvalidAccessError`).
    CloseCodeNotSendable(CloseCode),
    /// `close_with`: the reason is longer than 123 UTF-8 bytes (the browser's `SyntaxError`).
    CloseReasonTooLong {
        /// The reason's length in UTF-8 bytes.
        bytes: usize,
    },
    /// `WaterMarks::new`: the low mark is above the high mark.
    InvalidWaterMarks {
        /// The high mark given.
        high: u32,
        /// The low mark given.
        low: u32,
    },
    /// A send while the socket is not `OPEN`. The browser throws `InvalidStateError` while
    /// `CONNECTING` and silently discards the data while `CLOSING` or `CLOSED`; this crate
    /// reports all three.
    NotOpen(ReadyState),
    /// A reconnecting socket's `send` while disconnected, with its offline queue full and
    /// set to refuse new messages. The message was not queued.
    QueueFull {
        /// The queue's capacity.
        capacity: usize,
    },
    /// `close`/`close_with` on a socket that is already `CLOSING` or `CLOSED`.
    AlreadyClosing(ReadyState),
    /// `opened`: the connection closed before it opened (refused, unreachable, rejected
    /// handshake). The browser's `error` + `close 1006` pair is this one error.
    ConnectFailed(CloseEvent),
    /// `opened`: the connection was still `CONNECTING` when its
    /// [`connect_timeout`](crate::WebSocketBuilder::connect_timeout) ran out, so it was
    /// abandoned.
    ConnectTimedOut {
        /// The timeout that ran out.
        after: std::time::Duration,
    },
    /// `connect` with [`Transport::Stream`](crate::Transport::Stream) where the browser has
    /// no `WebSocketStream` (or the crate was built without its `stream` feature).
    TransportUnavailable(crate::Transport),
    /// Something the transport in use cannot do, e.g. a `Blob` with the stream transport,
    /// which has no `binaryType` and sends only strings and bytes. Nothing was changed.
    NotSupported {
        /// What was asked for.
        what: &'static str,
        /// The transport in use.
        transport: crate::Transport,
    },
    /// A [`Codec`](crate::Codec) could not encode a value (feature `serde`); the reason.
    Encode(String),
    /// The browser threw an exception this crate does not expect; its name and message.
    Browser {
        /// The exception's name, e.g. `"InvalidStateError"`.
        name: String,
        /// The exception's message.
        message: String,
    },
}

/// What is wrong with a URL given to `connect`.
///
/// `connect` takes what the browser's own constructor takes since the 2023 change to the
/// WHATWG standard, in every browser: absolute `ws:`/`wss:` URLs, `http:`/`https:` URLs
/// (which become `ws:`/`wss:`), and relative URLs such as `/chat`, resolved against the
/// document's base URL in a window and `self.location` in a worker.
///
/// ```no_run
/// use browser_websocket::{Error, UrlProblem, WebSocket};
///
/// // On a page at https://example.com/app/:
/// let ws = WebSocket::connect("/chat")?;
/// assert_eq!(ws.url(), "wss://example.com/chat");
///
/// assert!(matches!(
///     WebSocket::connect("/chat#top"),
///     Err(Error::InvalidUrl { problem: UrlProblem::Fragment, .. })
/// ));
/// # Ok::<(), Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UrlProblem {
    /// A relative URL, and the global scope has no base URL it resolves against (e.g. a
    /// page at `about:blank`).
    Relative,
    /// A scheme other than `ws`, `wss`, `http` or `https`.
    UnsupportedScheme(String),
    /// A `#fragment`, which WebSocket URLs must not have (even an empty one).
    Fragment,
    /// The URL parser refused it; the browser's message.
    Malformed(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidUrl { url, problem } => {
                write!(f, "invalid WebSocket URL {url:?}: {problem}")
            }
            Error::InvalidProtocol { protocol } => {
                write!(
                    f,
                    "invalid subprotocol {protocol:?}: must be a non-empty HTTP token"
                )
            }
            Error::DuplicateProtocol { protocol } => {
                write!(f, "subprotocol {protocol:?} is given twice")
            }
            Error::Security { message } => {
                write!(f, "the browser refused the connection: {message}")
            }
            Error::InvalidCloseCode(code) => write!(f, "close code {code} is outside 1000-4999"),
            Error::CloseCodeNotSendable(code) => {
                write!(
                    f,
                    "close code {code} cannot be sent by a browser: use 1000 or 3000-4999"
                )
            }
            Error::CloseReasonTooLong { bytes } => {
                write!(
                    f,
                    "close reason is {bytes} bytes; at most 123 UTF-8 bytes fit in a close frame"
                )
            }
            Error::InvalidWaterMarks { high, low } => {
                write!(f, "low water mark {low} is above high water mark {high}")
            }
            Error::NotOpen(state) => write!(f, "cannot send: the socket is {state}, not OPEN"),
            Error::QueueFull { capacity } => {
                write!(
                    f,
                    "disconnected, and the offline queue is full ({capacity} messages)"
                )
            }
            Error::AlreadyClosing(state) => {
                write!(f, "cannot close: the socket is already {state}")
            }
            Error::ConnectFailed(close) => {
                write!(
                    f,
                    "the connection failed before it opened (close code {})",
                    close.code
                )
            }
            Error::ConnectTimedOut { after } => {
                write!(f, "the connection did not open within {after:?}")
            }
            Error::TransportUnavailable(transport) => {
                write!(
                    f,
                    "the {transport} transport is not available in this browser"
                )
            }
            Error::NotSupported { what, transport } => {
                write!(f, "{what} is not supported by the {transport} transport")
            }
            Error::Encode(reason) => write!(f, "cannot encode the value: {reason}"),
            Error::Browser { name, message } => write!(f, "the browser threw {name}: {message}"),
        }
    }
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlProblem::Relative => {
                f.write_str("it is relative, and there is no base URL to resolve it against")
            }
            UrlProblem::UnsupportedScheme(scheme) => {
                write!(f, "scheme {scheme:?} is not ws, wss, http or https")
            }
            UrlProblem::Fragment => f.write_str("WebSocket URLs must not have a #fragment"),
            UrlProblem::Malformed(message) => write!(f, "the browser cannot parse it: {message}"),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_cause_and_the_value() {
        let error = Error::CloseCodeNotSendable(CloseCode::NO_STATUS);
        assert_eq!(
            error.to_string(),
            "close code 1005 No Status Received cannot be sent by a browser: use 1000 or 3000-4999"
        );
        let error = Error::InvalidUrl {
            url: "ftp://x".into(),
            problem: UrlProblem::UnsupportedScheme("ftp".into()),
        };
        assert_eq!(
            error.to_string(),
            "invalid WebSocket URL \"ftp://x\": scheme \"ftp\" is not ws, wss, http or https"
        );
        assert_eq!(
            Error::NotOpen(ReadyState::Closing).to_string(),
            "cannot send: the socket is CLOSING, not OPEN"
        );
    }
}
