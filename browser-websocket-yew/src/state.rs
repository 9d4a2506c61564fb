//! What a component renders from its connection, and how each batch changes it: a Yew
//! reducer, pure, so it is tested natively.

use std::rc::Rc;

use browser_websocket::ConnectionStatus;
use browser_websocket::ui::{Change, Sharing};
use yew::Reducible;

use crate::Messages;

/// The status, the queue's length and the messages, as of one render.
pub(crate) struct State<In> {
    pub(crate) status: ConnectionStatus,
    pub(crate) queued: usize,
    pub(crate) sharing: Sharing,
    pub(crate) messages: Messages<In>,
}

impl<In> Default for State<In> {
    fn default() -> State<In> {
        State {
            status: ConnectionStatus::Connecting,
            queued: 0,
            sharing: Sharing::default(),
            messages: Messages::default(),
        }
    }
}

/// The same render state: the same status, queue and sharing, the same messages snapshot.
impl<In> PartialEq for State<In> {
    fn eq(&self, other: &State<In>) -> bool {
        self.status == other.status
            && self.queued == other.queued
            && self.sharing == other.sharing
            && self.messages == other.messages
    }
}

impl<In> State<In> {
    /// `self` changed by `action`, or `None` if it changes nothing (no render then).
    fn after(&self, change: Change<In>) -> Option<State<In>> {
        let status = change.status.filter(|status| *status != self.status);
        let queued = change.queued.unwrap_or(self.queued);
        let sharing = change.sharing.unwrap_or(self.sharing);
        if change.arrived.is_empty()
            && change.drop_oldest == 0
            && status.is_none()
            && queued == self.queued
            && sharing == self.sharing
        {
            return None;
        }
        Some(State {
            status: status.unwrap_or_else(|| self.status.clone()),
            queued,
            sharing,
            messages: self.messages.appended(change.arrived, change.drop_oldest),
        })
    }
}

impl<In: 'static> Reducible for State<In> {
    type Action = Change<In>;

    fn reduce(self: Rc<Self>, change: Change<In>) -> Rc<Self> {
        // The same `Rc` back tells Yew not to render.
        self.after(change).map_or(self, Rc::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn batch(arrived: Vec<u32>, status: Option<ConnectionStatus>, queued: usize) -> Change<u32> {
        let mut change = Change::default();
        change.arrived = arrived;
        change.status = status;
        change.queued = Some(queued);
        change
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
        assert!(state.after(Change::queued(0)).is_none());
        assert!(
            state
                .after(Change::status(ConnectionStatus::Connecting))
                .is_none()
        );
    }

    #[test]
    fn the_countdown_the_queue_and_a_trim_each_change_the_state() {
        let waiting = |millis| ConnectionStatus::Waiting {
            attempt: 1,
            retry_in: Duration::from_millis(millis),
        };
        let state = State::<u32>::default()
            .after(Change::status(waiting(900)))
            .expect("waiting");
        let later = state.after(batch(Vec::new(), Some(waiting(800)), 0));
        assert_eq!(later.map(|state| state.status), Some(waiting(800)));
        let queued = state.after(Change::queued(2)).expect("one queued");
        assert_eq!((queued.queued, queued.status), (2, waiting(900)));
        let listed = state.after(batch(vec![1, 2, 3], None, 0)).expect("listed");
        let mut trim = Change::default();
        trim.drop_oldest = 2;
        let trimmed = listed.after(trim).expect("keep_last lowered");
        assert!(trimmed.messages.iter().copied().eq([3]));
    }

    #[test]
    fn a_new_tab_count_or_role_is_a_render_the_same_is_none() {
        let state = State::<u32>::default();
        let mut same = Change::default();
        same.sharing = Some(Sharing::default());
        assert!(state.after(same).is_none(), "alone as before");
        let mut joined = Change::default();
        joined.sharing = Some(Sharing {
            role: browser_websocket::Role::Follower,
            tabs: 2,
        });
        let next = state.after(joined).expect("a second tab");
        assert_eq!(next.sharing.tabs, 2);
        assert_eq!(next.status, ConnectionStatus::Connecting, "the rest stays");
    }
}
