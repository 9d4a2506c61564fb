//! What the chat sends and receives, and how a line of it reads.

use serde::{Deserialize, Serialize};

/// One chat message, sent as JSON through the crate's `Json` codec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatMessage {
    pub from: String,
    pub text: String,
    /// Milliseconds since the epoch, as `Date.now()` gives them.
    pub sent_at: f64,
}

/// `HH:MM:SS` in local time.
pub fn clock_time(millis: f64) -> String {
    let date = js_sys::Date::new_0();
    date.set_time(millis);
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

/// The echo route on the server that serves the page: `ws://` or `wss://` to match it.
pub fn echo_url() -> String {
    let location = web_sys::window().map(|window| window.location());
    let host = location
        .as_ref()
        .and_then(|location| location.host().ok())
        .unwrap_or_default();
    let secure = location
        .and_then(|location| location.protocol().ok())
        .is_some_and(|protocol| protocol == "https:");
    let scheme = if secure { "wss" } else { "ws" };
    format!("{scheme}://{host}/echo")
}

#[cfg(test)]
mod tests {
    use super::*;
    use browser_websocket::{Codec, Json};

    #[test]
    fn a_message_is_json_with_its_three_fields() {
        let message = ChatMessage {
            from: "ana".into(),
            text: "hi".into(),
            sent_at: 1.5,
        };
        let sent = Json::encode(&message).unwrap();
        assert_eq!(
            sent.as_text(),
            Some(r#"{"from":"ana","text":"hi","sent_at":1.5}"#)
        );
        assert_eq!(Json::decode::<ChatMessage>(&sent), Ok(message));
    }
}
