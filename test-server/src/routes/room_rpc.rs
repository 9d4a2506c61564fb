//! `/room/{name}/rpc`: JSON-RPC 2.0 about the room `name` (`room.rs`). One method,
//! `members`: `{"jsonrpc":"2.0","id":7,"method":"members"}` is answered with
//! `{"jsonrpc":"2.0","id":7,"result":["ana","bo"]}`, the names its members gave with
//! `?name=`, in join order. Any other method gets -32601; a request without an id (a
//! notification) gets no reply; text that is not a JSON object gets -32700 (§5.1).
//!
//! The server has no JSON library: the request is scanned just far enough to copy its id
//! out as written and to read its method.

use axum::extract::ws::{Message, WebSocket};
use axum::extract::Path;
use axum::response::Response;

use super::room;
use crate::closing;
use crate::report::Outcome;
use crate::session::WsRequest;

/// JSON-RPC's reply to text that is not a request (§5.1, -32700).
const PARSE_ERROR: &str =
    r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#;

pub async fn handler(Path(name): Path<String>, request: WsRequest) -> Response {
    request.run(move |socket| answer(socket, name))
}

/// Answers every request about `room` until the client closes.
async fn answer(mut socket: WebSocket, room: String) -> Outcome {
    while let Some(Ok(message)) = socket.recv().await {
        let reply = match message {
            Message::Text(text) => reply_to(text.as_str(), || room::member_names(&room)),
            Message::Binary(_) => Some(PARSE_ERROR.to_owned()),
            Message::Close(frame) => return closing::finish_client_close(&mut socket, frame).await,
            Message::Ping(_) | Message::Pong(_) => None,
        };
        if let Some(reply) = reply {
            if socket.send(Message::Text(reply.into())).await.is_err() {
                return Outcome::Gone;
            }
        }
    }
    Outcome::Gone
}

/// The reply to one request, with `members` asked only for the method of that name;
/// `None` for a notification.
fn reply_to(text: &str, members: impl FnOnce() -> Vec<String>) -> Option<String> {
    let Some((id, method)) = scan(text) else {
        return Some(PARSE_ERROR.to_owned());
    };
    let id = id?;
    if method == Some(r#""members""#) {
        let names: Vec<String> = members().iter().map(|name| json_string(name)).collect();
        Some(format!(
            r#"{{"jsonrpc":"2.0","id":{id},"result":[{}]}}"#,
            names.join(",")
        ))
    } else {
        Some(format!(
            r#"{{"jsonrpc":"2.0","id":{id},"error":{{"code":-32601,"message":"Method not found"}}}}"#
        ))
    }
}

/// The top-level `id` and `method` of one JSON object, as written (a string keeps its
/// quotes); `None` if the text is not one object.
fn scan(text: &str) -> Option<(Option<&str>, Option<&str>)> {
    let mut rest = text.trim_start().strip_prefix('{')?.trim_start();
    let (mut id, mut method) = (None, None);
    if let Some(after) = rest.strip_prefix('}') {
        rest = after;
    } else {
        loop {
            let (key, after) = split_value(rest)?;
            if !key.starts_with('"') {
                return None;
            }
            let (value, after) = split_value(after.trim_start().strip_prefix(':')?)?;
            match key {
                r#""id""# => id = Some(value),
                r#""method""# => method = Some(value),
                _ => {}
            }
            let after = after.trim_start();
            if let Some(after) = after.strip_prefix('}') {
                rest = after;
                break;
            }
            rest = after.strip_prefix(',')?;
        }
    }
    rest.trim().is_empty().then_some((id, method))
}

/// One JSON value at the start of `text` (after any space), as written, and what follows
/// it: a string past its escapes, an array or object to its end (nesting followed), or a
/// number, `true`, `false`, `null`.
fn split_value(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let bytes = text.as_bytes();
    let end = match *bytes.first()? {
        b'"' => string_end(bytes, 0)?,
        b'[' | b'{' => {
            let (mut depth, mut at) = (0usize, 0);
            loop {
                match *bytes.get(at)? {
                    b'"' => {
                        at = string_end(bytes, at)?;
                        continue;
                    }
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => depth -= 1,
                    _ => {}
                }
                at += 1;
                if depth == 0 {
                    break at;
                }
            }
        }
        _ => bytes
            .iter()
            .position(|byte| b",]}: \t\n\r".contains(byte))
            .unwrap_or(bytes.len()),
    };
    (end > 0).then(|| text.split_at(end))
}

/// Where the string literal that opens at `start` ends: just past its closing quote.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        match *bytes.get(at)? {
            b'"' => return Some(at + 1),
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
}

/// `value` as a JSON string literal.
fn json_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ana_and_bo() -> Vec<String> {
        vec!["ana".into(), "bo \"b\"".into()]
    }

    #[test]
    fn members_is_answered_with_the_names_in_order() {
        assert_eq!(
            reply_to(
                r#"{"id":7,"jsonrpc":"2.0","method":"members","params":null}"#,
                ana_and_bo
            )
            .as_deref(),
            Some(r#"{"jsonrpc":"2.0","id":7,"result":["ana","bo \"b\""]}"#)
        );
        assert_eq!(
            reply_to(r#" { "method" : "members", "id" : "k" } "#, Vec::new).as_deref(),
            Some(r#"{"jsonrpc":"2.0","id":"k","result":[]}"#)
        );
    }

    #[test]
    fn another_method_is_not_found_and_a_notification_gets_no_reply() {
        assert_eq!(
            reply_to(
                r#"{"id":1,"method":"kick","params":[{"a":"}"}]}"#,
                ana_and_bo
            )
            .as_deref(),
            Some(
                r#"{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}"#
            )
        );
        assert_eq!(reply_to(r#"{"method":"members"}"#, ana_and_bo), None);
    }

    #[test]
    fn text_that_is_not_one_object_gets_the_parse_error() {
        for text in [
            "",
            "members",
            "[1]",
            r#"{"id":1"#,
            r#"{"id":1} x"#,
            r#"{"id":}"#,
            r#"{1:2}"#,
        ] {
            assert_eq!(
                reply_to(text, ana_and_bo).as_deref(),
                Some(PARSE_ERROR),
                "{text:?}"
            );
        }
    }
}
