//! What the chat sends and receives, where, and how a line of it reads: one file for the
//! Yew, Leptos and Dioxus chats (each includes it with `#[path]` and names its
//! framework crate's `browser_websocket` at its root).

use std::time::Duration;

use crate::browser_websocket::ui::{FeedOptions, Sharing};
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

/// Whether `?share` is in the page's address: then the chat shares one connection with
/// its other tabs that have it too.
pub fn shared_across_tabs() -> bool {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .is_some_and(|query| {
            query
                .trim_start_matches('?')
                .split('&')
                .any(|p| p == "share")
        })
}

/// The chat's connection: reconnecting by [`policy`], and shared with the chat's other
/// tabs under `?share`.
pub fn chat_options() -> FeedOptions<ChatMessage> {
    let options = FeedOptions::default().policy(policy());
    if shared_across_tabs() {
        options.shared_across_tabs("chat")
    } else {
        options
    }
}

/// This page's name in the room, `guest-NNN`. Tabs that share a connection go by one
/// name, kept in `localStorage`, so that they open the same URL (the room lists one
/// member); otherwise each page draws its own.
pub fn guest_name() -> String {
    const KEY: &str = "browser-websocket-chat-name";
    let drawn = || format!("guest-{}", 100 + (js_sys::Math::random() * 900.0) as u32);
    if !shared_across_tabs() {
        return drawn();
    }
    let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
    let Some(storage) = storage else {
        return drawn();
    };
    if let Ok(Some(name)) = storage.get_item(KEY) {
        return name;
    }
    let name = drawn();
    // Without storage each tab keeps its own name (and its own connection's URL).
    let _ = storage.set_item(KEY, &name);
    name
}

/// Where the header's share link leads, and what it says.
pub fn share_link() -> (&'static str, &'static str) {
    if shared_across_tabs() {
        ("?", "Use a connection of this tab's own")
    } else {
        ("?share", "Share one connection across tabs")
    }
}

/// Who holds the chat's connection: "this tab's own", or the sharing as the hook tells it.
pub fn sharing_text(sharing: Sharing) -> String {
    if shared_across_tabs() {
        format!("shared: {sharing}")
    } else {
        "this tab's own".into()
    }
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
