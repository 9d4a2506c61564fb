//! The baseline: the workloads written in plain JavaScript (`raw.js`), called from Rust.
//!
//! The JavaScript times itself, so the only Rust on the clock is none: the payload is
//! turned into a JavaScript value before the call, and the call's promise resolves to
//! the milliseconds `performance.now()` measured inside it.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use browser_websocket::WaterMarks;

use crate::workloads::{Payload, Workload};

#[wasm_bindgen(module = "/src/raw.js")]
extern "C" {
    fn pingpong(url: &str, payload: &JsValue, count: u32) -> Promise;
    #[wasm_bindgen(js_name = echoPipelined)]
    fn echo_pipelined(url: &str, payload: &JsValue, count: u32) -> Promise;
    fn flood(url: &str, count: u32, expected: f64) -> Promise;
    fn sink(url: &str, payload: &JsValue, count: u32) -> Promise;
    #[wasm_bindgen(js_name = sinkBounded)]
    fn sink_bounded(url: &str, payload: &JsValue, count: u32, high: u32, low: u32) -> Promise;
    #[wasm_bindgen(js_name = connectClose)]
    fn connect_close(url: &str, count: u32) -> Promise;
    #[wasm_bindgen(js_name = rpcRoundtrip)]
    fn rpc_roundtrip(url: &str, payload: &JsValue, count: u32) -> Promise;
}

/// The crate's Sink never lets more than this many of the largest message wait in the
/// browser's buffer (`src/flow/gate.rs`), so `raw-bounded` holds them too.
const MESSAGES_IN_FLIGHT: u32 = 16;
/// Nor more than 16 MiB, whatever the message size.
const MAX_RAISED_HIGH: u32 = 16 << 20;

/// Whether the `sink` workloads hand every message to the browser at once (`raw`) or
/// keep `bufferedAmount` under the Sink's high mark (`raw-bounded`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sending {
    Unbounded,
    Bounded,
}

/// The high mark the crate's Sink uses for messages of `size` bytes: its default, raised
/// to hold sixteen messages, at most 16 MiB.
fn high_mark(size: usize) -> u32 {
    let size = u32::try_from(size).unwrap_or(u32::MAX);
    WaterMarks::DEFAULT_HIGH.max(size.saturating_mul(MESSAGES_IN_FLIGHT).min(MAX_RAISED_HIGH))
}

/// Runs `workload` in JavaScript; the milliseconds it measured, or why it failed.
/// `sending` only changes the `sink` workloads.
pub async fn run(
    workload: &Workload,
    url: &str,
    payload: Option<&Payload>,
    sending: Sending,
) -> Result<f64, String> {
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
        Workload::Sink { count, .. } if sending == Sending::Unbounded => sink(url, payload, count),
        Workload::Sink { count, size, .. } => sink_bounded(
            url,
            payload,
            count,
            high_mark(size),
            WaterMarks::DEFAULT_LOW,
        ),
        Workload::ConnectClose { count } => connect_close(url, count),
        Workload::RpcRoundtrip { count, .. } => rpc_roundtrip(url, payload, count),
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
