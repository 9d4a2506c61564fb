//! The form fields and buttons, and what their text means.

use std::fmt;

use browser_websocket::{BinaryType, OfflineQueue, WhenFull};
use web_sys::{Document, HtmlElement, HtmlInputElement, HtmlSelectElement};

use crate::dom::{by_id, PageError};

/// The largest "send N random bytes" the page offers: 16 MiB.
pub const MAX_BYTE_COUNT: usize = 16 << 20;

/// Every input the user types into or clicks.
#[derive(Debug)]
pub struct Controls {
    pub url: HtmlInputElement,
    pub protocols: HtmlInputElement,
    pub binary_type: HtmlSelectElement,
    pub connect_form: HtmlElement,
    pub disconnect: HtmlElement,
    /// "Reconnect automatically", and the settings shown while it is ticked.
    pub reconnect: HtmlInputElement,
    pub reconnect_settings: HtmlElement,
    pub heartbeat: HtmlInputElement,
    pub offline_queue: HtmlSelectElement,
    pub routes: HtmlElement,
    pub text_form: HtmlElement,
    pub text: HtmlInputElement,
    pub byte_count: HtmlInputElement,
    pub send_bytes: HtmlElement,
    pub send_blob: HtmlElement,
    pub burst: HtmlElement,
    pub close_form: HtmlElement,
    pub close_code: HtmlInputElement,
    pub close_reason: HtmlInputElement,
    pub clear_log: HtmlElement,
}

impl Controls {
    pub fn find(document: &Document) -> Result<Controls, PageError> {
        Ok(Controls {
            url: by_id(document, "url")?,
            protocols: by_id(document, "protocols")?,
            binary_type: by_id(document, "binary-type")?,
            connect_form: by_id(document, "connect-form")?,
            disconnect: by_id(document, "disconnect")?,
            reconnect: by_id(document, "reconnect")?,
            reconnect_settings: by_id(document, "reconnect-settings")?,
            heartbeat: by_id(document, "heartbeat")?,
            offline_queue: by_id(document, "offline-queue")?,
            routes: by_id(document, "routes")?,
            text_form: by_id(document, "text-form")?,
            text: by_id(document, "text")?,
            byte_count: by_id(document, "byte-count")?,
            send_bytes: by_id(document, "send-bytes")?,
            send_blob: by_id(document, "send-blob")?,
            burst: by_id(document, "burst")?,
            close_form: by_id(document, "close-form")?,
            close_code: by_id(document, "close-code")?,
            close_reason: by_id(document, "close-reason")?,
            clear_log: by_id(document, "clear-log")?,
        })
    }

    pub fn protocols(&self) -> Vec<String> {
        parse_protocols(&self.protocols.value())
    }

    pub fn binary_type(&self) -> BinaryType {
        parse_binary_type(&self.binary_type.value())
    }

    /// What Connect should build: `None` for a plain socket.
    pub fn reconnect_options(&self) -> Option<ReconnectOptions> {
        self.reconnect.checked().then(|| ReconnectOptions {
            heartbeat: self.heartbeat.checked(),
            queue: parse_offline_queue(&self.offline_queue.value()),
        })
    }

    /// Shows the reconnect settings only while "Reconnect automatically" is ticked.
    pub fn show_reconnect_settings(&self) {
        self.reconnect_settings
            .set_hidden(!self.reconnect.checked());
    }

    pub fn byte_count(&self) -> Result<usize, InputError> {
        parse_byte_count(&self.byte_count.value())
    }

    pub fn close_code(&self) -> Result<Option<u16>, InputError> {
        parse_close_code(&self.close_code.value())
    }
}

/// What the ticked "Reconnect automatically" asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReconnectOptions {
    /// Whether to ping and reconnect when replies stop.
    pub heartbeat: bool,
    pub queue: OfflineQueue,
}

/// A field's text that cannot mean anything: the page's own error, not the crate's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub field: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?}: expected {}",
            self.field, self.value, self.expected
        )
    }
}

