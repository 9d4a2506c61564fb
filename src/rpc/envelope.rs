//! [`Envelope`]: how calls and replies look on the wire; [`JsonRpc`], JSON-RPC 2.0.

use serde::Serialize;
use serde_json::{Map, Value};

/// What one incoming JSON value is, as an [`Envelope`] reads it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Incoming {
    /// A reply to the call with this id: its result, or the server's error.
    Reply {
        /// The id the request carried.
        id: u64,
        /// The result, or the server's error.
        result: Result<Value, RemoteError>,
    },
    /// Several values in one message (a JSON-RPC batch reply).
    Batch(Vec<Incoming>),
    /// Anything else: a notification from the server, handed to the app as it came.
    Notification(Value),
}

/// An error the server returned for a call: JSON-RPC's `{ code, message, data }`.
///
/// ```
/// use browser_websocket::rpc::RemoteError;
///
/// let error = RemoteError { code: -32601, message: "Method not found".into(), data: None };
/// assert_eq!(error.to_string(), "the server answered -32601: Method not found");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteError {
    /// The error's code (JSON-RPC: -32601 method not found, -32602 invalid params, ...).
    pub code: i64,
    /// The server's message.
    pub message: String,
    /// Whatever else the server attached.
    pub data: Option<Value>,
}

impl std::fmt::Display for RemoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the server answered {}: {}", self.code, self.message)
    }
}

/// How calls look on the wire: build a request, and find the id (and the result) in a
/// reply. [`JsonRpc`] is built in; an app with its own protocol implements this.
///
/// ```
/// use browser_websocket::rpc::{Envelope, Incoming};
/// use serde_json::{json, Value};
///
/// /// `{ "id": 7, "type": "add", "payload": [1, 2] }`, answered with the same id.
/// struct Typed;
///
/// impl Envelope for Typed {
///     fn request(id: u64, method: &str, params: Value) -> Value {
///         json!({ "id": id, "type": method, "payload": params })
///     }
///
///     fn read(value: Value) -> Incoming {
///         match value.get("id").and_then(Value::as_u64) {
///             Some(id) => Incoming::Reply { id, result: Ok(value["payload"].clone()) },
///             None => Incoming::Notification(value),
///         }
///     }
/// }
///
/// assert_eq!(Typed::request(7, "add", json!([1, 2]))["type"], "add");
/// ```
pub trait Envelope: 'static {
    /// The request for the call `id` to `method` with `params`.
    fn request(id: u64, method: &str, params: Value) -> Value;

    /// What an incoming value is: a reply (with its id), a batch, or a notification.
    fn read(value: Value) -> Incoming;

    /// The request's text: [`request`](Envelope::request) with `params` encoded, as
    /// JSON. Override it to write the text without the `Value` in between, as
    /// [`JsonRpc`] does.
    ///
    /// # Errors
    /// When `params` cannot be encoded as JSON (a map with non-string keys, a failing
    /// `Serialize`).
    ///
    /// ```
    /// use browser_websocket::rpc::{Envelope, JsonRpc};
    ///
    /// let text = JsonRpc::request_text(1, "add", &(1, 2)).unwrap();
    /// assert_eq!(text, r#"{"jsonrpc":"2.0","id":1,"method":"add","params":[1,2]}"#);
    /// ```
    fn request_text<P: Serialize + ?Sized>(
        id: u64,
        method: &str,
        params: &P,
    ) -> Result<String, serde_json::Error> {
        Ok(Self::request(id, method, serde_json::to_value(params)?).to_string())
    }
}

/// JSON-RPC 2.0: requests `{"jsonrpc": "2.0", "id", "method", "params"}`; replies with
/// `result` or `error`, alone or in a batch; anything without an id (a server's
/// notification, `{"method", "params"}`) goes to the app.
///
/// ```
/// use browser_websocket::rpc::{Envelope, Incoming, JsonRpc};
/// use serde_json::json;
///
/// assert_eq!(
///     JsonRpc::request(1, "add", json!([1, 2])),
///     json!({ "jsonrpc": "2.0", "id": 1, "method": "add", "params": [1, 2] }),
/// );
/// assert_eq!(
///     JsonRpc::read(json!({ "jsonrpc": "2.0", "id": 1, "result": 3 })),
///     Incoming::Reply { id: 1, result: Ok(json!(3)) },
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonRpc;

