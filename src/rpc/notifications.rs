//! [`Notifications`]: what arrives that is not a reply to a call in progress.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures_core::Stream;
use serde_json::Value;

use crate::message::Message;
use crate::typed::DecodeError;

/// One thing that arrived and is not a call's reply.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Notice {
    /// A message the envelope did not read as a reply: a server's notification, as it
    /// came (JSON-RPC: `{"jsonrpc": "2.0", "method", "params"}`).
    Notification(Value),
    /// A reply whose id matched no call in progress: unknown, answered before, timed out
    /// or cancelled. Counted by [`Rpc::stray_replies`](super::Rpc::stray_replies) too.
    StrayReply {
        /// The id the reply carried.
        id: u64,
    },
    /// A message that is not JSON text.
    Undecodable {
        /// The message as it came.
        message: Message,
        /// Why it could not be read.
        error: DecodeError,
    },
}

/// Notices kept for the streams; nothing is kept once every stream taken was dropped.
#[derive(Debug, Default)]
pub(crate) struct Queue {
    notices: VecDeque<Notice>,
    waker: Option<Waker>,
    /// How many streams are alive; `None` until the first is taken.
    readers: Option<usize>,
}

impl Queue {
    pub(crate) fn push(&mut self, notice: Notice) {
        if self.readers == Some(0) {
            return;
        }
        self.notices.push_back(notice);
        if let Some(waker) = self.waker.take() {
            waker.wake();
        }
    }
}

/// The stream of [`Notice`]s, in arrival order; see
/// [`Rpc::notifications`](super::Rpc::notifications). Several may be taken; each notice
/// goes to whichever polls first.
///
/// ```no_run
/// use futures_util::StreamExt;
///
/// # async fn run(rpc: browser_websocket::rpc::Rpc<browser_websocket::rpc::JsonRpc>) {
/// let mut notices = rpc.notifications();
/// if let Some(notice) = notices.next().await {
///     println!("{notice:?}");
/// }
/// # }
/// ```
#[derive(Debug)]
pub struct Notifications {
    queue: Rc<RefCell<Queue>>,
}

impl Notifications {
    pub(crate) fn new(queue: Rc<RefCell<Queue>>) -> Notifications {
        if let Ok(mut queue) = queue.try_borrow_mut() {
            queue.readers = Some(queue.readers.unwrap_or(0) + 1);
        }
        Notifications { queue }
    }
}

impl Stream for Notifications {
    type Item = Notice;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Notice>> {
        let Ok(mut queue) = self.queue.try_borrow_mut() else {
            return Poll::Pending;
        };
        match queue.notices.pop_front() {
            Some(notice) => Poll::Ready(Some(notice)),
            None => {
                queue.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl Drop for Notifications {
    fn drop(&mut self) {
        if let Ok(mut queue) = self.queue.try_borrow_mut() {
            let readers = queue.readers.unwrap_or(1).saturating_sub(1);
            queue.readers = Some(readers);
            if readers == 0 {
                queue.notices.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_are_kept_until_a_stream_is_taken_and_dropped_after_the_last_goes() {
        let queue = Rc::new(RefCell::new(Queue::default()));
        queue.borrow_mut().push(Notice::StrayReply { id: 1 });
        let stream = Notifications::new(Rc::clone(&queue));
        assert_eq!(queue.borrow().notices.len(), 1, "kept from the start");
        drop(stream);
        queue.borrow_mut().push(Notice::StrayReply { id: 2 });
        assert!(queue.borrow().notices.is_empty(), "no reader: nothing kept");
    }
}
