//! `use_websocket`: a reconnecting, typed WebSocket as Leptos signals.
//!
//! The crate already does the hard parts (one retry per failure, owned listeners, an
//! offline queue); this helper only ties one socket's life to the reactive owner that
//! creates it and turns the stream into signals and a callback. It must not undo any of
//! that, so:
//!
//! - it never reconnects by itself: it connects once when called (a component body runs
//!   once), and retries are the socket's own;
//! - it attaches no listener of its own: the socket owns its listeners and removes them
//!   when the owner is cleaned up and the socket drops;
//! - `send` goes through [`ReconnectingWebSocket::send`], which queues while disconnected
//!   and says so ([`Sent::Queued`]) instead of dropping the message.

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;
use std::rc::{Rc, Weak};

use browser_websocket::{
    Codec, DecodeError, Error, GiveUp, ReadyState, ReconnectEvent, ReconnectPolicy,
    ReconnectingWebSocket, Sent, Typed, TypedEvent, WebSocket,
};
use futures_util::future::abortable;
use futures_util::StreamExt;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The connection as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectionState {
    /// The first connection is being made.
    Connecting,
    /// Connected; sends go out at once.
    Open,
    /// Lost; retry number `attempt` is waiting or under way. Sends are queued.
    Reconnecting { attempt: u32 },
    /// For good: closed, given up, or the URL was refused. Says why.
    Closed { why: String },
}

impl fmt::Display for ConnectionState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionState::Connecting => f.write_str("Connecting"),
            ConnectionState::Open => f.write_str("Open"),
            ConnectionState::Reconnecting { attempt } => {
                write!(f, "Reconnecting (attempt {attempt})")
            }
            ConnectionState::Closed { .. } => f.write_str("Closed"),
        }
    }
}

/// The socket shared by the helper (to send) and the task that reads it.
type Shared<In, Out, C> = Rc<RefCell<Typed<ReconnectingWebSocket, In, Out, C>>>;

/// What [`use_websocket`] returns: signals to read and a way to send. `Copy`, like a
/// signal, so every closure of a view can hold it.
pub struct UseWebSocket<In, Out, C>
where
    In: 'static,
    Out: 'static,
    C: 'static,
{
    /// The connection state.
    pub state: ReadSignal<ConnectionState>,
    /// How many sent messages wait for the connection.
    pub queued: ReadSignal<usize>,
    set_queued: WriteSignal<usize>,
    socket: StoredValue<Option<Shared<In, Out, C>>, LocalStorage>,
    types: PhantomData<fn(Out)>,
}

// By hand: a derive would ask `In`, `Out` and `C` to be `Clone`/`Copy` too.
impl<In, Out, C> Clone for UseWebSocket<In, Out, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<In, Out, C> Copy for UseWebSocket<In, Out, C> {}

impl<In, Out: Serialize, C: Codec> UseWebSocket<In, Out, C> {
    /// Encodes `value` with the codec and sends it now, or queues it until the next open.
    ///
    /// # Errors
    /// The codec's [`Error::Encode`], [`Error::QueueFull`], or [`Error::NotOpen`] once the
    /// socket closed for good, never started, or its owner was cleaned up.
    pub fn send(&self, value: &Out) -> Result<Sent, Error> {
        let message = C::encode(value)?;
        self.socket
            .try_with_value(|socket| match socket {
                Some(socket) => {
                    let socket = socket.borrow();
                    let sent = socket.get_ref().send(message);
                    self.set_queued.set(socket.get_ref().queued());
                    sent
                }
                None => Err(Error::NotOpen(ReadyState::Closed)),
            })
            .unwrap_or(Err(Error::NotOpen(ReadyState::Closed)))
    }
}

