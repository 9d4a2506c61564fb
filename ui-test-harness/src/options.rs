//! The options and the codec the tests' components connect with.

use std::time::Duration;

use browser_websocket::ui::FeedOptions;
use browser_websocket::{
    Codec, DecodeError, Json, Message, ReconnectEvent, ReconnectPolicy, WebSocket,
};

/// Reconnects 300 ms after a drop (no jitter to wait out: `random` is pinned) and calls
/// `on_open` at each `Open`, for a test to count connections.
pub fn options<In>(on_open: impl Fn() + 'static) -> FeedOptions<In> {
    FeedOptions::default()
        .builder(|url| {
            WebSocket::builder(url).reconnecting(
                ReconnectPolicy::default()
                    .initial_delay(Duration::from_millis(300))
                    .random(|| 0.99),
            )
        })
        .on_event(move |event| {
            if matches!(event, ReconnectEvent::Open) {
                on_open();
            }
        })
}

/// The flood's text messages are zero-padded numbers ("0042"): JSON once the zeros go.
#[derive(Debug)]
pub struct Padded;

impl Codec for Padded {
    fn encode<T: serde::Serialize + ?Sized>(
        value: &T,
    ) -> Result<Message, browser_websocket::Error> {
        Json::encode(value)
    }

    fn decode<T: serde::de::DeserializeOwned>(message: &Message) -> Result<T, DecodeError> {
        match message.as_text().map(|text| text.trim_start_matches('0')) {
            Some("") => Json::decode(&Message::Text("0".into())),
            Some(digits) => Json::decode(&Message::Text(digits.into())),
            None => Json::decode(message),
        }
    }
}
