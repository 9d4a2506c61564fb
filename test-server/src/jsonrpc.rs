//! JSON-RPC 2.0 over a WebSocket, for the routes that answer calls (`/jsonrpc-echo`,
//! `/room/{name}/rpc`): each request is read with serde_json and answered in order, with
//! its id; a request without an id (a notification) gets no reply; text that is not one
//! JSON object, and any binary message, gets JSON-RPC's parse error (§5.1, -32700).

use axum::extract::ws::{Message, WebSocket};
use serde_json::Value;

use crate::closing;
use crate::report::Outcome;

/// JSON-RPC's reply to text that is not a request (§5.1, -32700).
pub const PARSE_ERROR: &str =
    r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#;

/// What a route answers a request with: its result, or an error's code and message.
pub type Answer = Result<Value, (i64, &'static str)>;

/// Answers every request on `socket` with `answer(method, params)` until the client
/// closes.
pub async fn serve(
    mut socket: WebSocket,
    answer: impl Fn(Option<&str>, &Value) -> Answer,
) -> Outcome {
    while let Some(Ok(message)) = socket.recv().await {
        let reply = match message {
            Message::Text(text) => reply_to(text.as_str(), &answer),
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

/// The reply to one request's text; `None` for a notification.
pub fn reply_to(text: &str, answer: impl Fn(Option<&str>, &Value) -> Answer) -> Option<String> {
    let Ok(Value::Object(request)) = serde_json::from_str::<Value>(text) else {
        return Some(PARSE_ERROR.to_owned());
    };
    let id = request.get("id")?;
    let method = request.get("method").and_then(Value::as_str);
    let params = request.get("params").unwrap_or(&Value::Null);
    Some(match answer(method, params) {
        Ok(result) => format!(r#"{{"jsonrpc":"2.0","id":{id},"result":{result}}}"#),
        Err((code, message)) => format!(
            r#"{{"jsonrpc":"2.0","id":{id},"error":{{"code":{code},"message":{}}}}}"#,
            Value::from(message)
        ),
    })
}
