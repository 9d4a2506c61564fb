//! [`FeedOptions`]: how a UI's connection is made and what each batch's events are handed to.

use std::fmt;
use std::rc::Rc;
use std::time::Duration;

use serde::de::DeserializeOwned;

use super::Feed;
use crate::error::Error;
use crate::message::Message;
use crate::reconnect::{ReconnectEvent, ReconnectHandle, ReconnectPolicy, ReconnectingBuilder};
use crate::socket::WebSocket;
use crate::typed::{Codec, DecodeError, TypedEvent};

/// How a UI connects (the builder, the countdown) and what it does with each batch's
/// events (callbacks, how many messages its list keeps). The Yew and Leptos crates call it
/// `FeedOptions`.
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::ui::FeedOptions;
/// use browser_websocket::{Heartbeat, Json, ReconnectPolicy, WebSocket};
///
/// # fn run() -> Result<(), browser_websocket::Error> {
/// let options = FeedOptions::default()
///     .builder(|url| {
///         WebSocket::builder(url)
///             .protocols(["ticks.v1"])
///             .reconnecting(ReconnectPolicy::default().max_delay(Duration::from_secs(5)))
///             .heartbeat(Heartbeat::new("ping", Duration::from_secs(20), Duration::from_secs(45)))
///     })
///     .keep_last(100)
///     .on_message(|tick: &f64| println!("{tick}"));
/// let callbacks = options.clone();
/// let (_handle, feed) = options.open::<Json>("/ticks", move |batch| {
///     let ticks = callbacks.dispatch(batch.events);
///     println!("{} ticks to list", ticks.len());
/// })?;
/// # drop(feed);
/// # Ok(()) }
/// ```
///
/// A UI reads them when it needs them, so a component may build them afresh on every
/// render at no cost: the builder when a connection starts, the callbacks and
/// `keep_last` at each batch.
pub struct FeedOptions<In> {
    builder: Rc<dyn Fn(&str) -> ReconnectingBuilder>,
    /// The name the tabs share a connection under, if they do.
    shared_across_tabs: Option<Rc<str>>,
    keep_last: usize,
    countdown: Option<Duration>,
    on_message: Option<OnMessage<In>>,
    on_undecodable: Option<OnUndecodable>,
    on_event: Option<OnEvent>,
}

type OnMessage<In> = Rc<dyn Fn(&In)>;
type OnUndecodable = Rc<dyn Fn(&Message, &DecodeError)>;
type OnEvent = Rc<dyn Fn(&ReconnectEvent)>;

impl<In> FeedOptions<In> {
    /// How often the status is re-read while waiting to retry, so that `retry_in` (and
    /// the status's text, "retry 2 in 1.4 s") counts down, unless set.
    pub const DEFAULT_COUNTDOWN: Duration = Duration::from_millis(100);

    /// How to build the reconnecting socket for a URL: subprotocols, policy, heartbeat,
    /// offline queue, URL provider, ... `WebSocket::builder(url)
    /// .reconnecting(ReconnectPolicy::default())` unless set.
    ///
    /// ```
    /// use browser_websocket::{OfflineQueue, ReconnectPolicy, WebSocket, WhenFull};
    /// use browser_websocket::ui::FeedOptions;
    ///
    /// let options = FeedOptions::<String>::default().builder(|url| {
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
    /// use browser_websocket::ui::FeedOptions;
    ///
    /// let options = FeedOptions::<String>::default()
    ///     .policy(ReconnectPolicy::default().initial_delay(Duration::from_millis(250)));
    /// ```
    pub fn policy(self, policy: ReconnectPolicy) -> Self {
        self.builder(move |url| WebSocket::builder(url).reconnecting(policy.clone()))
    }

    /// Shares each connection with the other tabs of the origin that open the same URL
    /// with the same `name`: one tab holds it, every tab hears every message, sends from
    /// any tab go out through it (see
    /// [`SharedSocket`](crate::SharedSocket) for the guarantees). Not shared unless set.
    ///
    /// The tabs share under the name and the URL together, so a component that changes
    /// its URL (another room) never ends up on the connection of the old one. The
    /// handle's [`role`](crate::ReconnectHandle::role) and
    /// [`tabs`](crate::ReconnectHandle::tabs) say which tab holds it and how many share
    /// it.
    ///
    /// ```
    /// let options = browser_websocket::ui::FeedOptions::<String>::default()
    ///     .shared_across_tabs("chat");
    /// ```
    pub fn shared_across_tabs(mut self, name: &str) -> Self {
        self.shared_across_tabs = Some(Rc::from(name));
        self
    }

    /// How many of the newest messages the UI's list keeps; every one unless set. 0
    /// keeps none, and [`dispatch`](Self::dispatch) returns none: use
    /// [`on_message`](Self::on_message) then.
    ///
    /// ```
    /// let options = browser_websocket::ui::FeedOptions::<String>::default().keep_last(500);
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
    /// let options = browser_websocket::ui::FeedOptions::<String>::default()
    ///     .countdown(Some(Duration::from_secs(1)));
    /// ```
    pub fn countdown(mut self, every: Option<Duration>) -> Self {
        self.countdown = every;
        self
    }

