//! A typed view of any socket: values in, values out, through a [`Codec`] (feature `serde`).

use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_sink::Sink;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::event::Event;
use crate::message::Message;
use crate::reconnect::{
    ReconnectEvent, ReconnectEvents, ReconnectHandle, ReconnectingWebSocket, Sent,
};
use crate::typed::codec::{Codec, DecodeError};

/// Wraps a socket so that it yields `In` values and accepts `Out` values, encoded by `C`.
///
/// Works over every layer: a [`WebSocket`](crate::WebSocket), its split halves (receiver
/// for `Stream`, sender for `Sink`), a [`Subscription`](crate::Subscription), or a
/// [`ReconnectingWebSocket`](crate::ReconnectingWebSocket).
///
/// ```no_run
/// # async fn run() -> Result<(), browser_websocket::Error> {
/// use browser_websocket::{Event, Json, Typed, TypedEvent, WebSocket};
/// use futures_util::{SinkExt, StreamExt};
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize)]
/// struct Say { text: String }
/// #[derive(Deserialize, Debug)]
/// struct Said { from: String, text: String }
///
/// let ws = WebSocket::connect("wss://example.com/chat")?;
/// ws.opened().await?;
/// let mut chat = Typed::<_, Said, Say, Json>::new(ws);
/// chat.send(Say { text: "hi".into() }).await?;
/// while let Some(event) = chat.next().await {
///     match event {
///         TypedEvent::Message(said) => println!("{}: {}", said.from, said.text),
///         TypedEvent::Undecodable { message, error } => println!("ignored {message:?}: {error}"),
///         TypedEvent::Other(Event::Closed(close)) => println!("closed: {}", close.code),
///         TypedEvent::Other(_) => {}
///     }
/// }
/// # Ok(()) }
/// ```
///
/// A message that does not decode is yielded as [`TypedEvent::Undecodable`] with the raw
/// message; it never ends the stream.
pub struct Typed<S, In, Out, C> {
    inner: S,
    types: PhantomData<fn(Out, C) -> In>,
}

/// A [`Typed`] plain socket.
pub type TypedWebSocket<In, Out, C> = Typed<crate::WebSocket, In, Out, C>;

/// A [`Typed`] reconnecting socket handle: `Clone`, sends `Out` values from anywhere.
pub type TypedReconnectHandle<In, Out, C> = Typed<ReconnectHandle, In, Out, C>;

/// What a [`Typed`] stream yields.
#[derive(Debug, Clone, PartialEq)]
pub enum TypedEvent<T, E> {
    /// A message, decoded.
    Message(T),
    /// A message that did not decode, and why; the stream goes on.
    Undecodable {
        /// The message as it arrived.
        message: Message,
        /// Why it did not decode.
        error: DecodeError,
    },
    /// Any other event of the inner stream (`Open`, `Closed`, `Reconnecting`, ...).
    Other(E),
}

/// An event type that may carry a message: [`Event`] and [`ReconnectEvent`].
pub trait CarriesMessage: Sized + sealed::Sealed {
    /// The message, or the event itself if it carries none.
    fn into_message(self) -> Result<Message, Self>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Event {}
    impl Sealed for crate::ReconnectEvent {}
}

impl CarriesMessage for Event {
    fn into_message(self) -> Result<Message, Event> {
        match self {
            Event::Message(message) => Ok(message),
            other => Err(other),
        }
    }
}

impl CarriesMessage for ReconnectEvent {
    fn into_message(self) -> Result<Message, ReconnectEvent> {
        match self {
            ReconnectEvent::Message(message) => Ok(message),
            other => Err(other),
        }
    }
}

impl<S, In, Out, C> Typed<S, In, Out, C> {
    /// Wraps `inner`.
    ///
    /// ```no_run
    /// use browser_websocket::{Json, Typed, WebSocket};
    ///
    /// let ws = WebSocket::connect("wss://example.com/chat")?;
    /// let typed = Typed::<_, String, String, Json>::new(ws);
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn new(inner: S) -> Typed<S, In, Out, C> {
        Typed {
            inner,
            types: PhantomData,
        }
    }

    /// The socket inside, e.g. to close it with a code.
    ///
    /// ```no_run
    /// # let typed = browser_websocket::Typed::<_, String, String, browser_websocket::Json>::new(
    /// #     browser_websocket::WebSocket::connect("wss://example.com/chat")?);
    /// typed.get_ref().close()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The socket inside, mutably.
    ///
    /// ```no_run
    /// # let mut typed = browser_websocket::Typed::<_, String, String, browser_websocket::Json>::new(
    /// #     browser_websocket::WebSocket::connect("wss://example.com/chat")?);
    /// let ws = typed.get_mut();
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// Unwraps the socket.
    ///
    /// ```no_run
    /// # let typed = browser_websocket::Typed::<_, String, String, browser_websocket::Json>::new(
    /// #     browser_websocket::WebSocket::connect("wss://example.com/chat")?);
    /// let ws = typed.into_inner();
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn into_inner(self) -> S {
        self.inner
    }
}

