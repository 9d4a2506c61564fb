//! What a component renders from its connection, and how each batch changes it: a Yew
//! reducer, pure, so it is tested natively.

use std::rc::Rc;

use browser_websocket::ConnectionStatus;
use yew::Reducible;

use crate::Messages;

/// The status, the queue's length and the messages, as of one render.
pub(crate) struct State<In> {
    pub(crate) status: ConnectionStatus,
    pub(crate) queued: usize,
    pub(crate) messages: Messages<In>,
}

/// What changes the state.
pub(crate) enum Action<In> {
    /// A batch from the connection: messages to append (keeping the newest `keep`), the
    /// newest status if it changed, and the queue's length.
    Batch {
        arrived: Vec<In>,
        status: Option<ConnectionStatus>,
        queued: usize,
        keep: usize,
    },
    /// A new status (a new URL connects, or `connect` failed at once).
    Status(ConnectionStatus),
    /// A send changed the queue's length.
    Queued(usize),
}

impl<In> Default for State<In> {
    fn default() -> State<In> {
        State {
            status: ConnectionStatus::Connecting,
            queued: 0,
            messages: Messages::default(),
        }
    }
}

/// The same render state: the same status and queue, the same messages snapshot.
impl<In> PartialEq for State<In> {
    fn eq(&self, other: &State<In>) -> bool {
        self.status == other.status
            && self.queued == other.queued
            && self.messages == other.messages
    }
}

impl<In> State<In> {
    /// `self` changed by `action`, or `None` if it changes nothing (no render then).
    fn after(&self, action: Action<In>) -> Option<State<In>> {
        let (arrived, status, queued, keep) = match action {
            Action::Batch {
                arrived,
                status,
                queued,
                keep,
            } => (arrived, status, queued, keep),
            Action::Status(status) => (Vec::new(), Some(status), self.queued, usize::MAX),
            Action::Queued(queued) => (Vec::new(), None, queued, usize::MAX),
        };
        let status = status.filter(|status| *status != self.status);
        if arrived.is_empty() && status.is_none() && queued == self.queued {
            return None;
        }
        Some(State {
            status: status.unwrap_or_else(|| self.status.clone()),
            queued,
            messages: self.messages.appended(arrived, keep),
        })
    }
}

impl<In: 'static> Reducible for State<In> {
    type Action = Action<In>;

    fn reduce(self: Rc<Self>, action: Action<In>) -> Rc<Self> {
        // The same `Rc` back tells Yew not to render.
        self.after(action).map_or(self, Rc::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn batch(arrived: Vec<u32>, status: Option<ConnectionStatus>, queued: usize) -> Action<u32> {
        Action::Batch {
            arrived,
            status,
            queued,
            keep: usize::MAX,
        }
    }

    #[test]
    fn a_batch_appends_every_message_and_takes_the_newest_status() {
        let state = State::default();
        let next = state
            .after(batch((1..=1000).collect(), Some(ConnectionStatus::Open), 0))
            .expect("a change");
        assert_eq!(next.status, ConnectionStatus::Open);
        assert!(next.messages.iter().copied().eq(1..=1000));
    }

    #[test]
    fn nothing_new_is_no_render() {
        let state = State::<u32>::default();
        assert!(
            state
                .after(batch(Vec::new(), Some(ConnectionStatus::Connecting), 0))
                .is_none()
        );
        assert!(state.after(Action::Queued(0)).is_none());
        assert!(
            state
                .after(Action::Status(ConnectionStatus::Connecting))
                .is_none()
        );
    }

    #[test]
    fn the_countdown_and_the_queue_each_change_the_state() {
        let waiting = |millis| ConnectionStatus::Waiting {
            attempt: 1,
            retry_in: Duration::from_millis(millis),
        };
        let state = State::<u32>::default()
            .after(Action::Status(waiting(900)))
            .expect("waiting");
        let later = state.after(batch(Vec::new(), Some(waiting(800)), 0));
        assert_eq!(later.map(|state| state.status), Some(waiting(800)));
        let queued = state.after(Action::Queued(2)).expect("one queued");
        assert_eq!((queued.queued, queued.status), (2, waiting(900)));
    }
}
