//! `/jsonrpc-echo`: a JSON-RPC 2.0 server whose every method echoes its first parameter:
//! `{"jsonrpc":"2.0","id":7,"method":"echo","params":["hi"]}` is answered with
//! `{"jsonrpc":"2.0","id":7,"result":"hi"}`, in order (`null` without one, or with params
//! given by name). Notifications and text that is not a request: see `jsonrpc.rs`.

use axum::response::Response;
use serde_json::Value;

use crate::jsonrpc::{self, Answer};
use crate::session::WsRequest;

pub async fn handler(request: WsRequest) -> Response {
    request.run(|socket| jsonrpc::serve(socket, echo))
}

/// The first parameter, whatever the method.
fn echo(_method: Option<&str>, params: &Value) -> Answer {
    let first = params.as_array().and_then(|params| params.first());
    Ok(first.cloned().unwrap_or(Value::Null))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jsonrpc::PARSE_ERROR;

    fn reply_to(text: &str) -> Option<String> {
        jsonrpc::reply_to(text, echo)
    }

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
            reply_to(request).as_deref(),
            Some(r#"{"jsonrpc":"2.0","id":"k-1","result":"a \"q\" ]}"}"#)
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