/// `"chat, json"` → `["chat", "json"]`; a blank field offers none.
///
/// Empty names between commas are kept, so that the crate can reject them.
pub fn parse_protocols(field: &str) -> Vec<String> {
    if field.trim().is_empty() {
        return Vec::new();
    }
    field
        .split(',')
        .map(|name| name.trim().to_owned())
        .collect()
}

pub fn parse_binary_type(value: &str) -> BinaryType {
    if value == BinaryType::Blob.as_str() {
        BinaryType::Blob
    } else {
        BinaryType::ArrayBuffer
    }
}

/// The offline-queue options: the crate's default (1024, rejecting new sends when full),
/// or a queue of 4 small enough to fill by hand.
pub fn parse_offline_queue(value: &str) -> OfflineQueue {
    match value {
        "4-reject-new" => OfflineQueue::new(4, WhenFull::RejectNew),
        "4-drop-oldest" => OfflineQueue::new(4, WhenFull::DropOldest),
        _ => OfflineQueue::default(),
    }
}

pub fn parse_byte_count(field: &str) -> Result<usize, InputError> {
    field
        .trim()
        .parse()
        .ok()
        .filter(|&count| count <= MAX_BYTE_COUNT)
        .ok_or_else(|| InputError {
            field: "byte count",
            value: field.to_owned(),
            expected: "a whole number from 0 to 16777216",
        })
}

/// A blank field means "no code" (the page then closes with 1000); anything else must be a
/// number a `u16` holds. Whether the browser may send it is the crate's call, not ours.
pub fn parse_close_code(field: &str) -> Result<Option<u16>, InputError> {
    let field = field.trim();
    if field.is_empty() {
        return Ok(None);
    }
    field.parse().map(Some).map_err(|_| InputError {
        field: "close code",
        value: field.to_owned(),
        expected: "a whole number such as 1000 or 4000",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocols_are_comma_separated_and_trimmed() {
        assert_eq!(parse_protocols(" chat , json"), ["chat", "json"]);
        assert_eq!(parse_protocols("   "), Vec::<String>::new());
        assert_eq!(parse_protocols("a,,b"), ["a", "", "b"]);
    }

    #[test]
    fn binary_type_defaults_to_arraybuffer() {
        assert_eq!(parse_binary_type("blob"), BinaryType::Blob);
        assert_eq!(parse_binary_type("arraybuffer"), BinaryType::ArrayBuffer);
        assert_eq!(parse_binary_type("?"), BinaryType::ArrayBuffer);
    }

    #[test]
    fn offline_queue_is_the_default_unless_a_small_one_is_picked() {
        assert_eq!(parse_offline_queue("default"), OfflineQueue::default());
        assert_eq!(
            parse_offline_queue("4-drop-oldest"),
            OfflineQueue::new(4, WhenFull::DropOldest)
        );
        assert_eq!(
            parse_offline_queue("4-reject-new"),
            OfflineQueue::new(4, WhenFull::RejectNew)
        );
        assert_eq!(parse_offline_queue("?"), OfflineQueue::default());
    }

    #[test]
    fn byte_count_is_bounded() {
        assert_eq!(parse_byte_count(" 16 "), Ok(16));
        assert_eq!(parse_byte_count("0"), Ok(0));
        assert_eq!(parse_byte_count("16777216"), Ok(MAX_BYTE_COUNT));
        assert!(parse_byte_count("16777217").is_err());
        assert!(parse_byte_count("-1").is_err());
        assert!(parse_byte_count("lots").is_err());
    }

    #[test]
    fn close_code_blank_is_none_and_junk_is_an_input_error() {
        assert_eq!(parse_close_code(""), Ok(None));
        assert_eq!(parse_close_code("1005"), Ok(Some(1005)));
        assert_eq!(parse_close_code("999"), Ok(Some(999)));
        let error = parse_close_code("abc").unwrap_err();
        assert_eq!(
            error.to_string(),
            "close code \"abc\": expected a whole number such as 1000 or 4000"
        );
        assert!(parse_close_code("70000").is_err());
    }
}
