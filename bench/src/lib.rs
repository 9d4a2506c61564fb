//! The browser side of `cargo xtask bench`: every workload, timed in the page for eight
//! implementations of the same client code.
//!
//! - `raw`: plain JavaScript (`raw.js`), the baseline;
//! - `raw-aa`: the same JavaScript again, measured as if it were another implementation:
//!   the A/A comparison that shows how far apart two identical clients land;
//! - `raw-bounded`: for the `sink` workloads only, JavaScript that keeps `bufferedAmount`
//!   under the Sink's high mark, the baseline a Sink that bounds its memory is judged by;
//! - `crate`: browser-websocket's `Stream` and `Sink` on the classic socket, and its
//!   `rpc::Rpc` for `rpc-roundtrip`, the one workload only it and the JavaScript run
//!   (`crate_impl.rs`);
//! - `crate-cb`: browser-websocket's `connect_with` handler and `WeakSender` (`crate_cb.rs`);
//! - `crate-stream`: the same code as `crate` on `Transport::Stream` (`WebSocketStream`),
//!   skipped where the browser lacks it;
//! - `gloo`: gloo-net 0.7 (`gloo.rs`);
//! - `wsw`: ws_stream_wasm 0.7 (`wsw.rs`).
//!
//! `tests/bench.rs` runs [`run`] under `wasm-bindgen-test-runner`; [`report`] prints one
//! `BENCH {json}` line per measurement (and one per skipped implementation), which xtask
//! turns into the results table. The
//! settings come from the build environment, as the test server's address does in the
//! library's browser tests (wasm has no environment at run time). [`micro`] is a
//! profiling aid run by hand (`tests/micro.rs`).
#![cfg(target_arch = "wasm32")]

mod crate_cb;
mod crate_impl;
mod gloo;
pub mod micro;
mod outcome;
mod raw;
mod report;
mod workloads;
mod wsw;

use browser_websocket::Transport;
use raw::Sending;
use workloads::{Scale, Spec, Workload};

/// The eight implementations being compared, named in `bench-impls` so that xtask
/// reads back exactly the names printed here.
pub use bench_impls::Impl;

/// Why this browser cannot run `implementation`, if it cannot.
fn unavailable(implementation: Impl) -> Option<&'static str> {
    match implementation {
        Impl::CrateStream if !Transport::stream_available() => {
            Some("this browser has no WebSocketStream")
        }
        _ => None,
    }
}

/// Whether `implementation` runs `workload`: `raw-bounded` differs from `raw` only when
/// sending runs of messages through a Sink; calls with replies (`rpc-roundtrip`) are the
/// crate's `rpc::Rpc` against JavaScript's, which no other implementation has.
fn runs(implementation: Impl, workload: &Workload) -> bool {
    match workload {
        Workload::Sink { .. } => true,
        Workload::RpcRoundtrip { .. } => {
            matches!(implementation, Impl::Raw | Impl::RawAa | Impl::Crate)
        }
        _ => implementation != Impl::RawBounded,
    }
}

/// What to run, fixed when the bench is built.
#[derive(Debug, Clone)]
pub struct Config {
    /// The test server's `host:port` (`BROWSER_WEBSOCKET_TEST_SERVER`).
    pub server: &'static str,
    /// Timed rounds (`BENCH_ROUNDS`, default 15).
    pub rounds: u32,
    /// `BENCH_SCALE=smoke` for tiny counts.
    pub scale: Scale,
    /// `BENCH_ONLY`: comma-separated workload and implementation names to keep, e.g.
    /// `flood-16B-text,raw,crate`; a kind of name not listed keeps all of that kind.
    pub only: Vec<&'static str>,
}

impl Config {
    /// The settings xtask passed in the build environment.
    pub fn from_build_env() -> Result<Config, String> {
        let rounds = match option_env!("BENCH_ROUNDS") {
            None | Some("") => 15,
            Some(text) => text
                .parse()
                .map_err(|_| format!("BENCH_ROUNDS={text} is not a number"))?,
        };
        let scale = match option_env!("BENCH_SCALE") {
            None | Some("" | "full") => Scale::Full,
            Some("smoke") => Scale::Smoke,
            Some(other) => return Err(format!("BENCH_SCALE={other}: use full or smoke")),
        };
        Ok(Config {
            server: option_env!("BROWSER_WEBSOCKET_TEST_SERVER").unwrap_or("127.0.0.1:9001"),
            rounds,
            scale,
            only: option_env!("BENCH_ONLY")
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .collect(),
        })
    }

