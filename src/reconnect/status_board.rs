//! The status a socket's handles read, and who waits for its next change.

use std::cell::RefCell;
use std::task::Waker;

use super::phase::Phase;

/// The current status (`T`: the machine's [`Phase`] for a socket of this tab's own, a
/// [`ConnectionStatus`](crate::ConnectionStatus) for one shared across tabs), a change
/// counter, and who waits for the next change.
#[derive(Debug)]
pub(crate) struct StatusBoard<T = Phase> {
    current: RefCell<(T, u64)>,
    waiters: RefCell<Vec<Waker>>,
}

impl Default for StatusBoard<Phase> {
    fn default() -> StatusBoard<Phase> {
        StatusBoard::new(Phase::Connecting { attempt: 0 })
    }
}

impl<T: Clone + PartialEq> StatusBoard<T> {
    pub(crate) fn new(first: T) -> StatusBoard<T> {
        StatusBoard {
            current: RefCell::new((first, 0)),
            waiters: RefCell::default(),
        }
    }

    pub(crate) fn get(&self) -> T {
        self.current.borrow().0.clone()
    }

    /// Records `status`; wakes every status stream if it changed.
    pub(crate) fn set(&self, status: T) {
        {
            let mut current = self.current.borrow_mut();
            if current.0 == status {
                return;
            }
            *current = (status, current.1 + 1);
        }
        let waiters = std::mem::take(&mut *self.waiters.borrow_mut());
        waiters.into_iter().for_each(Waker::wake);
    }

    /// Counts a change without changing the status: every status stream yields it again
    /// (a connection shared across tabs does this when its role or tab count changes).
    pub(crate) fn touch(&self) {
        self.current.borrow_mut().1 += 1;
        let waiters = std::mem::take(&mut *self.waiters.borrow_mut());
        waiters.into_iter().for_each(Waker::wake);
    }

    /// How many changes there were: a status stream has seen the newest once it read at
    /// this count.
    pub(crate) fn version(&self) -> u64 {
        self.current.borrow().1
    }

    /// Wakes `waker` at the next change.
    pub(crate) fn wait(&self, waker: &Waker) {
        let mut waiters = self.waiters.borrow_mut();
        if !waiters.iter().any(|w| w.will_wake(waker)) {
            waiters.push(waker.clone());
        }
    }
}

impl StatusBoard<Phase> {
    pub(crate) fn phase(&self) -> Phase {
        self.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_board_counts_only_real_changes() {
        let board = StatusBoard::default();
        assert_eq!(board.version(), 0);
        board.set(Phase::Connecting { attempt: 0 });
        assert_eq!(board.version(), 0, "the same phase is no change");
        board.set(Phase::Open);
        assert_eq!(board.version(), 1);
        assert_eq!(board.phase(), Phase::Open);
        board.touch();
        assert_eq!(board.version(), 2, "a touch counts, unchanged");
        assert_eq!(board.phase(), Phase::Open);
    }
}
