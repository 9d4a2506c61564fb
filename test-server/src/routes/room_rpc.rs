//! `/room/{name}/rpc`: JSON-RPC 2.0 about the room `name` (`room.rs`). One method,
//! `members`: `{"jsonrpc":"2.0","id":7,"method":"members"}` is answered with
//! `{"jsonrpc":"2.0","id":7,"result":["ana","bo"]}`, the names its members gave with
//! `?name=`, in join order. Any other method gets -32601. Notifications and text that is
//! not a request: see `jsonrpc.rs`.

use axum::extract::Path;
use axum::response::Response;
use serde_json::Value;

use super::room;
use crate::jsonrpc::{self, Answer};
use crate::session::WsRequest;

pub async fn handler(Path(name): Path<String>, request: WsRequest) -> Response {
    request.run(move |socket| {
        jsonrpc::serve(socket, move |method, _| {
            answer(method, || room::member_names(&name))
        })
    })
}

/// `members` (asked of the room only for that method), or -32601.
fn answer(method: Option<&str>, members: impl FnOnce() -> Vec<String>) -> Answer {
    match method {
        Some("members") => Ok(Value::from(members())),
        _ => Err((-32601, "Method not found")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jsonrpc::PARSE_ERROR;

    fn reply_to(text: &str, members: fn() -> Vec<String>) -> Option<String> {
        jsonrpc::reply_to(text, |method, _| answer(method, members))
    }

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
