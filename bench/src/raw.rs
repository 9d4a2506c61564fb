//! The baseline: the workloads written in plain JavaScript (`raw.js`), called from Rust.
//!
//! The JavaScript times itself, so the only Rust on the clock is none: the payload is
//! turned into a JavaScript value before the call, and the call's promise resolves to
//! the milliseconds `performance.now()` measured inside it.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::workloads::{Payload, Workload};

#[wasm_bindgen(module = "/src/raw.js")]
extern "C" {
    fn pingpong(url: &str, payload: &JsValue, count: u32) -> Promise;
    #[wasm_bindgen(js_name = echoPipelined)]
    fn echo_pipelined(url: &str, payload: &JsValue, count: u32) -> Promise;
    fn flood(url: &str, count: u32, expected: f64) -> Promise;
    fn sink(url: &str, payload: &JsValue, count: u32) -> Promise;
    #[wasm_bindgen(js_name = connectClose)]
    fn connect_close(url: &str, count: u32) -> Promise;
}

/// Runs `workload` in JavaScript; the milliseconds it measured, or why it failed.
pub async fn run(workload: &Workload, url: &str, payload: Option<&Payload>) -> Result<f64, String> {
    // A string, or a Uint8Array with its own buffer (a view on wasm memory would be
    // detached if the memory grew).
    let payload = match payload {
        Some(Payload::Text(text)) => JsValue::from_str(text),
        Some(Payload::Binary(bytes)) => Uint8Array::from(bytes.as_slice()).into(),
        None => JsValue::UNDEFINED,
    };
    let payload = &payload;
    let promise = match *workload {
        Workload::PingPong { count, .. } => pingpong(url, payload, count),
        Workload::EchoPipelined { count, .. } => echo_pipelined(url, payload, count),
        Workload::Flood { count, size, .. } => flood(url, count, f64::from(count) * size as f64),
        Workload::Sink { count, .. } => sink(url, payload, count),
        Workload::ConnectClose { count } => connect_close(url, count),
    };
    let ms = JsFuture::from(promise).await.map_err(|error| {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .unwrap_or_else(|| format!("{error:?}"))
    })?;
    ms.as_f64()
        .ok_or_else(|| format!("raw.js resolved to {ms:?}, not a number"))
}
