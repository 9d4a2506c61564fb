//! The implementations `cargo xtask bench` compares, named once: the bench prints these
//! names in its `BENCH` lines and xtask reads them back, so the two cannot disagree.
//!
//! ```
//! use bench_impls::Impl;
//!
//! assert_eq!(Impl::CrateCb.name(), "crate-cb");
//! assert_eq!(Impl::from_name("crate-cb"), Some(Impl::CrateCb));
//! assert_eq!(Impl::peers().collect::<Vec<_>>(), [Impl::Gloo, Impl::Wsw]);
//! ```

use std::fmt;

/// One of the eight implementations of the same client code, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impl {
    /// Plain JavaScript, the baseline of every ratio but the `sink` rows' verdicts.
    Raw,
    /// Plain JavaScript again, in the same rounds: `raw-aa` / `raw` is the A/A comparison.
    RawAa,
    /// JavaScript that keeps `bufferedAmount` under the Sink's high mark: the `sink`
    /// rows' baseline, and only they run it.
    RawBounded,
    /// browser-websocket's `Stream` and `Sink` on the classic socket.
    Crate,
    /// browser-websocket's `connect_with` handler and `WeakSender`.
    CrateCb,
    /// browser-websocket's `Stream` and `Sink` on `WebSocketStream`, where it exists.
    CrateStream,
    /// gloo-net 0.7.
    Gloo,
    /// ws_stream_wasm 0.7.
    Wsw,
}

impl Impl {
    /// Every implementation, in table order.
    pub const ALL: [Impl; 8] = [
        Impl::Raw,
        Impl::RawAa,
        Impl::RawBounded,
        Impl::Crate,
        Impl::CrateCb,
        Impl::CrateStream,
        Impl::Gloo,
        Impl::Wsw,
    ];

    /// The name in `BENCH` lines, in `--only` and in the tables.
    pub const fn name(self) -> &'static str {
        match self {
            Impl::Raw => "raw",
            Impl::RawAa => "raw-aa",
            Impl::RawBounded => "raw-bounded",
            Impl::Crate => "crate",
            Impl::CrateCb => "crate-cb",
            Impl::CrateStream => "crate-stream",
            Impl::Gloo => "gloo",
            Impl::Wsw => "wsw",
        }
    }

    /// The implementation called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Impl> {
        Impl::ALL
            .into_iter()
            .find(|implementation| implementation.name() == name)
    }

    /// Its place in [`Impl::ALL`], for tables indexed by implementation.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// Whether it is a Rust wrapper of the browser's socket, judged against the baseline
    /// (the JavaScript ones are the baseline and its controls).
    pub const fn is_wrapper(self) -> bool {
        matches!(
            self,
            Impl::Crate | Impl::CrateCb | Impl::CrateStream | Impl::Gloo | Impl::Wsw
        )
    }

    /// Whether it is a peer crate, one the crate's `Stream` is held against.
    pub const fn is_peer(self) -> bool {
        matches!(self, Impl::Gloo | Impl::Wsw)
    }

    /// The wrappers, in table order.
    pub fn wrappers() -> impl Iterator<Item = Impl> {
        Impl::ALL
            .into_iter()
            .filter(|implementation| implementation.is_wrapper())
    }

    /// The peers, in table order.
    pub fn peers() -> impl Iterator<Item = Impl> {
        Impl::ALL
            .into_iter()
            .filter(|implementation| implementation.is_peer())
    }
}

/// The name, padded as the format asks (`{:<6}`).
impl fmt::Display for Impl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_as_its_implementation() {
        for implementation in Impl::ALL {
            assert_eq!(Impl::from_name(implementation.name()), Some(implementation));
            assert_eq!(implementation.to_string(), implementation.name());
        }
    }

    #[test]
    fn names_are_distinct_and_unknown_names_are_none() {
        for (i, a) in Impl::ALL.iter().enumerate() {
            for b in &Impl::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
            }
        }
        assert_eq!(Impl::from_name("websys"), None);
        assert_eq!(Impl::from_name("crate_cb"), None);
        assert_eq!(Impl::from_name(""), None);
    }

    #[test]
    fn the_index_is_the_place_in_table_order() {
        for (index, implementation) in Impl::ALL.into_iter().enumerate() {
            assert_eq!(implementation.index(), index);
        }
    }

    #[test]
    fn the_wrappers_and_the_peers_are_the_rust_ones() {
        assert_eq!(
            Impl::wrappers().collect::<Vec<_>>(),
            [
                Impl::Crate,
                Impl::CrateCb,
                Impl::CrateStream,
                Impl::Gloo,
                Impl::Wsw
            ]
        );
        assert_eq!(Impl::peers().collect::<Vec<_>>(), [Impl::Gloo, Impl::Wsw]);
        assert!(Impl::peers().all(Impl::is_wrapper));
    }

    #[test]
    fn display_pads_like_a_str() {
        assert_eq!(format!("{:<6}|", Impl::Wsw), "wsw   |");
        assert_eq!(format!("{:>8}", Impl::Crate), "   crate");
    }
}