impl Envelope for JsonRpc {
    fn request(id: u64, method: &str, params: Value) -> Value {
        let mut request = Map::new();
        request.insert("jsonrpc".into(), "2.0".into());
        request.insert("id".into(), id.into());
        request.insert("method".into(), method.into());
        // JSON-RPC allows no params, or an array or an object.
        if !params.is_null() {
            request.insert("params".into(), params);
        }
        Value::Object(request)
    }

    fn request_text<P: Serialize + ?Sized>(
        id: u64,
        method: &str,
        params: &P,
    ) -> Result<String, serde_json::Error> {
        // Written straight out, no `Value` in between; params that encode as `null`
        // (none, `()`) are left out, as `request` does.
        let params = serde_json::to_string(params)?;
        let method = serde_json::to_string(method)?;
        let mut text = String::with_capacity(40 + method.len() + params.len());
        text.push_str(r#"{"jsonrpc":"2.0","id":"#);
        text.push_str(&id.to_string());
        text.push_str(r#","method":"#);
        text.push_str(&method);
        if params != "null" {
            text.push_str(r#","params":"#);
            text.push_str(&params);
        }
        text.push('}');
        Ok(text)
    }

    fn read(value: Value) -> Incoming {
        let reply_id = value.get("id").and_then(Value::as_u64);
        let is_reply = value.get("result").is_some() || value.get("error").is_some();
        match (value, reply_id) {
            (Value::Array(values), _) => {
                Incoming::Batch(values.into_iter().map(JsonRpc::read).collect())
            }
            (Value::Object(mut reply), Some(id)) if is_reply => {
                let result = match reply.remove("error") {
                    Some(error) => Err(remote_error(error)),
                    None => Ok(reply.remove("result").unwrap_or(Value::Null)),
                };
                Incoming::Reply { id, result }
            }
            (other, _) => Incoming::Notification(other),
        }
    }
}

/// JSON-RPC's error object; a malformed one keeps what it has.
fn remote_error(error: Value) -> RemoteError {
    RemoteError {
        code: error.get("code").and_then(Value::as_i64).unwrap_or(0),
        message: error
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        data: error.get("data").cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_request_text_is_the_request_written_out() {
        for (params, value) in [
            (json!([1, "two"]), json!([1, "two"])),
            (Value::Null, Value::Null),
        ] {
            let text = JsonRpc::request_text(9, "say \"hi\"", &params).expect("encodable");
            let parsed: Value = serde_json::from_str(&text).expect("JSON");
            assert_eq!(parsed, JsonRpc::request(9, "say \"hi\"", value));
        }
        assert_eq!(
            JsonRpc::request_text(1, "ping", &()).expect("encodable"),
            r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#
        );
    }

    #[test]
    fn a_request_without_params_leaves_them_out() {
        assert_eq!(
            JsonRpc::request(4, "ping", Value::Null),
            json!({ "jsonrpc": "2.0", "id": 4, "method": "ping" })
        );
    }

    #[test]
    fn an_error_reply_carries_code_message_and_data() {
        let reply = json!({ "jsonrpc": "2.0", "id": 2,
            "error": { "code": -32602, "message": "Invalid params", "data": "b is missing" } });
        assert_eq!(
            JsonRpc::read(reply),
            Incoming::Reply {
                id: 2,
                result: Err(RemoteError {
                    code: -32602,
                    message: "Invalid params".into(),
                    data: Some(json!("b is missing")),
                }),
            }
        );
    }

    #[test]
    fn a_batch_reply_is_read_element_by_element() {
        let batch = json!([
            { "jsonrpc": "2.0", "id": 1, "result": 3 },
            { "jsonrpc": "2.0", "id": 2, "result": null },
        ]);
        assert_eq!(
            JsonRpc::read(batch),
            Incoming::Batch(vec![
                Incoming::Reply {
                    id: 1,
                    result: Ok(json!(3))
                },
                Incoming::Reply {
                    id: 2,
                    result: Ok(Value::Null)
                },
            ])
        );
    }

    #[test]
    fn a_notification_and_an_error_without_id_go_to_the_app() {
        let notification = json!({ "jsonrpc": "2.0", "method": "joined", "params": ["ann"] });
        assert_eq!(
            JsonRpc::read(notification.clone()),
            Incoming::Notification(notification)
        );
        // A parse error has "id": null: no call to fail, so the app sees it.
        let unmatched = json!({ "jsonrpc": "2.0", "id": null,
            "error": { "code": -32700, "message": "Parse error" } });
        assert_eq!(
            JsonRpc::read(unmatched.clone()),
            Incoming::Notification(unmatched)
        );
    }
}