    /// Called with every decoded message, in order, by [`dispatch`](Self::dispatch),
    /// before the list is updated.
    ///
    /// ```
    /// let options = browser_websocket::ui::FeedOptions::<String>::default()
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
    /// let options = browser_websocket::ui::FeedOptions::<String>::default()
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
    /// let options = browser_websocket::ui::FeedOptions::<String>::default()
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

    /// How many messages the list keeps, as [`keep_last`](Self::keep_last) set it.
    ///
    /// ```
    /// use browser_websocket::ui::FeedOptions;
    ///
    /// assert_eq!(FeedOptions::<String>::default().keep_last(500).kept(), 500);
    /// ```
    pub fn kept(&self) -> usize {
        self.keep_last
    }

    /// Connects to `url` with the [`builder`](Self::builder) (shared across tabs if
    /// [`shared_across_tabs`](Self::shared_across_tabs) says so) and starts a [`Feed`] on
    /// it with the [`countdown`](Self::countdown), handing each batch to `deliver`; the
    /// handle is for sending.
    ///
    /// # Errors
    /// What [`ReconnectingBuilder::connect`] returns: a URL the crate cannot use.
    ///
    /// ```no_run
    /// use browser_websocket::ui::FeedOptions;
    /// use browser_websocket::{Json, Message};
    ///
    /// # fn run() -> Result<(), browser_websocket::Error> {
    /// let (handle, feed) = FeedOptions::<String>::default()
    ///     .open::<Json>("/chat", |batch| println!("{} events", batch.events.len()))?;
    /// handle.send(Message::Text("hello".into()))?;
    /// drop(feed); // closes the socket
    /// # Ok(()) }
    /// ```
    pub fn open<C>(
        &self,
        url: &str,
        deliver: impl FnMut(super::Batch<In>) + 'static,
    ) -> Result<(ReconnectHandle, Feed<In, C>), Error>
    where
        In: DeserializeOwned + 'static,
        C: Codec + 'static,
    {
        let builder = (self.builder)(url);
        let (handle, events) = match &self.shared_across_tabs {
            Some(name) => builder
                .shared_across_tabs(&format!("{name} {url}"))
                .connect()?
                .split(),
            None => builder.connect()?.split(),
        };
        let feed = Feed::start(handle.clone(), events, self.countdown, deliver);
        Ok((handle, feed))
    }

    /// Hands each event to its callback, in order, and returns the decoded messages for
    /// the list (none if [`keep_last`](Self::keep_last) is 0).
    ///
    /// ```
    /// use browser_websocket::ui::FeedOptions;
    /// use browser_websocket::TypedEvent;
    ///
    /// let options = FeedOptions::<String>::default().on_message(|text| println!("{text}"));
    /// let listed = options.dispatch(vec![TypedEvent::Message("hi".to_owned())]);
    /// assert_eq!(listed, ["hi"]);
    /// assert!(options.keep_last(0).dispatch(vec![TypedEvent::Message("hi".to_owned())]).is_empty());
    /// ```
    pub fn dispatch(&self, events: Vec<TypedEvent<In, ReconnectEvent>>) -> Vec<In> {
        let mut arrived = Vec::new();
        for event in events {
            match event {
                TypedEvent::Message(value) => {
                    if let Some(on_message) = &self.on_message {
                        on_message(&value);
                    }
                    if self.keep_last > 0 {
                        arrived.push(value);
                    }
                }
                TypedEvent::Undecodable { message, error } => {
                    if let Some(on_undecodable) = &self.on_undecodable {
                        on_undecodable(&message, &error);
                    }
                }
                TypedEvent::Other(event) => {
                    if let Some(on_event) = &self.on_event {
                        on_event(&event);
                    }
                }
            }
        }
        arrived
    }
}

/// Reconnects with [`ReconnectPolicy::default`], not shared across tabs, keeps every
/// message, counts down every 100 ms, no callbacks.
impl<In> Default for FeedOptions<In> {
    fn default() -> Self {
        FeedOptions {
            builder: Rc::new(|url| {
                WebSocket::builder(url).reconnecting(ReconnectPolicy::default())
            }),
            shared_across_tabs: None,
            keep_last: usize::MAX,
            countdown: Some(Self::DEFAULT_COUNTDOWN),
            on_message: None,
            on_undecodable: None,
            on_event: None,
        }
    }
}

impl<In> Clone for FeedOptions<In> {
    fn clone(&self) -> Self {
        FeedOptions {
            builder: Rc::clone(&self.builder),
            shared_across_tabs: self.shared_across_tabs.clone(),
            keep_last: self.keep_last,
            countdown: self.countdown,
            on_message: self.on_message.clone(),
            on_undecodable: self.on_undecodable.clone(),
            on_event: self.on_event.clone(),
        }
    }
}

impl<In> fmt::Debug for FeedOptions<In> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FeedOptions")
            .field("shared_across_tabs", &self.shared_across_tabs)
            .field("keep_last", &self.keep_last)
            .field("countdown", &self.countdown)
            .field("on_message", &self.on_message.is_some())
            .field("on_undecodable", &self.on_undecodable.is_some())
            .field("on_event", &self.on_event.is_some())
            .finish_non_exhaustive()
    }
}
