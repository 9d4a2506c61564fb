//! What is measured: each workload's messages, its server route, and its payload.
//!
//! # Clocks
//! Every implementation reads `performance.now()` itself, around the same steps:
//! - `pingpong`, `echo-pipelined`, `sink`, `rpc-roundtrip`: from just after the socket
//!   opened (opening is not timed) until the last echo, the server's byte count, or the
//!   last call's result has reached the user.
//! - `flood`: from just before the socket is created (the server starts sending the moment
//!   it opens) until the last message has reached the user; the close after it is not timed.
//! - `connect-close`: the whole loop of create, await open, close, await `close`.
//!
//! Payloads are built once, before any clock starts; a wrapper whose `Sink` takes messages
//! by value clones the payload per message inside the clock, as its users must.

/// Text or binary messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Binary,
}

impl Kind {
    /// The `/flood` route's spelling.
    fn route_name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Binary => "binary",
        }
    }
}

/// One benchmark scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// Send one text message to `/echo` and await its echo, `count` times.
    PingPong { count: u32, size: usize },
    /// Send `count` messages to `/echo`, then receive every echo.
    EchoPipelined { count: u32, size: usize, kind: Kind },
    /// `/flood` sends `count` messages of `size` bytes; the client only receives.
    Flood { count: u32, size: usize, kind: Kind },
    /// Send `count` messages to `/sink`, then `done`; the server replies with its byte count.
    Sink { count: u32, size: usize, kind: Kind },
    /// Open a socket to `/echo`, close it and await the `close` event, `count` times.
    ConnectClose { count: u32 },
    /// Call JSON-RPC `echo` on `/jsonrpc-echo` with one text parameter of `size` bytes
    /// and await its result, one call at a time, `count` times. Only `raw`, `raw-aa` and
    /// `crate` (its `rpc::Rpc`) run it: the other implementations have no calls.
    RpcRoundtrip { count: u32, size: usize },
}

impl Workload {
    /// How many times it does its unit of work (a message, a connection).
    pub fn count(&self) -> u32 {
        match *self {
            Workload::PingPong { count, .. }
            | Workload::EchoPipelined { count, .. }
            | Workload::Flood { count, .. }
            | Workload::Sink { count, .. }
            | Workload::ConnectClose { count }
            | Workload::RpcRoundtrip { count, .. } => count,
        }
    }

    /// The URL this workload connects to on `server` (`host:port`).
    pub fn url(&self, server: &str) -> String {
        match *self {
            Workload::Flood { count, size, kind } => {
                format!("ws://{server}/flood/{count}/{size}/{}", kind.route_name())
            }
            Workload::Sink { .. } => format!("ws://{server}/sink"),
            Workload::RpcRoundtrip { .. } => format!("ws://{server}/jsonrpc-echo"),
            Workload::PingPong { .. }
            | Workload::EchoPipelined { .. }
            | Workload::ConnectClose { .. } => format!("ws://{server}/echo"),
        }
    }

    /// The message every send repeats; `None` for workloads that send nothing.
    pub fn payload(&self) -> Option<Payload> {
        match *self {
            Workload::PingPong { size, .. } | Workload::RpcRoundtrip { size, .. } => {
                Some(Payload::new(size, Kind::Text))
            }
            Workload::EchoPipelined { size, kind, .. } | Workload::Sink { size, kind, .. } => {
                Some(Payload::new(size, kind))
            }
            Workload::Flood { .. } | Workload::ConnectClose { .. } => None,
        }
    }
}

/// A named workload, as the results table shows it.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub name: &'static str,
    pub workload: Workload,
}

/// How many messages: the full benchmark, or a smoke run that only proves it works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Full,
    Smoke,
}

const KIB: usize = 1 << 10;
const MIB: usize = 1 << 20;

