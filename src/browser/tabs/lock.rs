//! [`TabLock`]: a Web Lock (`navigator.locks.request`) held from Rust: granted to one
//! tab of the origin at a time, released when dropped.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::global::property;
use crate::browser::listener_count::ListenerCount;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`. Bound here because web-sys has it only behind
    /// `web_sys_unstable_apis`, which an app would have to turn on.
    type LockManager;

    #[wasm_bindgen(method, js_name = request)]
    fn request(
        this: &LockManager,
        name: &str,
        options: &js_sys::Object,
        callback: &js_sys::Function,
    ) -> js_sys::Promise;
}

/// A request for the lock named `name`, then the lock itself once granted. The browser
/// grants it to one holder at a time across every tab and worker of the origin, in the
/// order asked; a tab that closes, crashes or navigates away lets go of it.
///
/// Dropping it releases the lock, or withdraws the request if it is still waiting.
#[derive(Debug)]
pub(crate) struct TabLock {
    state: Rc<State>,
    abort: web_sys::AbortController,
    /// Called by the browser when it grants the lock.
    _granted: Closure<dyn FnMut(JsValue) -> js_sys::Promise>,
    /// Counted with the listeners, for the leak check.
    _count: ListenerCount,
}

#[derive(Debug, Default)]
struct State {
    held: Cell<bool>,
    /// Resolves the promise the browser holds the lock for: calling it releases.
    release: RefCell<Option<js_sys::Function>>,
    waker: RefCell<Option<Waker>>,
}

impl TabLock {
    /// Asks for the lock named `name`; `None` where Web Locks are missing (older
    /// browsers, some workers) or refuse (an opaque origin).
    pub(crate) fn request(name: &str) -> Option<TabLock> {
        let locks: LockManager = property(&property(&js_sys::global(), "navigator")?, "locks")?
            .dyn_into::<js_sys::Object>()
            .ok()?
            .unchecked_into();
        let abort = web_sys::AbortController::new().ok()?;
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"signal".into(), &abort.signal()).ok()?;
        let state = Rc::new(State::default());
        let granted = {
            let state = Rc::clone(&state);
            Closure::new(move |_lock: JsValue| {
                // Held until this promise settles: `release` resolves it.
                let held = js_sys::Promise::new(&mut |resolve, _reject| {
                    state.release.replace(Some(resolve));
                });
                state.held.set(true);
                if let Some(waker) = state.waker.take() {
                    waker.wake();
                }
                held
            })
        };
        let asked = locks.request(name, &options, granted.as_ref().unchecked_ref());
        // A withdrawn request rejects with an `AbortError`: expected, so handled by a
        // built-in function that does nothing with it (no closure to outlive this).
        if let (Some(ignore), Some(catch)) = (
            property(&js_sys::global(), "Boolean"),
            property(&asked, "catch"),
        ) {
            let catch: &js_sys::Function = catch.unchecked_ref();
            let _ = catch.call1(&asked, &ignore);
        }
        Some(TabLock {
            state,
            abort,
            _granted: granted,
            _count: ListenerCount::new(1),
        })
    }

    /// Whether the browser granted the lock.
    pub(crate) fn held(&self) -> bool {
        self.state.held.get()
    }

    /// Ready once the lock is granted; until then `cx` is woken when it is.
    pub(crate) fn poll_held(&self, cx: &mut Context<'_>) -> Poll<()> {
        if self.held() {
            return Poll::Ready(());
        }
        self.state.waker.replace(Some(cx.waker().clone()));
        Poll::Pending
    }
}

impl Drop for TabLock {
    fn drop(&mut self) {
        match self.state.release.take() {
            Some(release) => drop(release.call0(&JsValue::UNDEFINED)),
            None => self.abort.abort(),
        }
    }
}
