//! The lifecycle events a reconnecting socket listens for, on the global scope (`online`,
//! `pageshow`) or its document (`visibilitychange`), owned and counted.

use std::cell::Cell;
use std::rc::Rc;
use std::task::Waker;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;

use super::super::listener_count::ListenerCount;
use super::scope::{document_is_visible, property};

/// Remembers that an event fired (and passed its filter) and wakes a task; removed on
/// drop.
///
/// Attached to `globalThis` (or its document), so it works in a window and, for the
/// events workers have, in a worker alike.
#[derive(Debug)]
pub(crate) struct GlobalListener {
    fired: Rc<Cell<bool>>,
    _listener: EventListener,
    _count: ListenerCount,
}

impl GlobalListener {
    /// `online` on the global scope (windows and workers): the device has a network again.
    pub(crate) fn online(waker: &Waker) -> GlobalListener {
        GlobalListener::filtered(&js_sys::global(), "online", |_| true, waker)
    }

    /// `pageshow` with `persisted` on a window: the page came back from the
    /// back/forward cache. `None` in a worker, which has no such event.
    pub(crate) fn page_restored(waker: &Waker) -> Option<GlobalListener> {
        let global = js_sys::global();
        property(&global, "document")?;
        let persisted = |event: &web_sys::Event| {
            property(event, "persisted").and_then(|p| p.as_bool()) == Some(true)
        };
        Some(GlobalListener::filtered(
            &global, "pageshow", persisted, waker,
        ))
    }

    /// `visibilitychange` on the document, when it leaves the document visible. `None` in
    /// a worker, which has no document.
    pub(crate) fn became_visible(waker: &Waker) -> Option<GlobalListener> {
        let document = property(&js_sys::global(), "document")?;
        let visible = |_: &web_sys::Event| document_is_visible();
        Some(GlobalListener::filtered(
            &document,
            "visibilitychange",
            visible,
            waker,
        ))
    }

    fn filtered(
        target: &wasm_bindgen::JsValue,
        event: &'static str,
        counts: fn(&web_sys::Event) -> bool,
        waker: &Waker,
    ) -> GlobalListener {
        let target: &web_sys::EventTarget = target.unchecked_ref();
        let fired = Rc::new(Cell::new(false));
        let flag = Rc::clone(&fired);
        let waker = waker.clone();
        let listener = EventListener::new(target, event, move |event| {
            if counts(event) {
                flag.set(true);
                waker.wake_by_ref();
            }
        });
        GlobalListener {
            fired,
            _listener: listener,
            _count: ListenerCount::new(1),
        }
    }

    /// Whether the event has fired since the listener was attached or last asked; asking
    /// resets it.
    pub(crate) fn take_fired(&self) -> bool {
        self.fired.replace(false)
    }
}
