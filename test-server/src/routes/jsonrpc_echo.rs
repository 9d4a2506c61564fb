//! `/jsonrpc-echo`: a JSON-RPC 2.0 server whose every method echoes its first parameter:
//! `{"jsonrpc":"2.0","id":7,"method":"echo","params":["hi"]}` is answered with
//! `{"jsonrpc":"2.0","id":7,"result":"hi"}`, in order. A request without an id (a
//! notification) gets no reply; text that is not a JSON object gets JSON-RPC's parse error.
//!
//! The server has no JSON library: the request is scanned just far enough to copy the
//! id and the first parameter out as they were written (JSON-RPC 2.0 §4, §5).

use axum::extract::ws::{Message, WebSocket};
use axum::response::Response;

use crate::closing;
use crate::report::Outcome;
use crate::session::WsRequest;

/// JSON-RPC's reply to text that is not a request (§5.1, -32700).
const PARSE_ERROR: &str =
    r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#;

pub async fn handler(request: WsRequest) -> Response {
    request.run(jsonrpc_echo)
}

/// Answers every text request until the client closes; binary messages are not JSON-RPC
/// and get the parse error.
async fn jsonrpc_echo(mut socket: WebSocket) -> Outcome {
    while let Some(Ok(message)) = socket.recv().await {
        let reply = match message {
            Message::Text(text) => reply_to(text.as_str()),
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

/// The reply to one request: its id and its first parameter (`null` without one) as the
/// result; `None` for a notification.
fn reply_to(text: &str) -> Option<String> {
    let Some(request) = Request::scan(text) else {
        return Some(PARSE_ERROR.to_owned());
    };
    let id = request.id?;
    let result = request.first_param.unwrap_or("null");
    Some(format!(
        r#"{{"jsonrpc":"2.0","id":{id},"result":{result}}}"#
    ))
}

/// The parts of a request the echo needs, as slices of its text.
#[derive(Debug, PartialEq)]
struct Request<'a> {
    id: Option<&'a str>,
    first_param: Option<&'a str>,
}

impl<'a> Request<'a> {
    /// Walks the top-level object's members; `None` if the text is not one object.
    fn scan(text: &'a str) -> Option<Request<'a>> {
        let mut scanner = Scanner { text, at: 0 };
        let mut request = Request {
            id: None,
            first_param: None,
        };
        scanner.expect(b'{')?;
        if !scanner.eat(b'}') {
            loop {
                let key = scanner.string()?;
                scanner.expect(b':')?;
                match key {
                    "\"id\"" => request.id = Some(scanner.value()?),
                    "\"params\"" => request.first_param = scanner.first_element()?,
                    _ => {
                        scanner.value()?;
                    }
                }
                if scanner.eat(b'}') {
                    break;
                }
                scanner.expect(b',')?;
            }
        }
        scanner.skip_space();
        (scanner.at == text.len()).then_some(request)
    }
}

/// A cursor over JSON text that finds where values start and end, without decoding them.
struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Takes `byte` (after any space) if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let next = self.peek() == Some(byte);
        if next {
            self.at += 1;
        }
        next
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// A string literal, quotes and escapes included.
    fn string(&mut self) -> Option<&'a str> {
        self.skip_space();
        let start = self.at;
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
        self.at += 1;
        self.text.get(start..self.at)
    }

    /// Any value, as written: a string, an array or object (nesting followed), or a
    /// number, `true`, `false`, `null`.
    fn value(&mut self) -> Option<&'a str> {
        self.skip_space();
        let start = self.at;
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            b'[' | b'{' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'[' | b'{' => depth += 1,
                        b']' | b'}' => depth -= 1,
                        _ => {}
                    }
                    self.at += 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            _ => {
                while matches!(
                    self.peek(),
                    Some(b'-' | b'+' | b'.' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
                ) {
                    self.at += 1;
                }
                if self.at == start {
                    return None;
                }
            }
        }
        self.text.get(start..self.at)
    }

    /// The first element of an array value, and the array skipped; `None` inside for an
    /// empty array or params given by name (an object).
    fn first_element(&mut self) -> Option<Option<&'a str>> {
        self.skip_space();
        if self.peek() != Some(b'[') {
            self.value()?;
            return Some(None);
        }
        self.at += 1;
        if self.eat(b']') {
            return Some(None);
        }
        let first = self.value()?;
        while self.eat(b',') {
            self.value()?;
        }
        self.expect(b']')?;
        Some(Some(first))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_answered_with_its_id_and_first_param() {
        assert_eq!(
            reply_to(r#"{"jsonrpc":"2.0","id":7,"method":"echo","params":["abcdefghijklmnop"]}"#)
                .as_deref(),
            Some(r#"{"jsonrpc":"2.0","id":7,"result":"abcdefghijklmnop"}"#)
        );
    }

    #[test]
    fn members_in_any_order_with_spaces_and_escapes_are_read() {
        // serde_json's maps sort their keys: id, jsonrpc, method, params.
        let request =
            r#" { "params" : [ "a \"q\" ]}", {"x": [1, 2]} ], "id": "k-1", "method":"echo" } "#;
        assert_eq!(
            Request::scan(request),
            Some(Request {
                id: Some(r#""k-1""#),
                first_param: Some(r#""a \"q\" ]}""#),
            })
        );
    }

    #[test]
    fn no_params_or_named_params_give_a_null_result() {
        assert_eq!(
            reply_to(r#"{"jsonrpc":"2.0","id":1,"method":"echo"}"#).as_deref(),
            Some(r#"{"jsonrpc":"2.0","id":1,"result":null}"#)
        );
        assert_eq!(
            reply_to(r#"{"jsonrpc":"2.0","id":2,"method":"echo","params":{"a":1}}"#).as_deref(),
            Some(r#"{"jsonrpc":"2.0","id":2,"result":null}"#)
        );
        assert_eq!(
            reply_to(r#"{"id":3,"params":[]}"#).as_deref(),
            Some(r#"{"jsonrpc":"2.0","id":3,"result":null}"#)
        );
    }

    #[test]
    fn a_notification_gets_no_reply() {
        assert_eq!(
            reply_to(r#"{"jsonrpc":"2.0","method":"echo","params":["x"]}"#),
            None
        );
    }

    #[test]
    fn text_that_is_not_one_object_gets_the_parse_error() {
        for text in [
            "",
            "done",
            "[1]",
            r#"{"id":1"#,
            r#"{"id":1} x"#,
            r#"{"id":}"#,
            r#"{"params":["x"}"#,
        ] {
            assert_eq!(reply_to(text).as_deref(), Some(PARSE_ERROR), "{text:?}");
        }
    }
}
