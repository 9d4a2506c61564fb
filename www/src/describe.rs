//! Messages and close events as the log shows them.

use browser_websocket::{CloseEvent, Message};

use crate::format;

/// The milliseconds since 1970 that the counters and countdowns run on.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// The message's payload size in bytes.
pub fn size(message: &Message) -> u64 {
    match message {
        Message::Text(text) => text.len() as u64,
        Message::Binary(bytes) => bytes.len() as u64,
        Message::Blob(blob) => blob.size() as u64,
    }
}

/// `Text · 5 B · "hello"`, `Binary · 16 B · de ad …`, `Blob · 16 B`.
pub fn message(message: &Message) -> String {
    let size = format::bytes(size(message));
    match message {
        Message::Text(text) => format!("Text · {size} · {}", format::text_preview(text, 80)),
        Message::Binary(bytes) => format!("Binary · {size} · {}", format::bytes_preview(bytes, 8)),
        Message::Blob(_) => format!("Blob · {size}"),
    }
}

/// `code 4000 · reason "bye" · wasClean true`.
pub fn close(close: &CloseEvent) -> String {
    format!(
        "code {} · reason {:?} · wasClean {}",
        close.code, close.reason, close.was_clean
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use browser_websocket::CloseCode;

    #[test]
    fn text_and_binary_show_kind_size_and_a_preview() {
        assert_eq!(message(&Message::Text("hi".into())), "Text · 2 B · \"hi\"");
        assert_eq!(
            message(&Message::Binary(vec![0xde, 0xad])),
            "Binary · 2 B · de ad"
        );
    }

    #[test]
    fn close_shows_code_reason_and_was_clean() {
        let event = CloseEvent {
            code: CloseCode::NORMAL,
            reason: "bye".into(),
            was_clean: true,
        };
        assert!(close(&event).ends_with("· reason \"bye\" · wasClean true"));
    }
}
