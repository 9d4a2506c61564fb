//! [`RpcError`]: why a call has no result.

use std::fmt;

use crate::error::Error;
use crate::typed::DecodeError;

/// Why a call has no result. Every call ends in a result or one of these: none hangs.
///
/// ```
/// use browser_websocket::rpc::RpcError;
///
/// fn explain(error: &RpcError) -> &'static str {
///     match error {
///         RpcError::Timeout => "no reply in time: try again later",
///         RpcError::Disconnected => "the connection dropped with the call on the wire",
///         RpcError::Remote { .. } => "the server refused it",
///         RpcError::Closed => "the connection is closed for good",
///         _ => "a bug on one side",
///     }
/// }
/// assert_eq!(explain(&RpcError::Timeout), "no reply in time: try again later");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RpcError {
    /// No reply before the call's timeout, counted from the call (time spent waiting for
    /// the connection included). A call that timed out while waiting was never sent.
    Timeout,
    /// The connection closed while the call was on the wire: the server may or may not
    /// have run it. Reported at once, not at the timeout.
    Disconnected,
    /// The server answered with an error.
    Remote {
        /// Its code (JSON-RPC: -32601 method not found, -32602 invalid params, ...).
        code: i64,
        /// Its message.
        message: String,
        /// Whatever else it attached.
        data: Option<serde_json::Value>,
    },
    /// The reply's result is not the type the call asked for.
    Decode(DecodeError),
    /// The params could not be encoded; nothing was sent.
    Encode(Error),
    /// The browser refused to send the request (its `send` threw, e.g. for a request
    /// over the socket's size limit); nothing was sent. A socket that is merely not open
    /// is not this: the call then waits for the connection.
    Send(Error),
    /// The connection is closed for good (closed, gave up, or every `Rpc` was dropped).
    Closed,
    /// There is no connection to call over: a UI's call outside the browser (a server
    /// render), before its component connected, or after it let go. Nothing was sent.
    NotConnected,
}

impl fmt::Display for RpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RpcError::Timeout => f.write_str("the call timed out"),
            RpcError::Disconnected => f.write_str("the connection closed during the call"),
            RpcError::Remote { code, message, .. } => {
                write!(f, "the server answered {code}: {message}")
            }
            RpcError::Decode(error) => write!(f, "cannot decode the result: {error}"),
            RpcError::Encode(error) => write!(f, "cannot encode the call: {error}"),
            RpcError::Send(error) => write!(f, "the browser would not send the call: {error}"),
            RpcError::Closed => f.write_str("the connection is closed for good"),
            RpcError::NotConnected => f.write_str("there is no connection to call over"),
        }
    }
}

impl std::error::Error for RpcError {}
