//! Counts of what this crate holds in the browser, for leak checks.

use std::cell::Cell;

thread_local! {
    static LIVE_LISTENERS: Cell<usize> = const { Cell::new(0) };
}

/// How many event listeners this crate has attached right now, across all sockets.
///
/// Each open or connecting socket holds four (`open`, `message`, `error`, `close`); a
/// [`ReconnectingWebSocket`](crate::ReconnectingWebSocket) waiting to retry with
/// `retry_on_online` holds one more. Dropping a socket brings the count back down, so a
/// test can check that many connect/drop or reconnect cycles leave nothing behind.
///
/// ```no_run
/// use browser_websocket::{live_listeners, WebSocket};
///
/// let before = live_listeners();
/// let ws = WebSocket::connect("wss://example.com/chat")?;
/// assert_eq!(live_listeners(), before + 4);
/// drop(ws);
/// assert_eq!(live_listeners(), before);
/// # Ok::<(), browser_websocket::Error>(())
/// ```
pub fn live_listeners() -> usize {
    LIVE_LISTENERS.with(Cell::get)
}

/// Counts `n` listeners for as long as it lives.
#[derive(Debug)]
pub(crate) struct ListenerCount(usize);

impl ListenerCount {
    pub(crate) fn new(n: usize) -> ListenerCount {
        LIVE_LISTENERS.with(|live| live.set(live.get() + n));
        ListenerCount(n)
    }
}

impl Drop for ListenerCount {
    fn drop(&mut self) {
        LIVE_LISTENERS.with(|live| live.set(live.get() - self.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_rise_and_fall_with_their_owners() {
        let before = live_listeners();
        let four = ListenerCount::new(4);
        let one = ListenerCount::new(1);
        assert_eq!(live_listeners(), before + 5);
        drop(four);
        assert_eq!(live_listeners(), before + 1);
        drop(one);
        assert_eq!(live_listeners(), before);
    }
}
