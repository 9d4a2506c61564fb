//! Waiting with a deadline, on the timers windows and workers both have.

use std::future::Future;
use std::pin::pin;

use futures_util::future::{Either, select};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long any single wait may take before the test fails instead of hanging the run.
const DEADLINE_MS: i32 = 20_000;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `setTimeout`, which windows and workers both have.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, ms: i32) -> wasm_bindgen::JsValue;
}

/// Resolves after `ms` milliseconds: a deadline, or a window in which nothing must
/// happen, never a synchronisation. Works in a window and in a worker.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(resolve.unchecked_ref(), ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs `future`, failing the test with `what` if it takes longer than the deadline.
pub async fn within<F: Future>(what: &str, future: F) -> F::Output {
    match select(pin!(future), pin!(sleep(DEADLINE_MS))).await {
        Either::Left((output, _)) => output,
        Either::Right(_) => panic!("timed out after {DEADLINE_MS} ms waiting for {what}"),
    }
}
