//! What the global scope knows: its base URL and whether the device is online.

use wasm_bindgen::JsValue;

/// The base URL relative WebSocket URLs resolve against: the document's base URL in a
/// window (a `<base href>` counts), `self.location` in a worker; `None` elsewhere.
pub(crate) fn base_url() -> Option<String> {
    let global = js_sys::global();
    let document = property(&global, "document");
    let from_document = document.and_then(|document| property(&document, "baseURI"));
    from_document
        .or_else(|| property(&global, "location").and_then(|location| property(&location, "href")))
        .and_then(|url| url.as_string())
}

/// `navigator.onLine`: `false` only when the browser knows it has no network; `true`
/// where there is no navigator to ask.
pub(crate) fn is_online() -> bool {
    property(&js_sys::global(), "navigator")
        .and_then(|navigator| property(&navigator, "onLine"))
        .and_then(|online| online.as_bool())
        .unwrap_or(true)
}

/// `globalThis.document.visibilityState == "visible"`; `false` without a document (a
/// worker).
pub(crate) fn document_is_visible() -> bool {
    property(&js_sys::global(), "document")
        .and_then(|document| property(&document, "visibilityState"))
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == "visible")
}

/// `target[name]`, unless it is missing (`undefined` or `null`) or reading it threw.
pub(crate) fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}
