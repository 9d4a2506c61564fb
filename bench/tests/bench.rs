//! The benchmark as one browser test, so `wasm-bindgen-test-runner` loads it into a
//! headless browser; run by `cargo xtask bench`, which reads its `BENCH` lines.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Every workload with every implementation, for every round; fails if any byte is missing.
#[wasm_bindgen_test]
async fn bench() {
    let result = match bench::Config::from_build_env() {
        Ok(config) => bench::run(&config).await,
        Err(error) => Err(error),
    };
    if let Err(error) = result {
        panic!("{error}");
    }
}
