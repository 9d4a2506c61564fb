//! [`TabChannel`]: a `BroadcastChannel` whose messages are handed to a Rust callback,
//! closed and unlistened when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::listener_count::ListenerCount;

/// One value of a post, as the channel carries it (a JS array of these).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    Number(f64),
    Text(String),
    /// Copied into a `Uint8Array`, and out of one.
    Bytes(Vec<u8>),
    Blob(web_sys::Blob),
}

/// Every tab and worker of the origin that opened a channel of the same name hears what
/// one posts, in the order posted; the poster does not hear itself.
#[derive(Debug)]
pub(crate) struct TabChannel {
    channel: web_sys::BroadcastChannel,
    on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _count: ListenerCount,
}

impl TabChannel {
    /// Opens the channel `name` and hands each post's parts to `heard` (a post of
    /// something else, from code that is not this crate's, is skipped); `None` where
    /// BroadcastChannel is missing.
    pub(crate) fn open(
        name: &str,
        mut heard: impl FnMut(Vec<Part>) + 'static,
    ) -> Option<TabChannel> {
        let channel = web_sys::BroadcastChannel::new(name).ok()?;
        let on_message = Closure::new(move |event: web_sys::MessageEvent| {
            if let Some(parts) = parts_of(&event.data()) {
                heard(parts);
            }
        });
        channel
            .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())
            .ok()?;
        Some(TabChannel {
            channel,
            on_message,
            _count: ListenerCount::new(1),
        })
    }

    /// Posts `parts` to every other holder of the channel. False if the browser refused.
    pub(crate) fn post(&self, parts: &[Part]) -> bool {
        let array = js_sys::Array::new();
        for part in parts {
            let value: JsValue = match part {
                Part::Number(number) => JsValue::from_f64(*number),
                Part::Text(text) => JsValue::from_str(text),
                Part::Bytes(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
                Part::Blob(blob) => blob.into(),
            };
            array.push(&value);
        }
        self.channel.post_message(&array).is_ok()
    }
}

impl Drop for TabChannel {
    fn drop(&mut self) {
        let callback = self.on_message.as_ref().unchecked_ref();
        let _ = self
            .channel
            .remove_event_listener_with_callback("message", callback);
        self.channel.close();
    }
}

/// The parts of a post, or `None` for data that is not an array of them.
fn parts_of(data: &JsValue) -> Option<Vec<Part>> {
    let array = data.dyn_ref::<js_sys::Array>()?;
    array
        .iter()
        .map(|value| {
            if let Some(number) = value.as_f64() {
                Some(Part::Number(number))
            } else if let Some(text) = value.as_string() {
                Some(Part::Text(text))
            } else if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
                Some(Part::Bytes(bytes.to_vec()))
            } else {
                value.dyn_into::<web_sys::Blob>().ok().map(Part::Blob)
            }
        })
        .collect()
}