    fn implementations(&self) -> Vec<Impl> {
        let named: Vec<Impl> = Impl::ALL
            .into_iter()
            .filter(|imp| self.only.contains(&imp.name()))
            .collect();
        if named.is_empty() {
            Impl::ALL.to_vec()
        } else {
            named
        }
    }

    fn workloads(&self, scale: Scale) -> Vec<Spec> {
        let all = workloads::all(scale);
        let named: Vec<Spec> = all
            .iter()
            .filter(|spec| self.only.contains(&spec.name))
            .copied()
            .collect();
        if named.is_empty() {
            all
        } else {
            named
        }
    }
}

/// Times one workload with one implementation, in a task of its own.
async fn measure(implementation: Impl, spec: &Spec, server: &str) -> Result<f64, String> {
    let url = spec.workload.url(server);
    // Built before any clock starts, outside the implementations.
    let payload = spec.workload.payload();
    let workload = spec.workload;
    // Outside the clock: where a profile finds this measurement, and its count.
    let label = format!(
        "{} {} {}",
        spec.name,
        implementation.name(),
        workload.count()
    );
    workloads::mark(&format!("bench-start {label}"));
    let ms = outcome::in_own_task(async move {
        let payload = payload.as_ref();
        match implementation {
            Impl::Raw | Impl::RawAa => raw::run(&workload, &url, payload, Sending::Unbounded).await,
            Impl::RawBounded => raw::run(&workload, &url, payload, Sending::Bounded).await,
            Impl::Crate => crate_impl::run(&workload, &url, payload, Transport::Classic).await,
            Impl::CrateCb => crate_cb::run(&workload, &url, payload).await,
            Impl::CrateStream => crate_impl::run(&workload, &url, payload, Transport::Stream).await,
            Impl::Gloo => gloo::run(&workload, &url, payload).await,
            Impl::Wsw => wsw::run(&workload, &url, payload).await,
        }
    })
    .await;
    workloads::mark(&format!("bench-end {label}"));
    ms.map_err(|error| format!("{} {}: {error}", implementation.name(), spec.name))
}

/// A warm-up pass at smoke scale (so every implementation's code is compiled by the
/// browser's optimising tier before it is timed), one full round that is not counted
/// (the first full-scale round is the slowest: caches, the server's buffers, the
/// browser's heap growing), then `rounds` timed rounds. In each round every workload
/// runs once per implementation, in an order rotated by round and workload so no
/// implementation always goes first.
pub async fn run(config: &Config) -> Result<(), String> {
    let user_agent = web_sys::window()
        .and_then(|window| window.navigator().user_agent().ok())
        .unwrap_or_default();
    let scale = match config.scale {
        Scale::Full => "full",
        Scale::Smoke => "smoke",
    };
    report::meta(&user_agent, config.rounds, scale);
    let mut implementations = config.implementations();
    implementations.retain(|&implementation| match unavailable(implementation) {
        Some(why) => {
            report::skipped(implementation, why);
            false
        }
        None => true,
    });

    report::progress("warm-up at smoke scale");
    for spec in config.workloads(Scale::Smoke) {
        for implementation in runners(&implementations, &spec) {
            measure(implementation, &spec, config.server).await?;
        }
    }

    let specs = config.workloads(config.scale);
    report::progress("warm-up round (not counted)");
    round(&specs, &implementations, config, None).await?;
    for index in 0..config.rounds {
        report::progress(&format!("round {} of {}", index + 1, config.rounds));
        round(&specs, &implementations, config, Some(index)).await?;
    }
    Ok(())
}

/// The implementations that run `spec`, in table order.
fn runners(implementations: &[Impl], spec: &Spec) -> Vec<Impl> {
    implementations
        .iter()
        .copied()
        .filter(|&implementation| runs(implementation, &spec.workload))
        .collect()
}

/// Every workload once per implementation, the order rotated by `index` and the
/// workload; reported as round `index`, or not at all for the warm-up (`None`).
async fn round(
    specs: &[Spec],
    implementations: &[Impl],
    config: &Config,
    index: Option<u32>,
) -> Result<(), String> {
    for (position, spec) in specs.iter().enumerate() {
        let runners = runners(implementations, spec);
        let first = index.unwrap_or(0) as usize + position;
        for k in 0..runners.len() {
            let implementation = runners[(first + k) % runners.len()];
            let ms = measure(implementation, spec, config.server).await?;
            if let Some(index) = index {
                report::measurement(index, implementation, spec.name, ms);
            }
        }
    }
    Ok(())
}
