//! A WebSocket message: text, bytes, or a browser Blob.

/// One WebSocket message, received or to send.
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{Event, Message, WebSocket};
/// use futures_util::StreamExt;
///
/// let mut ws = WebSocket::connect("wss://example.com/chat")?;
/// while let Some(event) = ws.next().await {
///     match event {
///         Event::Message(Message::Text(text)) => println!("text: {text}"),
///         Event::Message(Message::Binary(bytes)) => println!("{} bytes", bytes.len()),
///         Event::Message(Message::Blob(blob)) => println!("blob of {} bytes", blob.size()),
///         _ => {}
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A text message.
    Text(String),
    /// A binary message, copied into wasm memory
    /// (received with [`BinaryType::ArrayBuffer`](crate::BinaryType::ArrayBuffer)).
    Binary(Vec<u8>),
    /// A binary message left in the browser as a `Blob` handle
    /// (received with [`BinaryType::Blob`](crate::BinaryType::Blob)); read it only if you
    /// need its bytes, e.g. with `blob.array_buffer()`.
    Blob(web_sys::Blob),
}

impl Message {
    /// The text, if this is a text message.
    ///
    /// ```
    /// use browser_websocket::Message;
    ///
    /// assert_eq!(Message::from("hi").as_text(), Some("hi"));
    /// assert_eq!(Message::from(vec![1, 2]).as_text(), None);
    /// ```
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Message::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The bytes, if this is a [`Message::Binary`].
    ///
    /// ```
    /// use browser_websocket::Message;
    ///
    /// assert_eq!(Message::from(vec![1, 2]).as_bytes(), Some(&[1u8, 2][..]));
    /// ```
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Message::Binary(bytes) => Some(bytes),
            _ => None,
        }
    }

    /// The Blob handle, if this is a [`Message::Blob`].
    ///
    /// ```
    /// use browser_websocket::Message;
    ///
    /// assert!(Message::from("hi").as_blob().is_none());
    /// ```
    pub fn as_blob(&self) -> Option<&web_sys::Blob> {
        match self {
            Message::Blob(blob) => Some(blob),
            _ => None,
        }
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::Text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::Text(text.to_owned())
    }
}

impl From<Vec<u8>> for Message {
    fn from(bytes: Vec<u8>) -> Message {
        Message::Binary(bytes)
    }
}

impl From<&[u8]> for Message {
    fn from(bytes: &[u8]) -> Message {
        Message::Binary(bytes.to_vec())
    }
}

impl From<web_sys::Blob> for Message {
    fn from(blob: web_sys::Blob) -> Message {
        Message::Blob(blob)
    }
}
