//! [`Feed`]: the task that reads a reconnecting socket's streams in batches, and the
//! value that owns them.

use std::cell::{Cell, RefCell};
use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use futures_core::Stream;
use gloo_timers::future::TimeoutFuture;
use serde::de::DeserializeOwned;

use super::{Batch, Sharing};
use crate::connection_status::ConnectionStatus;
use crate::reconnect::{ReconnectEvents, ReconnectHandle, StatusChanges};
use crate::typed::{Codec, Typed};

/// The streams a connection is read through. Dropping them closes the socket (1000) and
/// removes every listener and timer the core holds for it.
struct Streams<In, C> {
    events: Typed<ReconnectEvents, In, (), C>,
    status: Option<StatusChanges>,
    handle: ReconnectHandle,
    /// While `Waiting`, how often to re-read the status so `retry_in` counts down.
    countdown: Option<Duration>,
    tick: Option<TimeoutFuture>,
    waiting: bool,
}

/// Shared by the [`Feed`] and the task that reads the streams.
struct Link<In, C> {
    streams: RefCell<Option<Streams<In, C>>>,
    /// Set when the component let go while the task was polling.
    stopped: Cell<bool>,
    /// The task's waker, to end it when the component lets go.
    waker: RefCell<Option<Waker>>,
}

/// A reconnecting socket read in batches for a UI: a mounted component's connection.
/// Dropping it drops the streams (the socket closes with 1000, every listener and timer
/// goes) and ends the reading task.
///
/// ```no_run
/// use std::time::Duration;
/// use browser_websocket::ui::Feed;
/// use browser_websocket::{Json, ReconnectPolicy, WebSocket};
///
/// # fn run() -> Result<(), browser_websocket::Error> {
/// let (handle, events) = WebSocket::builder("/ticks")
///     .reconnecting(ReconnectPolicy::default())
///     .connect()?
///     .split();
/// // Re-read the status every 100 ms while waiting to retry, so its countdown ticks.
/// let feed = Feed::<f64, Json>::start(handle, events, Some(Duration::from_millis(100)), |batch| {
///     println!("{} events, status {:?}", batch.events.len(), batch.status);
/// });
/// // On unmount: the socket closes and every listener goes.
/// drop(feed);
/// # Ok(()) }
/// ```
pub struct Feed<In, C> {
    link: Rc<Link<In, C>>,
}

impl<In, C> std::fmt::Debug for Feed<In, C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feed")
            .field("stopped", &self.link.stopped.get())
            .finish_non_exhaustive()
    }
}

impl<In, C> Feed<In, C>
where
    In: DeserializeOwned + 'static,
    C: Codec + 'static,
{
    /// Starts the task (`spawn_local`) that reads `events` and `handle`'s status changes,
    /// and hands each batch to `deliver`, which may call back into the crate.
    ///
    /// The first batch comes once something happened. A burst that arrives in one tick is
    /// one batch; once messages arrive, the task waits one zero-delay timer and takes in
    /// whatever arrives meanwhile. While the status is `Waiting`, it is re-read every
    /// `countdown` (none if `None` or zero), so that `retry_in` counts down.
    pub fn start(
        handle: ReconnectHandle,
        events: ReconnectEvents,
        countdown: Option<Duration>,
        mut deliver: impl FnMut(Batch<In>) + 'static,
    ) -> Feed<In, C> {
        let link = Rc::new(Link {
            streams: RefCell::new(Some(Streams {
                events: Typed::new(events),
                status: Some(handle.status_changes()),
                handle,
                countdown: countdown.filter(|every| !every.is_zero()),
                tick: None,
                waiting: false,
            })),
            stopped: Cell::new(false),
            waker: RefCell::new(None),
        });
        let task_link = Rc::clone(&link);
        wasm_bindgen_futures::spawn_local(async move {
            while let Some(batch) = task_link.next_batch().await {
                let ended = batch.ended;
                // No borrow of the link is held here: `deliver` runs user code.
                deliver(batch);
                if ended {
                    break;
                }
            }
        });
        Feed { link }
    }
}

