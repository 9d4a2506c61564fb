//! Which browser API carries a connection: the classic `WebSocket`, or `WebSocketStream`.

use std::fmt;

/// The browser API under a connection, chosen with
/// [`WebSocketBuilder::transport`](crate::WebSocketBuilder::transport).
///
/// Both give the same [`WebSocket`](crate::WebSocket): the same `Stream` of events, `Sink`,
/// `split`, `subscribe`, close semantics and errors. They differ in how they push back:
///
/// | | `Classic` (`WebSocket`) | `Stream` (`WebSocketStream`) |
/// |---|---|---|
/// | browsers | all | Chromium 124+ only |
/// | a slow reader | the browser reads everything off the network and queues it in the page (bound it with an [`InboxLimit`](crate::InboxLimit)) | the browser stops reading when the app stops polling: the server feels the backpressure |
/// | a fast writer | the Sink polls `bufferedAmount` | the Sink waits on the writer's `ready` promise |
/// | binary messages | bytes or `Blob` ([`BinaryType`](crate::BinaryType)) | bytes only |
/// | `buffered_amount()` | the browser's `bufferedAmount` | 0 (writes are queued in the writer, which `flush` waits for) |
///
/// ```no_run
/// use browser_websocket::{Transport, WebSocket};
///
/// // WebSocketStream where the browser has it, the classic socket elsewhere.
/// let ws = WebSocket::builder("wss://example.com/feed")
///     .transport(Transport::Auto)
///     .connect()?;
/// println!("using {}", ws.transport());
/// # Ok::<(), browser_websocket::Error>(())
/// ```
///
/// # Feature
/// The stream transport is compiled only with the crate's `stream` feature (it costs no
/// code otherwise); without it, `Auto` is `Classic` and `Stream` is
/// [`Error::TransportUnavailable`](crate::Error::TransportUnavailable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Transport {
    /// `WebSocketStream` where the browser has it (and the binary type is not `Blob`),
    /// the classic `WebSocket` elsewhere.
    Auto,
    /// The classic `WebSocket`, in every browser. The default.
    Classic,
    /// `WebSocketStream`; [`Error::TransportUnavailable`](crate::Error::TransportUnavailable)
    /// where the browser lacks it.
    Stream,
}

/// [`Transport::Classic`]. (The project's own test suite builds with the features
/// `test-stream-transport` or `test-auto-transport` to make it `Stream` or `Auto` and run
/// every test over them; they are not for apps.)
impl Default for Transport {
    fn default() -> Transport {
        if cfg!(feature = "test-stream-transport") {
            Transport::Stream
        } else if cfg!(feature = "test-auto-transport") {
            Transport::Auto
        } else {
            Transport::Classic
        }
    }
}

/// `auto`, `classic` or `stream`; a socket's [`transport`](crate::WebSocket::transport)
/// is never `auto`.
impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Transport::Auto => "auto",
            Transport::Classic => "classic",
            Transport::Stream => "stream",
        })
    }
}