/// Connects to `url` with reconnects on for as long as the current reactive owner (the
/// component calling it) lives, calling `on_message` with every message decoded by `C`
/// (or why it did not decode).
///
/// When the owner is cleaned up (the component unmounts), the socket closes with 1000
/// and removes every listener it held.
pub fn use_websocket<In, Out, C>(
    url: &str,
    on_message: impl Fn(Result<In, DecodeError>) + 'static,
) -> UseWebSocket<In, Out, C>
where
    In: DeserializeOwned + 'static,
    Out: 'static,
    C: Codec + 'static,
{
    let (state, set_state) = signal(ConnectionState::Connecting);
    let (queued, set_queued) = signal(0);
    let socket = StoredValue::new_local(None);
    let connected = WebSocket::builder(url)
        .reconnecting(ReconnectPolicy::default())
        .connect();
    match connected {
        Ok(connected) => {
            let shared: Shared<In, Out, C> = Rc::new(RefCell::new(Typed::new(connected)));
            let task = read(Rc::downgrade(&shared), set_state, set_queued, on_message);
            socket.set_value(Some(shared));
            // Why abort rather than `close()` and let the stream end: after a close the
            // task would still wait for the server's close frame and then write to
            // signals whose owner is gone. Aborting ends it on its next poll, and
            // dropping the socket below closes the connection at once.
            let (task, reader) = abortable(task);
            wasm_bindgen_futures::spawn_local(async move {
                let _ = task.await;
            });
            on_cleanup(move || {
                reader.abort();
                // The only strong reference: the socket closes with 1000 and removes
                // its listeners right here.
                socket.update_value(|socket| drop(socket.take()));
            });
        }
        Err(error) => set_state.set(ConnectionState::Closed {
            why: error.to_string(),
        }),
    }
    UseWebSocket {
        state,
        queued,
        set_queued,
        socket,
        types: PhantomData,
    }
}

/// Reads the socket until it ends or is dropped, turning events into signals and
/// messages.
async fn read<In, Out, C>(
    socket: Weak<RefCell<Typed<ReconnectingWebSocket, In, Out, C>>>,
    set_state: WriteSignal<ConnectionState>,
    set_queued: WriteSignal<usize>,
    on_message: impl Fn(Result<In, DecodeError>),
) where
    In: DeserializeOwned,
    C: Codec,
{
    loop {
        // Borrowed only while polled, never across an await: `send` can borrow it from
        // an event handler at any other time. A dropped socket ends the loop.
        let event = std::future::poll_fn(|cx| match socket.upgrade() {
            Some(socket) => socket.borrow_mut().poll_next_unpin(cx),
            None => std::task::Poll::Ready(None),
        })
        .await;
        let Some(event) = event else { return };
        match event {
            TypedEvent::Message(value) => on_message(Ok(value)),
            TypedEvent::Undecodable { error, .. } => on_message(Err(error)),
            TypedEvent::Other(event) => {
                if let Some(state) = state_after(&event) {
                    set_state.set(state);
                }
                // An open just sent the queue.
                if let Some(socket) = socket.upgrade() {
                    set_queued.set(socket.borrow().get_ref().queued());
                }
            }
        }
    }
}

/// The state an event leads to, if it changes it.
fn state_after(event: &ReconnectEvent) -> Option<ConnectionState> {
    match event {
        ReconnectEvent::Open => Some(ConnectionState::Open),
        ReconnectEvent::Reconnecting { attempt, .. } => {
            Some(ConnectionState::Reconnecting { attempt: *attempt })
        }
        // If a retry follows, `Reconnecting` comes right after and replaces this.
        ReconnectEvent::Closed(close) => Some(ConnectionState::Closed {
            why: format!("closed with {}", close.code),
        }),
        ReconnectEvent::GaveUp(GiveUp::AttemptsExhausted { attempts }) => {
            Some(ConnectionState::Closed {
                why: format!("gave up after {attempts} retries"),
            })
        }
        ReconnectEvent::GaveUp(GiveUp::BadUrl(error)) => Some(ConnectionState::Closed {
            why: error.to_string(),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_read_as_the_page_shows_them() {
        assert_eq!(ConnectionState::Open.to_string(), "Open");
        assert_eq!(
            ConnectionState::Reconnecting { attempt: 3 }.to_string(),
            "Reconnecting (attempt 3)"
        );
        let closed = ConnectionState::Closed { why: "x".into() };
        assert_eq!(closed.to_string(), "Closed");
    }

    #[test]
    fn reconnecting_carries_the_attempt_and_errors_change_nothing() {
        let event = ReconnectEvent::Reconnecting {
            attempt: 2,
            delay: std::time::Duration::from_secs(1),
        };
        assert_eq!(
            state_after(&event),
            Some(ConnectionState::Reconnecting { attempt: 2 })
        );
        assert_eq!(state_after(&ReconnectEvent::Error), None);
        assert_eq!(
            state_after(&ReconnectEvent::Open),
            Some(ConnectionState::Open)
        );
    }
}
