//! `use_websocket`: a reconnecting, typed WebSocket as a Yew hook.
//!
//! The crate already does the hard parts (one retry per failure, owned listeners, an
//! offline queue); this hook only ties one socket's life to one component's and turns the
//! stream into state and callbacks. It must not undo any of that, so:
//!
//! - it never reconnects by itself: the effect depends on the URL only, and the newest
//!   `on_message` callback is read through a ref, so a re-render never opens a second
//!   socket;
//! - it attaches no listener of its own: the socket owns its listeners and removes them
//!   when the component unmounts and the socket drops;
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
use serde::de::DeserializeOwned;
use serde::Serialize;
use yew::prelude::*;

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

/// The socket shared by the hook (to send) and the task that reads it.
type Shared<In, Out, C> = Rc<RefCell<Typed<ReconnectingWebSocket, In, Out, C>>>;

/// What [`use_websocket`] returns: the connection state and a way to send.
pub struct UseWebSocket<In, Out, C> {
    /// Re-rendered whenever it changes.
    pub state: ConnectionState,
    socket: Rc<RefCell<Option<Shared<In, Out, C>>>>,
    types: PhantomData<fn(Out)>,
}

// By hand: a derive would ask `In`, `Out` and `C` to be `Clone` too.
impl<In, Out, C> Clone for UseWebSocket<In, Out, C> {
    fn clone(&self) -> Self {
        UseWebSocket {
            state: self.state.clone(),
            socket: Rc::clone(&self.socket),
            types: PhantomData,
        }
    }
}

impl<In, Out: Serialize, C: Codec> UseWebSocket<In, Out, C> {
    /// Encodes `value` with the codec and sends it now, or queues it until the next open.
    ///
    /// # Errors
    /// The codec's [`Error::Encode`], [`Error::QueueFull`], or [`Error::NotOpen`] once the
    /// socket closed for good (or never started).
    pub fn send(&self, value: &Out) -> Result<Sent, Error> {
        let message = C::encode(value)?;
        match &*self.socket.borrow() {
            Some(socket) => socket.borrow().get_ref().send(message),
            None => Err(Error::NotOpen(ReadyState::Closed)),
        }
    }

    /// How many sent messages wait for the connection.
    pub fn queued(&self) -> usize {
        self.socket
            .borrow()
            .as_ref()
            .map_or(0, |socket| socket.borrow().get_ref().queued())
    }
}

/// Connects to `url` with reconnects on while the component is mounted, calling
/// `on_message` with every message decoded by `C` (or why it did not decode).
///
/// A new `url` closes the old socket and opens a new one; unmounting closes it with 1000
/// and removes every listener it held.
#[hook]
pub fn use_websocket<In, Out, C>(
    url: &str,
    on_message: Callback<Result<In, DecodeError>>,
) -> UseWebSocket<In, Out, C>
where
    In: DeserializeOwned + 'static,
    Out: 'static,
    C: Codec + 'static,
{
    let state = use_state_eq(|| ConnectionState::Connecting);
    let socket = use_mut_ref(|| None::<Shared<In, Out, C>>);
    // The newest callback, read by the task at each message: a parent that passes a new
    // closure on every render must not cost a reconnect.
    let latest_on_message = use_mut_ref(|| on_message.clone());
    *latest_on_message.borrow_mut() = on_message;

    {
        let socket = Rc::clone(&socket);
        let set_state = state.setter();
        use_effect_with(url.to_owned(), move |url| {
            set_state.set(ConnectionState::Connecting);
            let connected = WebSocket::builder(url.as_str())
                .reconnecting(ReconnectPolicy::default())
                .connect();
            let reader = match connected {
                Ok(connected) => {
                    let shared = Rc::new(RefCell::new(Typed::new(connected)));
                    let task = read(Rc::downgrade(&shared), set_state, latest_on_message);
                    *socket.borrow_mut() = Some(shared);
                    // Why abort rather than `close()` and let the stream end: after a close
                    // the task would still wait for the server's close frame and then set
                    // state on a component that is gone. Aborting ends it on its next poll,
                    // and dropping the socket below closes the connection at once.
                    let (task, reader) = abortable(task);
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = task.await;
                    });
                    Some(reader)
                }
                Err(error) => {
                    set_state.set(ConnectionState::Closed {
                        why: error.to_string(),
                    });
                    None
                }
            };
            move || {
                if let Some(reader) = reader {
                    reader.abort();
                }
                // The only strong reference: the socket closes with 1000 and removes its
                // listeners right here.
                socket.borrow_mut().take();
            }
        });
    }

    UseWebSocket {
        state: (*state).clone(),
        socket,
        types: PhantomData,
    }
}

/// Reads the socket until it ends or is dropped, turning events into state and messages.
async fn read<In, Out, C>(
    socket: Weak<RefCell<Typed<ReconnectingWebSocket, In, Out, C>>>,
    set_state: UseStateSetter<ConnectionState>,
    on_message: Rc<RefCell<Callback<Result<In, DecodeError>>>>,
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
            TypedEvent::Message(value) => on_message.borrow().emit(Ok(value)),
            TypedEvent::Undecodable { error, .. } => on_message.borrow().emit(Err(error)),
            TypedEvent::Other(event) => {
                if let Some(state) = state_after(&event) {
                    set_state.set(state);
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
