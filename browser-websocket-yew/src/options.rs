//! How [`use_websocket_with`](crate::use_websocket_with) connects and delivers.

/// Options for [`use_websocket_with`](crate::use_websocket_with): how to connect, how
/// many messages to list, and callbacks for every message and event.
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::{Heartbeat, ReconnectPolicy, WebSocket};
/// use browser_websocket_yew::{use_websocket_with, Json, UseWebSocketOptions};
/// use yew::prelude::*;
///
/// #[function_component]
/// fn Ticker() -> Html {
///     let options = UseWebSocketOptions::default()
///         .builder(|url| {
///             WebSocket::builder(url)
///                 .protocols(["ticks.v1"])
///                 .reconnecting(ReconnectPolicy::default().max_delay(Duration::from_secs(5)))
///                 .heartbeat(Heartbeat::new("ping", Duration::from_secs(20), Duration::from_secs(45)))
///         })
///         .keep_last(100)
///         .on_message(|tick: &f64| log(*tick));
///     let ticks = use_websocket_with::<f64, (), Json>("/ticks", options);
///     html! { <p>{ ticks.messages().last().copied().unwrap_or_default() }</p> }
/// }
/// # fn log(_: f64) {}
/// ```
///
/// Options are read when they are needed, so a component may build them afresh on every
/// render at no cost: the builder when a connection starts (the first mount, a new URL),
/// the callbacks and `keep_last` at each batch of messages. None of them reconnects.
///
/// The core crate's [`FeedOptions`](browser_websocket::ui::FeedOptions), under the name
/// a hook's options go by: its methods are documented there.
pub type UseWebSocketOptions<In> = browser_websocket::ui::FeedOptions<In>;
