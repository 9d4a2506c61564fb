//! The worker tests (`in_worker/`) in a shared worker.
#![cfg(target_arch = "wasm32")]

#[allow(dead_code)] // each binary uses some of the helpers
mod common;
mod in_worker;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_shared_worker);
