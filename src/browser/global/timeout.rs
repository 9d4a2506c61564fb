//! The global scope's `setTimeout` and `clearTimeout`, bound once for the whole crate, and
//! a one-shot timeout that owns its callback.
//!
//! One binding, rather than gloo-timers' and the close watch's each, keeps a single pair
//! of imports in an app's `.wasm`.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;

// On `globalThis`, so the same binding works in a window and in a worker.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, millis: i32) -> i32;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: i32);
}

/// The id of one pending `setTimeout`, which the HTML standard makes greater than zero.
/// Cleared on drop.
#[derive(Debug)]
pub(crate) struct TimeoutId(i32);

impl TimeoutId {
    /// Calls `handler` after `millis` milliseconds (capped at `i32::MAX`, as the browser
    /// caps it).
    pub(crate) fn set(handler: &js_sys::Function, millis: u32) -> TimeoutId {
        TimeoutId(set_timeout(
            handler,
            i32::try_from(millis).unwrap_or(i32::MAX),
        ))
    }
}

impl TimeoutId {
    /// Forgets the id of a timer that has rung: there is nothing left to clear.
    pub(crate) fn rang(self) {
        std::mem::forget(self);
    }
}

impl Drop for TimeoutId {
    fn drop(&mut self) {
        clear_timeout(self.0);
    }
}

/// Runs a callback once after a delay, unless dropped first; dropping it clears the
/// timer and frees the callback.
#[derive(Debug)]
pub(crate) struct Timeout {
    // The id first: it is cleared before the callback it points at is freed.
    _id: TimeoutId,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Calls `ring` after `millis` milliseconds.
    pub(crate) fn new(millis: u32, ring: impl FnOnce() + 'static) -> Timeout {
        let callback = Closure::once(ring);
        Timeout {
            _id: TimeoutId::set(callback.as_ref().unchecked_ref(), millis),
            _callback: callback,
        }
    }
}
