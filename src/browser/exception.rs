//! Turns a JavaScript exception into a typed [`Error`].

use wasm_bindgen::JsValue;

use super::global::property;

use crate::error::{Error, UrlProblem};

/// The `name` and `message` of whatever the browser threw: a `DOMException` or an
/// `Error` has both (read as properties, which every kind of error answers alike);
/// anything else thrown is an `"Error"` with an empty message.
fn name_and_message(exception: &JsValue) -> (String, String) {
    let text = |key| property(exception, key).and_then(|value| value.as_string());
    let name = text("name").unwrap_or_else(|| "Error".to_owned());
    (name, text("message").unwrap_or_default())
}

/// What an exception says, e.g. `new URL(..)`'s `TypeError` message.
pub(crate) fn message_of(exception: &JsValue) -> String {
    name_and_message(exception).1
}

/// An exception from `new WebSocket(url, protocols)`.
///
/// Protocols are checked before the call, so a `SyntaxError` can only be about the URL.
pub(crate) fn from_constructor(url: &str, exception: JsValue) -> Error {
    let (name, message) = name_and_message(&exception);
    match name.as_str() {
        "SyntaxError" => Error::InvalidUrl {
            url: url.to_owned(),
            problem: UrlProblem::Malformed(message),
        },
        "SecurityError" => Error::Security { message },
        _ => Error::Browser { name, message },
    }
}

/// An exception from any other call (`send`, `close`): states and arguments are checked
/// before the call, so none is expected.
pub(crate) fn unexpected(exception: JsValue) -> Error {
    let (name, message) = name_and_message(&exception);
    Error::Browser { name, message }
}