impl<In, C> Link<In, C>
where
    In: DeserializeOwned,
    C: Codec,
{
    /// The next batch to deliver; `None` once the component let go.
    ///
    /// The browser dispatches each message of a burst as a task of its own, and the task
    /// wakes after each one. So once messages arrive, it waits one zero-delay timer
    /// (a few ms at most) and takes in whatever arrives meanwhile: a burst becomes a few
    /// renders rather than one per message. The streams are polled all the while, so
    /// reconnects and heartbeats are not delayed.
    async fn next_batch(&self) -> Option<Batch<In>> {
        let mut batch = poll_fn(|cx| self.poll_batch(cx)).await?;
        if batch.ended || !batch.has_messages() {
            return Some(batch);
        }
        let mut pause = TimeoutFuture::new(0);
        let stopped = poll_fn(|cx| {
            loop {
                match self.poll_batch(cx) {
                    Poll::Ready(Some(more)) => {
                        batch.absorb(more);
                        if batch.ended {
                            return Poll::Ready(false);
                        }
                    }
                    Poll::Ready(None) => return Poll::Ready(true),
                    Poll::Pending => return Pin::new(&mut pause).poll(cx).map(|()| false),
                }
            }
        })
        .await;
        (!stopped).then_some(batch)
    }

    /// Everything that is ready, as one batch; `None` once the component let go.
    fn poll_batch(&self, cx: &mut Context<'_>) -> Poll<Option<Batch<In>>> {
        let batch = match self.streams.try_borrow_mut() {
            Ok(mut streams) => match streams.as_mut() {
                Some(streams) if !self.stopped.get() => streams.poll_batch(cx),
                _ => return Poll::Ready(None),
            },
            // Only the drop below borrows it too, and it never polls.
            Err(_) => return Poll::Ready(None),
        };
        if self.stopped.get() {
            // The component let go while the streams were polled.
            self.streams.replace(None);
            return Poll::Ready(None);
        }
        match batch {
            Some(batch) => Poll::Ready(Some(batch)),
            None => {
                self.waker.replace(Some(cx.waker().clone()));
                Poll::Pending
            }
        }
    }
}

impl<In, C> Streams<In, C>
where
    In: DeserializeOwned,
    C: Codec,
{
    /// Drains every stream of what it has now; `None` if nothing was.
    fn poll_batch(&mut self, cx: &mut Context<'_>) -> Option<Batch<In>> {
        let mut events = Vec::new();
        let mut ended = false;
        // A burst that arrived in one tick is all buffered already: it becomes one batch
        // (one render). JavaScript cannot add to it while this loop runs.
        loop {
            match Pin::new(&mut self.events).poll_next(cx) {
                Poll::Ready(Some(event)) => events.push(event),
                Poll::Ready(None) => {
                    ended = true;
                    break;
                }
                Poll::Pending => break,
            }
        }
        let mut status = None;
        while let Some(changes) = self.status.as_mut() {
            match Pin::new(changes).poll_next(cx) {
                Poll::Ready(Some(now)) => status = Some(now),
                Poll::Ready(None) => self.status = None,
                Poll::Pending => break,
            }
        }
        if let Some(now) = &status {
            self.waiting = matches!(now, ConnectionStatus::Waiting { .. });
        }
        match self.countdown.filter(|_| self.waiting && !ended) {
            Some(every) => {
                let millis = u32::try_from(every.as_millis()).unwrap_or(u32::MAX);
                let tick = self.tick.get_or_insert_with(|| TimeoutFuture::new(millis));
                if Pin::new(tick).poll(cx).is_ready() {
                    // The next poll arms a new tick.
                    self.tick = None;
                    status.get_or_insert_with(|| self.handle.status());
                }
            }
            None => self.tick = None,
        }
        if events.is_empty() && status.is_none() && !ended {
            return None;
        }
        Some(Batch {
            events,
            status,
            queued: self.handle.queued(),
            sharing: Sharing::of(&self.handle),
            ended,
        })
    }
}

impl<In, C> Drop for Feed<In, C> {
    fn drop(&mut self) {
        self.link.stopped.set(true);
        // Dropping the streams closes the socket and removes its listeners right here;
        // if the task is polling them (it cannot be, single-threaded, unless a callback
        // it runs dropped us), it drops them itself when it sees `stopped`.
        let streams = match self.link.streams.try_borrow_mut() {
            Ok(mut streams) => streams.take(),
            Err(_) => None,
        };
        drop(streams);
        // The task then ends on its next poll instead of waiting forever.
        if let Some(waker) = self.link.waker.take() {
            waker.wake();
        }
    }
}
