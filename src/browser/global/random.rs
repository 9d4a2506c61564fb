//! The default source of randomness for backoff jitter.

/// A number in `[0, 1)` from `Math.random()`, which every global scope has.
pub(crate) fn random() -> f64 {
    js_sys::Math::random()
}
