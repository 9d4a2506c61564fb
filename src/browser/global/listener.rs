//! Listening for an event on the global scope (`online`, ...), owned and counted.

use std::cell::Cell;
use std::rc::Rc;
use std::task::Waker;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;

use super::super::listener_count::ListenerCount;

/// Remembers that the global scope fired `event` and wakes a task; removed on drop.
///
/// Attached to `globalThis`, so it works in a window and in a worker alike.
#[derive(Debug)]
pub(crate) struct GlobalListener {
    fired: Rc<Cell<bool>>,
    _listener: EventListener,
    _count: ListenerCount,
}

impl GlobalListener {
    /// Listens for `event` on the global scope, waking `waker` each time it fires.
    pub(crate) fn new(event: &'static str, waker: &Waker) -> GlobalListener {
        let global: web_sys::EventTarget = js_sys::global().unchecked_into();
        let fired = Rc::new(Cell::new(false));
        let flag = Rc::clone(&fired);
        let waker = waker.clone();
        let listener = EventListener::new(&global, event, move |_| {
            flag.set(true);
            waker.wake_by_ref();
        });
        GlobalListener {
            fired,
            _listener: listener,
            _count: ListenerCount::new(1),
        }
    }

    /// Whether the event has fired since the listener was attached.
    pub(crate) fn fired(&self) -> bool {
        self.fired.get()
    }
}
