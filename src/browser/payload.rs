//! A message's data as the browser handed it, kept out of wasm memory until a stream
//! yields it.

use js_sys::{ArrayBuffer, JsString, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::message::Message;

/// What an inbox holds for each message: something that knows its size and becomes a
/// [`Message`] when yielded.
pub(crate) trait Payload: Clone {
    /// Its size as [`InboxLimit`](crate::InboxLimit) counts it.
    fn size(&self) -> usize;
    /// The message, made now, once for each stream that yields it.
    fn into_message(self) -> Message;
}

/// `MessageEvent.data`: a string, an `ArrayBuffer` or a `Blob`, per `binaryType` when the
/// message arrived (WHATWG WebSockets §"Feedback from the protocol"); or what a
/// `WebSocketStream` read: a string or bytes. A JS value: an
/// unread burst costs the page's JS heap, which shrinks again, not wasm memory, which
/// never does.
#[derive(Debug, Clone)]
pub(crate) struct Data(JsValue);

impl Data {
    pub(crate) fn new(data: JsValue) -> Data {
        Data(data)
    }
}

impl Payload for Data {
    fn size(&self) -> usize {
        let data = &self.0;
        if let Some(text) = data.dyn_ref::<JsString>() {
            return text.length() as usize;
        }
        if let Some(buffer) = data.dyn_ref::<ArrayBuffer>() {
            return buffer.byte_length() as usize;
        }
        // The stream transport's binary messages.
        if let Some(view) = data.dyn_ref::<Uint8Array>() {
            return view.byte_length() as usize;
        }
        // The classic socket leaves only Blob.
        data.unchecked_ref::<web_sys::Blob>().size() as usize
    }

    fn into_message(self) -> Message {
        let data = self.0;
        if let Some(text) = data.as_string() {
            return Message::Text(text);
        }
        if data.is_instance_of::<ArrayBuffer>() {
            return Message::Binary(copied(&Uint8Array::new(&data)));
        }
        // The stream transport's binary messages.
        #[cfg(feature = "stream")]
        if let Some(view) = data.dyn_ref::<Uint8Array>() {
            return Message::Binary(copied(view));
        }
        Message::Blob(data.unchecked_into())
    }
}

#[wasm_bindgen]
extern "C" {
    /// A `Uint8Array`, for the one call below.
    #[wasm_bindgen(js_name = Uint8Array)]
    type View;

    /// `view.subarray(start)`: the same bytes, which wasm-bindgen copies into a `Vec` as
    /// the call returns. `Uint8Array::to_vec` copies the same way, but asserts that the
    /// length did not change between its two reads of it, and that assertion brings
    /// Rust's formatting code into every app.
    #[wasm_bindgen(method, js_name = subarray)]
    fn copied_from(this: &View, start: u32) -> Vec<u8>;
}

/// The bytes of `view`, copied into wasm memory.
fn copied(view: &Uint8Array) -> Vec<u8> {
    view.unchecked_ref::<View>().copied_from(0)
}

/// Native tests queue plain messages: no browser needed.
#[cfg(test)]
impl Payload for Message {
    fn size(&self) -> usize {
        match self {
            Message::Text(text) => text.len(),
            Message::Binary(bytes) => bytes.len(),
            Message::Blob(_) => 0,
        }
    }

    fn into_message(self) -> Message {
        self
    }
}