/// Every workload, in the order the table lists them.
pub fn all(scale: Scale) -> Vec<Spec> {
    // Full counts are a quarter of what one measurement took before the bench ran 15
    // rounds, so that 16 rounds (one not counted) take what 5 did; sink-1MiB keeps 40,
    // more than twice the sixteen messages the Sink's high mark holds. Smoke counts keep
    // every code path (and the 1 MiB messages) but take well under a second per
    // implementation.
    let n = |full: u32, smoke: u32| match scale {
        Scale::Full => full,
        Scale::Smoke => smoke,
    };
    use Kind::{Binary, Text};
    vec![
        Spec {
            name: "pingpong-16B-text",
            workload: Workload::PingPong {
                count: n(500, 20),
                size: 16,
            },
        },
        Spec {
            name: "echo-pipelined-16B-text",
            workload: Workload::EchoPipelined {
                count: n(5_000, 200),
                size: 16,
                kind: Text,
            },
        },
        Spec {
            name: "echo-pipelined-1KiB-binary",
            workload: Workload::EchoPipelined {
                count: n(5_000, 200),
                size: KIB,
                kind: Binary,
            },
        },
        Spec {
            name: "flood-16B-text",
            workload: Workload::Flood {
                count: n(25_000, 1_000),
                size: 16,
                kind: Text,
            },
        },
        Spec {
            name: "flood-1KiB-binary",
            workload: Workload::Flood {
                count: n(12_500, 500),
                size: KIB,
                kind: Binary,
            },
        },
        Spec {
            name: "flood-1MiB-binary",
            workload: Workload::Flood {
                count: n(25, 2),
                size: MIB,
                kind: Binary,
            },
        },
        Spec {
            name: "sink-16B-text",
            workload: Workload::Sink {
                count: n(25_000, 1_000),
                size: 16,
                kind: Text,
            },
        },
        Spec {
            name: "sink-1KiB-binary",
            workload: Workload::Sink {
                count: n(12_500, 500),
                size: KIB,
                kind: Binary,
            },
        },
        Spec {
            name: "sink-1MiB-binary",
            workload: Workload::Sink {
                count: n(40, 2),
                size: MIB,
                kind: Binary,
            },
        },
        Spec {
            name: "connect-close",
            workload: Workload::ConnectClose { count: n(50, 5) },
        },
        // Last, so the rows before it rotate as they did before it was added.
        Spec {
            name: "rpc-roundtrip-16B",
            workload: Workload::RpcRoundtrip {
                count: n(500, 20),
                size: 16,
            },
        },
    ]
}

/// A message to send, built once before the clock starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    Text(String),
    Binary(Vec<u8>),
}

impl Payload {
    /// `size` ASCII letters, or `size` bytes cycling through 0..251.
    pub fn new(size: usize, kind: Kind) -> Payload {
        match kind {
            Kind::Text => Payload::Text(
                (0..size)
                    .map(|i| char::from(b'a' + (i % 26) as u8))
                    .collect(),
            ),
            Kind::Binary => Payload::Binary((0..size).map(|i| (i % 251) as u8).collect()),
        }
    }

    /// Bytes per message (text is ASCII, so characters and bytes agree).
    pub fn len(&self) -> usize {
        match self {
            Payload::Text(text) => text.len(),
            Payload::Binary(bytes) => bytes.len(),
        }
    }
}

/// The window's `performance`, where the clock and the marks live.
fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|window| window.performance())
}

/// A `performance.mark(name)`: profiles (`cargo xtask bench --profile`) find each
/// measurement by its marks.
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Milliseconds from the page's time origin, at the browser's timer resolution.
pub fn now() -> f64 {
    performance().map_or(0.0, |performance| performance.now())
}

/// Checks a byte total: every workload proves that everything arrived.
pub fn expect_bytes(what: &str, got: usize, expected: usize) -> Result<(), String> {
    if got == expected {
        Ok(())
    } else {
        Err(format!("{what}: {got} bytes arrived, not {expected}"))
    }
}

/// The message of whatever a wrapper or the browser reported as an error.
pub fn describe(error: impl std::fmt::Display) -> String {
    error.to_string()
}
