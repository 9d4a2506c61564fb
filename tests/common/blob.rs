//! Blobs in and out, read through the browser.

use wasm_bindgen_futures::JsFuture;

use super::time::within;

/// The bytes of a Blob, read through the browser.
pub async fn blob_bytes(blob: &web_sys::Blob) -> Vec<u8> {
    let buffer = within("Blob.arrayBuffer()", JsFuture::from(blob.array_buffer()))
        .await
        .expect("Blob.arrayBuffer() resolves");
    js_sys::Uint8Array::new(&buffer).to_vec()
}

/// A Blob holding `bytes`.
pub fn blob_of(bytes: &[u8]) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts).expect("new Blob")
}
