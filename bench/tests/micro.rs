//! Profiling aid, run by hand (not by `cargo xtask bench`): the per-message cost of each
//! receive path on synthetic events, the send loops, and the `sink` workloads with other
//! water marks. Start a server (`cargo xtask server --port 9001`), then:
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=1200 \
//!   cargo test --profile bench-speed -p bench --target wasm32-unknown-unknown \
//!   --test micro -- --nocapture
//! ```
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const SERVER: &str = match option_env!("BROWSER_WEBSOCKET_TEST_SERVER") {
    Some(address) => address,
    None => "127.0.0.1:9001",
};

/// The minimum over this many runs is printed.
const ROUNDS: u32 = 5;

/// Synthetic message events through every receive path.
#[wasm_bindgen_test]
async fn receive_paths() {
    if let Err(error) = bench::micro::run_receive(SERVER, ROUNDS).await {
        panic!("{error}");
    }
}

/// Send loops and water marks.
#[wasm_bindgen_test]
async fn send_paths() {
    if let Err(error) = bench::micro::run_send(SERVER, ROUNDS).await {
        panic!("{error}");
    }
}

/// Connect-close, open and close phases apart.
#[wasm_bindgen_test]
async fn connect_paths() {
    if let Err(error) = bench::micro::run_connect(SERVER, ROUNDS).await {
        panic!("{error}");
    }
}

/// The classic socket against WebSocketStream, in JavaScript and through the crate.
#[wasm_bindgen_test]
async fn stream_transport() {
    if let Err(error) = bench::micro::run_stream(SERVER, ROUNDS).await {
        panic!("{error}");
    }
}
