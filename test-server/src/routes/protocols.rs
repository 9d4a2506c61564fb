//! `/protocols`: selects the first subprotocol the client offered, tells the client which
//! one in a first text message, then echoes.

use axum::extract::ws::{Message, WebSocket};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;

use crate::report::Outcome;
use crate::routes::echo::echo;
use crate::session::WsRequest;

pub async fn handler(headers: HeaderMap, request: WsRequest) -> Response {
    let offered = headers
        .get_all(header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|value| value.to_str().ok());
    // Read by hand: axum's own list is a sorted set, which loses the client's order.
    let selected = first_offered(offered).map(str::to_owned);
    let request = match selected.as_deref().map(HeaderValue::from_str) {
        Some(Ok(protocol)) => request.select_protocol(protocol),
        _ => request,
    };
    request.run(move |socket| announce_then_echo(socket, selected.unwrap_or_default()))
}

/// The first protocol in `Sec-WebSocket-Protocol` header values, in the order sent.
///
/// Each value is a comma-separated list (RFC 6455 §4.1); spaces around names are ignored.
pub fn first_offered<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    values
        .into_iter()
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .find(|name| !name.is_empty())
}

async fn announce_then_echo(mut socket: WebSocket, selected: String) -> Outcome {
    if socket.send(Message::Text(selected.into())).await.is_err() {
        return Outcome::Gone;
    }
    echo(socket).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_name_in_sent_order_wins() {
        assert_eq!(first_offered(["chat, superchat"]), Some("chat"));
        assert_eq!(first_offered(["zeta,alpha"]), Some("zeta"));
        assert_eq!(first_offered(["  v2.json ", "v1.json"]), Some("v2.json"));
    }

    #[test]
    fn no_offer_selects_nothing() {
        assert_eq!(first_offered([]), None);
        assert_eq!(first_offered(["", " , "]), None);
    }
}
