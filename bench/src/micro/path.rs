//! What the micro measurements time, by name: the bench's implementations and the paths
//! only these measurements take apart.

use std::fmt;

use crate::Impl;

/// A way through the code that a micro measurement times: one of the bench's
/// implementations, or a path only these measurements take apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// As the bench has it: `raw`, `crate`, `crate-cb`, `crate-stream`, `gloo`, `wsw`.
    Bench(Impl),
    /// web-sys with no wrapper: a Rust listener that only converts `data`, or
    /// `send_with_*` calls.
    WebSys,
    /// web-sys sends of data first copied into JavaScript.
    WebSysCopy,
    /// The crate's `send_text`/`send_bytes`.
    CrateSend,
    /// The crate's `Sink::feed`, which also waits on the water marks.
    CrateSink,
    /// JavaScript that closes with code 1000, as the crate does.
    Raw1000,
    /// JavaScript on `WebSocketStream`.
    RawStream,
}

impl Path {
    /// The name in `MICRO` lines.
    pub fn name(self) -> &'static str {
        match self {
            Path::Bench(implementation) => implementation.name(),
            Path::WebSys => "websys",
            Path::WebSysCopy => "websys-copy",
            Path::CrateSend => "crate-send",
            Path::CrateSink => "crate-sink",
            Path::Raw1000 => "raw-1000",
            Path::RawStream => "raw-stream",
        }
    }
}

/// The name, padded as the format asks.
impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// The receive paths [`receive`](super::receive) times, in the order they are printed.
pub const RECEIVE_PATHS: [Path; 6] = [
    Path::Bench(Impl::Raw),
    Path::WebSys,
    Path::Bench(Impl::Crate),
    Path::Bench(Impl::CrateCb),
    Path::Bench(Impl::Gloo),
    Path::Bench(Impl::Wsw),
];

/// The send loops [`send`](super::send) times.
pub const SEND_PATHS: [Path; 5] = [
    Path::Bench(Impl::Raw),
    Path::WebSys,
    Path::WebSysCopy,
    Path::CrateSend,
    Path::CrateSink,
];

/// The connect-close cycles [`connect_close`](super::connect_close) times.
pub const CONNECT_PATHS: [Path; 4] = [
    Path::Bench(Impl::Raw),
    Path::Raw1000,
    Path::Bench(Impl::Crate),
    Path::Bench(Impl::CrateCb),
];

/// The floods [`run_stream`](super::run_stream) times, on the classic socket and on `WebSocketStream`.
pub const STREAM_PATHS: [Path; 4] = [
    Path::Bench(Impl::Raw),
    Path::RawStream,
    Path::Bench(Impl::Crate),
    Path::Bench(Impl::CrateStream),
];
