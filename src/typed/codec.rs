//! Typed messages: how values become WebSocket messages and back (feature `serde`).

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::message::Message;

/// Turns values into [`Message`]s and back; [`Json`] and [`Postcard`] are provided.
///
/// ```
/// use browser_websocket::{Codec, Json, Message};
///
/// let message = Json::encode(&vec![1, 2, 3])?;
/// assert_eq!(message, Message::Text("[1,2,3]".into()));
/// let back: Vec<u32> = Json::decode(&message).expect("valid JSON");
/// assert_eq!(back, [1, 2, 3]);
/// # Ok::<(), browser_websocket::Error>(())
/// ```
pub trait Codec {
    /// The message carrying `value`.
    ///
    /// # Errors
    /// [`Error::Encode`] when the value cannot be represented (e.g. a map with non-string
    /// keys in JSON).
    fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Message, Error>;

    /// The value a message carries.
    ///
    /// # Errors
    /// A [`DecodeError`] saying why, when the message is of the wrong kind or does not
    /// hold a valid `T`.
    fn decode<T: DeserializeOwned>(message: &Message) -> Result<T, DecodeError>;
}

/// JSON in text messages (serde_json). Decodes JSON from binary messages too.
///
/// ```
/// use browser_websocket::{Codec, Json};
///
/// let message = Json::encode(&("hi", 1))?;
/// assert_eq!(message.as_text(), Some(r#"["hi",1]"#));
/// # Ok::<(), browser_websocket::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

/// Compact binary messages (postcard): smaller and faster than JSON, not human-readable.
///
/// ```
/// use browser_websocket::{Codec, Postcard};
///
/// let message = Postcard::encode(&(7u8, true))?;
/// assert_eq!(message.as_bytes(), Some(&[7u8, 1][..]));
/// # Ok::<(), browser_websocket::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Postcard;

/// Why a message could not be decoded.
///
/// ```
/// use browser_websocket::{Codec, Json, Message};
///
/// let error = Json::decode::<u32>(&Message::Text("not json".into())).unwrap_err();
/// assert!(error.to_string().contains("expected"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    reason: String,
}

impl DecodeError {
    pub(crate) fn new(reason: impl fmt::Display) -> DecodeError {
        DecodeError {
            reason: reason.to_string(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for DecodeError {}

const BLOB: &str = "a Blob message must be read before decoding: use BinaryType::ArrayBuffer";

impl Codec for Json {
    fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Message, Error> {
        serde_json::to_string(value)
            .map(Message::Text)
            .map_err(|error| Error::Encode(error.to_string()))
    }

    fn decode<T: DeserializeOwned>(message: &Message) -> Result<T, DecodeError> {
        match message {
            Message::Text(text) => serde_json::from_str(text).map_err(DecodeError::new),
            Message::Binary(bytes) => serde_json::from_slice(bytes).map_err(DecodeError::new),
            Message::Blob(_) => Err(DecodeError::new(BLOB)),
        }
    }
}

impl Codec for Postcard {
    fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Message, Error> {
        postcard::to_allocvec(value)
            .map(Message::Binary)
            .map_err(|error| Error::Encode(error.to_string()))
    }

    fn decode<T: DeserializeOwned>(message: &Message) -> Result<T, DecodeError> {
        match message {
            Message::Binary(bytes) => postcard::from_bytes(bytes).map_err(DecodeError::new),
            Message::Text(_) => Err(DecodeError::new(
                "postcard expects a binary message, got text",
            )),
            Message::Blob(_) => Err(DecodeError::new(BLOB)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn json_round_trips_through_text() {
        let value: BTreeMap<String, Vec<i32>> = [("a".to_owned(), vec![1, -2])].into();
        let message = Json::encode(&value).unwrap();
        assert_eq!(message.as_text(), Some(r#"{"a":[1,-2]}"#));
        assert_eq!(
            Json::decode::<BTreeMap<String, Vec<i32>>>(&message),
            Ok(value)
        );
    }

    #[test]
    fn json_reads_binary_json_too() {
        let message = Message::Binary(b"[true]".to_vec());
        assert_eq!(Json::decode::<Vec<bool>>(&message), Ok(vec![true]));
    }

    #[test]
    fn json_rejects_invalid_input_with_a_reason() {
        let error = Json::decode::<u8>(&Message::Text("300".into())).unwrap_err();
        assert!(!error.to_string().is_empty());
    }

    #[test]
    fn postcard_round_trips_through_binary() {
        let value = (42u64, "héllo".to_owned(), vec![1.5f32]);
        let message = Postcard::encode(&value).unwrap();
        assert!(message.as_bytes().is_some());
        assert_eq!(
            Postcard::decode::<(u64, String, Vec<f32>)>(&message),
            Ok(value)
        );
    }

    #[test]
    fn postcard_refuses_text_and_truncated_bytes() {
        assert!(Postcard::decode::<u8>(&Message::Text("1".into())).is_err());
        let message = Postcard::encode(&(1u32, "long enough")).unwrap();
        let Message::Binary(mut bytes) = message else {
            unreachable!()
        };
        bytes.truncate(3);
        assert!(Postcard::decode::<(u32, String)>(&Message::Binary(bytes)).is_err());
    }
}
