//! How [`use_websocket_with`](crate::use_websocket_with) connects and delivers.

use std::fmt;
use std::rc::Rc;
use std::time::Duration;

use browser_websocket::{
    DecodeError, Message, ReconnectEvent, ReconnectPolicy, ReconnectingBuilder, WebSocket,
};

/// Options for [`use_websocket_with`](crate::use_websocket_with): how to connect, how
/// many messages to list, and callbacks for every message and event.
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::{Heartbeat, ReconnectPolicy, WebSocket};
/// use browser_websocket_leptos::{use_websocket_with, Json, UseWebSocketOptions};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Ticker() -> impl IntoView {
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
///     view! { <p>{move || ticks.messages.with(|ticks| ticks.last().copied().unwrap_or_default())}</p> }
/// }
/// # fn log(_: f64) {}
/// ```
///
/// Options are read when they are needed: the builder when a connection starts (at
/// creation, and when the URL signal changes), the callbacks and `keep_last` at each
/// batch of messages.
pub struct UseWebSocketOptions<In> {
    pub(crate) builder: Rc<dyn Fn(&str) -> ReconnectingBuilder>,
    pub(crate) keep_last: usize,
    pub(crate) countdown: Option<Duration>,
    pub(crate) on_message: Option<OnMessage<In>>,
    pub(crate) on_undecodable: Option<OnUndecodable>,
    pub(crate) on_event: Option<OnEvent>,
}

pub(crate) type OnMessage<In> = Rc<dyn Fn(&In)>;
pub(crate) type OnUndecodable = Rc<dyn Fn(&Message, &DecodeError)>;
pub(crate) type OnEvent = Rc<dyn Fn(&ReconnectEvent)>;

impl<In> UseWebSocketOptions<In> {
    /// How often the status is re-read while waiting to retry, so that `retry_in` (and
    /// the status's text, "retry 2 in 1.4 s") counts down, unless set.
    pub const DEFAULT_COUNTDOWN: Duration = Duration::from_millis(100);

    /// How to build the reconnecting socket for a URL: subprotocols, policy, heartbeat,
    /// offline queue, URL provider, ... `WebSocket::builder(url)
    /// .reconnecting(ReconnectPolicy::default())` unless set.
    ///
    /// ```
    /// use browser_websocket::{OfflineQueue, ReconnectPolicy, WebSocket, WhenFull};
    /// use browser_websocket_leptos::UseWebSocketOptions;
    ///
    /// let options = UseWebSocketOptions::<String>::default().builder(|url| {
    ///     WebSocket::builder(url)
    ///         .reconnecting(ReconnectPolicy::default())
    ///         .offline_queue(OfflineQueue::new(50, WhenFull::RejectNew))
    /// });
    /// ```
    pub fn builder(mut self, builder: impl Fn(&str) -> ReconnectingBuilder + 'static) -> Self {
        self.builder = Rc::new(builder);
        self
    }

    /// The reconnect policy, with every other setting left at its default; a shorthand
    /// for [`builder`](Self::builder).
    ///
    /// ```
    /// use std::time::Duration;
    /// use browser_websocket::ReconnectPolicy;
    /// use browser_websocket_leptos::UseWebSocketOptions;
    ///
    /// let options = UseWebSocketOptions::<String>::default()
    ///     .policy(ReconnectPolicy::default().initial_delay(Duration::from_millis(250)));
    /// ```
    pub fn policy(self, policy: ReconnectPolicy) -> Self {
        self.builder(move |url| WebSocket::builder(url).reconnecting(policy.clone()))
    }

    /// How many of the newest messages [`messages`](crate::UseWebSocket::messages)
    /// keeps; every one unless set. 0 keeps none: use [`on_message`](Self::on_message)
    /// then.
    ///
    /// ```
    /// let options = browser_websocket_leptos::UseWebSocketOptions::<String>::default().keep_last(500);
    /// ```
    pub fn keep_last(mut self, keep: usize) -> Self {
        self.keep_last = keep;
        self
    }

    /// How often to re-read the status while waiting to retry (`None`: only when it
    /// changes); [`DEFAULT_COUNTDOWN`](Self::DEFAULT_COUNTDOWN) unless set.
    ///
    /// ```
    /// use std::time::Duration;
    /// let options = browser_websocket_leptos::UseWebSocketOptions::<String>::default()
    ///     .countdown(Some(Duration::from_secs(1)));
    /// ```
    pub fn countdown(mut self, every: Option<Duration>) -> Self {
        self.countdown = every;
        self
    }

    /// Called with every decoded message, in order, before the list is updated.
    ///
    /// ```
    /// let options = browser_websocket_leptos::UseWebSocketOptions::<String>::default()
    ///     .keep_last(0)
    ///     .on_message(|text: &String| println!("{text}"));
    /// ```
    pub fn on_message(mut self, on_message: impl Fn(&In) + 'static) -> Self {
        self.on_message = Some(Rc::new(on_message));
        self
    }

    /// Called with every message that the codec could not decode, and why; such
    /// messages are not listed.
    ///
    /// ```
    /// let options = browser_websocket_leptos::UseWebSocketOptions::<String>::default()
    ///     .on_undecodable(|message, error| println!("skipped {message:?}: {error}"));
    /// ```
    pub fn on_undecodable(
        mut self,
        on_undecodable: impl Fn(&Message, &DecodeError) + 'static,
    ) -> Self {
        self.on_undecodable = Some(Rc::new(on_undecodable));
        self
    }

    /// Called with every event that is not a message: `Open`, `Closed`, `Reconnecting`,
    /// `GaveUp`, `Overflow`, ... (the status already reflects them).
    ///
    /// ```
    /// use browser_websocket::ReconnectEvent;
    ///
    /// let options = browser_websocket_leptos::UseWebSocketOptions::<String>::default()
    ///     .on_event(|event| {
    ///         if let ReconnectEvent::Overflow(overflow) = event {
    ///             println!("the inbox overflowed: {overflow:?}");
    ///         }
    ///     });
    /// ```
    pub fn on_event(mut self, on_event: impl Fn(&ReconnectEvent) + 'static) -> Self {
        self.on_event = Some(Rc::new(on_event));
        self
    }
}

/// Reconnects with [`ReconnectPolicy::default`], keeps every message, counts down every
/// 100 ms, no callbacks.
impl<In> Default for UseWebSocketOptions<In> {
    fn default() -> Self {
        UseWebSocketOptions {
            builder: Rc::new(|url| {
                WebSocket::builder(url).reconnecting(ReconnectPolicy::default())
            }),
            keep_last: usize::MAX,
            countdown: Some(Self::DEFAULT_COUNTDOWN),
            on_message: None,
            on_undecodable: None,
            on_event: None,
        }
    }
}

impl<In> Clone for UseWebSocketOptions<In> {
    fn clone(&self) -> Self {
        UseWebSocketOptions {
            builder: Rc::clone(&self.builder),
            keep_last: self.keep_last,
            countdown: self.countdown,
            on_message: self.on_message.clone(),
            on_undecodable: self.on_undecodable.clone(),
            on_event: self.on_event.clone(),
        }
    }
}

impl<In> fmt::Debug for UseWebSocketOptions<In> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UseWebSocketOptions")
            .field("keep_last", &self.keep_last)
            .field("countdown", &self.countdown)
            .field("on_message", &self.on_message.is_some())
            .field("on_undecodable", &self.on_undecodable.is_some())
            .field("on_event", &self.on_event.is_some())
            .finish_non_exhaustive()
    }
}
