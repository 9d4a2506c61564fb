//! How the browser hands over binary messages: the `binaryType` attribute, typed.

/// How binary messages arrive: as bytes in wasm memory, or as a browser `Blob`.
///
/// ```no_run
/// use browser_websocket::{BinaryType, WebSocket};
///
/// // Large files you only hand on (to a download, an <img>) need not enter wasm memory.
/// let ws = WebSocket::builder("wss://example.com/files")
///     .binary_type(BinaryType::Blob)
///     .connect()?;
/// # Ok::<(), browser_websocket::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BinaryType {
    /// `"arraybuffer"`: binary messages arrive as [`Message::Binary`](crate::Message::Binary)
    /// bytes. The default of this crate (the browser's own default is `"blob"`).
    #[default]
    ArrayBuffer,
    /// `"blob"`: binary messages arrive as [`Message::Blob`](crate::Message::Blob) handles,
    /// never copied into wasm memory.
    Blob,
}

impl BinaryType {
    /// The attribute's value in the browser: `"arraybuffer"` or `"blob"`.
    ///
    /// ```
    /// assert_eq!(browser_websocket::BinaryType::Blob.as_str(), "blob");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            BinaryType::ArrayBuffer => "arraybuffer",
            BinaryType::Blob => "blob",
        }
    }

    pub(crate) fn to_web_sys(self) -> web_sys::BinaryType {
        match self {
            BinaryType::ArrayBuffer => web_sys::BinaryType::Arraybuffer,
            BinaryType::Blob => web_sys::BinaryType::Blob,
        }
    }

    pub(crate) fn from_web_sys(value: web_sys::BinaryType) -> BinaryType {
        match value {
            web_sys::BinaryType::Blob => BinaryType::Blob,
            _ => BinaryType::ArrayBuffer,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_arraybuffer() {
        assert_eq!(BinaryType::default(), BinaryType::ArrayBuffer);
        assert_eq!(BinaryType::default().as_str(), "arraybuffer");
    }

    #[test]
    fn web_sys_values_round_trip() {
        for kind in [BinaryType::ArrayBuffer, BinaryType::Blob] {
            assert_eq!(BinaryType::from_web_sys(kind.to_web_sys()), kind);
        }
    }
}
