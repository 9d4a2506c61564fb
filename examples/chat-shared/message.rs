//! What the chat sends and receives, where, and how a line of it reads: one file for the
//! Yew, Leptos and Dioxus chats (each includes it with `#[path]` and names its
//! framework crate's `browser_websocket` at its root).

use std::time::Duration;

use crate::browser_websocket::{Error, ReconnectPolicy, Sent};
use serde::{Deserialize, Serialize};

/// The room every session joins: relative, so it is on the server that served the page
/// (`ws:` or `wss:` to match it).
pub const ROOM: &str = "/room/lobby";

/// The room's JSON-RPC route, on a connection of its own: `members` lists who is in it.
pub const ROOM_RPC: &str = "/room/lobby/rpc";

/// The room with `name` as this member's name, which the room's `members` call lists.
pub fn room_url(name: &str) -> String {
    format!("{ROOM}?name={}", js_sys::encode_uri_component(name))
}

/// One chat message, sent as JSON through the crate's `Json` codec; the room sends it to
/// everyone in it, its author included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatMessage {
    pub from: String,
    pub text: String,
    /// Milliseconds since the epoch, as `Date.now()` gives them.
    pub sent_at: f64,
}

impl ChatMessage {
    /// `text` from `from`, sent now.
    pub fn now(from: &str, text: &str) -> ChatMessage {
        ChatMessage {
            from: from.to_owned(),
            text: text.to_owned(),
            sent_at: js_sys::Date::now(),
        }
    }
}

/// What the chat says under its box after a send: nothing when the message went out
/// now; that it was queued (and whether the queue dropped its oldest), or why not.
pub fn notice_after(sent: &Result<Sent, Error>) -> Option<String> {
    match sent {
        Ok(Sent::Now) => None,
        Ok(Sent::Queued) => Some("Queued: it goes out when the connection is back.".into()),
        Ok(Sent::QueuedDroppingOldest(_)) => {
            Some("Queued; the queue was full, so the oldest queued message was dropped.".into())
        }
        Err(error) => Some(format!("Not sent: {error}")),
    }
}

/// A chat's retries: soon after a drop, never more than 5 s apart.
pub fn policy() -> ReconnectPolicy {
    ReconnectPolicy::default()
        .initial_delay(Duration::from_millis(500))
        .max_delay(Duration::from_secs(5))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser_websocket::{Codec, Json};

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