/// Typed handles are as cheap to clone as the handle inside.
impl<S: Clone, In, Out, C> Clone for Typed<S, In, Out, C> {
    fn clone(&self) -> Typed<S, In, Out, C> {
        Typed::new(self.inner.clone())
    }
}

/// A typed reconnecting socket sends values now, or queues them while disconnected.
impl<In, Out: Serialize, C: Codec> Typed<ReconnectingWebSocket, In, Out, C> {
    /// Encodes `value` and sends it now if the connection is open, or queues it until the
    /// next open; see [`ReconnectingWebSocket::send`].
    ///
    /// ```no_run
    /// # fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{Json, ReconnectPolicy, Sent, Typed, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .connect()?;
    /// let chat = Typed::<_, String, String, Json>::new(ws);
    /// if let Sent::QueuedDroppingOldest(dropped) = chat.send(&"hi".to_owned())? {
    ///     println!("the queue was full; dropped {dropped:?}");
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Encode`] if `C` cannot encode it (nothing is sent or queued); otherwise as
    /// [`ReconnectingWebSocket::send`].
    pub fn send(&self, value: &Out) -> Result<Sent, Error> {
        self.inner.send(C::encode(value)?)
    }

    /// Splits into a typed cloneable handle and the typed event stream; see
    /// [`ReconnectingWebSocket::split`].
    ///
    /// ```no_run
    /// # fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{Json, ReconnectPolicy, Typed, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/chat")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .connect()?;
    /// let (sender, events) = Typed::<_, String, String, Json>::new(ws).split();
    /// sender.send(&"hi".to_owned())?;
    /// # Ok(()) }
    /// ```
    #[allow(clippy::type_complexity)] // the two halves, each typed as the whole was
    pub fn split(
        self,
    ) -> (
        Typed<ReconnectHandle, In, Out, C>,
        Typed<ReconnectEvents, In, Out, C>,
    ) {
        let (handle, events) = self.inner.split();
        (Typed::new(handle), Typed::new(events))
    }
}

/// A typed handle sends values from anywhere; clone it into every component.
impl<In, Out: Serialize, C: Codec> Typed<ReconnectHandle, In, Out, C> {
    /// Encodes `value` and sends it now if the connection is open, or queues it until the
    /// next open; see [`ReconnectHandle::send`].
    ///
    /// ```no_run
    /// # fn run(chat: browser_websocket::Typed<browser_websocket::ReconnectHandle, String, String, browser_websocket::Json>) -> Result<(), browser_websocket::Error> {
    /// let sender = chat.clone();
    /// sender.send(&"hi".to_owned())?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Encode`] if `C` cannot encode it (nothing is sent or queued); otherwise as
    /// [`ReconnectHandle::send`].
    pub fn send(&self, value: &Out) -> Result<Sent, Error> {
        self.inner.send(C::encode(value)?)
    }
}

impl<S: fmt::Debug, In, Out, C> fmt::Debug for Typed<S, In, Out, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Typed").field("inner", &self.inner).finish()
    }
}

/// Decodes each message with `C`; passes every other event through as
/// [`TypedEvent::Other`].
impl<S, In, Out, C> Stream for Typed<S, In, Out, C>
where
    S: Stream + Unpin,
    S::Item: CarriesMessage,
    In: DeserializeOwned,
    C: Codec,
{
    type Item = TypedEvent<In, S::Item>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        Pin::new(&mut this.inner).poll_next(cx).map(|event| {
            event.map(|event| match event.into_message() {
                Ok(message) => match C::decode(&message) {
                    Ok(value) => TypedEvent::Message(value),
                    Err(error) => TypedEvent::Undecodable { message, error },
                },
                Err(other) => TypedEvent::Other(other),
            })
        })
    }
}

/// Encodes each value with `C` and sends it through the inner sink (flow control
/// included).
impl<S, In, Out, C> Sink<Out> for Typed<S, In, Out, C>
where
    S: Sink<Message, Error = Error> + Unpin,
    Out: Serialize,
    C: Codec,
{
    type Error = Error;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Pin::new(&mut self.get_mut().inner).poll_ready(cx)
    }

    fn start_send(self: Pin<&mut Self>, value: Out) -> Result<(), Error> {
        let message = C::encode(&value)?;
        Pin::new(&mut self.get_mut().inner).start_send(message)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Pin::new(&mut self.get_mut().inner).poll_close(cx)
    }
}
