//! The status a reconnecting socket's handles read, and who waits for its next change.

use std::cell::RefCell;
use std::task::Waker;

use super::phase::Phase;

/// The current status, a change counter, and who waits for the next change.
#[derive(Debug)]
pub(crate) struct StatusBoard {
    phase: RefCell<(Phase, u64)>,
    waiters: RefCell<Vec<Waker>>,
}

impl Default for StatusBoard {
    fn default() -> StatusBoard {
        StatusBoard {
            phase: RefCell::new((Phase::Connecting { attempt: 0 }, 0)),
            waiters: RefCell::default(),
        }
    }
}

impl StatusBoard {
    pub(crate) fn phase(&self) -> Phase {
        self.phase.borrow().0.clone()
    }

    /// Records `phase`; wakes every status stream if it changed.
    pub(crate) fn set(&self, phase: Phase) {
        {
            let mut current = self.phase.borrow_mut();
            if current.0 == phase {
                return;
            }
            *current = (phase, current.1 + 1);
        }
        let waiters = std::mem::take(&mut *self.waiters.borrow_mut());
        waiters.into_iter().for_each(Waker::wake);
    }

    pub(super) fn version(&self) -> u64 {
        self.phase.borrow().1
    }

    pub(super) fn wait(&self, waker: &Waker) {
        let mut waiters = self.waiters.borrow_mut();
        if !waiters.iter().any(|w| w.will_wake(waker)) {
            waiters.push(waker.clone());
        }
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
    }
}
