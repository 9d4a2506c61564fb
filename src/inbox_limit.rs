//! How much a stream may hold unread, and what happens when a slow reader hits the limit.

use crate::close::CloseCode;

/// A bound on what one stream (a socket, its receiver, or a subscription) holds unread,
/// in messages and/or bytes, and what to do when a message would go over it.
///
/// Without a limit (the default) every message waits until it is read, however slowly
/// the app reads: see [`WebSocket`](crate::WebSocket#memory) for what that costs.
///
/// ```no_run
/// use browser_websocket::{InboxLimit, WebSocket, WhenInboxFull};
///
/// // Hold at most 1 000 messages or 8 MiB; past that, drop the oldest.
/// let ws = WebSocket::builder("wss://example.com/ticker")
///     .inbox_limit(
///         InboxLimit::messages(1_000)
///             .and_bytes(8 << 20)
///             .when_full(WhenInboxFull::DropOldest),
///     )
///     .connect()?;
/// # Ok::<(), browser_websocket::Error>(())
/// ```
///
/// # Counting bytes
/// A binary message counts its length; a text message counts its length in UTF-16 code
/// units (what the browser holds it as; the same as bytes for ASCII); a `Blob` counts its
/// size. Messages wait as the browser handed them (not in wasm memory) until they are
/// read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InboxLimit {
    messages: Option<usize>,
    bytes: Option<usize>,
    when_full: WhenInboxFull,
}

/// What a full inbox does with a message that does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WhenInboxFull {
    /// Close the connection with `code` and the reason `"inbox full"`, after yielding
    /// [`Overflow::Closing`](crate::Overflow::Closing) where the message would have been.
    /// The message that did not fit, and any after it, are dropped: the reader learns that
    /// it fell behind instead of the page running out of memory.
    ///
    /// Browsers may only send 1000 and 3000–4999 (1008 and 1009 are the server's), so
    /// the default, [`InboxLimit::OVERFLOW_CODE`], is 4009, the application twin of 1009
    /// "Message Too Big".
    Close(CloseCode),
    /// Drop the oldest unread messages to make room, and yield
    /// [`Overflow::Dropped`](crate::Overflow::Dropped) with how many, right before the
    /// first message after the gap.
    DropOldest,
}

impl InboxLimit {
    /// 4009, the close code of [`WhenInboxFull::Close`] unless another is given.
    pub const OVERFLOW_CODE: CloseCode = CloseCode::from_browser(4009);

    /// The reason a full inbox closes with.
    pub const OVERFLOW_REASON: &'static str = "inbox full";

    /// At most `messages` unread messages; closes with [`InboxLimit::OVERFLOW_CODE`] when
    /// full unless [`when_full`](Self::when_full) says otherwise.
    ///
    /// ```
    /// let limit = browser_websocket::InboxLimit::messages(100);
    /// assert_eq!(limit.max_messages(), Some(100));
    /// assert_eq!(limit.max_bytes(), None);
    /// ```
    pub const fn messages(messages: usize) -> InboxLimit {
        InboxLimit {
            messages: Some(messages),
            bytes: None,
            when_full: WhenInboxFull::Close(InboxLimit::OVERFLOW_CODE),
        }
    }

    /// At most `bytes` unread bytes (see [Counting bytes](Self#counting-bytes)).
    ///
    /// ```
    /// let limit = browser_websocket::InboxLimit::bytes(1 << 20);
    /// assert_eq!(limit.max_bytes(), Some(1 << 20));
    /// ```
    pub const fn bytes(bytes: usize) -> InboxLimit {
        InboxLimit {
            messages: None,
            bytes: Some(bytes),
            when_full: WhenInboxFull::Close(InboxLimit::OVERFLOW_CODE),
        }
    }

    /// Also at most `messages` unread messages.
    ///
    /// ```
    /// let limit = browser_websocket::InboxLimit::bytes(1 << 20).and_messages(10);
    /// assert_eq!(limit.max_messages(), Some(10));
    /// ```
    pub const fn and_messages(mut self, messages: usize) -> InboxLimit {
        self.messages = Some(messages);
        self
    }

    /// Also at most `bytes` unread bytes.
    ///
    /// ```
    /// let limit = browser_websocket::InboxLimit::messages(10).and_bytes(1 << 20);
    /// assert_eq!(limit.max_bytes(), Some(1 << 20));
    /// ```
    pub const fn and_bytes(mut self, bytes: usize) -> InboxLimit {
        self.bytes = Some(bytes);
        self
    }

    /// What to do when a message does not fit.
    ///
    /// ```
    /// use browser_websocket::{InboxLimit, WhenInboxFull};
    ///
    /// let limit = InboxLimit::messages(10).when_full(WhenInboxFull::DropOldest);
    /// assert_eq!(limit.when_full_policy(), WhenInboxFull::DropOldest);
    /// ```
    pub const fn when_full(mut self, when_full: WhenInboxFull) -> InboxLimit {
        self.when_full = when_full;
        self
    }

    /// The most unread messages, if limited.
    ///
    /// ```
    /// assert_eq!(browser_websocket::InboxLimit::messages(3).max_messages(), Some(3));
    /// ```
    pub const fn max_messages(self) -> Option<usize> {
        self.messages
    }

    /// The most unread bytes, if limited.
    ///
    /// ```
    /// assert_eq!(browser_websocket::InboxLimit::messages(3).max_bytes(), None);
    /// ```
    pub const fn max_bytes(self) -> Option<usize> {
        self.bytes
    }

    /// What happens when a message does not fit.
    ///
    /// ```
    /// use browser_websocket::{InboxLimit, WhenInboxFull};
    ///
    /// assert_eq!(
    ///     InboxLimit::messages(3).when_full_policy(),
    ///     WhenInboxFull::Close(InboxLimit::OVERFLOW_CODE)
    /// );
    /// ```
    pub const fn when_full_policy(self) -> WhenInboxFull {
        self.when_full
    }

    /// Whether `messages` messages of `bytes` bytes in all fit.
    pub(crate) fn fits(self, messages: usize, bytes: usize) -> bool {
        self.messages.is_none_or(|max| messages <= max) && self.bytes.is_none_or(|max| bytes <= max)
    }
}
