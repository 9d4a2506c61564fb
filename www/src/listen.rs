//! Listeners that call a method of the part of the page that owns them: held weakly, so
//! owner and listeners can be dropped in any order, and removed when dropped.

use std::rc::{Rc, Weak};

use gloo_events::{EventListener, EventListenerOptions};
use web_sys::EventTarget;

/// Calls `action` on each `event` of `target`.
pub fn on_event<T: 'static>(
    target: &EventTarget,
    event: &'static str,
    owner: &Rc<T>,
    action: fn(&T),
) -> EventListener {
    let owner: Weak<T> = Rc::downgrade(owner);
    EventListener::new(target, event, move |_| {
        if let Some(owner) = owner.upgrade() {
            action(&owner);
        }
    })
}

pub fn on_click<T: 'static>(target: &EventTarget, owner: &Rc<T>, action: fn(&T)) -> EventListener {
    on_event(target, "click", owner, action)
}

/// A form's submit (a click on its button or Enter in a field), without reloading the page.
pub fn on_submit<T: 'static>(form: &EventTarget, owner: &Rc<T>, action: fn(&T)) -> EventListener {
    let owner: Weak<T> = Rc::downgrade(owner);
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(form, "submit", options, move |event| {
        event.prevent_default();
        if let Some(owner) = owner.upgrade() {
            action(&owner);
        }
    })
}
