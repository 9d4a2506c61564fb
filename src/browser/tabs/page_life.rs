//! [`PageLife`]: a page's `pagehide` and `pageshow`, handed to Rust callbacks at once,
//! while the page can still post (a task woken later would never run on a closed page).

use gloo_events::EventListener;
use wasm_bindgen::JsCast;

use crate::browser::global::property;
use crate::browser::listener_count::ListenerCount;

/// Calls `hidden` when the page goes away (closed, navigated from, into the
/// back/forward cache) and `shown` when it is shown (first, and back from the cache);
/// removed on drop.
#[derive(Debug)]
pub(crate) struct PageLife {
    _hide: EventListener,
    _show: EventListener,
    _count: ListenerCount,
}

impl PageLife {
    /// `None` in a worker, which has no page.
    pub(crate) fn watch(
        hidden: impl Fn() + 'static,
        shown: impl Fn() + 'static,
    ) -> Option<PageLife> {
        let global = js_sys::global();
        property(&global, "document")?;
        let target: &web_sys::EventTarget = global.unchecked_ref();
        Some(PageLife {
            _hide: EventListener::new(target, "pagehide", move |_| hidden()),
            _show: EventListener::new(target, "pageshow", move |_| shown()),
            _count: ListenerCount::new(2),
        })
    }
}
